"""The page cache: anonymous page views served from the shared cache, fresh after every publish.

Every app server reads and writes the ``default`` cache (Redis when ``REDIS_URL`` is set, local
memory otherwise), so one server serves at once what another has just published.

What is cached
    GET/HEAD requests, without a session cookie (so never a logged-in user, a visitor who
    entered a view-restriction password, nor a preview: previews are admin URLs), to views
    that opt in: Wagtail's page serving and the URL names in ``PORTAL_PAGE_CACHE_URL_NAMES``
    (search, sitemap, feeds), or a view decorated with :func:`cache_public`.
    A response is stored only when it is a 200 that is not streamed, sets no cookie, used no
    CSRF token (a page with a form), stored nothing in the session, asks for no
    ``private``/``no-cache``/``no-store``, varies on no request header the cache key ignores,
    and, for a page, has no view restriction.

Invalidation
    One site-wide generation number (``GENERATION_KEY``). Each stored response carries the
    generation it was rendered under, and a stored response from an older generation is a miss.
    The generation moves on publish, unpublish, move, delete and translation publish (which
    wagtail-localize does through ``page_published``), on saves of a live page, and on saves of
    what the chrome shows on every page: settings, snippets, images, sites, locales and view
    restrictions. It moves again after the transaction commits, so that a response rendered by
    another server from data read before the commit cannot outlive it.

Headers
    Stored responses carry ``ETag`` and ``Last-Modified`` (the time of rendering) and answer
    conditional GETs with 304; ``Cache-Control: public, max-age=PORTAL_PAGE_MAX_AGE``. Responses
    of opted-in views that are not cacheable get ``Cache-Control: private, no-cache``.
    ``X-Portal-Cache`` says ``hit``, ``miss`` or ``bypass``.
"""

import contextvars
import hashlib
import logging
import time
from urllib.parse import parse_qsl, urlencode

from django.conf import settings
from django.core.cache import caches
from django.db import transaction
from django.http import HttpResponse
from django.utils.cache import cc_delim_re, get_conditional_response, patch_cache_control
from django.utils.http import http_date

from portal.memo import Memo

logger = logging.getLogger(__name__)

GENERATION_KEY = "portal:pages:generation"
PAGE_KEY_PREFIX = "portal:page:"
STATUS_HEADER = "X-Portal-Cache"

# Query parameters that never change a page (analytics): dropped from the cache key.
IGNORED_QUERY_PARAMETERS = ("utm_", "fbclid", "gclid", "zarsrc", "_ga")
# Response headers a stored response may vary on: the key already separates these.
HARMLESS_VARY = {"accept-encoding", "accept-language"}
# Headers added on the way out by the server or outer middleware, not stored.
UNSTORED_HEADERS = {"set-cookie", STATUS_HEADER.lower(), "content-length"}


def _setting(name, default):
    return getattr(settings, name, default)


def enabled():
    return _setting("PORTAL_PAGE_CACHE", True)


def _cache():
    return caches[_setting("PORTAL_PAGE_CACHE_ALIAS", "default")]


def _new_generation():
    # Time-based, so a generation key lost to eviction never brings back older responses.
    return time.time_ns() // 1000


def current_generation(cache=None):
    cache = cache or _cache()
    generation = cache.get(GENERATION_KEY)
    if generation is None:
        cache.add(GENERATION_KEY, _new_generation(), None)
        generation = cache.get(GENERATION_KEY)
    return generation


def bump_generation():
    """Make every stored response stale, on every app server sharing the cache."""
    cache = _cache()
    try:
        try:
            cache.incr(GENERATION_KEY)
        except ValueError:  # missing (first use, flushed or evicted)
            cache.set(GENERATION_KEY, _new_generation(), None)
    except Exception:  # the cache being down must never break publishing
        logger.exception("Could not invalidate the page cache.")


def invalidate():
    """Invalidate now and again once the current transaction commits (see the module docstring)."""
    bump_generation()
    transaction.on_commit(bump_generation)


def cache_public(view):
    """Mark a view's responses as cacheable for anonymous visitors (see the module docstring)."""
    view.portal_page_cache = True
    return view


def cache_key(request):
    """The key of a request: host, path and the query string without analytics parameters."""
    query = [
        (name, value)
        for name, value in parse_qsl(request.META.get("QUERY_STRING", ""), keep_blank_values=True)
        if not name.startswith(IGNORED_QUERY_PARAMETERS)
    ]
    query.sort()
    raw = f"{request.get_host()}{request.path}?{urlencode(query)}"
    return PAGE_KEY_PREFIX + hashlib.sha256(raw.encode("utf-8", "surrogateescape")).hexdigest()


def _cookie_names():
    names = {settings.SESSION_COOKIE_NAME}
    # The messages framework keeps pending messages in this cookie; a page may show them.
    names.add(_setting("MESSAGE_COOKIE_NAME", "messages"))
    return names


