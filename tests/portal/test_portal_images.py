"""portal_images: Wagtail's image tags with their filters parsed once per compiled template."""

import pytest
from django.template import Context, Template, TemplateSyntaxError
from wagtail.images import get_image_model

pytestmark = pytest.mark.django_db

TAGS = [
    '{% image img fill-400x250 class="card" alt="" %}',
    '{% srcset_image img fill-{400x250,800x500} format-webp sizes="100vw" loading="lazy" alt="" %}',
    "{% picture img format-{avif,webp} width-400 %}",
    "{% image img max-160x160 as logo %}{{ logo.url }} {{ logo.width }}",
]


@pytest.fixture
def img():
    image = get_image_model().objects.order_by("pk").first()
    assert image is not None, "the demo site has images"
    return image


@pytest.mark.parametrize("tag", TAGS)
def test_same_html_as_wagtails_own_tags(img, tag):
    wagtails = Template("{% load wagtailimages_tags %}" + tag).render(Context({"img": img}))
    ours = Template("{% load wagtailimages_tags portal_images %}" + tag).render(Context({"img": img}))
    assert ours == wagtails
    assert "/media/images/" in ours


def test_filters_are_parsed_once_per_node(img, monkeypatch):
    from wagtail.images.models import Filter

    template = Template("{% load portal_images %}{% srcset_image img fill-{400x250,800x500} alt='' %}")
    template.render(Context({"img": img}))
    made = []
    original = Filter.__init__

    def counting_init(self, *args, **kwargs):
        made.append(kwargs.get("spec") or (args[0] if args else None))
        original(self, *args, **kwargs)

    monkeypatch.setattr(Filter, "__init__", counting_init)
    for _ in range(3):
        html = template.render(Context({"img": img}))
        assert "400w" in html and "800w" in html
    assert made == []


def test_missing_image_renders_nothing_and_bad_syntax_is_wagtails_error(img):
    assert Template("{% load portal_images %}{% image img width-100 %}").render(Context({"img": None})) == ""
    with pytest.raises(TemplateSyntaxError, match="at least one filter spec"):
        Template("{% load portal_images %}{% image img %}")


def test_prefetch_reads_the_cache_first_and_the_database_once(img, django_assert_num_queries):
    from wagtail.images.models import Rendition

    from portal.images import prefetch_renditions

    specs = ("fill-400x250|format-webp", "fill-800x500|format-webp")
    template = Template("{% load portal_images %}{% srcset_image img fill-{400x250,800x500} format-webp alt='' %}")
    expected = template.render(Context({"img": img}))  # the renditions exist from here on
    Rendition.cache_backend.clear()

    cold = type(img).objects.get(pk=img.pk)
    with django_assert_num_queries(0):  # nothing is read before a template asks for a picture
        prefetch_renditions([cold], specs)
    with django_assert_num_queries(1):  # not in the cache: one query, then cached
        assert template.render(Context({"img": cold})) == expected
    with django_assert_num_queries(0):
        assert template.render(Context({"img": cold})) == expected

    warm = type(img).objects.get(pk=img.pk)
    with django_assert_num_queries(0):  # every spec in the cache: no query
        prefetch_renditions([warm], specs)
        assert template.render(Context({"img": warm})) == expected
    assert {r.filter_spec for r in warm.prefetched_renditions} == set(specs)


def test_an_image_shown_twice_gets_the_renditions_of_both_uses(img, django_assert_num_queries):
    """The featured story's picture can be a card's too: the same image object, two sets of specs."""
    from portal.images import prefetch_renditions

    card = Template("{% load portal_images %}{% srcset_image img fill-{400x250,800x500} format-webp alt='' %}")
    featured = Template("{% load portal_images %}{% srcset_image img fill-{640x400,1200x750} format-webp alt='' %}")
    expected = card.render(Context({"img": img})), featured.render(Context({"img": img}))
    shared = type(img).objects.get(pk=img.pk)
    prefetch_renditions([shared], ("fill-640x400|format-webp", "fill-1200x750|format-webp"))
    prefetch_renditions([shared, shared], ("fill-400x250|format-webp", "fill-800x500|format-webp"))
    assert len({r.filter_spec for r in shared.prefetched_renditions}) == len(shared.prefetched_renditions) == 4
    with django_assert_num_queries(0):
        assert (card.render(Context({"img": shared})), featured.render(Context({"img": shared}))) == expected


def test_pictures_of_a_listing_come_in_one_query(img, django_assert_num_queries):
    from news.models import NewsPage
    from portal.images import attach_pictures

    other = get_image_model().objects.exclude(pk=img.pk).order_by("pk").first()
    pages = [NewsPage(title=str(n)) for n in range(4)]
    pages[0].listing_image_id, pages[0].hero_image_id = img.pk, other.pk  # the listing image wins
    pages[1].hero_image_id = other.pk  # then the hero
    pages[2].social_image_id = img.pk  # then the social card
    # pages[3] has no picture at all
    with django_assert_num_queries(1):
        attach_pictures(pages)
    with django_assert_num_queries(0):
        shown = [page.get_listing_image() for page in pages]
        attach_pictures(pages)  # already there: nothing read again
    assert [image.pk if image else None for image in shown] == [img.pk, other.pk, img.pk, None]
    with django_assert_num_queries(0):
        attach_pictures([NewsPage(title="no picture")])


def test_a_picture_deleted_since_the_listing_was_read_shows_none(img, django_assert_num_queries):
    from news.models import NewsPage
    from portal.images import attach_pictures

    page = NewsPage(title="gone", listing_image_id=10**9)
    with django_assert_num_queries(1):
        attach_pictures([page])
    with django_assert_num_queries(0):
        assert page.get_listing_image() is None
