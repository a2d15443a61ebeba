"""Wagtail's own reports, exported with neutralised cells (portal.spreadsheets).

Wagtail registers its reports before any ``register_admin_urls`` hook, so these patterns are
wired in portal/urls.py ahead of the admin's: same paths (the names still reverse to them), the
same views with ``SafeSpreadsheetMixin``, behind the admin's access check. Page titles, user names
and comments in these reports are written by collaborators and translators, so their exports must
not carry formulas. tests/security/test_spreadsheets.py checks that every exporting admin route is
covered.
"""

from functools import update_wrapper

from django.urls import path
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from wagtail.admin.auth import require_admin_access
from wagtail.admin.views.reports.aging_pages import AgingPagesView
from wagtail.admin.views.reports.audit_logging import LogEntriesView
from wagtail.admin.views.reports.locked_pages import LockedPagesView
from wagtail.admin.views.reports.workflows import WorkflowTasksView, WorkflowView
from wagtail.contrib.search_promotions.views.reports import SearchTermsReportView
from wagtail.models import PageLogEntry
from wagtail.permission_policies.pages import PagePermissionPolicy

from portal.spreadsheets import SafeSpreadsheetMixin

# Wagtail names only some columns of its exports; the others fall back to the model field's label,
# or to the bare field name ("workflow", "requested_by") when the report hands the export a list
# (the workflow reports decorate their rows). Every column gets its heading here.
TITLE_HEADING = {"title": _("Title")}


class SafeLockedPagesView(SafeSpreadsheetMixin, LockedPagesView):
    export_headings = {
        **LockedPagesView.export_headings,
        **TITLE_HEADING,
        "locked_at": _("Locked at"),
        "locked_by": _("Locked by"),
    }


class SafeWorkflowView(SafeSpreadsheetMixin, WorkflowView):
    export_headings = {
        **WorkflowView.export_headings,
        "workflow": _("Workflow"),
        "requested_by": _("Requested by"),
    }


class SafeWorkflowTasksView(SafeSpreadsheetMixin, WorkflowTasksView):
    export_headings = {
        **WorkflowTasksView.export_headings,
        "task": _("Task"),
        "started_at": _("Started at"),
        "finished_at": _("Finished at"),
        "finished_by": _("Finished by"),
    }


class SafeLogEntriesView(SafeSpreadsheetMixin, LogEntriesView):
    """The site history, where a user reads the history of the pages they may edit or publish: the
    entries of other people's pages carry their draft titles (a collaborator would read the titles
    of unpublished drafts). Editors and leadership still read all of their language's, administrators
    everything."""

    def filter_queryset(self, queryset):
        queryset = super().filter_queryset(queryset)
        user = self.request.user
        if queryset.model is PageLogEntry and not user.is_superuser:
            editable = PagePermissionPolicy().instances_user_has_any_permission_for(user, ["change", "publish"])
            queryset = queryset.filter(page__in=editable.values("pk"))
        return queryset


class SafeAgingPagesView(SafeSpreadsheetMixin, AgingPagesView):
    export_headings = {**AgingPagesView.export_headings, **TITLE_HEADING}


class SafeSearchTermsReportView(SafeSpreadsheetMixin, SearchTermsReportView):
    pass


def _report(route, view_class):
    """The report and its results-only variant (both answer ``?export=csv|xlsx``)."""
    return [
        path(route, _admin_view(view_class.as_view())),
        path(f"{route}results/", _admin_view(view_class.as_view(results_only=True))),
    ]


def _admin_view(view):
    """As the admin's own URLs: access check, no caching; the view's attributes kept (view_class)."""
    return never_cache(update_wrapper(require_admin_access(view), view))


# Mounted under "admin/" in portal/urls.py, before Wagtail's admin URLs.
urlpatterns = [
    *_report("reports/locked/", SafeLockedPagesView),
    *_report("reports/workflow/", SafeWorkflowView),
    *_report("reports/workflow_tasks/", SafeWorkflowTasksView),
    *_report("reports/site-history/", SafeLogEntriesView),
    *_report("reports/aging-pages/", SafeAgingPagesView),
    *_report("searchpicks/reports/search-terms/", SafeSearchTermsReportView),
]
