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
    with django_assert_num_queries(1):  # not in the cache: one query, then cached
        prefetch_renditions([cold], specs)
    with django_assert_num_queries(0):
        assert template.render(Context({"img": cold})) == expected

    warm = type(img).objects.get(pk=img.pk)
    with django_assert_num_queries(0):  # every spec in the cache: no query
        prefetch_renditions([warm], specs)
        assert template.render(Context({"img": warm})) == expected
    assert {r.filter_spec for r in warm.prefetched_renditions} == set(specs)
