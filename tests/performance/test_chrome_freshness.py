"""What the chrome cache keeps besides the menu (news sections, the news archive, route parents,
restricted paths, search promotions, snippets) is fresh at once after a change, with the page
cache off: every view below first warms the chrome, then the change must show on the next view."""

import datetime

import pytest
from django.utils import timezone
from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import PageViewRestriction

from tests.performance.conftest import live_page

pytestmark = pytest.mark.django_db


def _text(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def test_a_new_section_shows_on_the_news_page_and_home_page_at_once(client):
    from news.models import NewsPage, NewsSectionPage

    article = live_page("newspage")
    news_index = article.get_parent().get_parent().specific
    home = news_index.get_parent().specific
    for url in (news_index.url, home.url):
        assert "Giao lưu văn hóa Việt – Lào" not in _text(client, url)

    section = news_index.add_child(instance=NewsSectionPage(title="Giao lưu văn hóa Việt – Lào", slug="giao-luu-lao"))
    section.save_revision().publish()
    story = section.add_child(
        instance=NewsPage(
            title="Liên hoan văn nghệ hữu nghị Việt – Lào tại Quảng Trị",
            slug="lien-hoan-van-nghe-viet-lao",
            date=timezone.now(),
        )
    )
    story.save_revision().publish()

    assert "Giao lưu văn hóa Việt – Lào" in _text(client, news_index.url)
    home_html = _text(client, home.url)
    assert "Giao lưu văn hóa Việt – Lào" in home_html
    assert "Liên hoan văn nghệ hữu nghị Việt – Lào tại Quảng Trị" in home_html
    # The article is routed through the new section, with the section in its breadcrumbs.
    assert "Giao lưu văn hóa Việt – Lào" in _text(client, story.url)

    section.unpublish()
    assert "Giao lưu văn hóa Việt – Lào" not in _text(client, news_index.url)
    assert "Liên hoan văn nghệ hữu nghị Việt – Lào tại Quảng Trị" not in _text(client, home.url)


def test_the_archive_counts_a_new_month_at_once(client):
    from news.models import NewsPage

    article = live_page("newspage")
    section = article.get_parent()
    news_index = section.get_parent().specific
    assert "?year=1998" not in _text(client, news_index.url)

    old = section.add_child(
        instance=NewsPage(
            title="Thành lập Hội hữu nghị Việt Nam – Nhật Bản tỉnh",
            slug="thanh-lap-hoi-huu-nghi-viet-nhat",
            date=timezone.make_aware(datetime.datetime(1998, 3, 2, 9, 0)),
        )
    )
    old.save_revision().publish()
    assert "year=1998" in _text(client, news_index.url)


def test_a_renamed_section_is_renamed_on_its_articles_at_once(client):
    article = live_page("newspage")
    section = article.get_parent().specific
    assert section.title in _text(client, article.url)

    section.title = "Đối ngoại nhân dân và hợp tác quốc tế"
    section.save_revision().publish()
    assert "Đối ngoại nhân dân và hợp tác quốc tế" in _text(client, article.url)


def test_a_new_restriction_hides_a_section_from_listings_at_once(client):
    article = live_page("newspage")
    section = article.get_parent().specific
    news_index = section.get_parent().specific
    assert article.title in _text(client, news_index.url)

    PageViewRestriction.objects.create(page=section, restriction_type=PageViewRestriction.LOGIN)
    assert article.title not in _text(client, news_index.url)
    assert section.title not in _text(client, news_index.url)
    assert client.get(article.url).status_code == 302  # to the login page


def test_a_new_search_promotion_shows_at_once(client):
    partner = live_page("partnerpage")
    url = "/vi/search/?q=ngoai+giao+nhan+dan"
    assert "Đối tác tiêu biểu" not in _text(client, url)

    query = Query.get("ngoại giao nhân dân")
    SearchPromotion.objects.create(query=query, page=partner, sort_order=0, description="Đối tác tiêu biểu")
    html = _text(client, url)
    assert "Đối tác tiêu biểu" in html
    assert partner.title in html


def test_a_renamed_document_type_shows_on_its_directives_at_once(client):
    from foreign_relations.models import DocumentType

    directive = live_page("directivepage")
    document_type = DocumentType.objects.get(pk=directive.document_type_id)
    assert document_type.name in _text(client, directive.url)

    document_type.name = "Chỉ thị của Ban Bí thư"
    document_type.save()
    assert "Chỉ thị của Ban Bí thư" in _text(client, directive.url)


def test_a_new_partner_shows_in_the_directory_and_its_filters_at_once(client):
    from foreign_relations.models import PartnerIndexPage, PartnerPage

    directory = PartnerIndexPage.objects.get(locale__language_code="vi")
    html = _text(client, directory.url)
    assert "Hội hữu nghị Iceland – Việt Nam" not in html and 'value="IS"' not in html
    assert 'value="Kiên Lương"' not in html
    partner = directory.add_child(
        instance=PartnerPage(
            title="Hội hữu nghị Iceland – Việt Nam", country="IS", localities="Kiên Lương", partner_type="ngo"
        )
    )
    partner.save_revision().publish()
    html = _text(client, directory.url + "?country=IS")
    assert "Hội hữu nghị Iceland – Việt Nam" in html  # the rows
    assert '<option value="IS" selected>' in html  # the country filter
    assert 'value="Kiên Lương"' in _text(client, directory.url)  # the locality filter


def test_a_new_story_of_an_existing_section_leads_it_at_once(client):
    from news.models import NewsPage

    article = live_page("newspage")
    section = article.get_parent().specific
    home = section.get_parent().get_parent()
    assert "Đoàn thanh niên Kiên Giang thăm Campuchia" not in _text(client, home.url)
    assert "Đoàn thanh niên Kiên Giang thăm Campuchia" not in _text(client, article.url)
    story = section.add_child(
        instance=NewsPage(
            title="Đoàn thanh niên Kiên Giang thăm Campuchia", slug="doan-thanh-nien-tham-cpc", date=timezone.now()
        )
    )
    story.save_revision().publish()
    assert "Đoàn thanh niên Kiên Giang thăm Campuchia" in _text(client, home.url)
    # and among the section's latest on its other articles
    more = _text(client, article.url).split('class="news-aside', 1)[1]
    assert "Đoàn thanh niên Kiên Giang thăm Campuchia" in more


def test_a_topic_first_used_shows_in_the_news_topics_at_once(client):
    from news.models import Topic

    article = live_page("newspage")
    news_index = article.get_parent().get_parent()
    topic = Topic.objects.create(
        locale=article.locale, name="Ngoại giao nhân dân vùng biên", slug="ngoai-giao-vung-bien"
    )
    assert "?topic=ngoai-giao-vung-bien" not in _text(client, news_index.url)  # no article carries it yet
    article.topics.add(topic)
    article.save_revision().publish()
    assert "?topic=ngoai-giao-vung-bien" in _text(client, news_index.url)


def test_a_snippet_draft_leaves_cached_pages_alone_and_its_publication_refreshes_them(client):
    from news.models import Topic
    from portal import generation

    topic = Topic.objects.filter(locale__language_code="en", live=True).first()
    assert topic is not None
    before = generation.current()
    assert before is not None

    topic.name = "A translator's unreviewed topic name"
    revision = topic.save_revision()  # what the snippet editor does for a live snippet's draft
    assert generation.current() == before
    assert Topic.objects.get(pk=topic.pk).name != "A translator's unreviewed topic name"

    revision.publish()
    assert generation.current() != before
