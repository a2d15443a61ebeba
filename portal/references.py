"""Links both ways: the pages that point at a page, found through Wagtail's reference index.

Wagtail records every reference a page makes (foreign keys, child relations such as "related
pages", page links in rich text and StreamField page choosers) in ``ReferenceIndex``. A page can
therefore list what points back at it without knowing the models that point at it.
"""

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField, IntegerField, OuterRef, Subquery
from django.db.models.functions import Cast
from wagtail.models import Page, ReferenceIndex

from portal.i18n import only_public


def _resolve_model(model):
    """A page model from a class or an ``"app_label.ModelName"`` string; None if not installed."""
    if model is None or not isinstance(model, str):
        return model
    try:
        return apps.get_model(model)
    except (LookupError, ValueError):
        return None


def referencing_page_ids(page):
    """A subquery of the ids of the pages that reference ``page`` or any of its translations."""
    page_type = ContentType.objects.get_for_model(Page)  # the base type the index records pages under
    targets = Page.objects.filter(translation_key=page.translation_key).values_list(
        Cast("pk", output_field=CharField(max_length=255)), flat=True
    )
    return ReferenceIndex.objects.filter(
        base_content_type=page_type, to_content_type=page_type, to_object_id__in=targets
    ).values_list(Cast("object_id", output_field=IntegerField()), flat=True)


# What a link to a page reads of it: its title and what its address is built from.
LINK_FIELDS = ("title", "path", "depth", "url_path", "locale", "translation_key", "content_type", "live")


def pages_linking_to(page, request=None, model=None, limit=None, order_by=("-first_published_at", "-pk")):
    """Live, public pages in ``page``'s language that link to ``page`` (or to one of its translations).

    ``model`` (a page class or ``"news.NewsPage"``) restricts the result to that type and returns
    instances of it; an unknown model gives an empty list. Without ``model`` plain ``Page``
    objects are returned. One query (the reference lookup is a subquery), plus the restricted-
    paths lookup that ``portal.i18n`` caches per request.
    """
    if page is None or not getattr(page, "pk", None):
        return []
    resolved = _resolve_model(model)
    if model is not None and resolved is None:
        return []
    queryset = (
        (resolved or Page)
        .objects.live()
        .filter(pk__in=referencing_page_ids(page), locale_id=page.locale_id)
        .exclude(translation_key=page.translation_key)
        .order_by(*order_by)
    )
    if resolved is None:
        queryset = queryset.only(*LINK_FIELDS)  # plain links: title and address
    if limit is not None:
        queryset = queryset[: limit * 2]  # room for pages dropped by view restrictions
    pages = only_public(queryset, request)
    return pages[:limit] if limit is not None else pages


def localized_related_pages(page, request=None):
    """The live, public pages ``page`` points to through ``related_links``, in ``page``'s language.

    Each link's target is matched by translation key, so a translation shows the targets in its
    own language, or not at all when they have no live translation; the editor's order is kept.
    Plain Page rows, title and address only: one query whatever the mix of types.
    """
    if not page.pk:
        return []
    model = page.related_links.model

    links = model.objects.filter(page_id=page.pk)
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
