"""A translator's day in Chromium: log in, find the article in the backlog, translate it in
wagtail-localize's editor and send it for review ("Duyệt bản dịch"); leadership approves it from
the dashboard and the English page goes live. Screenshots of each step (tests/browser/conftest.py
says where)."""

import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect
from wagtail.models import Locale, Page, WorkflowState

from tests.conftest import DEMO_PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_translator_translates_an_article_and_leadership_approves_it(page, live_server, shoot):
    from news.models import NewsPage, NewsSectionPage

    vi, en = Locale.objects.get(language_code="vi"), Locale.objects.get(language_code="en")
    section = next(s for s in NewsSectionPage.objects.filter(locale=vi) if s.has_translation(en))
    article = NewsPage(title="Tin nóng chờ dịch trong trình duyệt", lead="Tóm tắt.", is_hot=True, date=timezone.now())
    section.add_child(instance=article)
    article.save_revision().publish()

    page.goto(live_server.url + "/admin/login/")
    page.fill("#id_username", "biendichvien")
    page.fill("#id_password", DEMO_PASSWORD)
    page.locator("form button[type=submit]").first.click()
    expect(page).to_have_url(re.compile(r"/admin/$"))

    # The dashboard's backlog panel puts the hot article first; it leads to "translate this page".
    panel = page.locator("#translation-backlog-section")
    expect(panel.locator("li").first).to_contain_text(article.title)
    shoot("t1-bien-dich-vien-bang-dieu-khien")
    panel.get_by_role("link", name=article.title).click()
    expect(page).to_have_url(re.compile(rf"/admin/localize/submit/page/{article.pk}/$"))
    page.locator("input[name=locales]").first.check()
    page.locator("main form [type=submit]").first.click()

    # wagtail-localize's editor on the English draft: translate the title.
    expect(page).to_have_url(re.compile(r"/admin/pages/\d+/edit/$"))
    # The editor is a React application: on a loaded machine its buttons can show before their
    # handlers are attached, and a click then does nothing. Click again until the field opens.
    page.wait_for_load_state("networkidle")
    textarea = page.locator("textarea").first
    for _attempt in range(3):
        page.get_by_role("button", name="Dịch").first.click()
        try:
            expect(textarea).to_be_visible(timeout=10_000)
            break
        except AssertionError:
            continue
    textarea.fill("Hot news translated in the browser")
    shoot("t2-bien-dich-vien-trinh-dich")
    with page.expect_response(lambda r: "/strings/" in r.url and r.request.method == "PUT") as saved:
        page.get_by_role("button", name="Lưu").first.click()
    assert saved.value.status in (200, 201)
    expect(page.get_by_role("button", name="Xuất bản", exact=False)).to_have_count(0)

    # Only the title is translated: the editor says the rest is missing and asks for confirmation.
    expect(page.get_by_test_id("untranslated-warning")).to_contain_text("đoạn chưa được dịch")
    page.locator("input[name=confirm_incomplete]").check()
    page.locator("[data-testid=submit-translation-for-review]").click()
    expect(page.locator(".messages")).to_contain_text("Duyệt bản dịch")
    shoot("t3-bien-dich-vien-da-gui-duyet")

    english = Page.objects.get(translation_key=article.translation_key, locale=en)
    assert not english.live
    assert english.get_latest_revision().content["title"] == "Hot news translated in the browser"
    state = WorkflowState.objects.get(object_id=str(english.pk), status=WorkflowState.STATUS_IN_PROGRESS)
    assert state.workflow.name == "Duyệt bản dịch"

    # Leadership finds the translation waiting on the dashboard and approves it: it goes live.
    page.context.clear_cookies()
    page.goto(live_server.url + "/admin/login/")
    page.fill("#id_username", "truongban")
    page.fill("#id_password", DEMO_PASSWORD)
    page.locator("form button[type=submit]").first.click()
    expect(page).to_have_url(re.compile(r"/admin/$"))
    row = page.locator("tr", has_text="Hot news translated in the browser")
    expect(row).to_be_visible()
    shoot("t4-lanh-dao-thay-ban-dich-cho-duyet")
    row.locator("[data-w-dropdown-target='toggle']").click()
    row.locator("button[data-workflow-action-url*='/approve/']:not([data-launch-modal])").click()
    # Back on the dashboard, the translation no longer waits for review.
    expect(page).to_have_url(re.compile(r"/admin/$"))
    expect(page.locator("tr", has_text="Hot news translated in the browser")).to_have_count(0)
    shoot("t5-lanh-dao-da-duyet-ban-dich")
    english.refresh_from_db()
    assert english.live
    assert english.title == "Hot news translated in the browser"
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_APPROVED
    page.goto(live_server.url + english.url)
    expect(page.locator("h1")).to_have_text("Hot news translated in the browser")
