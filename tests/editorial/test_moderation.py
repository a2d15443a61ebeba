"""The two-step moderation run through the admin's own views, as the board lives it."""

import pytest
from django.core import mail
from django.urls import reverse
from wagtail.models import PageLogEntry, TaskState, WorkflowState

from editorial import roles
from editorial.panels import STATUS_CHANGES, STATUS_IN_REVIEW, STATUS_LIVE, my_pages_with_status
from tests.editorial.helpers import article_form_data

pytestmark = pytest.mark.django_db


def recipients():
    return sorted(address for message in mail.outbox for address in message.to)


def submit_as_collaborator(client, users, section, department=None, title="Giao lưu hữu nghị Việt Nam – Campuchia"):
    from news.models import NewsPage

    client.force_login(users["congtacvien"])
    url = reverse("wagtailadmin_pages:add", args=("news", "newspage", section.pk))
    assert client.get(url).status_code == 200
    response = client.post(url, article_form_data(title, department=department))
    assert response.status_code == 302, response.context["form"].errors if response.context else response
    page = NewsPage.objects.child_of(section).get(title=title)
    return page


def workflow_action(client, page, action, data=None):
    page.refresh_from_db()
    task_state = page.current_workflow_task_state
    url = reverse("wagtailadmin_pages:workflow_action", args=(page.pk, action, task_state.pk))
    return client.post(url, data or {})


def test_collaborator_submits_editor_approves_leadership_publishes(client, users, section, department):
    page = submit_as_collaborator(client, users, section, department)
    assert page.owner == users["congtacvien"]
    assert not page.live
    assert page.slug == "giao-luu-huu-nghi-viet-nam-campuchia"
    state = page.current_workflow_state
    assert state.workflow.name == roles.NEWS_WORKFLOW
    assert state.requested_by == users["congtacvien"]
    assert page.current_workflow_task.name == roles.EDITOR_REVIEW_TASK
    # The editors are told, in Vietnamese (their preferred language); leadership is not asked yet.
    assert "bientapvien@example.org" in recipients()
    assert "truongban@example.org" not in recipients()
    assert "congtacvien@example.org" not in recipients()
    editor_mail = next(m for m in mail.outbox if m.to == ["bientapvien@example.org"])
    assert "đã được gửi" in editor_mail.subject or "kiểm duyệt" in editor_mail.subject
    assert page.title in editor_mail.subject

    # The collaborator sees where the article stands.
    [mine] = [p for p in my_pages_with_status(users["congtacvien"]) if p.pk == page.pk]
    assert mine.moderation_status == STATUS_IN_REVIEW
    assert mine.moderation_task.name == roles.EDITOR_REVIEW_TASK
    home = client.get(reverse("wagtailadmin_home"))
    assert "editorial-my-articles" in home.content.decode()

    # Step 1: the editor approves.
    mail.outbox = []
    client.force_login(users["bientapvien"])
    response = workflow_action(client, page, "approve", {"comment": ""})
    assert response.status_code == 302
    page.refresh_from_db()
    assert not page.live
    assert page.current_workflow_task.name == roles.LEADERSHIP_APPROVAL_TASK
    assert "truongban@example.org" in recipients()
    assert "bientapvien@example.org" not in recipients()

    # Step 2: leadership approves, which publishes.
    mail.outbox = []
    client.force_login(users["truongban"])
    response = workflow_action(client, page, "approve", {"comment": "Đồng ý đăng."})
    assert response.status_code == 302
    page.refresh_from_db()
    assert page.live
    assert not page.has_unpublished_changes
    assert WorkflowState.objects.get(pk=state.pk).status == WorkflowState.STATUS_APPROVED
    # The author hears that the article is approved.
    assert "congtacvien@example.org" in recipients()

    # History: who submitted, reviewed, approved and published.
    log = list(
        PageLogEntry.objects.filter(page=page).order_by("timestamp", "pk").values_list("action", "user__username")
    )
    assert ("wagtail.workflow.start", "congtacvien") in log
    approvals = [user for action, user in log if action == "wagtail.workflow.approve"]
    assert approvals == ["bientapvien", "truongban"]
    assert ("wagtail.publish", "truongban") in log
    [mine] = [p for p in my_pages_with_status(users["congtacvien"]) if p.pk == page.pk]
    assert mine.moderation_status == STATUS_LIVE


