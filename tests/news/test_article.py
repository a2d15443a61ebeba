import datetime
import json
import re
from unittest import mock

import pytest
from django.utils import timezone

from demo.images import demo_image
from news.models import NewsPage, NewsRelatedPage, Topic

from .conftest import make_article, make_section, translate_to_english

pytestmark = pytest.mark.django_db


@pytest.fixture
def article(news_index, vi):
    section = make_section(news_index, title="Chuyên mục bài thử")
    topic = Topic.objects.create(locale=vi, name="Chủ đề bài thử")
    other = make_article(section, title="Bài liên quan cùng chuyên mục")
    image = demo_image("Ảnh bài thử nghiệm")
    page = make_article(
        section,
        title="Đoàn đại biểu thăm và làm việc tại Kiên Giang",
        lead="Sapo bài thử: đoàn đại biểu làm việc với Liên hiệp tỉnh.",
        date=timezone.make_aware(datetime.datetime(2022, 9, 20, 9, 30)),
        hero_image=image,
        hero_caption="Các đại biểu chụp ảnh lưu niệm",
        hero_credit="Ảnh: Thanh Tùng",
        author_name="TÔ VĂN DÂN",
        author_position="Phó Chủ tịch Liên hiệp",
        source_name="Báo Kiên Giang",
        source_url="https://baokiengiang.vn/bai-goc.html",
        source_date=datetime.date(2022, 9, 19),
        is_hot=True,
        topics=[topic],
    )
    NewsRelatedPage.objects.create(page=page, target=other, sort_order=0)
    page.save_revision().publish()
    return page


def test_article_page_renders_everything(client, article):
    response = client.get(article.url)
    assert response.status_code == 200
    html = response.text
    assert "20/09/2022" in html
    assert "Sapo bài thử" in html
    assert "Các đại biểu chụp ảnh lưu niệm" in html and "Ảnh: Thanh Tùng" in html
    main = html.split("<main", 1)[1]
    assert main.index("TÔ VĂN DÂN") > main.index("Nội dung bài thử")  # the byline ends the article
    assert "Phó Chủ tịch Liên hiệp" in html
    assert 'href="https://baokiengiang.vn/bai-goc.html"' in html and "Báo Kiên Giang" in html and "19/09/2022" in html
    assert "Chủ đề bài thử" in html
    assert "Bài liên quan cùng chuyên mục" in html
    assert "data-print" in html
    assert "facebook.com/sharer" in html
    assert not re.search(r"<script[^>]+src=\"https?://", html), "no third-party scripts"
    assert '<meta property="og:type" content="article">' in html
    assert '<meta name="twitter:card" content="summary_large_image">' in html
    assert 'property="og:image"' in html
    assert f'<link rel="canonical" href="{article.full_url}">' in html
    ld = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1))
    assert ld["@type"] == "NewsArticle" and ld["headline"] == article.title and ld["inLanguage"] == "vi"
    assert ld["author"]["name"] == "TÔ VĂN DÂN"
    assert ld["image"][0].startswith("http")


def test_hero_image_is_responsive(client, article):
    html = client.get(article.url).text
    hero = re.search(r'<figure class="figure news-article__hero">\s*(<img[^>]+>)', html).group(1)
    assert "srcset=" in hero and "sizes=" in hero and ".webp" in hero
    assert re.search(r'width="\d+"', hero) and re.search(r'height="\d+"', hero)
    assert 'loading="lazy"' not in hero  # above the fold
    section_html = client.get(article.get_parent().url).text
    card = re.search(r'<a class="news-card__image"[^>]*>(<img[^>]+>)', section_html).group(1)
    assert 'loading="lazy"' in card and "srcset=" in card and re.search(r'width="\d+"', card)


def test_no_image_processing_once_renditions_exist(client, article):
    assert client.get(article.url).status_code == 200
    assert client.get(article.get_parent().url).status_code == 200
    with mock.patch("wagtail.images.models.Filter.run", side_effect=AssertionError("image processed")):
        assert client.get(article.url).status_code == 200
        assert client.get(article.get_parent().url).status_code == 200


def test_english_article_uses_english_date_topics_and_related(client, article, news_index, en):
    section = article.get_parent().specific
    index_en = news_index.get_translation(en)
    assert index_en
    translate_to_english(section, {section.title: "Test section", section.slug: "test-section"})
    topic = article.topics.first()
    translate_to_english(topic, {topic.name: "Test topic", topic.slug: "test-topic"})
    english = translate_to_english(
        article,
        {
            article.title: "Delegation visits Kien Giang",
            article.slug: "delegation-visits-kien-giang",
            article.lead: "Test lead in English.",
            "Nội dung bài thử" + article.body[0].value.source[len("<p>Nội dung bài thử") : -4]: "English body.",
        },
    )
    response = client.get(english.url)
    assert response.status_code == 200
    html = response.text
    assert '<html lang="en">' in html
    assert "20 September 2022" in html
    assert "Test topic" in html and "Chủ đề bài thử" not in html
    # The related article has no English version: it is not offered to English readers.
    assert "Bài liên quan cùng chuyên mục" not in html
    assert json.loads(re.search(r'application/ld\+json">(.*?)</script>', html, re.S).group(1))["inLanguage"] == "en"


def test_untranslated_article_is_not_served_under_english_url(client, article):
    assert client.get(article.url.replace("/vi/", "/en/", 1)).status_code == 404


def test_print_stylesheet_hides_tools(client, article):
    from pathlib import Path

    from django.conf import settings

    css = (Path(settings.BASE_DIR) / "news/static/news/css/news.css").read_text()
    assert "@media print" in css and ".news-article__tools" in css.split("@media print", 1)[1]
    assert 'media="print"' in client.get(article.url).text


def test_reposted_article_without_source_link(client, news_index):
    section = make_section(news_index)
    page = make_article(section, source_name="Báo Nhân Dân")
    html = client.get(page.url).text
    assert "Báo Nhân Dân" in html


def test_restricted_article_is_not_listed(client, news_index):
    from wagtail.models import PageViewRestriction

    section = make_section(news_index)
    hidden = make_article(section, title="Bài nội bộ có mật khẩu")
    PageViewRestriction.objects.create(page=hidden, restriction_type="password", password="secret-123")
    assert hidden.title not in client.get(section.url).text
    assert client.get(hidden.url).status_code == 200  # the password form, not the article
    assert "Nội dung bài thử" not in client.get(hidden.url).text
    assert NewsPage.objects.filter(pk=hidden.pk).exists()


def test_preview_of_an_unsaved_article_shows_the_editors_choices(news_index, vi, django_user_model, rf):
    section = make_section(news_index)
    related = make_article(section, title="Bài được liên kết trong bản xem trước")
    topic = Topic.objects.create(locale=vi, name="Chủ đề xem trước")
    page = NewsPage(title="Bản xem trước chưa lưu", locale=vi, lead="Sapo xem trước.", author_name="LÊ VĂN MINH")
    page.depth = section.depth + 1
    page.path = section.path + "9999"
    page.set_url_path(section)
    page.topics = [topic]
    page.related_links = [NewsRelatedPage(target=related)]
    request = rf.get("/")
    request.user = django_user_model.objects.get(username="admin")
    response = page.make_preview_request(original_request=request)
    assert response.status_code == 200
    html = response.rendered_content if hasattr(response, "rendered_content") else response.content.decode()
    assert "Bản xem trước chưa lưu" in html and "Chủ đề xem trước" in html
    assert "Bài được liên kết trong bản xem trước" in html and "LÊ VĂN MINH" in html
