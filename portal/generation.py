"""The publish generation: one number in the shared cache that every publish moves (``delivery``
moves it). What is cached under it (pages, fragments, remembered values) is stale once it moves,
on every server. It is time-based: a key lost to eviction or a flush never brings old entries back.
"""

import contextvars
import logging
import time
from contextlib import contextmanager

from django.conf import settings
from django.core.cache import caches
from django.db import transaction

logger = logging.getLogger(__name__)

GENERATION_KEY = "portal:pages:generation"
_MISSING = object()
_deferred = contextvars.ContextVar("portal_generation_deferred", default=None)


def shared_cache():
    """The cache every server shares (Redis in production): pages and the generation."""
    return caches[getattr(settings, "PORTAL_PAGE_CACHE_ALIAS", "default")]


def local_cache():
    """This process's own cache: fragments and remembered values, keyed by the generation."""
    return caches[getattr(settings, "PORTAL_FRAGMENT_CACHE_ALIAS", "local")]


def current():
    """The current generation, or None when the shared cache cannot be read."""
    cache = shared_cache()
    generation = cache.get(GENERATION_KEY)
    if generation is None:
        cache.add(GENERATION_KEY, time.time_ns() // 1000, None)
        generation = cache.get(GENERATION_KEY)
    return generation


def bump():
    """Make everything cached under the current generation stale, on every server."""
    cache = shared_cache()
    try:
        try:
            cache.incr(GENERATION_KEY)
        except ValueError:  # missing: first use, flushed or evicted
            cache.set(GENERATION_KEY, time.time_ns() // 1000, None)
    except Exception:  # the cache being down must never break publishing
        logger.exception("Could not move the publish generation.")


def invalidate():
    """Move the generation now, and again once the transaction commits (a page another server
    renders from data read before the commit cannot outlive it); within :func:`deferred`, once."""
    pending = _deferred.get()
    if pending is not None:
        pending.append(True)
        return
    bump()
    transaction.on_commit(bump)


@contextmanager
def deferred():
    """Within the block, the generation moves once, when it ends: a bulk change (an import) keeps
    readers served from the cache while it is written, and writes the shared cache once."""
    if _deferred.get() is not None:  # nested: the outer block moves it
        yield
        return
    pending = []
    token = _deferred.set(pending)
    try:
        yield
    finally:
        _deferred.reset(token)
        if pending:
            invalidate()


def for_request(request):
    """The generation this request works with, read once; None for previews (drafts are never
    cached) and while the shared cache is unreachable."""
    if request is None:
        return None
    generation = getattr(request, "publish_generation", _MISSING)
    if generation is _MISSING:
        generation = None if getattr(request, "is_preview", False) else current()
        request.publish_generation = generation
    return generation


def for_request_with(request, key):
    """``(generation, value of key in the shared cache)`` in one round trip (a cached page and the
    generation it must carry); ``(None, None)`` as in :func:`for_request`."""
    if request is None or getattr(request, "is_preview", False):
        return for_request(request), None
    if getattr(request, "publish_generation", _MISSING) is not _MISSING:
        return request.publish_generation, shared_cache().get(key)
    found = shared_cache().get_many([GENERATION_KEY, key])
    generation = found.get(GENERATION_KEY)
    if generation is None:  # first use, evicted or flushed, or the cache unreachable
        return for_request(request), None
    request.publish_generation = generation
    return generation, found.get(key)


def remember(request, name, compute):
    """``compute()``, kept in this process for the request's generation under ``name``.

    ``name`` must say everything the value depends on besides published content (a page's id,
    the language). Without a generation (a preview, the cache down) it is simply computed. Without
    a request, the current generation is read.
    """
    generation = for_request(request) if request is not None else current()
    if generation is None or not getattr(settings, "PORTAL_REMEMBER", True):
        return compute()
    key = f"remember:{generation}:{name}"
    cache = local_cache()
    value = cache.get(key, _MISSING)
    if value is _MISSING:
        value = compute()
        cache.set(key, value, getattr(settings, "PORTAL_PAGE_CACHE_TIMEOUT", 600))
    return value
