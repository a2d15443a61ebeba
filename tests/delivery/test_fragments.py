"""Fragments cached with Django's {% cache %} tag, keyed by {% fragment_cache %} (the publish
generation, the language and the site), and fresh after every change that shows in them."""

import itertools

import pytest
from django.core.cache import caches
from django.template import Context, Template
from django.test import RequestFactory, override_settings
from django.utils import translation
from wagtail.images import get_image_model

from foreign_relations.models import PartnerIndexPage, PartnerPage, Sector
from portal.generation import bump
from portal.images import image_signature

pytestmark = pytest.mark.django_db

BY_GENERATION = Template(
    "{% load cache delivery_tags %}{% fragment_cache as fc %}"
    '{% cache fc.timeout "test" fc.generation value using=fc.cache %}{{ counter.next }}{% endcache %}'
)
BY_SITE = Template(
    "{% load cache delivery_tags %}{% fragment_cache as fc %}"
    '{% cache fc.timeout "test-card" value fc.site using=fc.cache %}{{ counter.next }}{% endcache %}'
)


class Counter:
    def __init__(self):
        self.numbers = itertools.count(1)

    def next(self):
        return next(self.numbers)


def render(value, counter, request=None, template=BY_GENERATION):
    if request is None:
        request = RequestFactory().get("/", HTTP_HOST="127.0.0.1")
    return template.render(Context({"value": value, "counter": counter, "request": request}))


def test_a_fragment_is_rendered_once_per_key_and_generation():
    counter = Counter()
    assert [render("a", counter), render("a", counter), render("b", counter), render("a", counter)] == [
        "1",
        "1",
        "2",
        "1",
    ]
    bump()  # a publish, on any server
    assert render("a", counter) == "3"


def test_a_card_keyed_by_its_values_outlives_a_publish():
    counter = Counter()
    assert render("a", counter, template=BY_SITE) == "1"
    bump()
    assert render("a", counter, template=BY_SITE) == "1"


def test_the_language_and_the_host_are_part_of_the_key():
    counter = Counter()
    factory = RequestFactory()
    for template in (BY_GENERATION, BY_SITE):
        with translation.override("vi"):
            vi = render("a", counter, factory.get("/", HTTP_HOST="127.0.0.1"), template)
            other_host = render("a", counter, factory.get("/", HTTP_HOST="localhost"), template)
        with translation.override("en"):
            en = render("a", counter, factory.get("/", HTTP_HOST="127.0.0.1"), template)
        assert len({vi, other_host, en}) == 3


def test_a_preview_is_never_stored_nor_served_from_the_cache():
    counter = Counter()
    assert render("a", counter) == "1"
    preview = RequestFactory().get("/", HTTP_HOST="127.0.0.1")
    preview.is_preview = True
    assert [render("a", counter, preview), render("a", counter, preview)] == ["2", "3"]
    assert render("a", counter) == "1"


def test_without_the_shared_cache_fragments_are_rendered_each_time(monkeypatch):
    monkeypatch.setattr("portal.generation.current", lambda: None)  # Redis unreachable
    counter = Counter()
    assert [render("a", counter), render("a", counter)] == ["1", "2"]


def test_without_a_request_nothing_is_cached():
    counter = Counter()
    rendered = [BY_GENERATION.render(Context({"value": "a", "counter": counter})) for _ in range(2)]
    assert rendered == ["1", "2"]


def test_a_new_focal_point_is_a_new_picture():
    image = get_image_model().objects.order_by("pk").first()
    before = image_signature(image)
    image.set_focal_point(None)
    image.focal_point_x, image.focal_point_y, image.focal_point_width, image.focal_point_height = 10, 10, 5, 5
    assert image_signature(image) != before
    assert image_signature(None) is None


@override_settings(PORTAL_PAGE_CACHE=False)
def test_a_new_title_shows_in_the_listing_at_once(client):
    from news.models import NewsIndexPage
    from tests.news.conftest import make_article, make_section

    section = make_section(NewsIndexPage.objects.get(locale__language_code="vi"))
    article = make_article(section, title="Tiêu đề cũ của bài")
    assert "Tiêu đề cũ của bài" in client.get(section.url).content.decode()
    article.title = "Tiêu đề mới của bài"
    article.save_revision().publish()
    html = client.get(section.url).content.decode()
    assert "Tiêu đề mới của bài" in html and "Tiêu đề cũ của bài" not in html


