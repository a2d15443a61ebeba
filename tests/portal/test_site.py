from unittest import mock

import pytest
from django.db import OperationalError
from wagtail.models import Page

from home.models import StandardPage

pytestmark = pytest.mark.django_db


def test_both_home_pages_render(client):
    vi = client.get("/vi/")
    en = client.get("/en/")
    assert vi.status_code == en.status_code == 200
    assert '<html lang="vi">' in vi.text
    assert '<html lang="en">' in en.text
    assert "Trang chủ" in vi.text and "Home" in en.text


@pytest.mark.parametrize(
    ("headers", "cookies", "expected"),
    [
        ({}, {}, "/vi/"),
        ({"HTTP_ACCEPT_LANGUAGE": "en-US,en;q=0.9"}, {}, "/en/"),
        ({"HTTP_ACCEPT_LANGUAGE": "vi-VN,vi;q=0.9,en;q=0.5"}, {}, "/vi/"),
        ({"HTTP_ACCEPT_LANGUAGE": "fr-FR,fr;q=0.9"}, {}, "/vi/"),
        ({"HTTP_ACCEPT_LANGUAGE": "en-US"}, {"portal_language": "vi"}, "/vi/"),
        ({"HTTP_ACCEPT_LANGUAGE": "vi"}, {"portal_language": "en"}, "/en/"),
    ],
)
def test_root_redirects_by_cookie_then_accept_language_then_vietnamese(client, headers, cookies, expected):
    for name, value in cookies.items():
        client.cookies[name] = value
    response = client.get("/", **headers)
    assert response.status_code == 302
    assert response["Location"] == expected


def test_translated_page_switcher_and_hreflang(client):
    response = client.get("/vi/gioi-thieu/")
    assert response.status_code == 200
    html = response.text
    assert '<link rel="alternate" hreflang="vi" href="http://127.0.0.1:8000/vi/gioi-thieu/">' in html
    assert '<link rel="alternate" hreflang="en" href="http://127.0.0.1:8000/en/about/">' in html
    assert 'href="/en/about/" hreflang="en"' in html

    english = client.get("/en/about/")
    assert english.status_code == 200
    assert 'href="/vi/gioi-thieu/" hreflang="vi"' in english.text
    assert '<link rel="alternate" hreflang="vi" href="http://127.0.0.1:8000/vi/gioi-thieu/">' in english.text


def test_untranslated_page_has_no_english_alternate_and_switcher_goes_home_with_notice(client):
    response = client.get("/vi/van-ban/quyet-dinh-229-qd-lh/")  # the decision: Vietnamese only
    assert response.status_code == 200
    assert 'hreflang="en" href=' not in response.text
    assert 'href="/en/?untranslated=1" hreflang="en"' in response.text
    notice = client.get("/en/?untranslated=1")
    assert "has no translation in this language yet" in notice.text
    assert "has no translation in this language yet" not in client.get("/en/").text


def test_english_draft_translation_is_not_offered(client, en):
    about_en = StandardPage.objects.get(locale=en, slug="about")
    about_en.unpublish()
    response = client.get("/vi/gioi-thieu/")
    assert 'hreflang="en" href=' not in response.text
    assert 'href="/en/?untranslated=1"' in response.text


def test_untranslated_page_is_not_served_in_vietnamese_under_english_url(client):
    assert client.get("/en/van-ban/quyet-dinh-229-qd-lh/").status_code == 404
    assert client.get("/en/about/regulations/").status_code == 200


def test_footer_legal_text_in_both_languages(client):
    vi = client.get("/vi/").text
    assert "Liên hiệp các Tổ chức Hữu nghị tỉnh An Giang" in vi
    assert "phường Rạch Giá, tỉnh An Giang" in vi
    assert "Giấy phép số 15/GP cấp ngày 07/04/2022" in vi
    assert "Sở Thông tin và Truyền thông tỉnh Kiên Giang" in vi
    assert "lienhiepkg@kufo.vn" in vi
    assert "Tô Văn Dân" in vi
    en = client.get("/en/").text
    assert "An Giang Union of Friendship Organizations" in en
    assert "Licence No. 15/GP issued on 7 April 2022 by Kien Giang Department of Information and Communications" in en
    assert "Responsible for content:" in en and "To Van Dan" in en


def test_main_navigation_is_in_the_current_language(client):
    assert ">Giới thiệu</a>" in client.get("/vi/").text
    en = client.get("/en/").text
    assert ">About us</a>" in en
    assert "Giới thiệu" not in en


def test_healthz_up_and_down(client):
    ok = client.get("/healthz/")
    assert ok.status_code == 200
    assert ok.json()["database"] == "up"
    with mock.patch("portal.views.connection.cursor", side_effect=OperationalError("connection refused")):
        down = client.get("/healthz/")
    assert down.status_code == 503
    assert down.json()["database"] == "down"


def test_new_page_gets_an_ascii_slug_from_its_vietnamese_title(home_vi):
    page = StandardPage(title="Đoàn đại biểu hữu nghị Nhật Bản thăm Phú Quốc")
    home_vi.add_child(instance=page)
    assert page.slug == "doan-dai-bieu-huu-nghi-nhat-ban-tham-phu-quoc"
    assert Page.objects.get(pk=page.pk).url_path.endswith("/doan-dai-bieu-huu-nghi-nhat-ban-tham-phu-quoc/")


def test_text_is_stored_nfc(home_vi):
    import unicodedata

    page = StandardPage(
        title=unicodedata.normalize("NFD", "Hợp tác hữu nghị"), intro=unicodedata.normalize("NFD", "Đà Nẵng")
    )
    home_vi.add_child(instance=page)
    page.refresh_from_db()
    assert page.title == unicodedata.normalize("NFC", "Hợp tác hữu nghị")
    assert page.intro == "Đà Nẵng"


def test_unknown_url_gives_404_in_the_visitors_language(client):
    vi = client.get("/vi/khong-co-trang-nay/")
    en = client.get("/en/no-such-page/")
    assert vi.status_code == en.status_code == 404
    assert '<html lang="en">' in en.text and "Page not found" in en.text
    assert '<html lang="vi">' in vi.text


def test_robots_and_sitemap(client):
    robots = client.get("/robots.txt")
    assert robots.status_code == 200 and "Sitemap: http://testserver/sitemap.xml" in robots.text
    assert client.get("/sitemap.xml").status_code == 200
