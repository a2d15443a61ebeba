"""Cards rendered once and reused, keyed by what they show (portal.fragments)."""

import itertools

import pytest
from django.template import Context, Template, TemplateSyntaxError
from django.test import RequestFactory, override_settings
from django.utils import translation
from wagtail.images import get_image_model

from foreign_relations.models import PartnerIndexPage, PartnerPage, Sector
from portal.fragments import forget_fragments, image_signature

pytestmark = pytest.mark.django_db

COUNTING = Template('{% load portal_tags %}{% fragment "test" value %}{{ counter.next }}{% endfragment %}')


class Counter:
    def __init__(self):
        self.numbers = itertools.count(1)

    def next(self):
        return next(self.numbers)


def render(value, counter, request=None):
    return COUNTING.render(Context({"value": value, "counter": counter, "request": request}))


def test_a_fragment_is_rendered_once_per_key():
    counter = Counter()
    assert [render("a", counter), render("a", counter), render("b", counter), render("a", counter)] == [
        "1",
        "1",
        "2",
        "1",
    ]


def test_the_language_and_the_host_are_part_of_the_key():
    counter = Counter()
    factory = RequestFactory()
    with translation.override("vi"):
        vi = render("a", counter, factory.get("/", HTTP_HOST="127.0.0.1"))
        other_host = render("a", counter, factory.get("/", HTTP_HOST="localhost"))
    with translation.override("en"):
        en = render("a", counter, factory.get("/", HTTP_HOST="127.0.0.1"))
    assert (vi, other_host, en) == ("1", "2", "3")


def test_the_memo_keeps_only_the_most_recent_fragments():
    counter = Counter()
    with override_settings(PORTAL_FRAGMENT_MEMO_SIZE=2):
        assert [render(v, counter) for v in ("a", "b", "c", "a")] == ["1", "2", "3", "4"]  # "a" went out
        assert render("c", counter) == "3"


def test_a_size_of_zero_turns_the_memo_off():
    counter = Counter()
    with override_settings(PORTAL_FRAGMENT_MEMO_SIZE=0):
        assert [render("a", counter), render("a", counter)] == ["1", "2"]


def test_the_tag_wants_a_name_and_a_key():
    with pytest.raises(TemplateSyntaxError):
        Template('{% load portal_tags %}{% fragment "test" %}x{% endfragment %}')


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
def test_cards_of_a_second_view_come_from_the_memo(client, monkeypatch):
    from portal import fragments

    directory = PartnerIndexPage.objects.get(locale__language_code="vi")
    forget_fragments()
    first = client.get(directory.url).content.decode()
    rendered = []
    original = fragments.render_fragment

    def spy(key, render):
        return original(key, lambda: rendered.append(key) or render())

    monkeypatch.setattr("portal.templatetags.portal_tags.render_fragment", spy)
    assert client.get(directory.url).content.decode() == first
    assert rendered == []
