"""Pictures of a restricted collection never appear on the public site: not in an article's page
(main photo, body pictures, galleries, people's photos, pictures embedded in rich text, social
tags, JSON-LD), not in cards, feeds, the API nor the page cache, whoever looks at the public site,
and the page around them stays whole (no empty figure)."""

import json
import re

import pytest
from django.contrib.auth import get_user_model
from django.core.cache import caches
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from wagtail.images import get_image_model
from wagtail.models import Collection, CollectionViewRestriction

from news.models import NewsPage, NewsSectionPage
from tests.security.conftest import png_bytes

pytestmark = pytest.mark.django_db

Image = get_image_model()

PRIVATE_STEM = "hop-thuong-truc-noi-bo"
PRIVATE_CAPTION = "Chú thích ảnh họp nội bộ"
PUBLIC_STEM = "le-ky-ket-cong-khai"
ARTICLE_TITLE = "Lễ ký kết hợp tác giáo dục với tỉnh kết nghĩa"


@pytest.fixture
def commit(django_capture_on_commit_callbacks):
    return lambda: django_capture_on_commit_callbacks(execute=True)


@pytest.fixture
def board():
    collection = Collection.get_first_root_node().add_child(name="Thường trực – nội bộ")
    CollectionViewRestriction.objects.create(collection=collection, restriction_type="login")
    return collection


def new_image(collection, commit, stem):
    with commit():
        image = Image.objects.create(
            title=f"Ảnh {stem}", collection=collection, file=SimpleUploadedFile(f"{stem}.png", png_bytes((64, 48)))
        )
    image.refresh_from_db()
    return image


@pytest.fixture
def private_image(board, commit):
    image = new_image(board, commit, PRIVATE_STEM)
    assert image.file.url.startswith("/private-media/")
    return image


@pytest.fixture
def public_image(commit):
    return new_image(Collection.get_first_root_node(), commit, PUBLIC_STEM)


def body_with(private, public):
    embed = f'<p>Mở đầu.</p><embed alt="{PRIVATE_CAPTION}" embedtype="image" format="fullwidth" id="{private.pk}"/>'
    return [
        {"type": "paragraph", "value": embed},
        {"type": "image", "value": {"image": private.pk, "caption": PRIVATE_CAPTION, "credit": "", "alt_text": ""}},
        {
            "type": "gallery",
            "value": {
                "title": "Bộ ảnh nội bộ",
                "images": [{"image": private.pk, "caption": PRIVATE_CAPTION, "credit": "", "alt_text": ""}],
            },
        },
        {
            "type": "gallery",
            "value": {
                "title": "Bộ ảnh lễ ký kết",
                "images": [
                    {"image": private.pk, "caption": PRIVATE_CAPTION, "credit": "", "alt_text": ""},
                    {"image": public.pk, "caption": "Ảnh công khai", "credit": "", "alt_text": ""},
                ],
            },
        },
        {
            "type": "people",
            "value": {
                "title": "Thường trực",
                "people": [{"name": "Nguyễn Văn A", "role": "", "position": "", "photo": private.pk}],
            },
        },
    ]


@pytest.fixture
def article(private_image, public_image, vi):
    section = NewsSectionPage.objects.live().filter(locale=vi).order_by("path").first()
    page = NewsPage(
        title=ARTICLE_TITLE,
        lead="Hai bên ký biên bản ghi nhớ.",
        hero_image=private_image,
        hero_caption=PRIVATE_CAPTION,
        social_image=private_image,
        body=json.dumps(body_with(private_image, public_image)),
    )
    section.add_child(instance=page)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def assert_no_private_picture(text, where):
    assert "/private-media/" not in text, where
    assert PRIVATE_STEM not in text, where


def assert_whole_figures(html):
    for figure in re.findall(r"<figure\b.*?</figure>", html, flags=re.S):
        assert re.search(r"<img\b[^>]*\ssrc=\"[^\"]+\"", figure), figure
    assert not re.search(r"<img\b(?![^>]*\ssrc=)[^>]*>", html), "an <img> without src"


def logged_in(username):
    viewer = Client()
    viewer.force_login(get_user_model().objects.get(username=username))
    return viewer


@pytest.fixture
def page_cache(settings):
    """The page cache on, as in production (the test settings switch it off)."""
    settings.PORTAL_PAGE_CACHE = True
    for alias in ("default", "local"):
        caches[alias].clear()


def test_article_shows_none_of_its_private_pictures_to_anyone(article, public_image):
    # Anonymous readers, a collaborator (not admitted by the board's collection) and an admin who
    # may see the picture in the admin: the public page is the same for all.
    viewers = {"anonymous": Client(), "collaborator": logged_in("congtacvien"), "admin": logged_in("admin")}
    for who, viewer in viewers.items():
        response = viewer.get(article.url)
        assert response.status_code == 200, who
        html = response.content.decode()
        assert ARTICLE_TITLE in html
        assert_no_private_picture(html, who)
        assert PRIVATE_CAPTION not in html, who  # the figure and its caption left out together
        assert "Bộ ảnh nội bộ" not in html, who  # a gallery left with no picture is not shown
        assert "Bộ ảnh lễ ký kết" in html and PUBLIC_STEM in html, who  # its public picture stays
        assert 'property="og:image"' not in html and 'name="twitter:image"' not in html, who
        json_ld = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, flags=re.S).group(1)
        assert '"image"' not in json_ld, who
        assert_whole_figures(html)


def test_cards_fall_back_to_a_public_picture(client, article, public_image):
    NewsPage.objects.filter(pk=article.pk).update(listing_image=article.hero_image_id, hero_image=public_image.pk)
    article.refresh_from_db()
    assert article.get_listing_image() == public_image
    html = client.get(article.get_parent().url).content.decode()
    assert ARTICLE_TITLE in html
    assert_no_private_picture(html, "section list")
    assert PUBLIC_STEM in html
    assert_whole_figures(html)


