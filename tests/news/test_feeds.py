import xml.etree.ElementTree as ET

import pytest

from news.models import NewsPage, NewsSectionPage

from .conftest import make_article, make_section

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"


def rss(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    return ET.fromstring(response.content)


def atom(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    return ET.fromstring(response.content)


def test_rss_per_language_is_well_formed_with_absolute_links_and_enclosures(client, news_index):
    root = rss(client, news_index.url + "rss/")
    channel = root.find("channel")
    assert channel.findtext("language") == "vi"
    items = channel.findall("item")
    assert items
    for item in items:
        assert item.findtext("link").startswith("http://")
        assert item.findtext("pubDate")
    enclosures = [item.find("enclosure") for item in items if item.find("enclosure") is not None]
    assert (
        enclosures and enclosures[0].get("url").startswith("http://") and enclosures[0].get("type").startswith("image/")
    )


def test_atom_per_language(client, news_index_en, en):
    root = atom(client, news_index_en.url + "atom/")
    assert root.get("{http://www.w3.org/XML/1998/namespace}lang") == "en"
    titles = {entry.findtext(f"{ATOM}title") for entry in root.findall(f"{ATOM}entry")}
    english = set(NewsPage.objects.filter(locale=en).live().values_list("title", flat=True))
    assert titles and titles <= english
    vietnamese = set(NewsPage.objects.filter(locale__language_code="vi").live().values_list("title", flat=True))
    assert not titles & vietnamese


def test_section_feeds_list_that_section_only(client, news_index):
    section = make_section(news_index)
    mine = make_article(section, title="Bài trong nguồn tin chuyên mục")
    other_section = NewsSectionPage.objects.filter(locale=news_index.locale).exclude(pk=section.pk).first()
    other = NewsPage.objects.child_of(other_section).live().first()
    rss_titles = [i.findtext("title") for i in rss(client, section.url + "rss/").find("channel").findall("item")]
    assert rss_titles == [mine.title]
    atom_titles = [e.findtext(f"{ATOM}title") for e in atom(client, section.url + "atom/").findall(f"{ATOM}entry")]
    assert atom_titles == [mine.title]
    assert other.title not in rss_titles


def test_untranslated_article_absent_from_english_feeds(client, news_index_en):
    # A demo article deliberately left in Vietnamese only ("en": None in demo/loaders/news.py).
    vietnamese_only = NewsPage.objects.get(
        locale__language_code="vi", title="Gặp mặt kiều bào về quê đón Tết cổ truyền"
    )
    assert not NewsPage.objects.filter(translation_key=vietnamese_only.translation_key, locale__language_code="en")
    for kind in ("rss", "atom"):
        body = client.get(news_index_en.url + f"{kind}/").content.decode()
        assert vietnamese_only.title not in body


def test_feed_links_in_page_head(client, news_index):
    html = client.get(news_index.url).text
    assert f'type="application/rss+xml" title="RSS" href="{news_index.url}rss/"' in html
    assert f'type="application/atom+xml" title="Atom" href="{news_index.url}atom/"' in html
