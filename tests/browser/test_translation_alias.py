"""In Chromium: wagtail-localize's translation editor offers "Convert to alias page" (which
publishes at once) only to users who may publish the page; a translator never sees it."""

import re

import pytest
from playwright.sync_api import expect
from wagtail.models import Locale, Page

from tests.conftest import DEMO_PASSWORD
from tests.translation.conftest import make_article, translate_all

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def log_in(page, live_server, username):
    page.goto(live_server.url + "/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", DEMO_PASSWORD)
    page.locator("form button[type=submit]").first.click()
    expect(page).to_have_url(re.compile(r"/admin/$"))


def alias_links_in_editor(page, live_server, english):
    page.goto(f"{live_server.url}/admin/pages/{english.pk}/edit/")
    # The editor's footer is rendered by React; its "Stop Synced translation" button is always there.
    expect(page.locator("footer [data-w-action-url-value*='/disable/']")).to_have_count(1, timeout=30_000)
    return page.locator("a[href*='convert_to_alias']").count()


def test_translator_is_not_offered_the_alias_button(page, live_server):
    from news.models import NewsSectionPage

    vi, en = Locale.objects.get(language_code="vi"), Locale.objects.get(language_code="en")
    section = next(s for s in NewsSectionPage.objects.filter(locale=vi) if s.has_translation(en))
    article = make_article(section, "Bài dịch chưa duyệt trong trình duyệt")
    translate_all(article, publish=False)
    english = Page.objects.get(translation_key=article.translation_key, locale=en)

    log_in(page, live_server, "biendichvien")
    assert alias_links_in_editor(page, live_server, english) == 0
    page.context.clear_cookies()

    # Leadership, who may publish, still has it.
    log_in(page, live_server, "truongban")
    assert alias_links_in_editor(page, live_server, english) == 1
