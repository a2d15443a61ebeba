"""The two language trees (Vietnamese source, English translation) and the per-request facts
the site chrome needs, each fetched once per request.

Wagtail's ``.public()`` runs a query per call; pages here are checked against the list of view
restrictions fetched once per request instead.
"""

from django.utils.translation import get_language
from wagtail.models import Locale, Page, PageViewRestriction, Site

from portal.cache import chrome, shared
from portal.routing import find_site


def _request_cache(request):
    if request is None:
        return {}
    cache = getattr(request, "_portal_chrome", None)
    if cache is None:
        cache = request._portal_chrome = {}
    return cache


def _all_restricted_paths():
    return tuple(PageViewRestriction.objects.values_list("page__path", flat=True))


def restricted_paths(request=None):
    """Tree paths of every page with a view restriction (its descendants are restricted too).

    Kept with the chrome in the shared cache: the generation moves whenever a restriction, or a
    page that carries one, changes (``portal.cache_signals``).
    """
    cache = _request_cache(request)
    if "restricted" not in cache:
        if request is not None:
            cache["restricted"] = chrome(request, "restricted-paths", _all_restricted_paths)
        else:
            cache["restricted"] = shared("restricted-paths", _all_restricted_paths)
    return cache["restricted"]


def is_public(page, request=None):
    return not any(page.path.startswith(path) for path in restricted_paths(request))


def only_public(pages, request=None):
    paths = restricted_paths(request)
    return [p for p in pages if not any(p.path.startswith(path) for path in paths)]


def site_root(request=None):
    site = find_site(request) if request is not None else None
    if site is None:
        site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    return site.root_page if site else None


def homes(request=None):
    """``{language_code: live home page}`` for this site: one query per request."""
    cache = _request_cache(request)
    if "homes" not in cache:
        root = site_root(request)
        pages = []
        if root is not None:
            pages = chrome(
                request,
                f"homes:{root.pk}",
                lambda: list(
                    Page.objects.filter(translation_key=root.translation_key, live=True).select_related("locale")
                ),
            )
        cache["homes"] = {p.locale.language_code: p for p in pages}
    return cache["homes"]


def home_for_language(language_code, request=None):
    """The live home page of ``language_code`` for this site, or None."""
    return homes(request).get(language_code)


def live_translations(page, request=None):
    """``{language_code: page}`` for every live, public translation of ``page`` (itself included)."""
    if page is None or not getattr(page, "pk", None):
        return {}
    cache = _request_cache(request)
    key = ("translations", page.pk)
    if key not in cache:
        pages = chrome(
            request,
            f"translations:{page.translation_key}",
            lambda: list(Page.objects.filter(translation_key=page.translation_key, live=True).select_related("locale")),
        )
        cache[key] = {p.locale.language_code: p for p in only_public(pages, request)}
    return cache[key]


def menu_pages(language_code, request=None):
    """Children of the language's home page shown in menus."""
    cache = _request_cache(request)
    key = ("menu", language_code)
    if key not in cache:
        home = home_for_language(language_code, request)
        pages = chrome(request, f"menu:{home.pk}", lambda: list(home.get_children().live().in_menu())) if home else []
        cache[key] = only_public(pages, request)
    return cache[key]


def active_locale(request=None):
    """The ``Locale`` of the active language (kept with the chrome when there is a request)."""
    return chrome(request, f"locale:{get_language()}", Locale.get_active)


def all_locales(request=None):
    """``{language_code: Locale}`` of every locale (kept with the chrome when there is a request)."""
    locales = chrome(request, "locales", lambda: list(Locale.objects.all()))
    return {locale.language_code: locale for locale in locales}


def with_x_default(links):
    """``[(language, URL)…]`` and ``("x-default", URL in the default language)`` when there are
    several languages: readers of another language land on the Vietnamese original."""
    from django.conf import settings

    urls = dict(links)
    if len(urls) > 1 and settings.LANGUAGE_CODE in urls:
        return [*links, ("x-default", urls[settings.LANGUAGE_CODE])]
    return list(links)
