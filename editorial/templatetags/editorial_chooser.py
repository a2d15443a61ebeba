"""Page breadcrumbs with the titles the user may read (``editorial.chooser_views.as_seen_by``): in the
page chooser and in the page explorer's header."""

from django import template
from django.urls import reverse
from wagtail.admin.views.pages.utils import get_breadcrumbs_items_for_page

from editorial.chooser_views import as_seen_by

register = template.Library()


def breadcrumbs_seen_by(user, page, url_name, root_url_name=None, include_self=True, querystring_value=""):
    """Wagtail's breadcrumbs items of ``page``, each live page the user may not edit titled with its
    live title rather than its latest draft's."""
    items = get_breadcrumbs_items_for_page(page, user, url_name, root_url_name, include_self, querystring_value)
    titles = {}
    for ancestor in page.get_ancestors(inclusive=include_self).specific(defer=True):
        if ancestor.is_root() and root_url_name:
            url = reverse(root_url_name)
        else:
            url = reverse(url_name, args=(ancestor.pk,))
        titles[url + querystring_value] = as_seen_by(ancestor, user).get_admin_display_title()
    for item in items:
        item["label"] = titles.get(item["url"], item["label"])
    return items


@register.inclusion_tag("wagtailadmin/shared/breadcrumbs.html", takes_context=True)
def chooser_breadcrumbs(context, page, querystring_value=""):
    """The page chooser's breadcrumbs (the ancestors of the page being browsed)."""
    user = context["request"].user
    items = breadcrumbs_seen_by(user, page, "wagtailadmin_choose_page_child", None, False, querystring_value)
    return {"items": items, "is_expanded": True}


@register.inclusion_tag("wagtailadmin/shared/breadcrumbs.html", takes_context=True)
def explorer_breadcrumbs(context, page, icon_name=None):
    """The page explorer's breadcrumbs (the page explored and its ancestors)."""
    user = context["request"].user
    items = breadcrumbs_seen_by(user, page, "wagtailadmin_explore", "wagtailadmin_explore_root")
    return {"items": items, "is_expanded": len(items) == 1, "icon_name": icon_name}
