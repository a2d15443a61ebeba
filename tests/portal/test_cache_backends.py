"""The portal's cache backends: the process-memory cache that holds Wagtail's renditions, and
the Redis cache that reuses its client."""

import time

import pytest

from portal.cache_backends import ProcessMemoryCache


@pytest.fixture
def memory_cache():
    cache = ProcessMemoryCache("test-process-memory", {"TIMEOUT": 60, "OPTIONS": {"MAX_ENTRIES": 3}})
    cache.clear()
    yield cache
    cache.clear()


def test_values_are_kept_as_they_are_not_copied(memory_cache):
    value = {"url": "/media/images/a.webp", "width": 400}
    memory_cache.set("rendition", value)
    assert memory_cache.get("rendition") is value
    assert memory_cache.get("missing", "default") == "default"


def test_add_does_not_replace_and_incr_counts(memory_cache):
    assert memory_cache.add("key", 1) is True
    assert memory_cache.add("key", 2) is False
    assert memory_cache.incr("key", 5) == 6
    assert memory_cache.get("key") == 6
    with pytest.raises(ValueError):
        memory_cache.incr("absent")


def test_entries_expire_and_the_oldest_are_culled(memory_cache):
    memory_cache.set("short", "gone soon", timeout=0.05)
    time.sleep(0.1)
    assert memory_cache.get("short") is None
    for number in range(10):
        memory_cache.set(f"entry-{number}", number)
    kept = [number for number in range(10) if memory_cache.get(f"entry-{number}") is not None]
    assert len(kept) <= 3
    assert 9 in kept


def test_the_renditions_cache_is_the_process_memory_cache():
    from django.conf import settings

    from portal.settings import base

    assert base.CACHES["renditions"]["BACKEND"] == "portal.cache_backends.ProcessMemoryCache"
    assert settings.CACHES["default"]["BACKEND"].endswith("LocMemCache")


@pytest.fixture(scope="module")
def redis_url(tmp_path_factory):
    from tests.performance.servers import RedisServer

    server = RedisServer(str(tmp_path_factory.mktemp("redis")))
    yield server.url
    server.stop()


def test_the_redis_cache_reuses_one_client_and_works_against_a_real_redis(redis_url):
    from portal.cache_backends import RedisCache

    cache = RedisCache(redis_url, {"KEY_PREFIX": "portal-test-client-reuse"})
    cache.clear()
    client = cache._cache.get_client(write=True)
    assert cache._cache.get_client() is client  # one server: reads and writes share the pool
    cache.set("tin", {"tiêu đề": "Hữu nghị Việt – Lào"}, 30)
    assert cache.get("tin") == {"tiêu đề": "Hữu nghị Việt – Lào"}
    assert cache.add("đếm", 1)
    assert cache.incr("đếm", 2) == 3
    cache.set_many({"a": 1, "b": 2})
    assert cache.get_many(["a", "b", "c"]) == {"a": 1, "b": 2}
    cache.delete("a")
    assert cache.get("a") is None
    assert cache._cache.get_client() is client
    cache.clear()
