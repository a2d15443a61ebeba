"""Page routing in two queries, whatever the depth of the page.

Wagtail routes ``/vi/tin-tuc/hoat-dong/bai-viet/`` one level at a time: a query for the site,
the active locale, the localized root and, for every level, the child and its specific row.
Here the site and the language homes come from the shared cache (``portal.cache.chrome``) and
every page on the path is fetched in one query by ``url_path``; only the page itself is then
loaded as its specific type. A page type that routes on its own (``RoutablePageMixin`` or any
``route`` override) gets the rest of the path exactly as Wagtail would hand it over.

The result is stored where Wagtail's ``Page.route_for_request`` looks for it
(``request._wagtail_route_for_request``), so Wagtail's serve view, hooks and view restrictions
run unchanged.
"""

import hashlib

from django.http import Http404
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Page, Site

from portal.cache import chrome, shared
from portal.prepared import PreparedQuery, kept


def find_site(request):
    """``Site.find_for_request`` from the shared cache; primes Wagtail's per-request site."""
    if hasattr(request, "_wagtail_site"):
        return request._wagtail_site
    hostname = request.get_host().rsplit(":", 1)[0] if ":" in request.get_host() else request.get_host()
    key = f"site:{hostname}:{request.get_port()}"
    site = chrome(request, key, lambda: Site._find_for_request(request))
    request._wagtail_site = site
    if not hasattr(request, "_wagtail_cached_site_root_paths"):
        # Where Wagtail's page URLs look for the site root paths before asking the shared cache.
        request._wagtail_cached_site_root_paths = chrome(request, "site-root-paths", Site.get_site_root_paths)
    return site


# The class that defines Wagtail's own ``route`` (``AbstractPage`` in Wagtail 8).
WAGTAIL_ROUTE_OWNER = next(klass for klass in Page.__mro__ if "route" in klass.__dict__)


def _route_kind(model):
    """``"page"`` for Wagtail's own routing, ``"routable"`` for RoutablePageMixin's unchanged,
    ``"custom"`` for anything else."""
    owners = [
        klass
        for klass in model.__mro__
        if "route" in klass.__dict__ and not klass.__dict__.get("routes_children_like_wagtail")
    ]
    if owners and owners[0] is WAGTAIL_ROUTE_OWNER:
        return "page"
    if len(owners) >= 2 and owners[0] is RoutablePageMixin and owners[1] is WAGTAIL_ROUTE_OWNER:
        return "routable"
    return "custom"


def _resolves_subpage(model, components):
    try:
        model.get_resolver().resolve("/" + "".join(f"{c}/" for c in components))
    except Http404:
        return False
    return True


def prime_route(request, path):
    """Compute the route of ``path`` for this request and store it for Wagtail's serve view."""
    if hasattr(request, "_wagtail_route_for_request"):
        return
    from portal.i18n import home_for_language

    site = find_site(request)
    if site is None:
        return  # Wagtail's own routing answers (404)
    from django.utils.translation import get_language

    root = home_for_language(get_language(), request)
    if root is None or root.translation_key != site.root_page.translation_key:
        root = site.root_page
    components = [component for component in path.split("/") if component]
    # The pages on the path, kept with the chrome when the path is exactly a page's address (not
    # a sub-route of a routable page nor a mistyped address, which could be made up endlessly).
    key = "route:" + hashlib.sha1(f"{root.pk}:{'/'.join(components)}".encode()).hexdigest()
    chain = chrome(
        request,
        key,
        lambda: _chain(root, components),
        cacheable=lambda chain: chain is not None and len(chain) == len(components) + 1,
    )
    if chain is None:
        return  # left to Wagtail's own routing
    request._portal_route_chain = chain
    try:
        result = _route(request, chain, components)
    except Http404:
        result = None
    request._wagtail_route_for_request = result


def _chain(root, components):
    """``[root, page at level 1, …]``: the pages whose addresses start the path (one query), or
    None when they do not form one branch of the tree."""
    prefixes = {root.url_path + "".join(f"{c}/" for c in components[:i]) for i in range(1, len(components) + 1)}
    # Slugs are indexed; url_path is not. Pages of other branches with the same slugs are dropped.
    candidates = Page.objects.filter(
        slug__in={c for c in components}, depth__gt=root.depth, depth__lte=root.depth + len(components)
    ).filter(path__startswith=root.path)
    chain = [root] + sorted((p for p in candidates if p.url_path in prefixes), key=lambda p: p.depth)
    # The chain must be one page per level, each the parent of the next; anything else is left
    # to Wagtail's own routing.
    for index, page in enumerate(chain):
        if page.depth != root.depth + index or (index and not page.path.startswith(chain[index - 1].path)):
            return None
    return chain


def _route(request, chain, components):
    for index, page in enumerate(chain):
        model = page.specific_class
        if model is None:
            raise Http404
        remaining = components[index:]
        kind = _route_kind(model)
        # A routable page answers its own sub-paths first (only when live), then its children.
        delegate = (
            index == len(components)
            or kind == "custom"
            or (kind == "routable" and page.live and _resolves_subpage(model, remaining))
        )
        if delegate:
            specific = _load_specific(page, model)
            if index:
                specific._cached_parent_obj = _specific_parents(request, chain, index)[-1]
            return specific.route(request, remaining)
    raise Http404  # a level of the path does not exist


def _load_specific(page, model):
    """``page`` as its specific type in one query, with its locale and what the model asks for
    (``route_select_related``)."""
    related = ("locale", *getattr(model, "route_select_related", ()))
    # Unordered: the primary key gives one row at most, and ordering by it would make Django
    # compare every selected column with the ordering (a noticeable cost on wide pages).
    query = kept(
        ("specific-page", model),
        lambda: PreparedQuery(lambda pk: model.objects.select_related(*related).filter(pk=pk).order_by()[:1], pk=int),
    )
    found = query.fetch(pk=page.pk)
    return found[0] if found else page.specific


def _specific_parents(request, chain, index):
    """The pages above ``chain[index]``, below the language home, as their specific types, each
    linked to its parent (breadcrumbs and section pages read them without a query).

    They are the site's sections (news index, news sections…): kept with the chrome, under the
    generation that moves on every publish, so a view of an article loads only the article.
    """

    def compute():
        parents, previous = [], chain[0]
        for page in chain[1:index]:
            specific = page.specific
            specific._cached_parent_obj = previous
            parents.append(specific)
            previous = specific
        return parents

    if index <= 1:
        return [chain[0]]
    return chrome(request, "route-parents:" + ",".join(str(page.pk) for page in chain[1:index]), compute)


def paths_needing_restriction_check():
    """Tree paths under which Wagtail's own view-restriction check must run: pages with a
    restriction and alias pages (an alias takes the restrictions of the page it mirrors)."""

    def compute():
        from portal.i18n import restricted_paths

        restricted = restricted_paths()
        aliases = Page.objects.filter(alias_of__isnull=False).values_list("path", flat=True)
        return tuple(sorted(set(restricted) | set(aliases)))

    return shared("restriction-check-paths", compute)


def may_be_restricted(page):
    """False when neither ``page`` nor an ancestor has a view restriction or is an alias."""
    if page.alias_of_id is not None:
        return True
    return any(page.path.startswith(path) for path in paths_needing_restriction_check())
