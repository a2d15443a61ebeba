"""Search, listings, URLs and locale prefixes under hostile input: never a 500, never a leak of
drafts or private pages, never a reflected script."""

import pytest
from django.test import Client
from wagtail.models import Page, PageViewRestriction

from home.models import StandardPage

pytestmark = pytest.mark.django_db

XSS = '"><script>alert(1)</script>'


@pytest.mark.parametrize(
    "query",
    [
        XSS,
        "' OR 1=1 --",
        "%",
        "\\",
        "a" * 5000,
        "ngoại giao\x00",
        "((((",
        "NOT AND OR",
        "🙂" * 100,
        "*",
    ],
)
@pytest.mark.parametrize("language", ["vi", "en"])
def test_search_survives_hostile_queries(client, language, query):
    response = client.get(f"/{language}/search/", {"q": query})
    assert response.status_code in (200, 400)
    assert "<script>alert(1)</script>" not in response.content.decode()


@pytest.mark.parametrize(
    "params",
    [
        {"q": "hữu nghị", "page": "abc"},
        {"q": "hữu nghị", "page": "-5"},
        {"q": "hữu nghị", "page": "9" * 40},
        {"q": "hữu nghị", "from": "2024-13-45", "to": "not-a-date"},
        {"q": "hữu nghị", "type": XSS, "sort": XSS},
    ],
)
def test_search_survives_hostile_parameters(client, params):
    response = client.get("/vi/search/", params)
    assert response.status_code in (200, 400)
    assert "<script>alert(1)</script>" not in response.content.decode()


def listing_pages():
    """Live pages that have children (home, sections, index pages of every app present)."""
    return [p for p in Page.objects.live().filter(depth__gte=2, numchild__gt=0).specific() if p.url]


@pytest.mark.parametrize(
    "params",
    [
        "?page=abc",
        "?page=0",
        "?page=-1",
        "?page=99999999999999999999999",
        "?year=abc&type=%27%20OR%201%3D1&topic=%3Cscript%3E",
        "?sector=999999&country=ZZ&status=%00",
        "?" + "x=1&" * 300,
    ],
)
def test_listings_survive_hostile_parameters(client, params):
    pages = listing_pages()
    assert pages, "the demo site has listing pages"
    for page in pages:
        response = client.get(page.url + params)
        assert response.status_code in (200, 301, 302, 400, 404), (page.url, response.status_code)
        assert b"<script>alert" not in response.content


@pytest.mark.parametrize(
    "path",
    [
        "/fr/",
        "/xx/gioi-thieu/",
        "/vi/../admin/",
        "/vi/..%2f..%2f..%2fetc%2fpasswd",
        "/vi/%2e%2e/%2e%2e/etc/passwd",
        "/en/gioi-thieu/quy-che-hoat-dong/",
        "/vi/" + "a/" * 300,
        "/vi/%ff%fe/",
        "/vi/%00/",
        "/vi/gioi-thieu/<script>alert(1)</script>/",
        "/documents/999999/x.pdf",
        "/media/../portal/settings/base.py",
    ],
)
def test_bad_urls_get_a_404_in_a_language_never_a_500(client, path):
    response = client.get(path)
    assert response.status_code in (404, 400, 301, 302)
    assert b"<script>alert(1)</script>" not in response.content
    assert b"SECRET_KEY" not in response.content


def test_locale_prefix_does_not_serve_the_other_language(client):
    assert client.get("/vi/about/").status_code == 404
    assert client.get("/en/gioi-thieu/").status_code in (301, 302, 404)


def test_404_page_is_in_the_visitors_language(client):
    vi = client.get("/vi/khong-ton-tai/")
    en = client.get("/en/does-not-exist/")
    assert '<html lang="vi">' in vi.text and "Không tìm thấy trang" in vi.text
    assert '<html lang="en">' in en.text and "Page not found" in en.text


def make_draft(home_vi):
    page = StandardPage(title="Bản nháp tuyệt mật về nhân sự", intro="Nội dung chưa duyệt zqxjv")
    home_vi.add_child(instance=page)
    page.unpublish()
    page.save_revision()
    return page


def test_drafts_do_not_leak_through_urls_search_sitemap_or_api(client, home_vi):
    page = make_draft(home_vi)
    assert client.get("/vi/ban-nhap-tuyet-mat-ve-nhan-su/").status_code == 404
    assert "Bản nháp tuyệt mật" not in client.get("/vi/search/", {"q": "zqxjv"}).content.decode()
    assert "Bản nháp tuyệt mật" not in client.get("/vi/search/", {"q": "ban nhap tuyet mat"}).content.decode()
    assert "ban-nhap-tuyet-mat" not in client.get("/sitemap.xml").content.decode()
    assert client.get(f"/api/v2/pages/{page.pk}/", follow=True).status_code == 404
    assert "Bản nháp tuyệt mật" not in client.get("/api/v2/pages/?order=-id&limit=20").content.decode()


def test_private_pages_do_not_leak_through_search_sitemap_or_api(client, home_vi):
    page = StandardPage(title="Tài liệu nội bộ Ban Biên tập", intro="Chỉ thành viên wqzkj")
    home_vi.add_child(instance=page)
    page.save_revision().publish()
    PageViewRestriction.objects.create(page=page, restriction_type="password", password="bi-mat-123")
    response = client.get(page.url)
    assert response.status_code == 200 and "wqzkj" not in response.text  # the password form only
    assert "Tài liệu nội bộ" not in client.get("/vi/search/", {"q": "wqzkj"}).content.decode()
    assert "Tài liệu nội bộ" not in client.get("/vi/search/", {"q": "tai lieu noi bo"}).content.decode()
    assert page.slug not in client.get("/sitemap.xml").content.decode()
    assert client.get(f"/api/v2/pages/{page.pk}/", follow=True).status_code == 404


def test_preview_of_a_draft_needs_an_editor(client, user_client, home_vi):
    page = make_draft(home_vi)
    preview = f"/admin/pages/{page.pk}/edit/preview/"
    anonymous = Client().get(preview)
    assert anonymous.status_code == 302 and "/admin/login/" in anonymous["Location"]
    translator = user_client("biendichvien").get(preview)
    assert "zqxjv" not in translator.content.decode()


def test_api_rejects_hostile_parameters_without_a_500(client):
    for query in [
        "?locale=xx",
        "?fields=*,password",
        "?order=-password",
        "?limit=-1",
        "?offset=abc",
        "?type=auth.User",
    ]:
        response = client.get("/api/v2/pages/" + query, follow=True)
        assert response.status_code in (200, 400, 404), (query, response.status_code)
        assert b"pbkdf2" not in response.content and b"md5$" not in response.content


def test_healthz_answers_only_status(client):
    response = client.get("/healthz/")
    assert response.status_code == 200
    assert set(response.json()) == {"status", "database"}
    assert client.post("/healthz/").status_code == 405
