"""The "Popular searches" admin report: what readers searched for, per language and period."""

import datetime

import django_filters
from django.conf import settings
from django.db.models import Max, Sum
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.auth import permission_denied
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, NumberColumn
from wagtail.admin.views.reports import ReportView

from portal.spreadsheets import SafeSpreadsheetMixin
from search.models import SearchLog

PERIODS = (("7", _("Last 7 days")), ("30", _("Last 30 days")), ("365", _("Last 12 months")))
DEFAULT_PERIOD = "30"


def can_view_popular_searches(user):
    """Superusers, and whoever manages promoted results or may read the search log."""
    if not user.is_authenticated or not user.is_active:
        return False
    return (
        user.is_superuser
        or user.has_perm("portal_search.view_searchlog")
        or user.has_perm("wagtailsearchpromotions.add_searchpromotion")
        or user.has_perm("wagtailsearchpromotions.change_searchpromotion")
    )


class PopularSearchesFilterSet(WagtailFilterSet):
    period = django_filters.ChoiceFilter(label=_("Period"), choices=PERIODS, method="filter_period", empty_label=None)
    language = django_filters.ChoiceFilter(label=_("Language"), choices=settings.LANGUAGES, field_name="language")
    no_results = django_filters.BooleanFilter(label=_("Only searches without results"), method="filter_no_results")

    class Meta:
        model = SearchLog
        fields = []

    def filter_period(self, queryset, name, value):
        return queryset

    def filter_no_results(self, queryset, name, value):
        return queryset

    def filter_queryset(self, queryset):
        data = self.form.cleaned_data
        return popular_searches(queryset, data.get("period"), data.get("language"), data.get("no_results"))


def popular_searches(queryset, period=None, language=None, no_results=False):
    """Rows ``{query, language, searches, most_results, last_day}`` of ``queryset`` (the log)."""
    days = int(period or DEFAULT_PERIOD)
    since = timezone.localdate() - datetime.timedelta(days=days - 1)
    queryset = queryset.filter(day__gte=since)
    if language:
        queryset = queryset.filter(language=language)
    rows = queryset.values("query", "language").annotate(
        searches=Sum("hits"), most_results=Max("results"), last_day=Max("day")
    )
    if no_results:
        rows = rows.filter(most_results=0)
    return rows


class PopularSearchesReportView(SafeSpreadsheetMixin, ReportView):
    page_title = _("Popular searches")
    header_icon = "search"
    index_url_name = "portal_search_popular"
    index_results_url_name = "portal_search_popular_results"
    filterset_class = PopularSearchesFilterSet
    default_ordering = "-searches"
    paginate_by = 50
    columns = [
        Column("query", label=_("Search terms"), sort_key="query"),
        Column("language", label=_("Language"), sort_key="language"),
        NumberColumn("searches", label=_("Searches"), sort_key="searches"),
        NumberColumn("most_results", label=_("Results"), sort_key="most_results"),
        Column("last_day", label=_("Last searched"), sort_key="last_day"),
    ]
    list_export = ["query", "language", "searches", "most_results", "last_day"]
    export_headings = {
        "query": _("Search terms"),
        "language": _("Language"),
        "searches": _("Searches"),
        "most_results": _("Results"),
        "last_day": _("Last searched"),
    }

    def dispatch(self, request, *args, **kwargs):
        if not can_view_popular_searches(request.user):
            return permission_denied(request)
        return super().dispatch(request, *args, **kwargs)

    def get_base_queryset(self):
        return SearchLog.objects.all()

    def filter_queryset(self, queryset):
        filters = self.filters
        if filters is not None and filters.is_valid():
            return filters.filter_queryset(queryset)
        return popular_searches(queryset)

    def get_queryset(self):
        queryset = self.filter_queryset(self.get_base_queryset())
        ordering = self.ordering
        if ordering:
            queryset = queryset.order_by(ordering, "query")
        return queryset
