"""A cache outage never breaks a page: under load, with Redis stopped and started again, every
page answers 200, and the page cache works again by itself once Redis is back.

Wagtail reads the default cache on every page view (``Site.get_site_root_paths``), as do the page
cache and the fragment keys: with Django's plain ``RedisCache`` a stopped Redis turned most
requests into 500s. Everything here runs on loopback and is bounded in time."""

import threading
import time
import uuid
from collections import Counter

import pytest
from django.conf import settings as django_settings

from tests.performance.conftest import live_page
from tests.performance.servers import RedisServer, Server

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

CLIENTS = 8


@pytest.fixture
def server_and_redis(tmp_path):
    redis = RedisServer(str(tmp_path), own=True)  # never the suite's own Redis: this one is stopped
    database = django_settings.DATABASES["default"]
    environment = {
        "PATH": "/usr/bin:/bin",
        "LANG": "C.UTF-8",
        "DJANGO_SETTINGS_MODULE": "tests.performance.server_settings",
        "DATABASE_URL": "postgres://{USER}{password}@{HOST}:{PORT}/{NAME}".format(
            password=f":{database['PASSWORD']}" if database.get("PASSWORD") else "", **database
        ),
        "REDIS_URL": redis.url,
        "CACHE_KEY_PREFIX": f"outage-{uuid.uuid4().hex[:8]}",
        "MEDIA_ROOT": str(django_settings.MEDIA_ROOT),
        "GUNICORN_WORKERS": "2",
        "GUNICORN_ACCESS_LOG": "off",
        "GUNICORN_LOG_LEVEL": "warning",
    }
    server = Server("outage", environment, tmp_path)
    try:
        server.wait()
        yield server, redis
    finally:
        server.stop()
        redis.stop()


def _load(server, urls, statuses, stop):
    index = 0
    while not stop.is_set():
        try:
            statuses[server.get(urls[index % len(urls)]).status] += 1
        except OSError:
            statuses["connection error"] += 1
        index += 1


def test_pages_answer_while_redis_is_stopped_and_the_cache_recovers(server_and_redis):
    server, redis = server_and_redis
    urls = [live_page(name).url for name in ("homepage", "newspage", "newsindexpage", "partnerindexpage")]
    urls.append("/vi/search/?q=huu+nghi")
    for url in urls:
        assert server.get(url).status == 200
    assert server.get(urls[0]).headers["x-portal-cache"] == "hit"

    phases = {}
    for phase in ("before", "stopped", "restarted"):
        statuses, stop = Counter(), threading.Event()
        clients = [threading.Thread(target=_load, args=(server, urls, statuses, stop)) for _ in range(CLIENTS)]
        for client in clients:
            client.start()
        if phase == "stopped":
            redis.stop()
        elif phase == "restarted":
            redis.start()
        time.sleep(4)
        stop.set()
        for client in clients:
            client.join(timeout=30)
        phases[phase] = statuses

    for phase, statuses in phases.items():
        assert set(statuses) == {200}, (phase, dict(statuses))
        assert statuses[200] >= 20, (phase, dict(statuses))

    # Back to the shared cache by itself: the page is stored again and then served from it.
    deadline = time.monotonic() + 15
    verdicts = []
    while time.monotonic() < deadline:
        verdicts.append(server.get(urls[0]).headers.get("x-portal-cache"))
        if verdicts[-1] == "hit":
            break
        time.sleep(0.2)
    assert verdicts[-1] == "hit", verdicts
