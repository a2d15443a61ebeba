"""Translatable snippets shared by several apps, and the base of every translatable snippet shown on
the public site."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import DraftStateMixin, LockableMixin, RevisionMixin, TranslatableMixin, WorkflowMixin
from wagtail.search import index
from wagtail.snippets.models import register_snippet


class ReviewedSnippet(WorkflowMixin, DraftStateMixin, LockableMixin, RevisionMixin, TranslatableMixin, models.Model):
    """A translatable snippet whose changes reach readers only when published.

    Saving keeps a draft (a revision); the row holds what readers see. Users holding the model's
    ``publish`` permission (editors and leadership, in their own language) publish directly; the
    others (translators) send their draft through the review workflow assigned to the snippet type
    ("Duyệt bản dịch", editorial/setup.py), which publishes on approval.
    """

    class Meta(TranslatableMixin.Meta):
        abstract = True


@register_snippet
class Department(ReviewedSnippet, index.Indexed):
    """A department (phòng, ban) of the union that writes articles and has a monthly quota."""

    name = models.CharField(_("name"), max_length=255)
    code = models.SlugField(_("code"), max_length=50, help_text=_("Short identifier, e.g. 'van-phong'."))
    monthly_quota = models.PositiveIntegerField(
        _("monthly article quota"), default=0, help_text=_("Articles the department must publish each month.")
    )
    email = models.EmailField(_("e-mail"), blank=True)
    established_on = models.DateField(
        _("established on"),
        null=True,
        blank=True,
        help_text=_("Months before the department existed are not counted against its quota."),
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("code"),
        FieldPanel("monthly_quota"),
        FieldPanel("established_on"),
        FieldPanel("email"),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("department")
        verbose_name_plural = _("departments")
        ordering = ["name"]

    def __str__(self):
        return self.name
