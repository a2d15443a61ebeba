"""Admin wiring of the editorial board: drafts kept private in the page chooser and explorer, the translators'
backlog, reports, dashboard panels, the review workflow's messages, who reads the contact form.

Hooks of the same name run in the order they are registered here (dashboard panels' media, admin
URL patterns), so the order below is kept on purpose.
"""

from django.templatetags.static import static
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from editorial import approvals, privacy_hooks, reports
from editorial import translation_backlog as backlog
from editorial.page_views import PortalPageViewSet, VisiblePagesAdminAPIViewSet
from editorial.panels import LeadershipDashboardPanel, MyArticlesPanel, my_pages_with_status
from editorial.translation_views import TranslationBacklogPanel, TranslationBacklogView, submit_translation_for_review
from editorial.views import CoverageReportView, QuotaReportView

hooks.register("construct_page_chooser_queryset", privacy_hooks.hide_other_peoples_drafts)
hooks.register("construct_explorer_page_queryset", privacy_hooks.hide_other_peoples_drafts_in_explorer)


@hooks.register("register_admin_viewset")
def register_page_viewset():
    """The explorer, page search and type listings of every page type show only what the user may
    see listed (after Wagtail's default page viewset, which this one replaces)."""
    return PortalPageViewSet()


@hooks.register("construct_admin_api")
def register_pages_admin_api(router):
    """The admin API's pages (the explorer's side menu) likewise."""
    router.register_endpoint("pages", VisiblePagesAdminAPIViewSet)


def report_urls(prefix, view, name):
    """A report's page and its results alone (what its filters reload)."""
    return [
        path(prefix, view.as_view(), name=name),
        path(f"{prefix}results/", view.as_view(results_only=True), name=f"{name}_results"),
    ]


class ReportMenuItem(MenuItem):
    """The Reports menu's item for the report at ``url_name``, shown to the users ``can_view(user)``
    lets in."""

    def __init__(self, label, url_name, icon_name, order, can_view):
        super().__init__(label, reverse(url_name), name=url_name.replace("_", "-"), icon_name=icon_name, order=order)
        self.can_view = can_view

    def is_shown(self, request):
        return self.can_view(request.user)


# The translators' backlog.


@hooks.register("register_admin_urls")
def register_translation_urls():
    return [
        *report_urls("translation/backlog/", TranslationBacklogView, "editorial_translation_backlog"),
        path(
            "translation/<int:translation_id>/submit-for-review/",
            submit_translation_for_review,
            name="editorial_submit_translation",
        ),
    ]


@hooks.register("register_reports_menu_item")
def register_backlog_menu_item():
    return ReportMenuItem(
        _("Translation backlog"),
        "editorial_translation_backlog",
        "wagtail-localize-language",
        170,
        backlog.can_view_backlog,
    )


@hooks.register("construct_homepage_panels")
def add_backlog_panel(request, panels):
    if backlog.can_view_backlog(request.user):
        panels.append(TranslationBacklogPanel())


# Reports and the dashboard.


@hooks.register("register_admin_urls")
def register_report_urls():
    return [
        *report_urls("reports/coverage/", CoverageReportView, "editorial_coverage"),
        *report_urls("reports/quotas/", QuotaReportView, "editorial_quotas"),
    ]


@hooks.register("register_reports_menu_item")
def register_coverage_menu_item():
    return ReportMenuItem(_("Section coverage"), "editorial_coverage", "list-ul", 150, reports.can_view_reports)


@hooks.register("register_reports_menu_item")
def register_quota_menu_item():
    return ReportMenuItem(_("Department quotas"), "editorial_quotas", "group", 160, reports.can_view_reports)


@hooks.register("construct_homepage_panels")
def add_editorial_panels(request, panels):
    pages = my_pages_with_status(request.user)
    if pages:
        panels.append(MyArticlesPanel(pages))
    if reports.is_leadership(request.user):
        panels.append(LeadershipDashboardPanel(request))


# The review workflow.

hooks.register("after_edit_page", approvals.after_workflow_action)
hooks.register("construct_page_action_menu", approvals.construct_page_action_menu)


@hooks.register("insert_editor_js")
def confirm_action_js():
    return format_html('<script src="{}"></script>', static("editorial/js/confirm-action.js"))


# Readers' messages (the contact form).


@hooks.register("filter_form_submissions_for_user")
def translators_do_not_read_submissions(user, editable_forms):
    """Contact-form submissions are for the board: translators, who edit the English pages, do not
    read what readers sent through the English contact form."""
    if reports.can_view_reports(user):  # editors, leadership, administrators
        return editable_forms
    return editable_forms.none()
