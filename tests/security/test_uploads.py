"""Uploads under abuse: images (size, pixels, extension against content, no SVG) and documents
(allow-list, size, content against extension), safe serving headers, private collections."""

import io
import os
import re
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image as PILImage
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, CollectionViewRestriction

from tests.security.conftest import png_bytes

pytestmark = pytest.mark.django_db

Image = get_image_model()
Document = get_document_model()


def root_collection():
    return Collection.get_first_root_node()


def upload_image(client, name, content, content_type="image/png"):
    return client.post(
        "/admin/images/add/",
        {
            "title": "Ảnh thử",
            "file": SimpleUploadedFile(name, content, content_type=content_type),
            "collection": root_collection().pk,
        },
    )


def upload_document(client, name, content, content_type="application/octet-stream", url="/admin/documents/add/"):
    return client.post(
        url,
        {
            "title": "Tài liệu thử",
            "file": SimpleUploadedFile(name, content, content_type=content_type),
            "collection": root_collection().pk,
        },
    )


SVG = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(document.cookie)</script></svg>'


def minimal_pdf():
    return b"%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"


def minimal_docx():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", "<w:document/>")
    return buffer.getvalue()


def plain_zip():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as z:
        z.writestr("evil.exe", b"MZ\x90\x00")
    return buffer.getvalue()


# --- images ----------------------------------------------------------------------------------


def test_valid_image_is_accepted(user_client):
    before = Image.objects.count()
    response = upload_image(user_client("admin"), "anh.png", png_bytes())
    assert response.status_code == 302
    assert Image.objects.count() == before + 1


@pytest.mark.parametrize(
    "name,content,content_type",
    [
        ("logo.svg", SVG, "image/svg+xml"),  # SVG is off: it can carry scripts
        ("logo.png", SVG, "image/png"),  # SVG pretending to be PNG
        ("anh.jpg", png_bytes(), "image/jpeg"),  # PNG content under a .jpg name
        ("anh.gif", png_bytes(fmt="JPEG"), "image/gif"),  # JPEG content under a .gif name
        ("anh.png", b"<?php system($_GET['c']); ?>", "image/png"),  # not an image at all
        ("anh.png.html", png_bytes(), "text/html"),  # double extension
        ("anh", png_bytes(), "image/png"),  # no extension
    ],
)
def test_bad_images_are_refused_and_nothing_stored(user_client, name, content, content_type):
    before = Image.objects.count()
    response = upload_image(user_client("admin"), name, content, content_type)
    assert response.status_code == 200
    assert "error" in response.text
    assert Image.objects.count() == before


def test_image_over_the_size_limit_is_refused(user_client, settings):
    settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE = 2048
    before = Image.objects.count()
    noisy = io.BytesIO()
    PILImage.frombytes("RGB", (64, 64), os.urandom(64 * 64 * 3)).save(noisy, "PNG")
    assert len(noisy.getvalue()) > 2048
    response = upload_image(user_client("admin"), "anh.png", noisy.getvalue())
    assert response.status_code == 200
    assert "too big" in response.text or "quá lớn" in response.text
    assert Image.objects.count() == before


def test_image_with_too_many_pixels_is_refused(user_client, settings):
    settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS = 100 * 100
    before = Image.objects.count()
    response = upload_image(user_client("admin"), "anh.png", png_bytes(size=(120, 120)))
    assert response.status_code == 200
    assert "too many pixels" in response.text or "quá nhiều điểm ảnh" in response.text
    assert Image.objects.count() == before


def test_svg_is_not_an_allowed_image_extension(settings):
    assert "svg" not in settings.WAGTAILIMAGES_EXTENSIONS


# --- documents -------------------------------------------------------------------------------


def test_valid_documents_are_accepted(user_client):
    admin = user_client("admin")
    before = Document.objects.count()
    assert upload_document(admin, "quyet-dinh.pdf", minimal_pdf(), "application/pdf").status_code == 302
    assert upload_document(admin, "ke-hoach.docx", minimal_docx()).status_code == 302
    assert upload_document(admin, "danh-sach.csv", "Họ tên,Đơn vị\nAn,Hội\n".encode()).status_code == 302
    assert Document.objects.count() == before + 3