def test_lists_home_and_feeds_leave_the_picture_out(client, article):
    section = article.get_parent().specific
    urls = [section.url, section.get_parent().url, "/vi/", *section.feed_urls().values()]
    urls += ["/vi/tin-tuc/atom/", "/vi/tin-tuc/rss/"]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        text = response.content.decode()
        assert_no_private_picture(text, url)
    rss = client.get(urls[-1]).content.decode()
    assert ARTICLE_TITLE in rss  # the article is in the feed, without an enclosure
    item = rss[rss.index(ARTICLE_TITLE) :]
    item = item[: item.index("</item>")]
    assert "<enclosure" not in item


def test_page_cache_never_keeps_a_variant_with_the_picture(article, page_cache):
    staff = logged_in("admin")
    first = staff.get(article.url)
    assert first["X-Portal-Cache"] == "bypass"
    assert_no_private_picture(first.content.decode(), "admin")
    anonymous = Client()
    miss = anonymous.get(article.url)
    hit = anonymous.get(article.url)
    assert (miss["X-Portal-Cache"], hit["X-Portal-Cache"]) == ("miss", "hit")
    for response in (miss, hit):
        assert_no_private_picture(response.content.decode(), response["X-Portal-Cache"])


def test_moving_a_picture_into_a_restricted_collection_makes_cached_pages_fresh(commit, page_cache, vi):
    album = Collection.get_first_root_node().add_child(name="Ảnh lễ ký kết")
    image = new_image(album, commit, PUBLIC_STEM)
    section = NewsSectionPage.objects.live().filter(locale=vi).order_by("path").first()
    page = NewsPage(title=ARTICLE_TITLE, hero_image=image, hero_caption="Ảnh lễ ký kết")
    section.add_child(instance=page)
    page.save_revision().publish()
    client = Client()
    client.get(page.url)
    assert client.get(page.url)["X-Portal-Cache"] == "hit"
    with commit():
        CollectionViewRestriction.objects.create(collection=album, restriction_type="login")
    response = client.get(page.url)
    assert response["X-Portal-Cache"] == "miss"
    assert PUBLIC_STEM not in response.content.decode()


def test_api_serves_no_private_picture(article, private_image, public_image):
    for viewer in (Client(), logged_in("congtacvien"), logged_in("admin")):
        listing = viewer.get("/api/v2/images/?limit=20&order=-id")
        assert listing.status_code == 200
        ids = [item["id"] for item in listing.json()["items"]]
        assert public_image.pk in ids and private_image.pk not in ids
        assert_no_private_picture(listing.content.decode(), "images")
        detail = viewer.get(f"/api/v2/images/{private_image.pk}/")
        assert detail.status_code == 404
        assert detail["Content-Type"].startswith("application/json") and "message" in detail.json()
        assert viewer.get(f"/api/v2/images/{public_image.pk}/").status_code == 200

        news = viewer.get(f"/api/v2/news/{article.pk}/")
        assert news.status_code == 200
        assert news.json()["picture"] is None
        assert_no_private_picture(news.content.decode(), "news detail")
        assert_no_private_picture(viewer.get("/api/v2/news/?fields=*&limit=20").content.decode(), "news list")


def test_api_image_fields_of_events_partners_and_albums_are_null(client, private_image, public_image, vi):
    from events.models import EventPage
    from foreign_relations.models import PartnerPage
    from galleries.models import AlbumPage

    event = EventPage.objects.live().filter(locale=vi).first()
    partner = PartnerPage.objects.live().filter(locale=vi).first()
    album = AlbumPage.objects.live().filter(locale=vi).first()
    EventPage.objects.filter(pk=event.pk).update(image=private_image)
    PartnerPage.objects.filter(pk=partner.pk).update(logo=private_image)
    album.pictures.update(image=private_image)

    event_json = client.get(f"/api/v2/events/{event.pk}/").json()
    partner_json = client.get(f"/api/v2/partners/{partner.pk}/?fields=*").json()
    album_json = client.get(f"/api/v2/albums/{album.pk}/").json()
    assert event_json["image"] is None
    assert partner_json["logo"] is None
    assert album_json["pictures"] and all(p["image"] is None for p in album_json["pictures"])
    for url in (
        f"/api/v2/events/{event.pk}/",
        f"/api/v2/partners/{partner.pk}/?fields=*",
        f"/api/v2/albums/{album.pk}/",
    ):
        assert_no_private_picture(client.get(url).content.decode(), url)
    # A public picture keeps Wagtail's nested form.
    EventPage.objects.filter(pk=event.pk).update(image=public_image)
    image = client.get(f"/api/v2/events/{event.pk}/").json()["image"]
    assert image["id"] == public_image.pk and image["meta"]["download_url"].endswith(public_image.file.name)


def test_every_page_type_leaves_private_pictures_out(client):
    """Every picture of the demo site in a restricted collection: no page of either language
    shows one, and each stays whole (figures with their picture, no <img> without src)."""
    from tests.reader_pages import reader_paths

    assert Image.objects.exists()
    # The pictures are copied to the private location now; their public files would go when the
    # transaction commits, which a test never does (other tests keep using them).
    CollectionViewRestriction.objects.create(collection=Collection.get_first_root_node(), restriction_type="login")
    assert all(image.file.url.startswith("/private-media/") for image in Image.objects.all())
    for lang in ("vi", "en"):
        for label, path, status in reader_paths(lang):
            response = client.get(path)
            assert response.status_code == status, path
            html = response.content.decode()
            assert "/private-media/" not in html, f"{lang} {label} {path}"
            assert_whole_figures(html)
