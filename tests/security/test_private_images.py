"""Pictures of a restricted collection: neither the original nor a rendition is reachable in the
public media location; the checking view serves them only to those allowed."""

import os

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail.images import get_image_model
from wagtail.models import Collection, CollectionViewRestriction

from tests.security.conftest import png_bytes

pytestmark = pytest.mark.django_db

Image = get_image_model()


def body(response):
    return b"".join(response.streaming_content) if response.streaming else response.content


def public_path(name):
    return os.path.join(settings.MEDIA_ROOT, name)


def private_path(name):
    return os.path.join(settings.PRIVATE_MEDIA_ROOT, name)


@pytest.fixture
def commit(django_capture_on_commit_callbacks):
    """Files are moved and removed when the transaction commits: run those callbacks."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


@pytest.fixture
def board():
    collection = Collection.get_first_root_node().add_child(name="Thường trực – nội bộ")
    CollectionViewRestriction.objects.create(collection=collection, restriction_type="login")
    return collection


def new_image(collection, commit, name="hop-thuong-truc.png"):
    with commit():
        return Image.objects.create(
            title="Ảnh họp Thường trực", collection=collection, file=SimpleUploadedFile(name, png_bytes((40, 30)))
        )


def test_restricted_picture_and_rendition_are_private(client, board, user_client, commit):
    image = new_image(board, commit)
    image.refresh_from_db()
    rendition = image.get_rendition("fill-20x20")
    for name in (image.file.name, rendition.file.name):
        assert not os.path.exists(public_path(name)), name
        assert os.path.exists(private_path(name)), name
    urls = (image.file.url, rendition.url)
    assert all(url.startswith("/private-media/") for url in urls)

    client.logout()
    for url in urls:
        response = client.get(url)
        assert response.status_code == 403
        assert b"PNG" not in body(response)
    # A signed-in reader is admitted by a "login" restriction, refused by a board-only one.
    outsider = get_user_model().objects.create_user("ban-doc", password="x")
    client.force_login(outsider)
    assert client.get(urls[0]).status_code == 200
    CollectionViewRestriction.objects.filter(collection=board).update(restriction_type="groups")
    assert client.get(urls[0]).status_code == 403

    admin = user_client("admin")
    for url in urls:
        response = admin.get(url)
        assert response.status_code == 200
        assert body(response).startswith(b"\x89PNG")
        assert "no-store" in response["Cache-Control"]


def test_public_picture_is_unaffected_and_moves_with_its_collection(client, board, commit):
    image = new_image(Collection.get_first_root_node(), commit, name="le-ky-ket.png")
    image.refresh_from_db()
    public_name = image.file.name
    rendition = image.get_rendition("fill-20x20")
    assert image.file.url == settings.MEDIA_URL + public_name
    assert rendition.url.startswith(settings.MEDIA_URL)
    assert os.path.exists(public_path(public_name))
    assert client.get(f"/private-media/{public_name}").status_code == 404  # the view serves private names only

    # Into the restricted collection: the original moves out of the public location, renditions go.
    image.collection = board
    with commit():
        image.save()
    image.refresh_from_db()
    assert not os.path.exists(public_path(public_name))
    assert os.path.exists(private_path(image.file.name))
    assert not os.path.exists(public_path(rendition.file.name))
    assert image.get_rendition("fill-20x20").url.startswith("/private-media/")

    # The restriction lifted: back to the public location, under its old name.
    with commit():
        CollectionViewRestriction.objects.filter(collection=board).delete()
    image.refresh_from_db()
    assert image.file.name == public_name
    assert os.path.exists(public_path(public_name))
    assert client.get(image.get_rendition("fill-20x20").url).status_code in (200, 404)  # MEDIA served by the web server
    assert image.get_rendition("fill-20x20").url.startswith(settings.MEDIA_URL)


def test_s3_media_keeps_private_pictures_behind_the_checking_view():
    """On an S3 bucket, a private picture's URL is the checking view's and its object is written
    with a private ACL; a public one keeps the bucket's URL (no request is sent to S3 here)."""
    from portal.s3_storage import S3MediaStorage

    storage = S3MediaStorage(bucket_name="portal-media", custom_domain="media.example.org", querystring_auth=False)
    private = "original_images/private-hop-thuong-truc.png"
    public = "original_images/le-ky-ket.png"
    assert storage.url(private) == f"/private-media/{private}"
    assert storage.url(public) == f"https://media.example.org/{public}"
    assert storage.get_object_parameters(private)["ACL"] == "private"
    assert "ACL" not in storage.get_object_parameters(public)
