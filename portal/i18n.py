"""The two language trees (Vietnamese source, English translation) and the per-request facts
the site chrome needs, each fetched once per request.

Wagtail's ``.public()`` runs a query per call; pages here are checked against the list of view
restrictions instead. Each value is remembered for the publish generation (``portal.generation``:
it moves on every publish, move, restriction or settings change), and what the chrome shows from
them (menus, language links, ``hreflang``) is also cached as template fragments.
"""

from django.utils.translation import get_language
from wagtail.models import Locale, Page, PageViewRestriction, Site

from portal.generation import remember


def per_request(request, key, compute):
    """``compute()`` once per request (every call without a request computes)."""
    if request is None:
        return compute()
    memo = request.__dict__.setdefault("portal_i18n", {})
    if key not in memo:
        memo[key] = compute()
    return memo[key]


def restricted_paths(request=None):
    """Tree paths of every page with a view restriction (its descendants are restricted too)."""
    return per_request(
        request,
        "restricted",
        lambda: remember(
            request, "restricted-paths", lambda: tuple(PageViewRestriction.objects.values_list("page__path", flat=True))
        ),
    )


def is_public(page, request=None):
    return not any(page.path.startswith(path) for path in restricted_paths(request))


def only_public(pages, request=None):
    paths = restricted_paths(request)
    return [p for p in pages if not any(p.path.startswith(path) for path in paths)]


def exclude_restricted(queryset, request=None):
    """``queryset`` (of pages) without the pages under a view restriction, in its own SQL query
    (the restricted paths are known already: no query of their own)."""
    for path in restricted_paths(request):
        queryset = queryset.exclude(path__startswith=path)
    return queryset


def site_root(request=None):
    site = Site.find_for_request(request) if request is not None else None
    if site is None:
        site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    return site.root_page if site else None


def homes(request=None):
    """``{language_code: live home page}`` for this site: one query per request."""

    def compute():
        root = site_root(request)
        if root is None:
            return {}
        return remember(
            request,
            f"homes:{root.pk}",
            lambda: {
                p.locale.language_code: p
                for p in Page.objects.filter(translation_key=root.translation_key, live=True).select_related("locale")
            },
        )

    return per_request(request, "homes", compute)


def home_for_language(language_code, request=None):
    """The live home page of ``language_code`` for this site, or None."""
    return homes(request).get(language_code)


def live_translations(page, request=None):
    """``{language_code: page}`` for every live, public translation of ``page`` (itself included)."""
    if page is None or not getattr(page, "pk", None):
        return {}

    def compute():
        pages = remember(
            request,
            f"translations:{page.translation_key}",
            lambda: list(Page.objects.filter(translation_key=page.translation_key, live=True).select_related("locale")),
        )
        return {p.locale.language_code: p for p in only_public(pages, request)}

    return per_request(request, ("translations", page.translation_key), compute)


def menu_pages(language_code, request=None):
    """Children of the language's home page shown in menus."""

    def compute():
        home = home_for_language(language_code, request)
        if home is None:
            return []
        pages = remember(request, f"menu:{home.pk}", lambda: list(home.get_children().live().in_menu()))
        return only_public(pages, request)

    return per_request(request, ("menu", language_code), compute)


def active_locale(request=None):
    """The ``Locale`` of the active language."""
    language = get_language()
    return per_request(
        request, ("locale", language), lambda: remember(request, f"locale:{language}", Locale.get_active)
    )


def all_locales(request=None):
    """``{language_code: Locale}`` of every locale."""
    return per_request(
        request,
        "locales",
        lambda: {
            locale.language_code: locale for locale in remember(request, "locales", lambda: list(Locale.objects.all()))
        },
    )


def with_x_default(links):
    """``[(language, URL)…]`` and ``("x-default", URL in the default language)`` when there are
    several languages: readers of another language land on the Vietnamese original."""
    from django.conf import settings

    urls = dict(links)
    if len(urls) > 1 and settings.LANGUAGE_CODE in urls:
        return [*links, ("x-default", urls[settings.LANGUAGE_CODE])]
    return list(links)