@override_settings(PORTAL_PAGE_CACHE=False)
def test_a_renamed_sector_shows_on_the_partner_cards_at_once(client):
    """A sector is a snippet: renaming it publishes no partner, yet its cards must show the new name."""
    directory = PartnerIndexPage.objects.get(locale__language_code="vi")
    partner = PartnerPage.objects.live().child_of(directory).filter(sectors__isnull=False).first()
    assert partner is not None, "the demo has partners with sectors"
    sector = partner.sectors.first()
    sector = Sector.objects.get(locale__language_code="vi", translation_key=sector.translation_key)
    assert f"<li>{sector.name}</li>" in client.get(directory.url).content.decode()  # on a card
    sector.name = "Lĩnh vực vừa đổi tên"
    sector.save()
    assert "<li>Lĩnh vực vừa đổi tên</li>" in client.get(directory.url).content.decode()


@override_settings(PORTAL_PAGE_CACHE=False)
def test_cards_of_a_second_view_come_from_the_fragment_cache(client, monkeypatch):
    directory = PartnerIndexPage.objects.get(locale__language_code="vi")
    local = caches["local"]
    local.clear()
    stored = []
    original = local.set
    monkeypatch.setattr(
        local, "set", lambda key, value, *args, **kwargs: stored.append(key) or original(key, value, *args, **kwargs)
    )
    first = client.get(directory.url).content.decode()
    partners = PartnerPage.objects.live().child_of(directory).count()
    assert partners and len(stored) >= partners  # one entry per card, at least
    stored.clear()
    assert client.get(directory.url).content.decode() == first
    assert stored == []  # every fragment of the second view came from the cache


@override_settings(PORTAL_PAGE_CACHE=False)
def test_the_menu_marks_the_page_being_read_whatever_was_read_before(client):
    from tests.performance.conftest import live_page

    article = live_page("newspage")
    news_index = article.get_parent().get_parent()
    home = news_index.get_parent()
    news_link = f'href="{news_index.url}"'
    for _round in range(2):  # the second round reads every menu from the memo
        menu = client.get(home.url).content.decode().split('id="main-nav-list"')[1].split("</ul>")[0]
        assert f'href="{home.url}" aria-current="page"' in menu and f"{news_link} aria-current" not in menu
        menu = client.get(news_index.url).content.decode().split('id="main-nav-list"')[1].split("</ul>")[0]
        assert f'{news_link} aria-current="page"' in menu
        menu = client.get(article.url).content.decode().split('id="main-nav-list"')[1].split("</ul>")[0]
        assert f'{news_link} aria-current="true"' in menu
    assert (
        "aria-current"
        not in client.get("/vi/search/?q=abc").content.decode().split('id="main-nav-list"')[1].split("</ul>")[0]
    )


@override_settings(PORTAL_PAGE_CACHE=False)
def test_a_new_organization_name_shows_in_the_header_and_footer_at_once(client):
    from wagtail.models import Site

    from portal.models import OrganizationSettings

    before = client.get("/vi/").content.decode()
    assert client.get("/vi/").content.decode() == before  # header and footer from the memo
    org = OrganizationSettings.for_site(Site.objects.get(is_default_site=True))
    org.name_vi = "Liên hiệp các tổ chức hữu nghị – tên mới"
    org.save()
    html = client.get("/vi/").content.decode()
    assert html != before
    header, footer = html.split("</header>")[0], html.split('<footer class="site-footer">')[1]
    assert "Liên hiệp các tổ chức hữu nghị – tên mới" in header
    assert "Liên hiệp các tổ chức hữu nghị – tên mới" in footer


def test_select_options_marks_the_choice_and_escapes_every_label():
    template = Template(
        "{% load portal_tags %}{% select_options pairs chosen %}|{% select_options names '' %}|"
        '{% select_options objects "b" value="code" label="name" %}'
    )

    class Item:
        def __init__(self, code, name):
            self.code, self.name = code, name

    html = template.render(
        Context(
            {
                "pairs": [("DE", "Đức"), ("JP", "Nhật Bản")],
                "chosen": "JP",
                "names": ["Hà Nội", '<script>alert("x")</script>'],
                "objects": [Item("a", "Y tế"), Item("b", "Giáo dục & đào tạo")],
            }
        )
    )
    pairs, names, objects = html.split("|")
    assert pairs == '<option value="DE">Đức</option><option value="JP" selected>Nhật Bản</option>'
    assert "<script>" not in names and "&lt;script&gt;" in names and "selected" not in names
    assert objects == '<option value="a">Y tế</option><option value="b" selected>Giáo dục &amp; đào tạo</option>'


