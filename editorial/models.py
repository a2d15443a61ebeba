"""The moderation task of the editorial board: a group approval where sending back needs a comment."""

from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.models import AbstractGroupApprovalTask, Page, TaskState, WorkflowState

from editorial import roles

# The action by which the board's leadership publishes over any step of a workflow.
PUBLISH_NOW = "publish_now"


class RejectionCommentForm(forms.Form):
    comment = forms.CharField(
        label=_("Comment"),
        required=True,
        strip=True,
        widget=forms.Textarea({"rows": 3}),
        help_text=_("Tell the author what to change; the comment is sent to them by e-mail."),
        error_messages={"required": _("Write a comment for the author when you send an item back.")},
    )


def is_overriding_reviewer(obj, user):
    """The board's leadership may act at any step: urgent news must not wait for the editors.

    Only members of the leadership group who may publish the object (their publish permission on
    the page tree) hold this right."""
    if not (user.is_authenticated and user.is_active):
        return False
    if not user.groups.filter(name=roles.LEADERSHIP).exists():
        return False
    if isinstance(obj, Page):
        return obj.permissions_for_user(user).can_publish()
    return True


class ModerationTask(AbstractGroupApprovalTask):
    """Members of the chosen groups approve, or send back with a comment that reaches the author.

    The board's leadership can also act on a step that is not theirs: publish at once (every
    remaining step is approved in their name, each approval recorded in the history with a note)
    or send the item back."""

    def user_can_access_editor(self, obj, user):
        return super().user_can_access_editor(obj, user) or is_overriding_reviewer(obj, user)

    def locked_for_user(self, obj, user):
        return super().locked_for_user(obj, user) and not is_overriding_reviewer(obj, user)

    def get_actions(self, obj, user):
        actions = super().get_actions(obj, user)
        if actions or not is_overriding_reviewer(obj, user):
            return actions
        return [
            ("reject", _("Request changes"), True),
            (PUBLISH_NOW, _("Publish now, over this step"), False),
        ]

    def get_form_for_action(self, action):
        if action == "reject":
            return RejectionCommentForm
        return super().get_form_for_action(action)

    def on_action(self, task_state, user, action_name, **kwargs):
        # The edit view can post a workflow action without going through the modal form:
        # a rejection without a comment is refused there too.
        if action_name == "reject" and not str(kwargs.get("comment") or "").strip():
            return None
        if action_name == PUBLISH_NOW:
            self.publish_now(task_state, user)
            return None
        return super().on_action(task_state, user, action_name, **kwargs)

    def publish_now(self, task_state, user):
        """Approve this step and every later one in ``user``'s name; the last approval publishes."""
        workflow_state = task_state.workflow_state
        note = gettext("Published by the board's leadership over the step “%(task)s”.") % {"task": self.name}
        current = task_state
        while current is not None and current.status == TaskState.STATUS_IN_PROGRESS:
            current.approve(user=user, comment=note)
            workflow_state.refresh_from_db()
            if workflow_state.status != WorkflowState.STATUS_IN_PROGRESS:
                break
            current = workflow_state.current_task_state

    @classmethod
    def get_description(cls):
        return _("Members of the chosen groups approve; sending back needs a comment for the author")

    class Meta:
        verbose_name = _("editorial approval task")
        verbose_name_plural = _("editorial approval tasks")
