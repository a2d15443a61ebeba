"""The news API gives a partner's newsroom what it needs to republish an article."""

import pytest

from news.models import NewsPage

pytestmark = pytest.mark.django_db


def test_news_items_carry_the_article(client):
    response = client.get("/api/v2/news/?locale=en&fields=*&limit=20")
    assert response.status_code == 200
    items = response.json()["items"]
    assert items
    for item in items:
        page = NewsPage.objects.get(pk=item["id"])
        assert item["date"].startswith(page.date.astimezone().date().isoformat()[:4])
        assert item["lead"] == page.lead
        assert isinstance(item["body"], list)
        assert item["section"]["title"] == page.get_parent().title
        assert item["section"]["url"] == item["meta"]["html_url"].rsplit("/", 2)[0] + "/"
        assert all(set(topic) == {"id", "slug", "name"} for topic in item["topics"])
    with_picture = [item for item in items if item["picture"]]
    assert with_picture
    picture = with_picture[0]["picture"]
    assert set(picture["renditions"]) == {"large", "medium", "social", "thumbnail"}
    social = picture["renditions"]["social"]
    assert social["url"].startswith("http://testserver/media/") and (social["width"], social["height"]) == (1200, 630)


def test_topics_and_section_are_in_the_article_language(client, en):
    article = NewsPage.objects.live().filter(locale=en, topics__isnull=False).distinct().first()
    item = client.get(f"/api/v2/news/{article.pk}/").json()
    english_slugs = {t.slug for t in article.localized_topics()}
    assert {t["slug"] for t in item["topics"]} == english_slugs
    assert "/en/" in item["section"]["url"] and item["section"]["url"] == article.get_parent().full_url


def test_author_and_source(client, vi):
    article = NewsPage.objects.live().filter(locale=vi).first()
    article.author_name = "TÔ VĂN DÂN"
    article.author_position = "Phó Chủ tịch"
    article.source_name = "Báo Kiên Giang"
    article.source_url = "https://baokiengiang.vn/bai-viet"
    article.save_revision().publish()
    item = client.get(f"/api/v2/news/{article.pk}/").json()
    assert item["author"] == {"name": "TÔ VĂN DÂN", "position": "Phó Chủ tịch"}
    assert item["source"] == {"name": "Báo Kiên Giang", "url": "https://baokiengiang.vn/bai-viet", "date": None}
    unsigned = NewsPage.objects.live().filter(locale=vi, author_name="", source_name="", source_url="").first()
    if unsigned is not None:
        item = client.get(f"/api/v2/news/{unsigned.pk}/").json()
        assert item["author"] is None and item["source"] is None


def test_drafts_are_not_served(client, vi):
    article = NewsPage.objects.live().filter(locale=vi).first()
    article.unpublish()
    response = client.get(f"/api/v2/news/{article.pk}/")
    assert response.status_code == 404 and response.json()["message"]
