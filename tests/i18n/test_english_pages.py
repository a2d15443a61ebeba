"""English pages carry no Vietnamese text outside what is marked as Vietnamese (``lang="vi"``):
every live English page, and every other kind of English view."""

import pytest
from wagtail.models import Page

from tests.i18n.vietnamese_text import vietnamese_words
from tests.reader_pages import reader_paths

pytestmark = pytest.mark.django_db


def test_the_check_sees_vietnamese_and_spares_names():
    html = (
        "<p>Signed by: Chủ tịch Liên hiệp các Tổ chức Hữu nghị tỉnh Kiên Giang</p>"
        '<p>Clean water in Phú Quốc</p><p lang="vi">Tổ chức <b>nước sạch</b></p><img alt="ảnh đẹp">'
    )
    assert vietnamese_words(html) == ["tịch", "hiệp", "các", "chức", "nghị", "tỉnh", "ảnh", "đẹp"]


def test_english_pages_have_no_vietnamese_text(client, en):
    paths = {page.url for page in Page.objects.live().public().filter(locale=en, depth__gt=1)}
    paths |= {path for _label, path, _status in reader_paths("en")}
    paths |= {"/en/search/?q=khongcogi"}
    found = {}
    for path in sorted(paths):
        response = client.get(path)
        words = vietnamese_words(response.content.decode())
        if words:
            found[path] = sorted(set(words))
    assert len(paths) > 30
    assert not found, found
