"""Pictures of listings: one query for the pictures of every card, one more for their renditions
(Wagtail's prefetch_renditions), and Wagtail's stock image tags."""

import pytest
from django.template import Context, Template
from wagtail.images import get_image_model

pytestmark = pytest.mark.django_db


@pytest.fixture
def img():
    image = get_image_model().objects.order_by("pk").first()
    assert image is not None, "the demo site has images"
    return image


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
    assert [image.pk if image else None for image in shown] == [img.pk, other.pk, img.pk, None]
    with django_assert_num_queries(0):
        attach_pictures([NewsPage(title="no picture")])


def test_renditions_of_the_pictures_come_in_one_more_query(img, django_assert_num_queries):
    from news.models import NewsPage
    from portal.images import attach_pictures

    template = Template("{% load wagtailimages_tags %}{% srcset_image img fill-{400x250,800x500} format-webp alt='' %}")
    expected = template.render(Context({"img": img}))  # the renditions exist from here on
    page = NewsPage(title="có ảnh", listing_image_id=img.pk)
    with django_assert_num_queries(2):
        attach_pictures([page], renditions=("fill-400x250|format-webp", "fill-800x500|format-webp"))
    with django_assert_num_queries(0):
        assert template.render(Context({"img": page.get_listing_image()})) == expected


def test_a_picture_deleted_since_the_listing_was_read_shows_none(img, django_assert_num_queries):
    from news.models import NewsPage
    from portal.images import attach_pictures

    page = NewsPage(title="gone", listing_image_id=10**9)
    with django_assert_num_queries(1):
        attach_pictures([page])
    with django_assert_num_queries(0):
        assert page.get_listing_image() is None
