"""The shared cache's backend: Django's Redis cache that keeps the site answering while Redis is
away, and the caches kept in each process."""

import pytest
from redis.exceptions import RedisError

from delivery.backends import ResilientRedisCache
from tests.performance.servers import RedisServer


@pytest.fixture
def own_redis(tmp_path):
    server = RedisServer(str(tmp_path), own=True)
    yield server
    server.stop()


def _cache(url):
    return ResilientRedisCache(
        url,
        {"KEY_PREFIX": "portal-test-resilient", "OPTIONS": {"socket_connect_timeout": 0.25, "socket_timeout": 0.25}},
    )


def test_it_is_djangos_redis_cache_against_a_real_redis(own_redis):
    cache = _cache(own_redis.url)
    cache.set("tin", {"tiêu đề": "Hữu nghị Việt – Lào"}, 30)
    assert cache.get("tin") == {"tiêu đề": "Hữu nghị Việt – Lào"}
    assert cache.add("đếm", 1) and not cache.add("đếm", 5)
    assert cache.incr("đếm", 2) == 3
    cache.set_many({"a": 1, "b": 2})
    assert cache.get_many(["a", "b", "c"]) == {"a": 1, "b": 2}
    cache.delete("a")
    assert cache.get("a") is None
    assert cache.get_or_set("c", lambda: "tính", 30) == "tính"


def test_while_redis_is_away_reads_miss_writes_are_dropped_and_it_recovers(own_redis):
    cache = _cache(own_redis.url)
    cache.set("trang", "cũ", 60)
    own_redis.stop()
    assert cache.get("trang") is None
    assert cache.get("trang", "mặc định") == "mặc định"
    assert cache.get_many(["trang"]) == {}
    assert cache.has_key("trang") is False
    cache.set("trang", "mới", 60)  # dropped, no error
    assert cache.add("khác", 1) is False
    assert cache.get_or_set("tính", lambda: 42, 60) == 42
    cache.delete("trang")
    with pytest.raises((ConnectionError, OSError, RedisError)):  # moving the generation must not fail silently
        cache.incr("đếm")
    own_redis.start()  # back on the same port: the next command reconnects by itself
    cache.set("trang", "lại", 60)
    assert cache.get("trang") == "lại"


def test_the_process_cache_is_djangos_local_memory_cache():
    from django.conf import settings

    assert settings.CACHES["local"]["BACKEND"] == "django.core.cache.backends.locmem.LocMemCache"
    assert "renditions" not in settings.CACHES  # Wagtail's renditions use the default cache
