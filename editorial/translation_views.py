"""Admin views of the translators' work: the backlog report, and "send the translation for review"."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST
from wagtail.admin.admin_url_finder import AdminURLFinder
from wagtail.admin.ui.components import Component
from wagtail.admin.views.reports import ReportView
from wagtail.models import Page, WorkflowMixin, WorkflowState
from wagtail_localize.models import Translation

from editorial import translation_backlog as backlog
from portal.spreadsheets import SafeSpreadsheetMixin
from translation.localize_compat import can_edit_instance, is_reviewed_snippet, save_translation
from translation.review import may_send


class TranslationBacklogView(SafeSpreadsheetMixin, ReportView):
    page_title = _("Translation backlog")
    header_icon = "wagtail-localize-language"
    results_template_name = "editorial/translation_backlog_results.html"
    index_url_name = "editorial_translation_backlog"
    index_results_url_name = "editorial_translation_backlog_results"
    export_filename = "translation-backlog"
    paginate_by = 50
    list_export = ["title", "kind_label", "status_label", "date", "source_changed_at", "synced_at"]

    @property
    def export_headings(self):
        return {
            "title": _("Vietnamese page"),
            "kind_label": _("Kind"),
            "status_label": _("Status"),
            "date": _("Date"),
            "source_changed_at": _("Vietnamese changed"),
            "synced_at": _("Last synchronised"),
        }

    def dispatch(self, request, *args, **kwargs):
        if not backlog.can_view_backlog(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_filename(self):
        return f"{self.export_filename}-{timezone.localdate():%Y-%m-%d}"

    @cached_property
    def status(self):
        value = self.request.GET.get("status", "")
        return value if value in backlog.STATUS_LABELS else ""

    def get_queryset(self):
        return backlog.backlog_rows(status=self.status or None)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(status=self.status, statuses=list(backlog.STATUS_LABELS.items()))
        return context


class TranslationBacklogPanel(Component):
    """Dashboard panel: how many pages wait for a translation or a sync, the most important first."""

    name = "editorial_translation_backlog"
    template_name = "editorial/translation_backlog_panel.html"
    order = 95

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        context.update(backlog.backlog_summary())
        return context


@require_POST
def submit_translation_for_review(request, translation_id):
    """Write the translated strings into the English draft and start its workflow ("Duyệt bản dịch").

    Works for pages and for translatable snippets with drafts (topics, sectors…): a live snippet keeps
    its approved text, the translation becomes its latest revision. Translators hold no publish
    permission: leadership approves, which publishes.
    """
    translation = get_object_or_404(Translation.objects.select_related("target_locale"), pk=translation_id)
    if not translation.enabled:
        raise Http404
    target = translation.get_target_instance()
    if isinstance(target, Page):
        if not target.permissions_for_user(request.user).can_edit():
            raise PermissionDenied
        edit_url = reverse("wagtailadmin_pages:edit", args=[target.pk])
    elif is_reviewed_snippet(target) and isinstance(target, WorkflowMixin):
        if not can_edit_instance(request.user, target):
            raise PermissionDenied
        edit_url = AdminURLFinder(request.user).get_edit_url(target)
    else:
        raise Http404
    complete_enough, refusal = may_send(translation, request.POST)
    if not complete_enough:
        messages.warning(request, refusal)
        return redirect(edit_url)
    workflow = target.get_workflow()
    if workflow is None:
        messages.error(request, gettext("No review workflow covers this page; ask the board's leadership."))
        return redirect(edit_url)
    lock = target.get_lock()
    if lock is not None and lock.for_user(request.user):
        messages.error(request, gettext("The page is locked; it cannot be sent for review now."))
        return redirect(edit_url)
    try:
        target = save_translation(translation, user=request.user, publish=False)
    except ValidationError:
        messages.error(request, gettext("The translation has errors; fix them before sending it for review."))
        return redirect(edit_url)
    state = target.current_workflow_state
    if state is not None and state.status == WorkflowState.STATUS_NEEDS_CHANGES:
        state.resume(request.user)
    elif state is None:
        workflow.start(target, request.user)
    title = target.title if isinstance(target, Page) else str(target.get_latest_revision_as_object())
    messages.success(
        request,
        gettext("'%(title)s' was sent for review (%(workflow)s).") % {"title": title, "workflow": workflow.name},
    )
    return redirect(edit_url)
