"""Django's Redis cache, for a site that must keep answering while Redis is away.

Wagtail reads the default cache on every page view (``Site.get_site_root_paths``), as do the page
cache and the fragment keys. With Django's ``RedisCache`` a connection error reaches the view and
the reader gets a 500. Here, while Redis cannot be reached, reads are misses and writes are
dropped (logged), so pages are rendered from the database; redis-py reconnects by itself when
Redis is back. ``incr`` still raises: moving the publish generation must not fail silently.
"""

import functools
import logging

from django.core.cache.backends.redis import RedisCache
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger(__name__)

UNREACHABLE = (RedisConnectionError, RedisTimeoutError, OSError)


def unreachable(operation, error):
    logger.warning("Redis cache unreachable (%s: %s): serving without it.", operation, error)


def answers_while_unreachable(fallback):
    """Wrap a public method of ``RedisCache`` so that while Redis cannot be reached it logs and
    returns ``fallback(*arguments)`` instead of raising."""

    def wrap(method):
        @functools.wraps(method)
        def tolerant(self, *args, **kwargs):
            try:
                return method(self, *args, **kwargs)
            except UNREACHABLE as error:
                unreachable(method.__name__, error)
                return fallback(*args, **kwargs)

        return tolerant

    return wrap


class ResilientRedisCache(RedisCache):
    # Reads miss, writes are dropped (``set_many`` reports every key as not stored).
    get = answers_while_unreachable(lambda key, default=None, version=None: default)(RedisCache.get)
    get_many = answers_while_unreachable(lambda *args, **kwargs: {})(RedisCache.get_many)
    has_key = answers_while_unreachable(lambda *args, **kwargs: False)(RedisCache.has_key)
    add = answers_while_unreachable(lambda *args, **kwargs: False)(RedisCache.add)
    set = answers_while_unreachable(lambda *args, **kwargs: None)(RedisCache.set)
    set_many = answers_while_unreachable(lambda data, *args, **kwargs: list(data))(RedisCache.set_many)
    touch = answers_while_unreachable(lambda *args, **kwargs: False)(RedisCache.touch)
    delete = answers_while_unreachable(lambda *args, **kwargs: False)(RedisCache.delete)
    delete_many = answers_while_unreachable(lambda *args, **kwargs: None)(RedisCache.delete_many)
