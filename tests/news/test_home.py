import re

import pytest

from news.models import NewsPage

from .conftest import make_article, make_section

pytestmark = pytest.mark.django_db


def ticker(html):
    match = re.search(r'<section class="news-ticker".*?</section>', html, re.S)
    return match.group(0) if match else ""


def test_ticker_lists_live_hot_news_of_the_language_newest_first(client, news_index):
    section = make_section(news_index)
    older = make_article(section, title="Tin nóng cũ hơn", is_hot=True, days_ago=1)
    newer = make_article(section, title="Tin nóng mới nhất", is_hot=True)
    cold = make_article(section, title="Tin thường không nóng")
    draft = make_article(section, title="Tin nóng còn là bản nháp", is_hot=True, publish=False)
    html = client.get("/vi/").text
    box = ticker(html)
    assert "Tin nóng" in box
    assert newer.title in box and older.title in box
    assert box.index(newer.title) < box.index(older.title)
    assert cold.title not in box and draft.title not in box


def test_english_ticker_shows_english_hot_news_only(client, en):
    html = client.get("/en/").text
    box = ticker(html)
    assert "Hot news" in box
    vietnamese = NewsPage.objects.filter(locale__language_code="vi", is_hot=True).live()
    for article in vietnamese:
        assert article.title not in box
    hot_en = NewsPage.objects.filter(locale=en, is_hot=True).live()
    assert hot_en.exists()
    featured = html.split('class="news-featured"', 1)[1].split("</article>", 1)[0]
    for article in hot_en.order_by("-date")[:8]:
        # Every hot headline is in the strip, but the featured story shown right below it.
        assert (article.title in box) != (article.title in featured)


def test_home_sections_featured_and_quick_links(client, news_index):
    html = client.get("/vi/").text
    assert 'class="news-featured"' in html
    assert 'class="quick-links"' in html and news_index.url in html
    assert "/vi/tin-tuc/rss/" in html
    for section in news_index.get_children().live():
        assert section.title in html


def test_unpublished_hot_article_leaves_the_ticker(client, news_index):
    section = make_section(news_index)
    article = make_article(section, title="Tin nóng sắp gỡ xuống", is_hot=True)
    assert article.title in ticker(client.get("/vi/").text)
    article.unpublish()
    assert article.title not in ticker(client.get("/vi/").text)


def _section_block(html, section):
    match = re.search(
        rf'<section class="news-section-block" aria-labelledby="home-section-{section.pk}".*?</section>', html, re.S
    )
    return match.group(0) if match else ""


def test_an_old_hot_story_is_in_the_ticker_not_among_its_sections_latest(client, news_index):
    # The latest of a section and the ticker come from one query of LIMIT branches: a hot story
    # brought by the ticker's branch must not push out the section's three newest.
    section = make_section(news_index, title="Chuyên mục kiểm tra tin nóng cũ")
    old_hot = make_article(section, title="Tin nóng từ tuần trước", is_hot=True, days_ago=7)
    newest = [make_article(section, title=f"Tin mới thứ {n} trong chuyên mục", days_ago=n) for n in (1, 2, 3)]

    html = client.get("/vi/").text
    assert old_hot.title in ticker(html)
    block = _section_block(html, section)
    featured = re.search(r'<article class="news-featured">.*?</article>', html, re.S).group(0)
    shown = [a.title for a in newest if a.title in block or a.title in featured]
    assert shown == [a.title for a in newest]
    assert old_hot.title not in block
