"""In Chromium: a translator's translation editor has "Gửi duyệt bản dịch" as its footer's main
button, fully visible, never "Xóa"; with segments still untranslated it says how many and asks
for confirmation before sending."""

import re

import pytest
from playwright.sync_api import expect
from wagtail.models import Locale
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource
from wagtail_localize.operations import translate_object

from tests.browser.test_translation_alias import log_in
from tests.translation.conftest import make_article
from translation.localize_compat import save_translation

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def half_translated(title):
    from news.models import NewsSectionPage

    vi, en = Locale.objects.get(language_code="vi"), Locale.objects.get(language_code="en")
    section = next(s for s in NewsSectionPage.objects.filter(locale=vi) if s.has_translation(en))
    article = make_article(section, title)
    translate_object(article, [en])
    source = TranslationSource.objects.get_for_instance(article)
    segments = list(StringSegment.objects.filter(source=source).select_related("string", "context"))
    first = segments[0]
    StringTranslation.objects.create(translation_of=first.string, locale=en, context=first.context, data="EN title")
    translation = Translation.objects.get(source=source, target_locale=en)
    save_translation(translation, publish=False)
    return translation, len(segments) - 1, len(segments)


def test_translator_footer_sends_for_review_and_counts_untranslated(page, live_server):
    translation, missing, total = half_translated("Bài dịch dở dang trong trình duyệt")
    assert missing > 0

    log_in(page, live_server, "biendichvien")
    page.set_viewport_size({"width": 1366, "height": 768})
    english = translation.get_target_instance()
    page.goto(f"{live_server.url}/admin/pages/{english.pk}/edit/")
    # The editor (React) has rendered its segments.
    expect(page.locator(".js-translation-editor li").first).to_be_visible(timeout=30_000)
    page.screenshot(path="/tmp/translation_review_footer.png", full_page=False)

    send = page.get_by_test_id("submit-translation-for-review")
    expect(send).to_have_text("Gửi duyệt bản dịch")
    expect(send).to_be_in_viewport(ratio=1)
    # The footer's main (primary) button is the review, and no visible "Xóa" in any footer.
    primary = page.locator("footer:visible .button:not(.button-secondary):visible")
    expect(primary).to_have_count(1)
    expect(primary).to_have_text("Gửi duyệt bản dịch")
    expect(page.locator("footer:visible", has_text="Xóa")).to_have_count(0)

    warning = page.get_by_test_id("untranslated-warning")
    expect(warning).to_be_visible()
    expect(warning).to_contain_text(f"{missing}/{total}")

    # Sending without confirming is refused by the browser (required box); once ticked it goes,
    # the server warns with the count and the page is not sent.
    send.click()
    expect(page).to_have_url(re.compile(rf"/admin/pages/{english.pk}/edit/$"))
    page.locator("input[name=confirm_incomplete]").check()
    send.click()
    expect(page.locator(".messages")).to_contain_text("Đã gửi duyệt", timeout=30_000)
    english.refresh_from_db()
    assert english.workflow_in_progress
