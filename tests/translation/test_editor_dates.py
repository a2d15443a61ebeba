"""The translation editor's dates in Vietnamese style: "Đã dịch thủ công ngày 03/12/2026", never
"3 December 2026" (translation.editor_dates)."""

import html
import json
import re

import pytest
from django.test.client import encode_multipart
from django.urls import reverse
from django.utils import translation
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource
from wagtail_localize.operations import translate_object

from portal.text import ENGLISH_MONTHS as MONTHS
from tests.translation.conftest import make_article
from translation.editor_dates import localise_dates

pytestmark = pytest.mark.django_db
ENGLISH_MONTH = re.compile("|".join(MONTHS))


def test_upstream_still_writes_english_month_names(section_vi, en, users):
    """The work-around is needed while wagtail-localize writes its comments this way."""
    article = make_article(section_vi, "Bài còn cần sửa ngày")
    translate_object(article, [en])
    segment = StringSegment.objects.filter(source=TranslationSource.objects.get_for_instance(article)).first()
    string = StringTranslation.objects.create(
        translation_of=segment.string, locale=en, context=segment.context, data="EN",
        translation_type=StringTranslation.TRANSLATION_TYPE_MANUAL, last_translated_by=users["biendichvien"],
    )
    with translation.override("vi"):
        assert ENGLISH_MONTH.search(string.get_comment())


def test_dates_are_rewritten_in_the_active_language():
    with translation.override("vi"):
        assert localise_dates("Đã dịch thủ công ngày 3 December 2026") == "Đã dịch thủ công ngày 03/12/2026"
        assert localise_dates("1 March 2025 và 28 February 2024") == "01/03/2025 và 28/02/2024"
        assert localise_dates("31 February 2024") == "31 February 2024"  # not a date: left as it is
        assert localise_dates("") == ""


def test_editor_and_string_api_show_vietnamese_dates(client, section_vi, en, users):
    article = make_article(section_vi, "Bài dịch có ngày tiếng Việt")
    translate_object(article, [en])
    source = TranslationSource.objects.get_for_instance(article)
    segment = StringSegment.objects.filter(source=source).select_related("string", "context").first()
    string = StringTranslation.objects.create(
        translation_of=segment.string, locale=en, context=segment.context, data="EN title",
        translation_type=StringTranslation.TRANSLATION_TYPE_MANUAL, last_translated_by=users["biendichvien"],
    )
    job = Translation.objects.get(source=source, target_locale=en)
    job.save_target(publish=False)
    english = job.get_target_instance()
    # wagtail-localize writes the day of the (UTC) timestamp; only its form changes.
    vietnamese = string.updated_at.strftime("%d/%m/%Y")

    client.force_login(users["biendichvien"])
    response = client.get(reverse("wagtailadmin_pages:edit", args=[english.pk]))
    assert response.status_code == 200
    props = json.loads(html.unescape(re.search(r'data-props="([^"]*)"', response.content.decode()).group(1)))
    comments = [t["comment"] for t in props["initialStringTranslations"]]
    assert comments == [f"Đã dịch thủ công ngày {vietnamese}"]

    url = reverse("wagtail_localize:edit_string_translation", args=[job.pk, segment.pk])
    response = client.put(
        url, encode_multipart("BoUnDaRy", {"value": "EN title, again"}),
        content_type="multipart/form-data; boundary=BoUnDaRy",
    )
    assert response.status_code == 200, response.content
    assert response.json()["comment"] == f"Đã dịch thủ công ngày {vietnamese}"
    assert StringTranslation.objects.get(translation_of=segment.string, locale=en).data == "EN title, again"
