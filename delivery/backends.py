"""Django's Redis cache, for a site that must keep answering while Redis is away.

Wagtail reads the default cache on every page view (``Site.get_site_root_paths``), as do the page
cache and the fragment keys. With Django's ``RedisCache`` a connection error reaches the view and
the reader gets a 500. Here, while Redis cannot be reached, reads are misses and writes are
dropped (logged), so pages are rendered from the database; redis-py reconnects by itself when
Redis is back. ``incr`` still raises: moving the publish generation must not fail silently.
"""

import logging

from django.core.cache.backends.redis import RedisCache
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger(__name__)

UNREACHABLE = (RedisConnectionError, RedisTimeoutError, OSError)


def unreachable(operation, error):
    logger.warning("Redis cache unreachable (%s: %s): serving without it.", operation, error)


class ResilientRedisCache(RedisCache):
    def get(self, key, default=None, version=None):
        try:
            return super().get(key, default, version)
        except UNREACHABLE as error:
            unreachable("get", error)
            return default

    def get_many(self, keys, version=None):
        try:
            return super().get_many(keys, version)
        except UNREACHABLE as error:
            unreachable("get_many", error)
            return {}

    def has_key(self, key, version=None):
        try:
            return super().has_key(key, version)
        except UNREACHABLE as error:
            unreachable("has_key", error)
            return False

    def add(self, key, value, *args, **kwargs):
        try:
            return super().add(key, value, *args, **kwargs)
        except UNREACHABLE as error:
            unreachable("add", error)
            return False

    def set(self, key, value, *args, **kwargs):
        try:
            return super().set(key, value, *args, **kwargs)
        except UNREACHABLE as error:
            unreachable("set", error)

    def set_many(self, data, *args, **kwargs):
        try:
            return super().set_many(data, *args, **kwargs)
        except UNREACHABLE as error:
            unreachable("set_many", error)
            return list(data)

    def touch(self, key, *args, **kwargs):
        try:
            return super().touch(key, *args, **kwargs)
        except UNREACHABLE as error:
            unreachable("touch", error)
            return False

    def delete(self, key, version=None):
        try:
            return super().delete(key, version)
        except UNREACHABLE as error:
            unreachable("delete", error)
            return False

    def delete_many(self, keys, version=None):
        try:
            return super().delete_many(keys, version)
        except UNREACHABLE as error:
            unreachable("delete_many", error)
