"""Helpers for the two language trees (Vietnamese source, English translation)."""

from wagtail.models import Locale, Page, Site


def site_root(request=None):
    site = Site.find_for_request(request) if request is not None else None
    if site is None:
        site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    return site.root_page if site else None


def home_for_language(language_code, request=None):
    """The live home page of ``language_code`` for this site, or None."""
    cache = getattr(request, "_portal_homes", None) if request is not None else None
    if cache is not None and language_code in cache:
        return cache[language_code]
    root = site_root(request)
    home = None
    if root is not None:
        home = (
            Page.objects.filter(translation_key=root.translation_key, locale__language_code=language_code, live=True)
            .select_related("locale")
            .first()
        )
    if request is not None:
        if cache is None:
            cache = request._portal_homes = {}
        cache[language_code] = home
    return home


def live_translations(page):
    """``{language_code: page}`` for every live, public translation of ``page`` (itself included)."""
    if page is None or not getattr(page, "pk", None):
        return {}
    pages = (
        Page.objects.filter(translation_key=page.translation_key, live=True)
        .public()
        .select_related("locale")
        .order_by("locale__language_code")
    )
    return {p.locale.language_code: p for p in pages}


def active_locale():
    return Locale.get_active()
