"""Admin wiring of the editorial board: reports, dashboard panels."""

from django.templatetags.static import static
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from editorial import approvals, privacy_hooks, reports, translation_hooks  # noqa: F401 (they register hooks)
from editorial.panels import LeadershipDashboardPanel, MyArticlesPanel, my_pages_with_status
from editorial.views import CoverageReportView, QuotaReportView


@hooks.register("register_admin_urls")
def register_report_urls():
    return [
        path("reports/coverage/", CoverageReportView.as_view(), name="editorial_coverage"),
        path(
            "reports/coverage/results/",
            CoverageReportView.as_view(results_only=True),
            name="editorial_coverage_results",
        ),
        path("reports/quotas/", QuotaReportView.as_view(), name="editorial_quotas"),
        path("reports/quotas/results/", QuotaReportView.as_view(results_only=True), name="editorial_quotas_results"),
    ]


class EditorialReportMenuItem(MenuItem):
    def is_shown(self, request):
        return reports.can_view_reports(request.user)


@hooks.register("register_reports_menu_item")
def register_coverage_menu_item():
    return EditorialReportMenuItem(
        _("Section coverage"), reverse("editorial_coverage"), name="editorial-coverage", icon_name="list-ul", order=150
    )


@hooks.register("register_reports_menu_item")
def register_quota_menu_item():
    return EditorialReportMenuItem(
        _("Department quotas"), reverse("editorial_quotas"), name="editorial-quotas", icon_name="group", order=160
    )


@hooks.register("construct_homepage_panels")
def add_editorial_panels(request, panels):
    pages = my_pages_with_status(request.user)
    if pages:
        panels.append(MyArticlesPanel(pages))
    if reports.is_leadership(request.user):
        panels.append(LeadershipDashboardPanel(request))


hooks.register("after_edit_page", approvals.after_workflow_action)
hooks.register("construct_page_action_menu", approvals.construct_page_action_menu)


@hooks.register("insert_editor_js")
def confirm_action_js():
    return format_html('<script src="{}"></script>', static("editorial/js/confirm-action.js"))


@hooks.register("filter_form_submissions_for_user")
def translators_do_not_read_submissions(user, editable_forms):
    """Contact-form submissions are for the board: translators, who edit the English pages, do not
    read what readers sent through the English contact form."""
    if reports.can_view_reports(user):  # editors, leadership, administrators
        return editable_forms
    return editable_forms.none()
