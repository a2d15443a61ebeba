"""Leadership acts at any step; every review action says where the article went and who was told."""

import pytest
from django.contrib.messages import get_messages
from django.core import mail
from django.urls import reverse
from wagtail.models import PageLogEntry, WorkflowState

from editorial import roles
from editorial.models import PUBLISH_NOW
from tests.editorial.helpers import article_form_data
from tests.editorial.test_moderation import submit_as_collaborator, workflow_action

pytestmark = pytest.mark.django_db


def edit_with_action(client, page, action, extra=None):
    """The edit view's own workflow action (the footer's menu), as the browser posts it."""
    import json

    page.refresh_from_db()
    data = article_form_data(page.title, action=None, slug=page.slug)
    data.update({"action-workflow-action": "1", "workflow-action-name": action})
    data["workflow-action-extra-data"] = json.dumps(extra or {})
    return client.post(reverse("wagtailadmin_pages:edit", args=(page.pk,)), data, follow=True)


def test_leadership_opens_and_publishes_an_article_waiting_for_the_editors(client, users, section):
    page = submit_as_collaborator(client, users, section)
    assert page.current_workflow_task.name == roles.EDITOR_REVIEW_TASK
    client.force_login(users["truongban"])
    html = client.get(reverse("wagtailadmin_pages:edit", args=(page.pk,))).content.decode()
    assert "Trang đang bị khóa" not in html
    assert f'data-workflow-action-name="{PUBLISH_NOW}"' in html

    response = workflow_action(client, page, PUBLISH_NOW)
    assert response.status_code == 302
    page.refresh_from_db()
    assert page.live
    state = WorkflowState.objects.filter(object_id=str(page.pk)).latest("created_at")
    assert state.status == WorkflowState.STATUS_APPROVED
    approvals = PageLogEntry.objects.filter(page=page, action="wagtail.workflow.approve")
    assert approvals.count() == 2 and {e.user for e in approvals} == {users["truongban"]}
    assert all("Lãnh đạo" in task_state.comment for task_state in state.task_states.all())
    assert PageLogEntry.objects.filter(page=page, action="wagtail.publish", user=users["truongban"]).exists()


def test_leadership_sends_back_from_the_editors_step(client, users, section):
    page = submit_as_collaborator(client, users, section)
    client.force_login(users["truongban"])
    workflow_action(client, page, "reject", {"comment": "Cần bổ sung ảnh."})
    page.refresh_from_db()
    assert not page.live
    assert page.workflow_states.latest("created_at").status == WorkflowState.STATUS_NEEDS_CHANGES


@pytest.mark.parametrize("username", ["bientapvien", "congtacvien", "biendichvien"])
def test_only_leadership_can_publish_over_a_step(client, users, section, username):
    page = submit_as_collaborator(client, users, section)
    client.force_login(users[username])
    html = client.get(reverse("wagtailadmin_pages:edit", args=(page.pk,))).content.decode()
    assert PUBLISH_NOW not in html
    workflow_action(client, page, PUBLISH_NOW)
    page.refresh_from_db()
    assert not page.live
    assert page.current_workflow_task.name == roles.EDITOR_REVIEW_TASK


def test_approval_with_comment_says_where_it_went_and_mails_the_comment(client, users, section):
    page = submit_as_collaborator(client, users, section)
    mail.outbox = []
    client.force_login(users["bientapvien"])
    response = edit_with_action(client, page, "approve", {"comment": "Sửa lại tít cho gọn."})
    page.refresh_from_db()
    assert page.current_workflow_task.name == roles.LEADERSHIP_APPROVAL_TASK
    said = " ".join(str(m) for m in get_messages(response.wsgi_request)) + response.content.decode()
    assert roles.LEADERSHIP_APPROVAL_TASK in said
    leader = users["truongban"]
    assert (leader.get_full_name() or leader.username) in said
    commented = [m for m in mail.outbox if "Sửa lại tít cho gọn." in m.body]
    assert commented and leader.email in commented[0].to
    assert "bientapvien@example.org" not in commented[0].to
    assert f"/admin/pages/{page.pk}/edit/" in commented[0].body


def test_cancel_workflow_asks_first_and_comes_last(client, users, section):
    page = submit_as_collaborator(client, users, section)
    client.force_login(users["bientapvien"])  # a reviewer of the current step
    html = client.get(reverse("wagtailadmin_pages:edit", args=(page.pk,))).content.decode()
    assert 'name="action-cancel-workflow"' in html
    button = html[html.index('name="action-cancel-workflow"') - 200 : html.index('name="action-cancel-workflow"') + 400]
    assert "data-editorial-confirm=" in button
    assert "editorial/js/confirm-action.js" in html


def test_dashboard_review_link_opens_the_list_with_actions(client, users):
    client.force_login(users["truongban"])
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert 'href="/admin/#awaiting-review-section"' in html
    assert 'id="awaiting-review-section"' in html or "awaiting-review" in html
