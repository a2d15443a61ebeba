"""Routing below a language's home page (``HomePage.route``, Wagtail's documented override).

Wagtail's ``Page.route`` goes down one level at a time, two queries per level. Here the pages whose
addresses start the path are read in one query, and the rest of the path goes to the right page's
own ``route``, so the answer is Wagtail's: a page on the way that answers sub-paths itself (a live
``RoutablePageMixin`` page with a matching route, or a ``route`` of its own) gets the rest, else the
deepest page found does (itself, a sub-route, or Wagtail's 404). The answering page is remembered
for the publish generation. ``PORTAL_PATH_ROUTING = False`` (``PATH_ROUTING=false``): Wagtail's.
"""

import hashlib

from django.conf import settings
from django.http import Http404
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Page

from portal.generation import remember


def pages_on_path(root, components):
    """``[page at level 1, level 2, …]``: plain pages whose addresses start the path, in one query."""
    prefixes = [root.url_path + "".join(f"{c}/" for c in components[: i + 1]) for i in range(len(components))]
    # Slugs and tree paths are indexed, url_path is not: pages of other branches are dropped below.
    candidates = Page.objects.filter(
        slug__in=set(components),
        depth__gt=root.depth,
        depth__lte=root.depth + len(components),
        path__startswith=root.path,
    )
    by_address = {page.url_path: page for page in candidates}
    chain = []
    for prefix in prefixes:
        page = by_address.get(prefix)
        if page is None or (chain and not page.path.startswith(chain[-1].path)):
            break
        chain.append(page)
    return chain


def _answers_itself(page, rest):
    """Whether ``page`` (on the way down) answers ``rest`` of the path rather than a child."""
    model = page.specific_class
    if model is None:
        raise Http404
    if getattr(model, "route_children_first", False) or model.route is Page.route:
        return False  # Wagtail's child lookup (news indexes look their children up first)
    if issubclass(model, RoutablePageMixin) and model.route is RoutablePageMixin.route:
        if not page.live:
            return False
        try:
            model.get_resolver().resolve("/" + "".join(f"{c}/" for c in rest))
        except Http404:
            return False
        return True
    return True  # a route of its own: it decides


def answering_page(root, components):
    """``(page, level)``: the specific page on the path that answers it, read with what its
    template shows (``route_select_related``), and its level below ``root``; or None."""
    chain = pages_on_path(root, components)
    for level, page in enumerate(chain):
        if level == len(chain) - 1 or _answers_itself(page, components[level + 1 :]):
            model = page.specific_class
            if model is None:
                raise Http404
            related = ("locale", *getattr(model, "route_select_related", ()))
            return model.objects.select_related(*related).get(pk=page.pk), level
    return None


def route_below(root, request, components, wagtail_route):
    if not components or not getattr(settings, "PORTAL_PATH_ROUTING", True):
        return wagtail_route(request, components)
    # Which page answers a path, and that page's live content, change only when pages are
    # published, moved or deleted, all of which move the publish generation: the page is
    # remembered for it (a copy per request: the local cache pickles), so a view reads no page.
    path = "/".join(components)
    key = f"route:{root.pk}:{hashlib.sha256(path.encode('utf-8', 'surrogateescape')).hexdigest()}"
    found = remember(request, key, lambda: answering_page(root, components))
    if found is None:
        return wagtail_route(request, components)
    page, level = found
    return page.route(request, components[level + 1 :])
