"""English readers never land on Vietnamese by surprise: listings, feeds, sitemap and search in
English show English pages only; a Vietnamese-only page reached from English says so; the language
switcher keeps the reader on the same content where a translation exists."""

import re
import xml.etree.ElementTree as ET

import pytest
from wagtail.models import Page

from news.models import NewsIndexPage, NewsPage

from .conftest import make_article, translate_all

pytestmark = pytest.mark.django_db


@pytest.fixture
def vietnamese_only(section_vi):
    return make_article(section_vi, "Tin chỉ có tiếng Việt về Hội Hữu nghị Xứ Sương", is_hot=True)


def hrefs(html):
    return re.findall(r'href="([^"]+)"', html)


def test_english_news_listing_shows_english_articles_only(client, en, vietnamese_only):
    index = NewsIndexPage.objects.get(locale=en)
    html = client.get(index.url).content.decode()
    assert vietnamese_only.title not in html
    assert vietnamese_only.url not in html
    english_titles = NewsPage.objects.live().filter(locale=en).values_list("title", flat=True)
    assert any(title in html for title in english_titles)


def test_english_feeds_list_english_articles_only(client, en, vi, vietnamese_only):
    index = NewsIndexPage.objects.get(locale=en)
    for kind in ("rss", "atom"):
        response = client.get(f"{index.url}{kind}/")
        assert response.status_code == 200
        root = ET.fromstring(response.content)
        links = [el.text or el.get("href") for el in root.iter() if el.tag.endswith("link")]
        article_links = [link for link in links if link and "/vi/" in link]
        assert not article_links, article_links
        assert vietnamese_only.title not in response.content.decode()


def test_sitemap_english_entries_are_english_pages(client, en, vietnamese_only):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    text = response.content.decode()
    english_urls = {p.full_url for p in Page.objects.live().filter(locale=en, depth__gt=1)}
    locs = re.findall(r"<loc>([^<]+)</loc>", text)
    assert {loc for loc in locs if "/en/" in loc} <= english_urls
    alternates = re.findall(r'<xhtml:link href="([^"]+)" hreflang="en"', text)
    assert alternates and set(alternates) <= english_urls
    # The Vietnamese-only article has no English alternate.
    entry = re.search(rf"<url><loc>{re.escape(vietnamese_only.full_url)}</loc>.*?</url>", text)
    assert entry and 'hreflang="en"' not in entry.group(0)


def test_english_search_finds_english_pages_only(client, vietnamese_only):
    html = client.get("/en/search/", {"q": "Xứ Sương"}).content.decode()
    assert vietnamese_only.url not in html
    # Only the language switcher points at Vietnamese (the Vietnamese search, or home, with a notice).
    assert not [h for h in hrefs(html) if h.startswith("/vi/") and "search" not in h and "untranslated=1" not in h]


def test_vietnamese_only_page_reached_from_english_shows_a_notice(client, en, vietnamese_only):
    html = client.get(vietnamese_only.url).content.decode()
    assert "data-language-notice" not in html  # a Vietnamese reader sees no notice
    html = client.get(vietnamese_only.url, {"from": "en"}).content.decode()
    notice = re.search(r"<div[^>]*data-language-notice.*?</div>", html, re.S).group(0)
    assert 'lang="en"' in notice
    assert "This page has not been translated yet: you are reading the original in Vietnamese." in notice
    assert f'href="{vietnamese_only.url}"' in notice  # the original, without the marker
    assert f'href="{Page.objects.get(depth=2, locale=en).url}"' in notice


def test_translated_page_reached_from_the_other_language_links_to_the_translation(client, section_vi):
    article = make_article(section_vi, "Tin đã có bản tiếng Anh cho thông báo")
    english = translate_all(article)
    html = client.get(article.url, {"from": "en"}).content.decode()
    notice = re.search(r"<div[^>]*data-language-notice.*?</div>", html, re.S).group(0)
    assert f'href="{english.url}"' in notice
    assert "This page is also available in your language." in notice


def test_rich_text_link_from_english_to_a_vietnamese_only_page_is_marked(client, section_vi, vietnamese_only):
    body = [
        {"type": "paragraph", "value": f'<p>Xem <a linktype="page" id="{vietnamese_only.pk}">bài liên quan</a>.</p>'}
    ]
    article = make_article(section_vi, "Tin có liên kết nội bộ", body=body)
    english = translate_all(
        article, mapping=lambda text: text.replace("Xem", "See").replace("bài liên quan", "the related story")
    )
    html = client.get(english.url).content.decode()
    assert f'<a href="{vietnamese_only.url}?from=en" hreflang="vi">the related story</a>' in html
    vi_html = client.get(article.url).content.decode()
    assert f'<a href="{vietnamese_only.url}">bài liên quan</a>' in vi_html


def test_language_switcher_keeps_the_reader_on_the_same_content(client, section_vi, vietnamese_only, en):
    article = make_article(section_vi, "Tin cho bộ chuyển ngôn ngữ")
    english = translate_all(article)
    html = client.get(english.url).content.decode()
    assert f'href="{article.url}"' in html
    html = client.get(article.url).content.decode()
    assert f'href="{english.url}"' in html
    # No English version: the switcher goes to the English home with a notice, never to Vietnamese.
    html = client.get(vietnamese_only.url).content.decode()
    english_home = Page.objects.get(depth=2, locale=en).url
    assert f'href="{english_home}?untranslated=1"' in html
