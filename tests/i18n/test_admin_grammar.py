"""Vietnamese counts take no plural marker: "5 trang", not "5 các trang"."""

from django.utils import translation
from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.models import Collection, Page


def test_plural_names_read_after_a_number():
    with translation.override("vi"):
        assert str(Page._meta.verbose_name_plural) == "trang"
        assert str(Image._meta.verbose_name_plural) == "hình ảnh"
        assert str(Document._meta.verbose_name_plural) == "tài liệu"
        assert str(Collection._meta.verbose_name_plural) == "bộ sưu tập"
        assert translation.gettext("Parent") != "Bộ sưu tập cha"  # also the parent of a page
