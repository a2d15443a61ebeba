"""A collaborator writes and submits an article, an editor approves it, leadership publishes it:
all in the Wagtail admin, in Chromium."""

import re
from pathlib import Path

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
    # saying where this page went, which the action leaves once it is saved.
    expect(page.locator(".messages li.info").filter(has_text=article.title)).to_be_visible()


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


SCREENSHOTS = Path(__file__).resolve().parents[3] / "screenshots" / "editorial"


def test_leadership_publishes_over_the_editors_step(page, live_server):
    """Urgent news: the head of the board publishes while the article still waits for the editors."""
    from news.models import NewsPage, NewsSectionPage

    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    section = NewsSectionPage.objects.filter(locale__language_code="vi").live().first()
    log_in(page, live_server, "congtacvien")
    page.goto(live_server.url + f"/admin/pages/add/news/newspage/{section.pk}/")
    page.locator("#id_title").fill("Tin khẩn: Đoàn đại biểu tỉnh Kampot đến Kiên Giang")
    page.locator("#id_lead").fill("Tin khẩn cần đăng ngay.")
    open_actions(page)
    page.locator("button[name='action-submit']").click()
    article = NewsPage.objects.get(title__startswith="Tin khẩn")
    assert article.slug == "tin-khan-doan-dai-bieu-tinh-kampot-den-kien-giang"
    assert article.current_workflow_task.name == roles.EDITOR_REVIEW_TASK

    log_in(page, live_server, "truongban")
    page.goto(live_server.url + f"/admin/pages/{article.pk}/edit/")
    expect(page.locator("body")).not_to_contain_text("Trang đang bị khóa")
    open_actions(page)
    page.screenshot(path=str(SCREENSHOTS / "leadership-over-editors-step.png"))
    page.locator("button[data-workflow-action-name='publish_now']").click()
    expect(page.locator(".messages")).to_contain_text("đã được xuất bản")
    page.screenshot(path=str(SCREENSHOTS / "leadership-published.png"))
    article.refresh_from_db()
    assert article.live
