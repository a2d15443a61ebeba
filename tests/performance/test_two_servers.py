"""Two app servers sharing PostgreSQL, a real Redis server and the media storage behave as one site:
a publish through one is served at once by the other, a session opened on one works on the other,
and a file uploaded through one is read by the other through Django's storage."""

import uuid

import pytest
from django.conf import settings as django_settings
from wagtail.documents import get_document_model

from tests.performance.conftest import live_page
from tests.performance.servers import RedisServer, Server

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def two_servers(tmp_path):
    redis = RedisServer(str(tmp_path))
    database = django_settings.DATABASES["default"]
    environment = {
        "PATH": "/usr/bin:/bin",
        "LANG": "C.UTF-8",
        "DJANGO_SETTINGS_MODULE": "tests.performance.server_settings",
        # The test database, which this transactional test commits to.
        "DATABASE_URL": "postgres://{USER}{password}@{HOST}:{PORT}/{NAME}".format(
            password=f":{database['PASSWORD']}" if database.get("PASSWORD") else "", **database
        ),
        "REDIS_URL": redis.url,
        "CACHE_KEY_PREFIX": f"two-servers-{uuid.uuid4().hex[:8]}",
        # The test media directory stands for the shared storage (a volume, or a bucket).
        "MEDIA_ROOT": str(django_settings.MEDIA_ROOT),
        "GUNICORN_WORKERS": "1",
        "GUNICORN_PRELOAD": "false",
        "GUNICORN_ACCESS_LOG": "off",
        "GUNICORN_LOG_LEVEL": "warning",
    }
    servers = [Server("server-a", environment, tmp_path), Server("server-b", environment, tmp_path)]
    try:
        for server in servers:
            server.wait()
        yield servers
    finally:
        for server in servers:
            server.stop()
        redis.stop()


def test_two_servers_behave_as_one_site(two_servers, demo_password):
    a, b = two_servers
    article = live_page("newspage")
    url = article.url
    new_title = "Hội nghị tổng kết công tác đối ngoại nhân dân năm 2026"

    # One shared page cache: what A stored, B serves.
    assert a.get(url).headers["x-portal-cache"] == "miss"
    assert b.get(url).headers["x-portal-cache"] == "hit"

    # A draft saved meanwhile is never served, by either server.
    article.title = new_title
    article.save_revision()
    for server in (a, b):
        assert new_title not in server.get(url).text

    # A session opened on A works on B.
    editor = a.log_in("admin", demo_password)
    assert b.get("/admin/", visitor=editor).status == 200
    assert b.get("/admin/", visitor=None).status == 302

    # Publish through B with that session: A serves the new title at once.
    bulk_publish = f"/admin/bulk/wagtailcore/page/publish/?id={article.pk}&next=/admin/"
    confirm = b.get(bulk_publish, visitor=editor)
    assert confirm.status == 200, confirm.text[:2000]
    published = b.post_form(bulk_publish, {"csrfmiddlewaretoken": confirm.csrf_token()}, editor)
    assert published.status == 302, published.text[:2000]
    article.refresh_from_db()
    assert article.title == new_title and article.live

    fresh = a.get(url)
    assert fresh.status == 200
    assert new_title in fresh.text
    assert b.get(url).headers["x-portal-cache"] == "hit"

    # A document uploaded through A is read by B through Django's storage.
    content = "Biên bản làm việc với đối tác — bản lưu trữ.\n".encode()
    form = a.get("/admin/documents/add/", visitor=editor)
    assert form.status == 200, form.text[:2000]
    uploaded = a.post_form(
        "/admin/documents/add/",
        {"csrfmiddlewaretoken": form.csrf_token(), "title": "Biên bản làm việc", "collection": "1"},
        editor,
        files={"file": ("bien-ban.txt", content, "text/plain")},
    )
    assert uploaded.status == 302, uploaded.text[:3000]
    document = get_document_model().objects.get(title="Biên bản làm việc")
    served = b.get(document.url)
    assert served.status == 200, served.text[:2000]
    assert served.body == content