def request_is_cacheable(request):
    if request.method not in ("GET", "HEAD"):
        return False
    if getattr(request, "is_preview", False):
        return False
    if any(name in request.COOKIES for name in _cookie_names()):
        return False
    if request.META.get("HTTP_AUTHORIZATION"):
        return False
    return True


def _view_opted_in(request, view_func):
    flag = getattr(view_func, "portal_page_cache", None)
    if flag is not None:
        return flag
    match = getattr(request, "resolver_match", None)
    url_name = match.url_name if match else None
    return url_name in _setting("PORTAL_PAGE_CACHE_URL_NAMES", ("wagtail_serve",))


def uncacheable_reason(request, response):
    """Why a response must not be stored, or None. ``"visitor"`` reasons make it private."""
    if response.status_code != 200 or response.streaming:
        return "status"
    if response.cookies:
        return "visitor"
    if request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):
        return "visitor"  # the page carries a CSRF token (a form): it belongs to one visitor
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
    route = getattr(request, "_wagtail_route_for_request", None)
    if route and not _page_is_public(route[0], request):
        return "visitor"
    return None


def _page_is_public(page, request):
    from portal.i18n import is_public

    return is_public(page, request)


def _conditional(request, response, etag, last_modified):
    return get_conditional_response(request, etag=etag, last_modified=last_modified, response=response)


# The most recently served pages are also kept in each process, with the generation they were
# rendered under: a hit then reads only the generation from the shared cache (a few bytes, not
# the page), and a publish on any server still makes the copy stale at once.
_PAGE_MEMO = Memo("PORTAL_PAGE_MEMO_SIZE", 256)


def forget_pages():
    """Drop this process's copies of pages (tests; the generation makes them stale anyway)."""
    _PAGE_MEMO.clear()


