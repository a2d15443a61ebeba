import datetime
from html import unescape

import pytest
from django.utils import timezone

from home.models import HomePage, StandardPage
from news.models import NewsIndexPage, NewsPage, NewsSectionPage, Topic
from portal.models import Department

from .conftest import make_article, make_section

pytestmark = pytest.mark.django_db


def test_page_tree_rules(home_vi, news_index):
    section = NewsSectionPage.objects.filter(locale=news_index.locale).first()
    assert NewsIndexPage.can_exist_under(home_vi)
    assert not NewsIndexPage.can_create_at(home_vi)  # one news index per home page
    assert NewsSectionPage.can_create_at(news_index)
    assert not NewsSectionPage.can_create_at(home_vi)
    assert NewsPage.can_create_at(section)
    assert not NewsPage.can_create_at(news_index)
    assert not NewsPage.can_create_at(home_vi)
    assert news_index.specific_class.allowed_subpage_models() == [NewsSectionPage]
    assert NewsSectionPage.allowed_subpage_models() == [NewsPage]
    assert NewsPage.allowed_subpage_models() == []
    assert StandardPage not in NewsSectionPage.allowed_subpage_models()
    assert HomePage not in NewsPage.allowed_parent_page_models()


def test_article_slug_is_ascii_and_text_is_nfc(news_index):
    import unicodedata

    section = make_section(news_index)
    article = make_article(section, title=unicodedata.normalize("NFD", "Đoàn đại biểu Hàn Quốc thăm Phú Quốc"))
    assert article.slug == "doan-dai-bieu-han-quoc-tham-phu-quoc"
    assert article.title == unicodedata.normalize("NFC", "Đoàn đại biểu Hàn Quốc thăm Phú Quốc")


def test_publication_date_defaults_to_now():
    before = timezone.now()
    page = NewsPage(title="x")
    assert before <= page.date <= timezone.now() + datetime.timedelta(seconds=1)


def test_topic_gets_a_slug_per_language(vi):
    topic = Topic.objects.create(locale=vi, name="Hợp tác giáo dục")
    assert topic.slug == "hop-tac-giao-duc"


def test_demo_seed_article(vi):
    seed = NewsPage.objects.get(locale=vi, title__startswith="Kiện toàn và nâng cao chất lượng hoạt động")
    assert seed.get_parent().slug == "hoat-dong-lien-hiep"
    assert timezone.localtime(seed.date).date() == datetime.date(2022, 9, 20)
    assert seed.is_hot and seed.live
    assert seed.author_name == "TÔ VĂN DÂN"
    assert seed.author_position.startswith("Phó Chủ tịch")
    images = [block.value for block in seed.body if block.block_type == "image"]
    assert images and images[0]["caption"] == "Ban biên tập Liên hiệp các tổ chức hữu nghị tỉnh chụp ảnh lưu niệm"
    assert seed.get_listing_image() is not None
    assert seed.department is not None


def test_demo_news_content(vi, en):
    sections = NewsSectionPage.objects.filter(locale=vi)
    assert {s.slug for s in sections} >= {
        "doi-ngoai-nhan-dan",
        "vien-tro-phi-chinh-phu",
        "nguoi-viet-nam-o-nuoc-ngoai",
        "huu-nghi-hop-tac",
        "hoat-dong-lien-hiep",
    }
    articles = NewsPage.objects.filter(locale=vi).live()
    assert articles.count() >= 25
    for section in sections:
        assert NewsPage.objects.child_of(section).live().exists(), section.slug
    assert articles.filter(is_hot=True).count() >= 3
    translated = NewsPage.objects.filter(locale=en).live()
    assert 0 < translated.count() < articles.count()
    this_month = timezone.localtime().replace(day=1, hour=0, minute=0, second=0, microsecond=0)
    assert articles.filter(date__gte=this_month).count() >= 3
    assert articles.filter(date__lt=timezone.now() - datetime.timedelta(days=365)).exists()
    assert Department.objects.filter(locale=vi, articles__isnull=False).distinct().count() >= 3
    assert Topic.objects.filter(locale=en).exists()


def test_english_translation_keeps_topics_and_points_at_english_department(en):
    article_en = NewsPage.objects.filter(locale=en, topics__isnull=False).first()
    assert article_en is not None
    topic_names = {t.name for t in article_en.localized_topics()}
    assert topic_names and all(t.locale_id == en.id for t in article_en.localized_topics())
    assert article_en.department is None or article_en.department.locale_id == en.id


def test_admin_editor_tabs_and_vietnamese_help(client, news_index, django_user_model):
    section = NewsSectionPage.objects.filter(locale=news_index.locale).first()
    client.force_login(django_user_model.objects.get(username="admin"))
    response = client.get(f"/admin/pages/add/news/newspage/{section.pk}/", HTTP_ACCEPT_LANGUAGE="vi")
    assert response.status_code == 200
    html = response.text
    for name in (
        "lead",
        "hero_image",
        "hero_caption",
        "hero_credit",
        "body",
        "date",
        "author_name",
        "author_position",
        "source_name",
        "source_url",
        "source_date",
        "topics",
        "is_hot",
        "department",
    ):
        assert f'data-contentpath="{name}"' in html, name
    assert 'name="related_links-TOTAL_FORMS"' in html
    # Tabs and help texts in Vietnamese.
    for text in ("Nội dung", "Tác giả và nguồn", "Phân loại", "Tin nóng", "Sapo"):
        assert text in html, text
    # The topic and department choices are those of the page's language only.
    form_class = NewsPage.get_edit_handler().get_form_class()
    page = NewsPage(locale=news_index.locale)
    form = form_class(instance=page, for_user=django_user_model.objects.get(username="admin"), parent_page=section)
    assert {t.locale_id for t in form.fields["topics"].queryset} == {news_index.locale_id}
    assert {d.locale_id for d in form.fields["department"].queryset} == {news_index.locale_id}


def test_admin_refuses_an_article_outside_a_section(client, home_vi, django_user_model):
    client.force_login(django_user_model.objects.get(username="admin"))
    response = client.get(f"/admin/pages/add/news/newspage/{home_vi.pk}/")
    assert response.status_code in (302, 403)


def test_demo_licence_and_board_article_has_an_english_version(client, vi, en):
    seed = NewsPage.objects.get(locale=vi, title__startswith="Kiện toàn và nâng cao chất lượng hoạt động")
    english = seed.get_translation(en)
    assert english.live and english.title == "Kien Giang Union of Friendship Organizations strengthens its information portal"
    html = unescape(client.get(english.url).text)
    assert "Licence No. 15/GP" in html and "Decision No. 229/QĐ-LH of 13 September 2022" in html
    assert "Members of the Union's editorial board pose for a souvenir photo" in html
    assert "Vice President of the Kien Giang Union of Friendship Organizations" in html
    regulations = unescape(client.get("/en/about/regulations/").text)
    assert "These regulations of the information portal were issued with Decision No. 229/QĐ-LH" in regulations
    assert "English summary" not in regulations
