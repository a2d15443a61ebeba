"""Admin wiring of the site search: the "Popular searches" report."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from search.reports import PopularSearchesReportView, can_view_popular_searches


@hooks.register("register_admin_urls")
def register_popular_searches_urls():
    return [
        path("reports/popular-searches/", PopularSearchesReportView.as_view(), name="portal_search_popular"),
        path(
            "reports/popular-searches/results/",
            PopularSearchesReportView.as_view(results_only=True),
            name="portal_search_popular_results",
        ),
    ]


class PopularSearchesMenuItem(MenuItem):
    def is_shown(self, request):
        return can_view_popular_searches(request.user)


@hooks.register("register_reports_menu_item")
def register_popular_searches_menu_item():
    return PopularSearchesMenuItem(
        _("Popular searches"), reverse("portal_search_popular"), name="popular-searches", icon_name="search", order=1310
    )