def test_the_organization_is_found_without_a_request():
    """Templates rendered outside a request (e-mails) read the default site's settings."""
    html = Template("{% load portal_tags %}{% organization as org %}{{ org.name }}").render(Context({}))
    assert html.strip()


@override_settings(PORTAL_PAGE_CACHE=False)
def test_an_unpublished_translation_leaves_the_language_links_at_once(client):
    """The language switcher and the hreflang links are kept per page under the chrome
    generation: a translation that goes away must leave them at the next view."""
    from news.models import NewsPage

    article = next(
        page for page in NewsPage.objects.live().filter(locale__language_code="vi") if page.get_translations().live()
    )
    english = article.get_translations().live().get()
    english_url = english.get_url()
    before = client.get(article.url).content.decode()
    assert client.get(article.url).content.decode() == before  # links from the memo
    assert 'hreflang="en"' in before.split("</head>")[0] and f'href="{english_url}"' in before
    english.unpublish()
    html = client.get(article.url).content.decode()
    assert 'hreflang="en"' not in html.split("</head>")[0]
    switcher = html.split('class="language-switcher"')[1].split("</nav>")[0]
    assert english_url not in switcher and "?untranslated=1" in switcher


@override_settings(PORTAL_PAGE_CACHE=False)
def test_a_renamed_section_shows_in_its_articles_breadcrumbs_and_aside_at_once(client):
    from tests.performance.conftest import live_page

    article = live_page("newspage")
    section = article.get_parent().specific
    before = client.get(article.url).content.decode()
    assert section.title in before.split('class="breadcrumbs')[1].split("</nav>")[0]
    section.title = "Chuyên mục đổi tên"
    section.save_revision().publish()
    html = client.get(article.url).content.decode()
    assert "Chuyên mục đổi tên" in html.split('class="breadcrumbs')[1].split("</nav>")[0]
    aside = html.split('<aside class="news-aside')[1].split("</aside>")[0]
    assert "news-list--stack" in aside and "Chuyên mục đổi tên" in aside  # "More in …" names it


@override_settings(PORTAL_PAGE_CACHE=False)
def test_a_second_view_of_an_article_reads_only_the_route(client):
    """The article's meta and content are one cached fragment each: while they are in the cache,
    its related pages, topics, section headlines, albums and JSON-LD are not read at all."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from tests.performance.conftest import live_page

    article = live_page("newspage")
    caches["local"].clear()
    with CaptureQueriesContext(connection) as first:
        first_html = client.get(article.url).content.decode()
    with CaptureQueriesContext(connection) as second:
        assert client.get(article.url).content.decode() == first_html
    assert len(second.captured_queries) < len(first.captured_queries)
    read = " ".join(query["sql"] for query in second.captured_queries)
    for table in ("news_topic", "news_newsrelatedpage", "galleries_albumpage", "galleries_videopage"):
        assert table not in read, table


@override_settings(PORTAL_PAGE_CACHE=False)
def test_an_edited_article_shows_its_new_text_and_topics_at_once(client):
    from tests.performance.conftest import live_page

    article = live_page("newspage")
    client.get(article.url)  # the fragments are in the cache
    article.lead = "Đoạn mở đầu vừa được sửa."
    article.save_revision().publish()
    html = client.get(article.url).content.decode()
    assert "Đoạn mở đầu vừa được sửa." in html


@override_settings(PORTAL_PAGE_CACHE=False)
def test_a_remembered_route_follows_a_moved_page(client):
    """Which page answers a path is remembered for the publish generation: a move changes both."""
    from news.models import NewsIndexPage
    from tests.news.conftest import make_article, make_section

    index = NewsIndexPage.objects.get(locale__language_code="vi")
    first, second = make_section(index, title="Chuyên mục thứ nhất"), make_section(index, title="Chuyên mục thứ hai")
    article = make_article(first, title="Bài viết sẽ được chuyển")
    old_url = article.url
    assert client.get(old_url).status_code == 200
    article.move(second, pos="last-child")
    article.refresh_from_db()
    moved = client.get(old_url)  # Wagtail's redirect to the new address, not the remembered page
    assert moved.status_code == 301 and moved["Location"].endswith(article.url)
    assert client.get(article.url).status_code == 200
