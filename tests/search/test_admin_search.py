"""The admin searches like the site: without diacritics through Wagtail's own search backend
(search.backends, the portal_folded text search configuration on PostgreSQL)."""

import io
import json

import pytest
from django.core.files.base import ContentFile
from django.db import connection
from wagtail.search.backends import get_search_backend
from wagtail.search.index import insert_or_update_object

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor_client(client, django_user_model):
    user = django_user_model.objects.create_superuser("tim-kiem-admin", password="tim-kiem-admin-1")
    client.force_login(user)
    return client


def text_of(response):
    assert response.status_code == 200
    if response["Content-Type"].startswith("application/json"):
        return json.loads(response.content)["html"]
    return response.content.decode()


def png():
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (4, 4), "white").save(buffer, "PNG")
    return ContentFile(buffer.getvalue(), name="anh-da-nang.png")


@pytest.fixture
def content(make_page):
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model

    from news.models import Topic

    page = make_page("Phát huy ngoại giao nhân dân ở Đà Nẵng")
    other = make_page("Đối ngoại và giao lưu ở Hà Tiên")
    document = get_document_model().objects.create(
        title="Kế hoạch ngoại giao nhân dân Đà Nẵng", file=ContentFile(b"ke hoach", name="ke-hoach.txt")
    )
    image = get_image_model().objects.create(title="Ảnh đoàn Đà Nẵng", file=png())
    topic = Topic.objects.create(name="Ngoại giao nhân dân", slug="ngoai-giao-nhan-dan", locale=page.locale)
    for item in (page, other, document, image, topic):
        insert_or_update_object(item)
    return {"page": page, "other": other, "document": document, "image": image, "topic": topic}


@pytest.mark.parametrize("query", ["ngoai giao", "NGOAI GIAO nhan dan", "da nang", "ngoại giao", "Đà Nẵng"])
def test_page_explorer_search_finds_pages_without_diacritics(editor_client, content, query):
    html = text_of(editor_client.get("/admin/pages/search/", {"q": query}))
    assert content["page"].title in html
    if "nang" in query.lower() or "nẵng" in query.lower():
        assert content["other"].title not in html


def test_page_listing_search_and_page_chooser(editor_client, content, home_vi):
    html = text_of(editor_client.get(f"/admin/pages/{home_vi.pk}/", {"q": "ngoai giao nhan dan"}))
    assert content["page"].title in html
    html = text_of(editor_client.get("/admin/choose-page/search/", {"q": "da nang"}))
    assert content["page"].title in html and content["other"].title not in html


def test_document_and_image_choosers(editor_client, content):
    html = text_of(editor_client.get("/admin/documents/chooser/results/", {"q": "ngoai giao"}))
    assert content["document"].title in html
    html = text_of(editor_client.get("/admin/images/chooser/results/", {"q": "da nang"}))
    assert content["image"].title in html
    html = text_of(editor_client.get("/admin/documents/", {"q": "ke hoach da nang"}))
    assert content["document"].title in html


def test_snippet_listing(editor_client, content):
    html = text_of(editor_client.get("/admin/snippets/news/topic/", {"q": "ngoai giao"}))
    assert content["topic"].name in html


def test_the_backend_folds_on_postgresql():
    backend = get_search_backend()
    assert connection.vendor == "postgresql"
    assert backend.config == backend.autocomplete_config == "portal_folded"
    with connection.cursor() as cursor:
        cursor.execute("SELECT to_tsvector('portal_folded', %s)::text", ["Đà Nẵng ĐOÀN ngoại giao"])
        assert cursor.fetchone()[0] == "'da':1 'doan':3 'giao':5 'nang':2 'ngoai':4"


def test_upstream_autocomplete_still_ignores_the_settings():
    """search.backends exists because django-modelsearch builds autocomplete with "simple" whatever
    the settings say; when this fails, the subclass can go."""
    from wagtail.search.backends.database.postgres.postgres import PostgresSearchBackend

    upstream = PostgresSearchBackend({"SEARCH_CONFIG": "portal_folded", "AUTOCOMPLETE_CONFIG": "portal_folded"})
    assert upstream.autocomplete_config == "simple"


def test_other_databases_get_the_database_backend_without_postgresql_settings(monkeypatch):
    from search import backends

    received = {}
    monkeypatch.setattr(backends, "connection", type("Fake", (), {"vendor": "sqlite"})())
    monkeypatch.setattr(backends, "database_backend", lambda params: received.update(params) or "fallback")
    assert backends.SearchBackend({"SEARCH_CONFIG": "portal_folded", "AUTOCOMPLETE_CONFIG": "x", "ATOMIC": 1}) == (
        "fallback"
    )
    assert received == {"ATOMIC": 1}
