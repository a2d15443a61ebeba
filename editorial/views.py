"""Admin reports of the editorial board: coverage of sections and department quotas."""

import datetime

from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.views.reports import ReportView

from editorial import reports
from portal.spreadsheets import SafeSpreadsheetMixin


class EditorialReportView(SafeSpreadsheetMixin, ReportView):
    paginate_by = None
    export_headings = {}

    def dispatch(self, request, *args, **kwargs):
        if not reports.can_view_reports(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_filename(self):
        return f"{self.export_filename}-{timezone.localdate():%Y-%m-%d}"

    def write_csv_response(self, queryset):
        # Written inside the view, so headings are in the user's language; the byte order mark lets
        # spreadsheet programs read the Vietnamese text as UTF-8.
        content = "\ufeff".encode() + b"".join(self.stream_csv(queryset))
        response = HttpResponse(content, content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="{self.get_filename()}.csv"'
        return response


def local_date(value):
    return timezone.localtime(value).strftime("%d/%m/%Y") if value else ""


class CoverageReportView(EditorialReportView):
    page_title = _("Section coverage")
    header_icon = "list-ul"
    results_template_name = "editorial/reports/coverage_results.html"
    index_url_name = "editorial_coverage"
    index_results_url_name = "editorial_coverage_results"
    export_filename = "coverage"
    custom_field_preprocess = {"last_published": {"csv": local_date, "xlsx": local_date}}
    list_export = [
        "title",
        "language",
        "page_type",
        "live_items",
        "last_published",
        "recent_items",
        "status_label",
    ]

    @cached_property
    def language(self):
        value = self.request.GET.get("language", "")
        return value if value in ("vi", "en") else ""

    @property
    def export_headings(self):
        days = reports.stale_after_days()
        return {
            "title": _("Section"),
            "language": _("Language"),
            "page_type": _("Page type"),
            "live_items": _("Live items"),
            "last_published": _("Last publication"),
            "recent_items": _("Items in the last %(days)s days") % {"days": days},
            "status_label": _("Status"),
        }

    def get_queryset(self):
        return reports.coverage_rows(language=self.language)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        rows = context["object_list"]
        context.update(
            rows=rows,
            stale_days=reports.stale_after_days(),
            language=self.language,
            empty_count=sum(1 for r in rows if r.status == reports.STATUS_EMPTY),
            stale_count=sum(1 for r in rows if r.status == reports.STATUS_STALE),
        )
        return context


class QuotaReportView(EditorialReportView):
    page_title = _("Department quotas")
    header_icon = "group"
    results_template_name = "editorial/reports/quota_results.html"
    index_url_name = "editorial_quotas"
    index_results_url_name = "editorial_quotas_results"
    export_filename = "quotas"

    @cached_property
    def years(self):
        return reports.quota_years()

    @cached_property
    def year(self):
        try:
            year = int(self.request.GET.get("year", ""))
        except ValueError:
            return timezone.localdate().year
        return year if 2000 <= year <= 2100 else timezone.localdate().year

    def get_filename(self):
        return f"{self.export_filename}-{self.year}"

    @property
    def month_names(self):
        return [date_format(datetime.date(self.year, m, 1), "m/Y") for m in range(1, 13)]

    @property
    def list_export(self):
        return ["name", "quota"] + [f"months.{m}" for m in range(12)] + ["total", "expected", "difference"]

    @property
    def export_headings(self):
        headings = {"name": _("Department"), "quota": _("Monthly quota")}
        headings.update({f"months.{m}": name for m, name in enumerate(self.month_names)})
        headings.update({"total": _("Total"), "expected": _("Expected"), "difference": _("Difference")})
        return headings

    def get_queryset(self):
        return reports.quota_rows(self.year)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        years = self.years if self.year in self.years else sorted({*self.years, self.year}, reverse=True)
        context.update(
            rows=context["object_list"],
            year=self.year,
            years=years,
            month_names=self.month_names,
            has_articles=reports.article_model() is not None,
        )
        return context
