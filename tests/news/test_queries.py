"""Query counts of the news pages stay the same whatever the number of articles, and at most 12."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from demo.images import demo_image
from news.models import NewsRelatedPage, Topic

from .conftest import make_article, make_section

pytestmark = pytest.mark.django_db

MAX_QUERIES = 12


def count_queries(client, url):
    client.get(url)  # warm the per-process and chrome caches, as any running server has them
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200
    return len(ctx.captured_queries)


def build(news_index, vi, n):
    section = make_section(news_index, title=f"Chuyên mục đo truy vấn {n}")
    topic = Topic.objects.create(locale=vi, name=f"Chủ đề đo truy vấn {n}")
    images = [demo_image(f"Ảnh đo truy vấn {i}") for i in range(3)]
    articles = [
        make_article(
            section,
            title=f"Bài đo truy vấn {n}-{i}",
            days_ago=i,
            hero_image=images[i % 3],
            is_hot=i % 4 == 0,
            topics=[topic],
            revision=False,
        )
        for i in range(n)
    ]
    article = articles[0]
    article.body = [
        ("paragraph", "<p>Đoạn một.</p>"),
        ("image", {"image": images[1], "caption": "Chú thích", "credit": "", "alt_text": ""}),
        ("gallery", {"title": "", "images": [{"image": images[2], "caption": "", "credit": "", "alt_text": ""}]}),
    ]
    article.save()
    for other in articles[1:4]:
        NewsRelatedPage.objects.create(page=article, target=other)
    return section, article


@pytest.mark.parametrize("kind", ["article", "section", "home", "index"])
def test_query_count_does_not_grow_with_articles(client, news_index, vi, kind):
    counts = []
    for n in (5, 50):
        section, article = build(news_index, vi, n)
        url = {"article": article.url, "section": section.url, "home": "/vi/", "index": news_index.url}[kind]
        counts.append(count_queries(client, url))
    assert counts[0] == counts[1], counts
    assert counts[1] <= MAX_QUERIES, counts


def test_english_pages_query_counts(client, en):
    from news.models import NewsIndexPage, NewsPage

    article = NewsPage.objects.filter(locale=en).live().first()
    for url in ("/en/", NewsIndexPage.objects.get(locale=en).url, article.get_parent().url, article.url):
        assert count_queries(client, url) <= MAX_QUERIES, url
