"""The page chooser's breadcrumbs, with the titles the user may read (``editorial.chooser_views``)."""

from django import template
from django.urls import reverse
from wagtail.admin.views.pages.utils import get_breadcrumbs_items_for_page

from editorial.chooser_views import as_seen_by

register = template.Library()


@register.inclusion_tag("wagtailadmin/shared/breadcrumbs.html", takes_context=True)
def chooser_breadcrumbs(context, page, querystring_value=""):
    """Wagtail's chooser breadcrumbs (the ancestors of ``page``), each live ancestor the user may not
    edit titled with its live title rather than its latest draft's."""
    user = context["request"].user
    url_name = "wagtailadmin_choose_page_child"
    items = get_breadcrumbs_items_for_page(page, user, url_name, None, False, querystring_value)
    titles = {
        reverse(url_name, args=(ancestor.pk,)) + querystring_value: as_seen_by(ancestor, user).get_admin_display_title()
        for ancestor in page.get_ancestors().specific(defer=True)
    }
    for item in items:
        item["label"] = titles.get(item["url"], item["label"])
    return {"items": items, "is_expanded": True}