@pytest.mark.parametrize(
    "name,content",
    [
        ("trang.html", b"<html><script>alert(1)</script></html>"),
        ("anh.svg", SVG),
        ("setup.exe", b"MZ\x90\x00\x03"),
        ("quyet-dinh.pdf", b"<html><script>alert(1)</script></html>"),  # HTML named .pdf
        ("ke-hoach.docx", plain_zip()),  # a zip that is not a Word document
        ("bao-cao.xlsx", minimal_pdf()),
        ("van-ban.doc", b"just text"),
        ("ghi-chu.txt", b"<!DOCTYPE html><html><body onload=alert(1)>"),
        ("du-lieu.csv", b"\x00\x01\x02binary"),
        ("rong.pdf", b""),
    ],
)
def test_bad_documents_are_refused_and_nothing_stored(user_client, name, content):
    before = Document.objects.count()
    response = upload_document(user_client("admin"), name, content)
    assert response.status_code == 200
    assert Document.objects.count() == before


def test_document_over_the_size_limit_is_refused(user_client, settings):
    settings.PORTAL_DOCUMENT_MAX_UPLOAD_SIZE = 100
    before = Document.objects.count()
    response = upload_document(user_client("admin"), "quyet-dinh.pdf", minimal_pdf() + b"%" * 200)
    assert response.status_code == 200
    assert "too big" in response.text or "quá lớn" in response.text
    assert Document.objects.count() == before


def test_multiple_upload_refuses_a_disguised_document(user_client):
    before = Document.objects.count()
    response = user_client("admin").post(
        "/admin/documents/multiple/add/",
        {"files[]": SimpleUploadedFile("quyet-dinh.pdf", b"<html>x</html>"), "collection": root_collection().pk},
    )
    assert response.status_code == 200
    assert response.json()["success"] is False
    assert Document.objects.count() == before


def test_documents_are_served_with_safe_headers(user_client, client):
    upload_document(user_client("admin"), "du-lieu.csv", "Họ tên,Đơn vị\n".encode())
    document = Document.objects.latest("id")
    client.logout()
    response = client.get(document.url)
    assert response.status_code == 200
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Security-Policy"] == "default-src 'none'"
    assert response["Content-Disposition"].startswith("attachment")


def test_private_collection_documents_are_not_served_nor_listed(user_client, client):
    private = root_collection().add_child(name="Nội bộ")
    CollectionViewRestriction.objects.create(collection=private, restriction_type="login")
    document = Document.objects.create(
        title="Biên bản họp nội bộ",
        collection=private,
        file=SimpleUploadedFile("bien-ban.pdf", minimal_pdf()),
    )
    client.logout()
    response = client.get(document.url)
    assert response.status_code in (302, 403)
    assert b"%PDF" not in b"".join(getattr(response, "streaming_content", [response.content]))
    listing = client.get("/api/v2/documents/?order=-id&limit=20")
    assert listing.status_code == 200
    assert "Biên bản họp nội bộ" not in listing.content.decode()
    assert client.get(f"/api/v2/documents/{document.pk}/", follow=True).status_code == 404


def test_text_documents_are_served_as_utf8(user_client, client):
    text = "Danh sách đoàn viên Hội Hữu nghị Việt – Lào\n"
    for name in ("danh-sach.txt", "danh-sach.csv"):
        upload_document(user_client("admin"), name, text.encode())
        document = Document.objects.latest("id")
        client.logout()
        response = client.get(document.url)
        assert response.status_code == 200
        assert response["Content-Type"].split(";")[0] in ("text/plain", "text/csv")
        assert "charset=utf-8" in response["Content-Type"].replace(" ", "").lower()
        assert b"".join(response.streaming_content).decode("utf-8") == text


@pytest.mark.parametrize(
    "name, content",
    [
        ("quyet-dinh.pdf", b"<html><script>alert(1)</script></html>"),
        ("bao-cao.xlsx", b"%PDF-1.4 not a spreadsheet"),
        ("quyet-dinh", b"%PDF-1.4"),  # no extension at all
    ],
)
def test_mismatched_document_gets_one_clear_vietnamese_message(user_client, name, content):
    for url in ("/admin/documents/add/", "/admin/documents/multiple/add/"):
        if url.endswith("multiple/add/"):
            response = user_client("admin").post(
                url, {"files[]": SimpleUploadedFile(name, content), "collection": root_collection().pk}
            )
            messages = [response.json()["error_message"]]
        else:
            response = upload_document(user_client("admin"), name, content)
            messages = re.findall(r'<p class="error-message">\s*(.*?)\s*</p>', response.text, re.S)
        assert len(messages) == 1, messages
        assert "not allowed" not in messages[0] and "“”" not in messages[0]
        assert messages[0].startswith(("Nội dung tệp không đúng định dạng", "Tên tệp không có phần mở rộng")), messages
