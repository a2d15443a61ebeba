"""After each review action the reviewer is told where the item went next and who was told; a
comment left on an approval reaches the next step's reviewers by e-mail; cancelling a workflow
asks for confirmation first."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.urls import reverse
from django.utils.translation import gettext, override
from django.utils.translation import gettext_lazy as _
from wagtail.admin.action_menu import CancelWorkflowMenuItem
from wagtail.models import Page, TaskState, WorkflowState

CANCEL_WORKFLOW = "action-cancel-workflow"


def reviewers_of(task, exclude=None):
    """Active users of the task's groups with an e-mail address (who Wagtail notifies)."""
    groups = getattr(task.specific, "groups", None)
    if groups is None:
        return []
    users = get_user_model().objects.filter(is_active=True, groups__in=groups.all()).exclude(email="").distinct()
    if exclude is not None:
        users = users.exclude(pk=exclude.pk)
    return list(users.order_by("first_name", "last_name", "username"))


def display_name(user):
    return user.get_full_name() or user.get_username()


def where_it_went(page, user):
    """One sentence, in the user's language: the item's state after the action, and who was told."""
    page = Page.objects.get(pk=page.pk)  # the workflow state as the action left it
    title = page.get_admin_display_title()
    state = page.current_workflow_state
    if state is not None and state.status == WorkflowState.STATUS_IN_PROGRESS and state.current_task_state:
        task = state.current_task_state.task
        told = ", ".join(display_name(u) for u in reviewers_of(task, exclude=user))
        return gettext("“%(title)s” now waits at the step “%(task)s”; told by e-mail: %(people)s.") % {
            "title": title,
            "task": task.name,
            "people": told or gettext("nobody (no reviewer has an e-mail address)"),
        }
    latest = page.workflow_states.order_by("-created_at").first()
    if latest is not None and latest.status == WorkflowState.STATUS_NEEDS_CHANGES:
        author = latest.requested_by
        return gettext("“%(title)s” went back to its author %(author)s, who was told by e-mail with your comment.") % {
            "title": title,
            "author": display_name(author) if author else gettext("(unknown)"),
        }
    if page.live and latest is not None and latest.status == WorkflowState.STATUS_APPROVED:
        return gettext("“%(title)s” is published; its author was told by e-mail.") % {"title": title}
    return ""


def after_workflow_action(request, page):
    """``after_edit_page`` hook: say where the page went after a workflow action."""
    if request.method != "POST" or not request.POST.get("action-workflow-action"):
        return None
    sentence = where_it_went(page, request.user)
    if sentence:
        messages.info(request, sentence)
    return None


def send_approval_comment(sender, instance, user=None, **kwargs):
    """``task_approved`` signal: an approval with a comment ("Duyệt kèm góp ý") e-mails the comment to
    the reviewers of the step the item moved on to."""
    comment = (instance.comment or "").strip()
    if not comment:
        return
    state = WorkflowState.objects.filter(pk=instance.workflow_state_id).first()
    if state is None or state.status != WorkflowState.STATUS_IN_PROGRESS or state.current_task_state is None:
        return
    next_state = state.current_task_state
    if next_state.pk == instance.pk or next_state.status != TaskState.STATUS_IN_PROGRESS:
        return
    obj = state.content_object
    recipients = reviewers_of(next_state.task, exclude=user)
    if not recipients or not isinstance(obj, Page):
        return
    url = settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse("wagtailadmin_pages:edit", args=[obj.pk])
    with override(settings.LANGUAGE_CODE):
        subject = gettext("Comment on “%(title)s” from the step “%(task)s”") % {
            "title": obj.get_admin_display_title(),
            "task": instance.task.name,
        }
        body = gettext(
            "%(reviewer)s approved “%(title)s” at the step “%(task)s” with this comment:\n\n%(comment)s\n\n"
            "It now waits for you at the step “%(next)s”: %(url)s"
        ) % {
            "reviewer": display_name(user) if user else "",
            "title": obj.get_admin_display_title(),
            "task": instance.task.name,
            "comment": comment,
            "next": next_state.task.name,
            "url": url,
        }
    send_mail(subject, body, None, [u.email for u in recipients])


class ConfirmedCancelWorkflowMenuItem(CancelWorkflowMenuItem):
    """ "Cancel workflow", last in the menu, asking for confirmation before it acts."""

    template_name = "editorial/action_menu/confirmed_item.html"
    order = 9000

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        context["confirm_message"] = _(
            "Cancel the review workflow? The reviewers' steps so far are dropped and the page goes back to draft."
        )
        return context


def construct_page_action_menu(menu_items, request, context):
    for index, item in enumerate(menu_items):
        if item.name == CANCEL_WORKFLOW and not isinstance(item, ConfirmedCancelWorkflowMenuItem):
            menu_items.pop(index)
            menu_items.append(ConfirmedCancelWorkflowMenuItem())
            break
