"""The page cache: anonymous page views served from the shared cache, fresh after every publish.

Stored: GET/HEAD responses of views that opt in (Wagtail's page serving and the URL names in
``PORTAL_PAGE_CACHE_URL_NAMES``; a view's ``portal_page_cache`` attribute decides first), for
requests without a session or messages cookie nor ``Authorization`` (never a logged-in user, a
visitor past a view-restriction password, a preview), when the response is a 200, not streamed,
sets no cookie, used no CSRF token (a form, such as a restriction's password form), stored nothing
in the session, is not ``private``/``no-cache``/``no-store`` and varies on no header the key
ignores. Each carries the publish generation it was rendered under (``portal.generation``): one
from an older generation is a miss. Stored responses answer conditional GETs (``ETag``,
``Last-Modified``) and say ``Cache-Control: public, max-age=PORTAL_PAGE_MAX_AGE``; uncacheable
ones of opted-in views say ``private, no-cache``. ``X-Portal-Cache``: ``hit``, ``miss``, ``bypass``.
"""

import hashlib
import logging
import time
from urllib.parse import parse_qsl, urlencode

from django.conf import settings
from django.http import HttpResponse
from django.utils.cache import cc_delim_re, get_conditional_response, patch_cache_control
from django.utils.http import http_date

from portal import generation

logger = logging.getLogger(__name__)

PAGE_KEY_PREFIX = "portal:page:"
STATUS_HEADER = "X-Portal-Cache"
# Query parameters that never change a page (analytics): dropped from the cache key.
IGNORED_QUERY_PARAMETERS = ("utm_", "fbclid", "gclid", "zarsrc", "_ga")
# Response headers a stored response may vary on: the key already separates these.
HARMLESS_VARY = {"accept-encoding", "accept-language"}
# Headers added on the way out by the server or outer middleware, not stored.
UNSTORED_HEADERS = {"set-cookie", STATUS_HEADER.lower(), "content-length"}


def enabled():
    return getattr(settings, "PORTAL_PAGE_CACHE", True)


def cache_key(request):
    """Host, path and the query string without analytics parameters."""
    query = sorted(
        (name, value)
        for name, value in parse_qsl(request.META.get("QUERY_STRING", ""), keep_blank_values=True)
        if not name.startswith(IGNORED_QUERY_PARAMETERS)
    )
    raw = f"{request.get_host()}{request.path}?{urlencode(query)}"
    return PAGE_KEY_PREFIX + hashlib.sha256(raw.encode("utf-8", "surrogateescape")).hexdigest()


def request_is_cacheable(request):
    if request.method not in ("GET", "HEAD") or getattr(request, "is_preview", False):
        return False
    cookies = {settings.SESSION_COOKIE_NAME, getattr(settings, "MESSAGE_COOKIE_NAME", "messages")}
    return not any(name in request.COOKIES for name in cookies) and not request.META.get("HTTP_AUTHORIZATION")


def _view_opted_in(request, view_func):
    flag = getattr(view_func, "portal_page_cache", None)
    if flag is not None:
        return flag
    match = getattr(request, "resolver_match", None)
    return (match.url_name if match else None) in getattr(settings, "PORTAL_PAGE_CACHE_URL_NAMES", ("wagtail_serve",))


def uncacheable_reason(request, response):
    """Why a response must not be stored, or None. ``"visitor"`` reasons make it private."""
    if response.status_code != 200 or response.streaming:
        return "status"
    if response.cookies or request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):
        return "visitor"
    session = getattr(request, "session", None)
    if session is not None and (session.modified or (session.accessed and not session.is_empty())):
        return "visitor"
    cache_control = response.get("Cache-Control", "").lower()
    if any(word in cache_control for word in ("private", "no-cache", "no-store")):
        return "visitor"
    if response.has_header("Vary"):
        varies = {v.strip().lower() for v in cc_delim_re.split(response["Vary"]) if v.strip()}
        if varies - HARMLESS_VARY:
            return "visitor"
    return None


class PageCacheMiddleware:
    """Serve and store anonymous responses; place it last in ``MIDDLEWARE``.

    Its state for a request is ``request.page_cache``: ``{"state": "lookup" | "bypass", "key": …}``.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        state = getattr(request, "page_cache", None)
        if state is None or state["state"] == "hit":
            return response  # not an opted-in view, the cache is off, or served from the cache
        reason = uncacheable_reason(request, response) if state["state"] == "lookup" else "visitor"
        if reason is None:
            response[STATUS_HEADER] = "miss"
            if request.method == "GET":
                rendered_at = self._store(request, response, state)
                return get_conditional_response(
                    request, etag=response["ETag"], last_modified=rendered_at, response=response
                )
            return response
        if reason == "visitor":
            cache_control = response.get("Cache-Control", "")
            if "private" not in cache_control and "no-store" not in cache_control:
                if "public" in cache_control:
                    del response["Cache-Control"]
                patch_cache_control(response, private=True, no_cache=True)
        response[STATUS_HEADER] = "bypass"
        return response

    def process_view(self, request, view_func, view_args, view_kwargs):
        if not (enabled() and _view_opted_in(request, view_func)):
            return None
        if not request_is_cacheable(request):
            request.page_cache = {"state": "bypass"}
            return None
        key = cache_key(request)
        current, stored = generation.for_request_with(request, key)
        if current is None:  # the shared cache is unreachable: render, store nothing
            request.page_cache = {"state": "bypass"}
            return None
        request.page_cache = {"state": "lookup", "key": key, "generation": current}
        if not stored or stored[0] != current:
            return None
        _generation, status, headers, content, rendered_at = stored
        request.page_cache["state"] = "hit"
        response = HttpResponse(content, status=status)
        for name, value in headers:
            response[name] = value
        response[STATUS_HEADER] = "hit"
        return get_conditional_response(
            request, etag=response.get("ETag"), last_modified=rendered_at, response=response
        )

    @staticmethod
    def _store(request, response, state):
        rendered_at = int(time.time())
        content = response.content
        if not response.has_header("ETag"):
            response["ETag"] = f'"{hashlib.md5(content, usedforsecurity=False).hexdigest()}"'
        response["Last-Modified"] = http_date(rendered_at)
        if "max-age" not in response.get("Cache-Control", ""):
            patch_cache_control(response, public=True, max_age=getattr(settings, "PORTAL_PAGE_MAX_AGE", 60))
        headers = [(name, value) for name, value in response.items() if name.lower() not in UNSTORED_HEADERS]
        value = (state["generation"], response.status_code, headers, content, rendered_at)
        generation.shared_cache().set(state["key"], value, getattr(settings, "PORTAL_PAGE_CACHE_TIMEOUT", 600))
        return rendered_at
