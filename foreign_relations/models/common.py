"""Pieces shared by the partner, project and directive pages."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import PageChooserPanel
from wagtail.models import Orderable


class RelatedPageBase(Orderable):
    """One page this page points to (an article, a partner, a project, a directive…).

    Translations copy these rows as they are; ``localized_related_pages`` shows each target in the
    reader's language, or not at all when it has no live translation.
    """

    target = models.ForeignKey("wagtailcore.Page", verbose_name=_("page"), on_delete=models.CASCADE, related_name="+")

    panels = [PageChooserPanel("target")]

    class Meta(Orderable.Meta):
        abstract = True
        verbose_name = _("related page")
        verbose_name_plural = _("related pages")
