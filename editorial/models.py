"""The moderation task of the editorial board: a group approval where sending back needs a comment."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.models import AbstractGroupApprovalTask


class RejectionCommentForm(forms.Form):
    comment = forms.CharField(
        label=_("Comment"),
        required=True,
        strip=True,
        widget=forms.Textarea({"rows": 3}),
        help_text=_("Tell the author what to change; the comment is sent to them by e-mail."),
        error_messages={"required": _("Write a comment for the author when you send an item back.")},
    )


class ModerationTask(AbstractGroupApprovalTask):
    """Members of the chosen groups approve, or send back with a comment that reaches the author."""

    def get_form_for_action(self, action):
        if action == "reject":
            return RejectionCommentForm
        return super().get_form_for_action(action)

    def on_action(self, task_state, user, action_name, **kwargs):
        # The edit view can post a workflow action without going through the modal form:
        # a rejection without a comment is refused there too.
        if action_name == "reject" and not str(kwargs.get("comment") or "").strip():
            return None
        return super().on_action(task_state, user, action_name, **kwargs)

    @classmethod
    def get_description(cls):
        return _("Members of the chosen groups approve; sending back needs a comment for the author")

    class Meta:
        verbose_name = _("editorial approval task")
        verbose_name_plural = _("editorial approval tasks")
