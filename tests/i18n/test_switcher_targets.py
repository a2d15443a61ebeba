"""The language switcher and hreflang keep where the reader was: the same search, the same topic or
archive filter, the same sub-listing, in the other language."""

import re
from html import unescape

import pytest

from foreign_relations.models import ProjectIndexPage
from news.models import NewsIndexPage, NewsPage, Topic

pytestmark = pytest.mark.django_db


def switcher_target(html, lang):
    match = re.search(rf'<a href="([^"]*)" hreflang="{lang}" lang="{lang}" data-lang', html)
    assert match, "no language switcher link"
    return unescape(match.group(1))


def hreflang(html):
    return {
        code: unescape(url)
        for code, url in re.findall(r'<link rel="alternate" hreflang="([\w-]+)" href="([^"]*)"', html)
    }


def canonical(html):
    return unescape(re.search(r'<link rel="canonical" href="([^"]*)"', html).group(1))


def test_search_switches_to_the_same_search(client):
    html = client.get("/vi/search/?q=ngoai+giao&type=news").content.decode()
    assert switcher_target(html, "en") == "/en/search/?q=ngoai+giao&type=news"
    html = client.get("/en/search/?q=water").content.decode()
    assert switcher_target(html, "vi") == "/vi/search/?q=water"


def test_topic_view_switches_to_the_same_topic(client, vi, en):
    topic = Topic.objects.filter(locale=vi, pages__live=True).first()
    english = Topic.objects.get(locale=en, translation_key=topic.translation_key)
    news_vi = NewsIndexPage.objects.get(locale=vi)
    news_en = NewsIndexPage.objects.get(locale=en)
    html = client.get(f"{news_vi.url}?topic={topic.slug}").content.decode()
    assert switcher_target(html, "en") == f"{news_en.url}?topic={english.slug}"
    assert canonical(html).endswith(f"{news_vi.url}?topic={topic.slug}")
    links = hreflang(html)
    assert links["en"].endswith(f"{news_en.url}?topic={english.slug}")
    assert links["x-default"] == links["vi"]
    assert topic.name in html.split("</title>")[0]


def test_topic_without_translation_is_dropped(client, vi, en):
    topic = Topic.objects.filter(locale=vi, pages__live=True).first()
    Topic.objects.filter(locale=en, translation_key=topic.translation_key).delete()
    news_vi = NewsIndexPage.objects.get(locale=vi)
    html = client.get(f"{news_vi.url}?topic={topic.slug}").content.decode()
    assert switcher_target(html, "en") == NewsIndexPage.objects.get(locale=en).url


def test_archive_and_section_views_keep_their_dates(client, vi, en):
    article = NewsPage.objects.live().filter(locale=vi).first()
    section = article.get_parent()
    section_en = section.get_translation(en)
    year, month = article.date.year, article.date.month
    html = client.get(f"{section.url}?year={year}&month={month}").content.decode()
    assert switcher_target(html, "en") == f"{section_en.url}?year={year}&month={month}"
    assert canonical(html).endswith(f"{section.url}?year={year}&month={month}")
    assert f"{month}/{year}" in html.split("</title>")[0]


def test_paginated_view_has_its_own_canonical(client, vi):
    news_vi = NewsIndexPage.objects.get(locale=vi)
    html = client.get(f"{news_vi.url}?page=2").content.decode()
    assert canonical(html).endswith(f"{news_vi.url}?page=2")
    assert "Trang 2" in html.split("</title>")[0]
    plain = client.get(news_vi.url).content.decode()
    assert canonical(plain).endswith(news_vi.url)


def test_projects_seeking_funding_in_both_languages(client, vi, en):
    vi_index = ProjectIndexPage.objects.get(locale=vi)
    en_index = ProjectIndexPage.objects.get(locale=en)
    assert vi_index.seeking_path() == f"{vi_index.url}can-tai-tro/"
    assert en_index.seeking_path() == f"{en_index.url}seeking-funding/"
    html = client.get(vi_index.seeking_path()).content.decode()
    assert switcher_target(html, "en") == en_index.seeking_path()
    assert canonical(html).endswith(vi_index.seeking_path())
    links = hreflang(html)
    assert links["vi"].endswith(vi_index.seeking_path()) and links["en"].endswith(en_index.seeking_path())
    html = client.get(en_index.seeking_path()).content.decode()
    assert switcher_target(html, "vi") == vi_index.seeking_path()
    # The plain listing keeps its own canonical and switches to the other listing.
    html = client.get(vi_index.url).content.decode()
    assert canonical(html).endswith(vi_index.url) and switcher_target(html, "en") == en_index.url


def test_old_and_foreign_sub_listing_addresses_redirect(client, vi, en):
    vi_index = ProjectIndexPage.objects.get(locale=vi)
    en_index = ProjectIndexPage.objects.get(locale=en)
    response = client.get(f"{vi_index.url}seeking-funding/?sector=y-te")
    assert response.status_code == 301
    assert response["Location"].endswith(f"{vi_index.url}can-tai-tro/?sector=y-te")
    response = client.get(f"{en_index.url}can-tai-tro/")
    assert response.status_code == 301 and response["Location"].endswith(f"{en_index.url}seeking-funding/")


def test_x_default_on_every_translated_page(client, home_vi):
    links = hreflang(client.get(home_vi.url).content.decode())
    assert set(links) == {"vi", "en", "x-default"} and links["x-default"] == links["vi"]
