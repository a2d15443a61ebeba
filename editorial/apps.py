from django.apps import AppConfig
from django.db.models.signals import post_migrate, pre_save
from django.utils.translation import gettext_lazy as _


class EditorialConfig(AppConfig):
    name = "editorial"
    verbose_name = _("Editorial board")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from wagtail.signals import page_published, task_approved
        from wagtail_localize.models import StringTranslation

        from editorial import approvals, signals, slugs

        task_approved.connect(approvals.send_approval_comment, dispatch_uid="editorial-approval-comment")

        slugs.register_slug_field_override()
        pre_save.connect(slugs.fold_translated_slug, sender=StringTranslation, dispatch_uid="editorial-fold-slug")
        post_migrate.connect(signals.setup_after_migrate, sender=self)
        page_published.connect(signals.setup_after_publish, dispatch_uid="editorial-setup-after-publish")
