"""Pieces shared by the partner, project and directive pages."""

from django.db import models
from django.db.models import OuterRef, Subquery
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import PageChooserPanel
from wagtail.models import Orderable, Page

from portal.i18n import only_public
from portal.references import LINK_FIELDS


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


def localized_related_pages(page, request=None):
    """The live, public pages ``page`` points to through ``related_links``, in ``page``'s language.

    One query whatever the number of links: each link's target is matched by translation key.
    Plain Page rows, title and address only, keep it to one query whatever the mix of types.
    """
    if not page.pk:
        return []
    links = page.related_links.model.objects.filter(page_id=page.pk)
    order = links.filter(target__translation_key=OuterRef("translation_key")).order_by("sort_order")
    pages = (
        Page.objects.live()
        .filter(translation_key__in=links.values("target__translation_key"), locale_id=page.locale_id)
        .exclude(pk=page.pk)
        .annotate(link_order=Subquery(order.values("sort_order")[:1]))
        .only(*LINK_FIELDS)
        .order_by("link_order", "pk")
    )
    return only_public(pages, request)
