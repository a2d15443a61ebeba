"""A translation with untranslated segments goes to review only when the translator confirms it;
the translator's editor says how many segments are missing and offers the review, not "Xóa"."""

import pytest
from django.urls import reverse
from wagtail.models import WorkflowState
from wagtail_localize.models import StringSegment, StringTranslation, Translation

from .conftest import english_of, make_article

pytestmark = pytest.mark.django_db


def started_translation(client, page, en):
    client.post(reverse("wagtail_localize:submit_page_translation", args=[page.pk]), {"locales": [en.pk]})
    return Translation.objects.get(source__object_id=page.translation_key, target_locale=en)


def translate_segments(translation, en, count=None):
    segments = StringSegment.objects.filter(source=translation.source).select_related("string", "context")
    for segment in list(segments)[:count]:
        StringTranslation.objects.update_or_create(
            translation_of=segment.string, locale=en, context=segment.context, defaults={"data": "EN " + segment.string.data}
        )


def in_review(page):
    return WorkflowState.objects.filter(object_id=str(page.pk), status=WorkflowState.STATUS_IN_PROGRESS).exists()


def test_incomplete_translation_is_refused_without_confirmation(client, translator, section_vi, en):
    article = make_article(section_vi, "Bài dịch còn thiếu")
    client.force_login(translator)
    translation = started_translation(client, article, en)
    translate_segments(translation, en, count=1)
    total, completed = translation.get_progress()
    assert completed == 1 < total

    response = client.post(reverse("editorial_submit_translation", args=[translation.pk]), follow=True)
    english = english_of(article)
    assert not in_review(english)
    text = response.content.decode()
    assert f"Còn {total - 1}/{total} đoạn chưa được dịch." in text
    assert "Vẫn gửi duyệt dù còn đoạn chưa dịch" in text

    client.post(reverse("editorial_submit_translation", args=[translation.pk]), {"confirm_incomplete": "1"})
    assert in_review(english)


def test_complete_translation_goes_without_confirmation(client, translator, section_vi, en):
    article = make_article(section_vi, "Bài dịch đầy đủ")
    client.force_login(translator)
    translation = started_translation(client, article, en)
    translate_segments(translation, en)
    client.post(reverse("editorial_submit_translation", args=[translation.pk]))
    assert in_review(english_of(article))


def test_translator_editor_offers_review_with_the_count(client, translator, section_vi, en):
    article = make_article(section_vi, "Bài dịch để xem chân trang")
    client.force_login(translator)
    translation = started_translation(client, article, en)
    translate_segments(translation, en, count=1)
    total, _ = translation.get_progress()
    html = client.get(reverse("wagtailadmin_pages:edit", args=[english_of(article).pk]), follow=True).content.decode()
    assert 'class="footer translation-review-footer"' in html
    assert "Gửi duyệt bản dịch" in html
    assert f"Còn {total - 1}/{total} đoạn chưa được dịch." in html
    assert 'name="confirm_incomplete"' in html
    assert "translation/css/translation_review.css" in html


def test_leadership_keeps_the_editor_own_footer(client, leader, section_vi, en):
    article = make_article(section_vi, "Bài lãnh đạo tự dịch")
    client.force_login(leader)
    started_translation(client, article, en)
    html = client.get(reverse("wagtailadmin_pages:edit", args=[english_of(article).pk]), follow=True).content.decode()
    assert "translation-review-footer" not in html