class PageCacheMiddleware:
    """Serve and store anonymous responses; place it last in ``MIDDLEWARE``."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _REQUEST_GENERATION.set(None)
        scope = _IN_REQUEST.set(True)
        try:
            response = self.get_response(request)
        finally:
            _IN_REQUEST.reset(scope)
            _REQUEST_GENERATION.reset(token)
        state = getattr(request, "_portal_cache_state", None)
        if state is None:
            return response  # not an opted-in view, or the cache is off
        if state == "hit":
            return response
        reason = uncacheable_reason(request, response) if state == "lookup" else "visitor"
        if reason is None:
            response[STATUS_HEADER] = "miss"
            if request.method != "GET":
                return response
            self._store(request, response)
            return _conditional(request, response, response["ETag"], request._portal_cache_rendered_at)
        if reason == "visitor":
            self._mark_private(response)
        response[STATUS_HEADER] = "bypass"
        return response

    def process_view(self, request, view_func, view_args, view_kwargs):
        if enabled() and _view_opted_in(request, view_func):
            response = self._lookup(request)
            if response is not None:
                return response
        match = getattr(request, "resolver_match", None)
        if match and match.url_name == "wagtail_serve" and _setting("PORTAL_FAST_ROUTING", True):
            from portal.routing import prime_route

            path = view_kwargs.get("path", view_args[0] if view_args else "")
            prime_route(request, path or "")
        return None

    def _lookup(self, request):
        if not request_is_cacheable(request):
            request._portal_cache_state = "bypass"
            return None
        request._portal_cache_state = "lookup"
        cache = _cache()
        key = cache_key(request)
        request._portal_cache_key = key
        memo = _PAGE_MEMO.get(key)
        try:
            if memo is not None:
                # This process has a copy: only the generation is read, to know it still holds.
                values = {GENERATION_KEY: cache.get(GENERATION_KEY)}
                if values[GENERATION_KEY] != memo[0]:
                    _PAGE_MEMO.pop(key)
                    values = cache.get_many([GENERATION_KEY, key])
            else:
                values = cache.get_many([GENERATION_KEY, key])
        except Exception:
            logger.exception("Could not read the page cache.")
            request._portal_cache_state = "bypass"
            return None
        generation = values.get(GENERATION_KEY)
        if generation is None:
            generation = current_generation(cache)
        remember_generation(request, generation)
        stored = memo if memo is not None and memo[0] == generation else values.get(key)
        if not stored or stored[0] != generation:
            return None
        if stored is not memo:
            _PAGE_MEMO.put(key, stored)
        _generation, status, headers, content, rendered_at = stored
        request._portal_cache_state = "hit"
        response = HttpResponse(content, status=status)
        for name, value in headers:
            response[name] = value
        response[STATUS_HEADER] = "hit"
        return _conditional(request, response, response.get("ETag"), rendered_at)

    def _store(self, request, response):
        rendered_at = int(time.time())
        request._portal_cache_rendered_at = rendered_at
        content = response.content
        if not response.has_header("ETag"):
            response["ETag"] = f'"{hashlib.md5(content, usedforsecurity=False).hexdigest()}"'
        response["Last-Modified"] = http_date(rendered_at)
        if "max-age" not in response.get("Cache-Control", ""):
            patch_cache_control(response, public=True, max_age=_setting("PORTAL_PAGE_MAX_AGE", 60))
        headers = [(name, value) for name, value in response.items() if name.lower() not in UNSTORED_HEADERS]
        value = (request._portal_cache_generation, response.status_code, headers, content, rendered_at)
        try:
            _cache().set(request._portal_cache_key, value, _setting("PORTAL_PAGE_CACHE_TIMEOUT", 600))
        except Exception:
            logger.exception("Could not write the page cache.")
        _PAGE_MEMO.put(request._portal_cache_key, value)

    @staticmethod
    def _mark_private(response):
        cache_control = response.get("Cache-Control", "")
        if "private" not in cache_control and "no-store" not in cache_control:
            if "public" in cache_control:
                del response["Cache-Control"]
            patch_cache_control(response, private=True, no_cache=True)


# The site chrome (sites, language homes, menus, translations, settings) in the shared cache,
# under the same generation as the pages, so it changes with every publish.


# Chrome values of the current generation are also kept in this process, so a view reads the
# shared cache once (the generation) instead of once per value. The generation is still read from
# the shared cache on every request, so a publish on any server is seen at once.
_MISSING = object()
_PROCESS_MEMO = {"generation": None, "values": {}}
PROCESS_MEMO_SIZE = 5000


def _from_process_memo(generation, name):
    if _PROCESS_MEMO["generation"] != generation:
        return _MISSING
    return _PROCESS_MEMO["values"].get(name, _MISSING)


def _to_process_memo(generation, name, value):
    if _PROCESS_MEMO["generation"] != generation or len(_PROCESS_MEMO["values"]) >= PROCESS_MEMO_SIZE:
        _PROCESS_MEMO["values"] = {}
        _PROCESS_MEMO["generation"] = generation
    _PROCESS_MEMO["values"][name] = value


# The generation read by the request being served, for code that has no request at hand (a
# model method called by Wagtail): set by request_generation, cleared by PageCacheMiddleware at the
# start and end of every request, so it never outlives the request that read it.
_REQUEST_GENERATION = contextvars.ContextVar("portal_request_generation", default=None)
# Only within a request served through PageCacheMiddleware: a command that builds a request of
# its own (no middleware to clear it) must not leave a generation behind.
_IN_REQUEST = contextvars.ContextVar("portal_in_request", default=False)


def request_generation(request):
    """The generation, read once per request (``None`` without a request)."""
    if request is None:
        return None
    generation = getattr(request, "_portal_cache_generation", None)
    if generation is None:
        try:
            generation = current_generation()
        except Exception:
            logger.exception("Could not read the page cache generation.")
            return None
        remember_generation(request, generation)
    return generation


def remember_generation(request, generation):
    """The generation this request works with (for code without the request, see above)."""
    request._portal_cache_generation = generation
    if _IN_REQUEST.get():
        _REQUEST_GENERATION.set(generation)


def shared(name, compute):
    """``compute()`` kept in the shared cache for the current generation, without a request.

    Inside a request that has read the generation already, neither the generation nor the value
    (once this process has it) costs a round trip to the shared cache.
    """
    cache = _cache()
    try:
        generation = _REQUEST_GENERATION.get()
        if generation is None:
            generation = current_generation(cache)
        value = _from_process_memo(generation, name)
        if value is not _MISSING:
            return value
        key = f"portal:chrome:{generation}:{name}"
        stored = cache.get(key)
    except Exception:
        logger.exception("Could not read the chrome cache.")
        return compute()
    if stored is not None:
        _to_process_memo(generation, name, stored[0])
        return stored[0]
    value = compute()
    try:
        cache.set(key, (value,), _setting("PORTAL_PAGE_CACHE_TIMEOUT", 600))
    except Exception:
        logger.exception("Could not write the chrome cache.")
    _to_process_memo(generation, name, value)
    return value


def chrome(request, name, compute, cacheable=None):
    """``compute()`` kept in the shared cache for the current generation (computed once per request).

    Without a request, or with the cache unavailable, it is simply computed. ``cacheable``, when
    given, decides from a computed value whether it is kept beyond this request.
    """
    per_request = getattr(request, "_portal_chrome_shared", None) if request is not None else None
    if per_request is None and request is not None:
        per_request = request._portal_chrome_shared = {}
    if per_request is not None and name in per_request:
        return per_request[name]
    generation = request_generation(request)
    if generation is None:
        value = compute()
    else:
        value = _from_process_memo(generation, name)
        if value is _MISSING:
            key = f"portal:chrome:{generation}:{name}"
            cache = _cache()
            try:
                stored = cache.get(key)
            except Exception:
                logger.exception("Could not read the chrome cache.")
                stored = None
            if stored is not None:
                value = stored[0]
                _to_process_memo(generation, name, value)
            else:
                value = compute()
                if cacheable is None or cacheable(value):
                    try:
                        cache.set(key, (value,), _setting("PORTAL_PAGE_CACHE_TIMEOUT", 600))
                    except Exception:
                        logger.exception("Could not write the chrome cache.")
                    _to_process_memo(generation, name, value)
    if per_request is not None:
        per_request[name] = value
    return value
