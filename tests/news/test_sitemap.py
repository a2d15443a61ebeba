import xml.etree.ElementTree as ET

import pytest
from wagtail.models import Page, PageViewRestriction

from news.models import NewsPage

from .conftest import make_article, make_section

pytestmark = pytest.mark.django_db

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}


def entries(client):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    root = ET.fromstring(response.content)
    result = {}
    for url in root.findall("s:url", NS):
        links = {link.get("hreflang"): link.get("href") for link in url.findall("x:link", NS)}
        result[url.findtext("s:loc", namespaces=NS)] = links
    return result


def test_sitemap_lists_every_live_page_of_both_languages_with_alternates(client, en):
    sitemap = entries(client)
    live = Page.objects.live().filter(depth__gte=2)
    for page in live:
        assert page.full_url in sitemap, page.url_path
    article_en = NewsPage.objects.filter(locale=en).live().first()
    article_vi = NewsPage.objects.get(translation_key=article_en.translation_key, locale__language_code="vi")
    both = {"vi": article_vi.full_url, "en": article_en.full_url, "x-default": article_vi.full_url}
    assert sitemap[article_vi.full_url] == both
    assert sitemap[article_en.full_url] == both


def test_untranslated_draft_and_restricted_pages(client, news_index):
    # A demo article deliberately left in Vietnamese only ("en": None in demo/loaders/news.py).
    vietnamese_only = NewsPage.objects.get(
        locale__language_code="vi", title="Gặp mặt kiều bào về quê đón Tết cổ truyền"
    )
    assert not NewsPage.objects.filter(translation_key=vietnamese_only.translation_key, locale__language_code="en")
    sitemap = entries(client)
    assert sitemap[vietnamese_only.full_url] == {}
    assert not any("/en/" in url and vietnamese_only.slug in url for url in sitemap)
    section = make_section(news_index)
    draft = make_article(section, publish=False)
    hidden = make_article(section)
    PageViewRestriction.objects.create(page=hidden, restriction_type="password", password="secret-123")
    sitemap = entries(client)
    assert draft.full_url not in sitemap
    assert hidden.full_url not in sitemap
    assert section.full_url in sitemap
