"""The admin's slug field folds Vietnamese titles exactly as ``portal.text.slugify_vi`` does."""

import json
import re

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from wagtail.models import Page

from editorial.slugs import FoldedSlugField, fold_slug, slug_formatters
from portal.text import slugify_vi
from tests.editorial.helpers import article_form_data
from tests.editorial.slug_titles import TITLES


def apply_formatters(title):
    """What the slug controller does with the formatters (its own cleaning lowercases after)."""
    value = title.strip()
    for pattern, replacement in slug_formatters():
        value = re.sub(pattern, replacement.replace("$1", r"\1"), value)
    return value.lower()


@pytest.mark.parametrize("title", TITLES)
def test_formatters_fold_like_portal_text(title):
    assert apply_formatters(title) == slugify_vi(title)


def test_the_two_titles_that_were_mangled():
    assert slugify_vi("Đoàn đại biểu tỉnh Kampot… thăm và làm việc tại Kiên Giang") == (
        "doan-dai-bieu-tinh-kampot-tham-va-lam-viec-tai-kien-giang"
    )
    assert slugify_vi("Lễ kỷ niệm Quốc khánh Việt Nam") == "le-ky-niem-quoc-khanh-viet-nam"


def test_slug_field_folds_what_is_typed():
    field = FoldedSlugField(max_length=255, allow_unicode=True)
    assert field.clean("Đà Nẵng") == "da-nang"
    assert field.clean("kien-toan-bo-may") == "kien-toan-bo-may"  # an ASCII slug is kept
    assert field.clean("ban_tin_so_1") == "ban_tin_so_1"
    assert fold_slug("") == ""
    with pytest.raises(ValidationError):  # required: an empty slug is refused, not invented
        field.clean("")


@pytest.mark.django_db
def test_page_form_carries_the_formatters_and_folds_a_typed_slug(users, section):
    client = Client()
    client.force_login(users["bientapvien"])
    add_url = f"/admin/pages/add/news/newspage/{section.pk}/"
    response = client.get(add_url)
    html = response.content.decode()
    match = re.search(r'data-w-slug-formatters-value="([^"]+)"', html)
    assert match, "the slug field has no formatters"
    formatters = json.loads(match.group(1).replace("&quot;", '"'))
    assert len(formatters) == len(slug_formatters())

    title = "Lễ kỷ niệm Quốc khánh Việt Nam"
    data = article_form_data(title, action=None, slug="Lễ kỷ niệm Quốc khánh")
    response = client.post(add_url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    page = Page.objects.get(title=title)
    assert page.slug == "le-ky-niem-quoc-khanh"


@pytest.mark.django_db
def test_a_page_saved_with_a_vietnamese_slug_gets_the_folded_one(section):
    from news.models import NewsPage

    page = NewsPage(title="Tin thử", slug="Đoàn đại biểu")
    section.add_child(instance=page)
    page.refresh_from_db()
    assert page.slug == "doan-dai-bieu"


@pytest.mark.django_db
def test_translation_editor_slug_segment_is_folded(section):
    from wagtail.models import Locale

    from tests.editorial.helpers import make_article
    from tests.translation.conftest import translate_all

    en = Locale.objects.get(language_code="en")

    section_en = translate_all(section)  # the section exists in English first
    assert section_en.locale == en
    article = make_article(section, "Đoàn đại biểu tỉnh Kampot thăm Kiên Giang")
    english = translate_all(
        article, publish=False, mapping=lambda text: "Đoàn đại biểu tỉnh" if text == article.slug else f"EN {text}"
    )
    assert english.slug == "doan-dai-bieu-tinh"  # not "oan-ai-bieu-tinh" (Django's slugify drops đ)