def test_rejection_needs_a_comment_which_reaches_the_author(client, users, section):
    page = submit_as_collaborator(client, users, section, title="Bài cần chỉnh sửa")
    task_state_id = page.current_workflow_task_state.pk
    mail.outbox = []
    client.force_login(users["bientapvien"])

    # Without a comment nothing happens: through the modal view…
    workflow_action(client, page, "reject", {"comment": "   "})
    # …nor through the edit view's own workflow action.
    edit_url = reverse("wagtailadmin_pages:edit", args=(page.pk,))
    client.post(
        edit_url,
        article_form_data(
            page.title, action="action-workflow-action", **{"workflow-action-name": "reject", "slug": page.slug}
        ),
    )
    assert TaskState.objects.get(pk=task_state_id).status == TaskState.STATUS_IN_PROGRESS
    assert page.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS
    assert mail.outbox == []

    # The modal form tells the reviewer why (in Vietnamese).
    response = client.post(
        reverse("wagtailadmin_pages:workflow_action", args=(page.pk, "reject", task_state_id)),
        {"comment": ""},
        headers={"x-requested-with": "XMLHttpRequest"},
    )
    assert "Hãy ghi ý kiến" in response.json()["html"]

    comment = "Bổ sung ảnh và chú thích ảnh, ghi rõ nguồn."
    workflow_action(client, page, "reject", {"comment": comment})
    task_state = TaskState.objects.get(pk=task_state_id)
    assert task_state.status == TaskState.STATUS_REJECTED
    assert task_state.comment == comment
    assert task_state.finished_by == users["bientapvien"]
    page.refresh_from_db()
    assert not page.live
    assert WorkflowState.objects.filter(object_id=str(page.pk)).latest("created_at").status == "needs_changes"

    # The author is e-mailed the comment…
    to_author = [m for m in mail.outbox if m.to == ["congtacvien@example.org"]]
    assert len(to_author) == 1
    assert comment in to_author[0].body
    # …and sees it on the dashboard.
    [mine] = [p for p in my_pages_with_status(users["congtacvien"]) if p.pk == page.pk]
    assert mine.moderation_status == STATUS_CHANGES
    assert mine.moderation_comment == comment
    client.force_login(users["congtacvien"])
    assert comment in client.get(reverse("wagtailadmin_home")).content.decode()


def test_notifications_follow_each_recipients_language(client, users, section):
    profile = users["bientapvien"].wagtail_userprofile
    profile.preferred_language = "en"
    profile.save()
    submit_as_collaborator(client, users, section, title="Thư gửi bằng tiếng Anh")
    to_editor = next(m for m in mail.outbox if m.to == ["bientapvien@example.org"])
    assert "has been submitted for approval" in to_editor.subject
    to_admin = next(m for m in mail.outbox if m.to == ["admin@example.org"])
    assert "has been submitted for approval" not in to_admin.subject


@pytest.mark.parametrize("language", ["vi", "en"])
def test_admin_forms_read_back_the_dates_their_pickers_write(language):
    import datetime

    from django import forms
    from django.utils import translation

    with translation.override(language):
        value = forms.DateTimeField().clean("27/11/2026 09:30")
        assert (value.day, value.month, value.hour) == (27, 11, 9)
        assert forms.DateField().clean("05/04/2022") == datetime.date(2022, 4, 5)


def test_translator_submits_english_page_and_leadership_approves(client, users, home_en):
    from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

    from home.models import StandardPage

    client.force_login(users["biendichvien"])
    url = reverse("wagtailadmin_pages:add", args=("home", "standardpage", home_en.pk))
    data = nested_form_data(
        {
            "title": "Cooperation guide",
            "slug": "cooperation-guide",
            "intro": "How partners work with the Union.",
            "body": streamfield([]),
            "comments": inline_formset([]),
            "listing_image": "",
            "listing_summary": "",
            "social_image": "",
            "seo_title": "",
            "search_description": "",
            "show_subnavigation": "on",
            "go_live_at": "",
            "expire_at": "",
        }
    )
    response = client.post(url, {**data, "action-publish": "1"})
    page = StandardPage.objects.child_of(home_en).get(slug="cooperation-guide")
    assert not page.live  # translators cannot publish
    assert response.status_code == 302
    client.post(reverse("wagtailadmin_pages:edit", args=(page.pk,)), {**data, "action-submit": "1"})
    page.refresh_from_db()
    assert page.current_workflow_state.workflow.name == roles.TRANSLATION_WORKFLOW
    assert page.current_workflow_task.name == roles.TRANSLATION_APPROVAL_TASK
    assert "truongban@example.org" in recipients()
    assert "bientapvien@example.org" not in recipients()

    client.force_login(users["truongban"])
    workflow_action(client, page, "approve", {"comment": ""})
    page.refresh_from_db()
    assert page.live
