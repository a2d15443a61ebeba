"""The board's journeys in the Wagtail admin, in Chromium, with screenshots (saved into
$PORTAL_SCREENSHOTS, else under pytest's temporary directory: see conftest.screenshot_dir):

- a collaborator writes an article with a picture and submits it; an editor approves it with a
  comment ("Duyệt kèm góp ý"), which reaches leadership by e-mail; leadership publishes it;
- urgent news: leadership publishes while the article still waits at the editors' step.
"""

import re

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from playwright.sync_api import expect
from wagtail.models import PageLogEntry, TaskState

from editorial import roles
from tests.editorial.browser.conftest import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

TITLE = "Đoàn công tác thăm hữu nghị tỉnh bạn"
COMMENT = "Bài tốt; đề nghị lãnh đạo xem lại tên đoàn ở đoạn hai."


def open_actions(page):
    page.locator("footer [data-w-dropdown-target='toggle']").first.click()


def approve(page, live_server, article):
    page.goto(live_server.url + f"/admin/pages/{article.pk}/edit/")
    open_actions(page)
    page.locator("button[data-workflow-action-name='approve']:not([data-workflow-action-modal-url])").click()
    # Wagtail always renders the .messages box (with earlier messages too): wait for the one
    # saying where this page went, which the action leaves once it is saved.
    expect(page.locator(".messages li.info").filter(has_text=article.title)).to_be_visible()


def test_collaborator_writes_with_a_picture_editor_comments_leadership_publishes(page, live_server, shoot):
    from news.models import NewsPage, NewsSectionPage

    section = NewsSectionPage.objects.filter(locale__language_code="vi").live().first()
    leader = get_user_model().objects.get(username="truongban")
    assert leader.email, "the demo's head of the board has an e-mail address"

    # The collaborator writes, picks a picture from the library and submits.
    log_in(page, live_server, "congtacvien")
    page.goto(live_server.url + f"/admin/pages/add/news/newspage/{section.pk}/")
    page.locator("#id_hero_image-chooser [data-chooser-action-choose]:visible").click()
    # The library opens in a dialog (its thumbnails may be made on first view: give it time).
    choice = page.locator(".modal a[data-chooser-modal-choice]").first
    expect(choice).to_be_visible(timeout=60_000)
    choice.click()
    expect(page.locator("#id_hero_image-chooser")).not_to_have_class(re.compile(r"\bblank\b"))
    chosen = page.locator("#id_hero_image-chooser [data-chooser-title]")
    expect(chosen).not_to_be_empty()
    picture = chosen.inner_text().strip()
    shoot("1-cong-tac-vien-chon-anh")
    # Title and lead last, then "submit" at once: Wagtail 8 autosaves new pages, and a submit that
    # follows an autosave of the same new page failed with a duplicate slug (a server error).
    page.locator("#id_title").fill(TITLE)
    page.locator("#id_lead").fill("Đoàn công tác của Liên hiệp tỉnh thăm và làm việc tại tỉnh bạn.")
    open_actions(page)
    page.locator("button[name='action-submit']").click()
    expect(page.locator(".messages li").filter(has_text=TITLE).first).to_be_visible()
    shoot("2-cong-tac-vien-da-gui-duyet")
    article = NewsPage.objects.get(title=TITLE)
    assert not article.live
    assert article.owner.username == "congtacvien"
    assert article.get_latest_revision_as_object().hero_image.title == picture
    assert article.current_workflow_task.name == roles.EDITOR_REVIEW_TASK

    # The editor finds it waiting, approves it with a comment for leadership.
    log_in(page, live_server, "bientapvien")
    expect(page.locator("body")).to_contain_text(TITLE)
    mail.outbox.clear()
    page.goto(live_server.url + f"/admin/pages/{article.pk}/edit/")
    open_actions(page)
    page.locator("button[data-workflow-action-name='approve'][data-workflow-action-modal-url]").click()
    comment = page.locator(".modal textarea[name=comment]")
    expect(comment).to_be_visible()
    comment.fill(COMMENT)
    shoot("3-bien-tap-vien-duyet-kem-gop-y")
    page.locator(".modal form [type=submit]").first.click()
    went = page.locator(".messages li.info").filter(has_text=article.title)
    expect(went).to_contain_text(roles.LEADERSHIP_APPROVAL_TASK)
    shoot("4-bien-tap-vien-biet-bai-di-dau")
    article.refresh_from_db()
    assert article.current_workflow_task.name == roles.LEADERSHIP_APPROVAL_TASK
    approval = TaskState.objects.filter(
        workflow_state__object_id=str(article.pk), status=TaskState.STATUS_APPROVED
    ).get()
    assert approval.comment == COMMENT and approval.finished_by.username == "bientapvien"
    told = [m for m in mail.outbox if leader.email in m.to and COMMENT in m.body]
    assert told, [(m.to, m.subject) for m in mail.outbox]

    # Leadership reads the comment in the history and approves: the article goes live.
    log_in(page, live_server, "truongban")
    expect(page.locator("#editorial-dashboard-section")).to_be_visible()
    shoot("5-lanh-dao-bang-dieu-khien")
    approve(page, live_server, article)
    shoot("6-lanh-dao-da-xuat-ban")
    article.refresh_from_db()
    assert article.live and article.current_workflow_state is None
    assert PageLogEntry.objects.filter(page=article, action="wagtail.publish", user=leader).exists()

    page.context.clear_cookies()
    page.goto(live_server.url + article.url)
    expect(page.locator("h1")).to_have_text(TITLE)
    expect(page.locator("main img").first).to_be_visible()
    shoot("7-bai-tren-trang-cong-khai", full_page=True)


def test_leadership_publishes_over_the_editors_step(page, live_server, shoot):
    """Urgent news: the head of the board publishes while the article still waits for the editors."""
    from news.models import NewsPage, NewsSectionPage

    section = NewsSectionPage.objects.filter(locale__language_code="vi").live().first()
    log_in(page, live_server, "congtacvien")
    page.goto(live_server.url + f"/admin/pages/add/news/newspage/{section.pk}/")
    page.locator("#id_title").fill("Tin khẩn: Đoàn đại biểu tỉnh Kampot đến Kiên Giang")
    page.locator("#id_lead").fill("Tin khẩn cần đăng ngay.")
    open_actions(page)
    page.locator("button[name='action-submit']").click()
    expect(page.locator(".messages li").first).to_be_visible()
    article = NewsPage.objects.get(title__startswith="Tin khẩn")
    assert article.slug == "tin-khan-doan-dai-bieu-tinh-kampot-den-kien-giang"
    assert article.current_workflow_task.name == roles.EDITOR_REVIEW_TASK

    log_in(page, live_server, "truongban")
    page.goto(live_server.url + f"/admin/pages/{article.pk}/edit/")
    expect(page.locator("body")).not_to_contain_text("Trang đang bị khóa")
    open_actions(page)
    publish = page.locator("button[data-workflow-action-name='publish_now']")
    expect(publish).to_be_visible()
    shoot("8-lanh-dao-xuat-ban-vuot-buoc-bien-tap")
    publish.click()
    expect(page.locator(".messages")).to_contain_text("đã được xuất bản")
    shoot("9-lanh-dao-da-xuat-ban-tin-khan")
    article.refresh_from_db()
    assert article.live
    assert article.current_workflow_state is None
    assert PageLogEntry.objects.filter(page=article, action="wagtail.publish", user__username="truongban").exists()
