"""Links to related sites (Liên kết website): VUFO, the provincial portal, the Ministry of Foreign
Affairs… Managed by editors as a translatable snippet and shown in the footer of every page."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import TranslatableMixin
from wagtail.snippets.models import register_snippet
from wagtail_localize.fields import SynchronizedField, TranslatableField

from portal.models.snippets import ReviewedSnippet
from portal.text import nfc


@register_snippet
class RelatedSite(ReviewedSnippet):
    name = models.CharField(_("name"), max_length=120, help_text=_("e.g. 'Ministry of Foreign Affairs'."))
    url = models.URLField(_("address"), help_text=_("The site's address, starting with https://"))
    sort_order = models.PositiveSmallIntegerField(
        _("position"), default=0, help_text=_("Links are shown from the smallest position to the largest.")
    )

    panels = [FieldPanel("name"), FieldPanel("url"), FieldPanel("sort_order")]
    translatable_fields = [TranslatableField("name"), SynchronizedField("url"), SynchronizedField("sort_order")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("related site")
        verbose_name_plural = _("related sites")
        ordering = ["sort_order", "name"]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.name = nfc(self.name)
        return super().save(*args, **kwargs)
