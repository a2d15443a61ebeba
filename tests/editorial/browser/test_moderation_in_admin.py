"""A collaborator writes and submits an article, an editor approves it, leadership publishes it:
all in the Wagtail admin, in Chromium."""

import re

import pytest
from playwright.sync_api import expect

from editorial import roles
from tests.conftest import DEMO_PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

TITLE = "Đoàn công tác thăm hữu nghị tỉnh bạn"


def log_in(page, live_server, username):
    page.context.clear_cookies()
    page.goto(live_server.url + "/admin/login/")
    page.locator("#id_username").fill(username)
    page.locator("#id_password").fill(DEMO_PASSWORD)
    page.locator("form button[type=submit], form input[type=submit]").first.click()
    expect(page).to_have_url(re.compile(r"/admin/$"))


def open_actions(page):
    page.locator("footer [data-w-dropdown-target='toggle']").first.click()


def approve(page, live_server, article):
    page.goto(live_server.url + f"/admin/pages/{article.pk}/edit/")
    open_actions(page)
    page.locator("button[data-workflow-action-name='approve']:not([data-workflow-action-modal-url])").click()
    # Wagtail always renders the .messages box (with earlier messages too): wait for the one
    # naming this page, which the action leaves once it is saved.
    expect(page.locator(".messages li").filter(has_text=article.title)).to_be_visible()


def test_collaborator_editor_leadership_in_the_admin(page, live_server):
    from news.models import NewsPage, NewsSectionPage

    section = NewsSectionPage.objects.filter(locale__language_code="vi").live().first()
    assert section is not None

    log_in(page, live_server, "congtacvien")
    page.goto(live_server.url + f"/admin/pages/add/news/newspage/{section.pk}/")
    page.locator("#id_title").fill(TITLE)
    page.locator("#id_lead").fill("Đoàn công tác của Liên hiệp tỉnh thăm và làm việc tại tỉnh bạn.")
    page.locator("#id_title").focus()
    page.keyboard.press("Tab")
    open_actions(page)
    page.locator("button[name='action-submit']").click()
    expect(page.locator(".messages li").filter(has_text=TITLE)).to_be_visible()
    article = NewsPage.objects.get(title=TITLE)
    assert not article.live
    assert article.current_workflow_task.name == roles.EDITOR_REVIEW_TASK
    assert article.owner.username == "congtacvien"

    log_in(page, live_server, "bientapvien")
    expect(page.locator("body")).to_contain_text(TITLE)  # waiting for my review
    approve(page, live_server, article)
    article.refresh_from_db()
    assert article.current_workflow_task.name == roles.LEADERSHIP_APPROVAL_TASK
    assert not article.live

    log_in(page, live_server, "truongban")
    expect(page.locator("#editorial-dashboard-section")).to_be_visible()
    approve(page, live_server, article)
    article.refresh_from_db()
    assert article.live
    assert article.current_workflow_state is None

    page.context.clear_cookies()
    page.goto(live_server.url + article.url)
    expect(page.locator("h1")).to_have_text(TITLE)
