import datetime

import pytest
from django.utils import timezone

from news import listing
from news.models import NewsPage, Topic

from .conftest import make_article, make_section

pytestmark = pytest.mark.django_db


def test_section_lists_newest_first_and_paginates(client, news_index):
    section = make_section(news_index)
    titles = [make_article(section, title=f"Tin số {n:02d} của chuyên mục", days_ago=n).title for n in range(12)]
    first = client.get(section.url)
    assert first.status_code == 200
    html = first.text
    positions = [html.find(t) for t in titles[: listing.PER_PAGE]]
    assert all(p > 0 for p in positions) and positions == sorted(positions)
    assert titles[11] not in html
    assert "?page=2" in html
    second = client.get(section.url + "?page=2")
    assert titles[10] in second.text and titles[11] in second.text and titles[0] not in second.text


def test_index_shows_latest_of_every_section(client, news_index):
    response = client.get(news_index.url)
    assert response.status_code == 200
    for section in news_index.get_children().live():
        assert section.title in response.text
        newest = NewsPage.objects.child_of(section).live().order_by("-date").first()
        if newest:
            assert newest.title in response.text


def test_topic_filter(client, news_index, vi):
    section = make_section(news_index)
    topic = Topic.objects.create(locale=vi, name="Chủ đề lọc thử")
    tagged = make_article(section, title="Bài có chủ đề lọc", topics=[topic])
    other = make_article(section, title="Bài không có chủ đề")
    response = client.get(news_index.url + "?topic=" + topic.slug)
    assert response.status_code == 200
    assert tagged.title in response.text and other.title not in response.text
    in_section = client.get(section.url + "?topic=" + topic.slug)
    assert tagged.title in in_section.text and other.title not in in_section.text


def test_archive_by_year_and_month(client, news_index):
    section = make_section(news_index)
    old = make_article(
        section, title="Bài lưu trữ tháng ba", date=timezone.make_aware(datetime.datetime(2021, 3, 15, 9))
    )
    other = make_article(
        section, title="Bài lưu trữ tháng năm", date=timezone.make_aware(datetime.datetime(2021, 5, 2, 9))
    )
    year = client.get(news_index.url + "?year=2021")
    assert old.title in year.text and other.title in year.text
    march = client.get(news_index.url + "?year=2021&month=3")
    assert old.title in march.text and other.title not in march.text
    assert "?year=2021&amp;month=3" in client.get(news_index.url).text  # the archive links
    assert old.title in client.get(section.url + "?year=2021&month=3").text


@pytest.mark.parametrize("param", ["page", "topic", "year", "month"])
@pytest.mark.parametrize(
    "value",
    ["abc", "0", "-1", "99999999", "", "khong-co-chu-de", "1e3", "%00", "２０２５", "2021.5", "<script>", "9" * 40],
)
def test_any_listing_parameter_gives_a_sensible_page(client, news_index, param, value):
    section = news_index.get_children().live().first()
    for url in (news_index.url, section.url):
        response = client.get(url, {param: value, **({"year": "2025"} if param == "month" else {})})
        assert response.status_code == 200, (url, param, value)
        assert "<script>" not in response.text.split("<main", 1)[1].split("</main>", 1)[0]


def test_page_past_the_end_shows_the_first_page_with_a_notice(client, news_index):
    section = make_section(news_index)
    article = make_article(section)
    response = client.get(section.url + "?page=40")
    assert response.status_code == 200
    assert article.title in response.text
    assert "40" in response.text


def test_english_listing_shows_english_articles_only(client, news_index_en, en):
    response = client.get(news_index_en.url)
    assert response.status_code == 200
    vietnamese_only = (
        NewsPage.objects.filter(locale__language_code="vi")
        .live()
        .exclude(translation_key__in=NewsPage.objects.filter(locale=en).values("translation_key"))
    )
    assert vietnamese_only.exists()
    for article in vietnamese_only:
        assert article.title not in response.text
    for article in NewsPage.objects.filter(locale=en).live()[:3]:
        assert article.title in client.get(article.get_parent().url).text


def test_english_topic_filter_finds_translated_articles(client, news_index_en, en):
    article = NewsPage.objects.filter(locale=en, topics__isnull=False).live().first()
    topic = article.localized_topics()[0]
    assert topic.locale_id == en.id
    response = client.get(news_index_en.url + "?topic=" + topic.slug)
    assert article.title in response.text


def test_drafts_are_not_listed(client, news_index):
    section = make_section(news_index)
    draft = make_article(section, title="Bài nháp chưa đăng", publish=False)
    assert draft.title not in client.get(section.url).text
    assert client.get(draft.url or section.url + draft.slug + "/").status_code == 404


def test_parse_int():
    assert listing.parse_int("12", 1, 100) == 12
    for value in ("abc", "0", "-1", "99999999", "", None, "1e3", "٣", " ", "12.0"):
        assert listing.parse_int(value, 1, 100) is None
