"""The figures of the board's reports and dashboard, read generically from the content apps.

- Coverage: every listing page (a page type that declares which child types it holds, other than
  the home page) of both languages, with its live items, last publication, items published
  within the stale threshold, and a flag: empty, stale or fine.
- Quotas: published articles of each department per month of a year against its monthly quota.
- Publications per month, for the dashboard.
"""

import datetime
from dataclasses import dataclass, field

from django.apps import apps
from django.conf import settings
from django.db.models import Count, Max, Q
from django.db.models.functions import ExtractMonth, ExtractYear
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale, Page, get_page_models

from editorial import roles
from portal.models import Department

ARTICLE_MODEL = ("news", "NewsPage")
ARTICLE_DATE_FIELD = "date"

STATUS_EMPTY = "empty"
STATUS_STALE = "stale"
STATUS_OK = "ok"
STATUS_LABELS = {STATUS_EMPTY: _("Empty"), STATUS_STALE: _("Stale"), STATUS_OK: _("Up to date")}


def stale_after_days():
    return int(getattr(settings, "PORTAL_STALE_AFTER_DAYS", 30))


def can_view_reports(user):
    """Leadership and editors (and superusers) read the board's reports."""
    if not user.is_authenticated or not user.is_active:
        return False
    if user.is_superuser:
        return True
    return user.groups.filter(name__in=(roles.LEADERSHIP, roles.EDITORS)).exists()


def is_leadership(user):
    return user.is_authenticated and (user.is_superuser or user.groups.filter(name=roles.LEADERSHIP).exists())


# -- coverage ------------------------------------------------------------------------------------


def listing_page_models():
    """Page types that hold items: they name their child types, and are not a site's home page."""
    models = []
    for model in get_page_models():
        if model is Page or model._meta.abstract:
            continue
        if not getattr(model, "subpage_types", None) or not model.allowed_subpage_models():
            continue
        parents = model.allowed_parent_page_models()
        if parents == [Page]:  # a home page
            continue
        if getattr(model, "coverage_report", True) is False:
            continue
        models.append(model)
    return models


@dataclass
class CoverageRow:
    page: Page
    language: str
    page_type: str
    live_items: int
    last_published: datetime.datetime | None
    recent_items: int
    status: str
    edit_url: str = ""

    @property
    def title(self):
        return self.page.title

    @property
    def status_label(self):
        return STATUS_LABELS[self.status]


def coverage_rows(now=None, language=None):
    """One row per listing page of both languages: the source language first, then in tree order."""
    from django.contrib.contenttypes.models import ContentType

    now = now or timezone.now()
    since = now - datetime.timedelta(days=stale_after_days())
    models = listing_page_models()
    if not models:
        return []
    content_types = ContentType.objects.get_for_models(*models)
    listing_ct_ids = [ct.pk for ct in content_types.values()]
    type_names = {ct.pk: model._meta.verbose_name for model, ct in content_types.items()}
    listings = Page.objects.filter(content_type_id__in=listing_ct_ids, depth__gt=2).select_related("locale")
    if language:
        listings = listings.filter(locale__language_code=language)
    rows = []
    source = settings.LANGUAGE_CODE
    ordered = sorted(listings, key=lambda p: (p.locale.language_code != source, p.locale.language_code, p.path))
    for page in ordered:
        items = Page.objects.filter(path__startswith=page.path, depth__gt=page.depth, live=True).exclude(
            content_type_id__in=listing_ct_ids
        )
        figures = items.aggregate(
            count=Count("pk"),
            last=Max("first_published_at"),
            recent=Count("pk", filter=Q(first_published_at__gte=since)),
        )
        if not figures["count"]:
            status = STATUS_EMPTY
        elif figures["last"] is None or figures["last"] < since:
            status = STATUS_STALE
        else:
            status = STATUS_OK
        rows.append(
            CoverageRow(
                page=page,
                language=page.locale.language_code,
                page_type=str(type_names.get(page.content_type_id, "")),
                live_items=figures["count"],
                last_published=figures["last"],
                recent_items=figures["recent"],
                status=status,
            )
        )
    return rows


# -- quotas --------------------------------------------------------------------------------------


def article_model():
    try:
        return apps.get_model(*ARTICLE_MODEL)
    except LookupError:
        return None


def article_date_field(model):
    names = {f.name for f in model._meta.get_fields()}
    return ARTICLE_DATE_FIELD if ARTICLE_DATE_FIELD in names else "first_published_at"


def source_locale():
    return Locale.objects.filter(language_code=settings.LANGUAGE_CODE).first() or Locale.get_default()


def published_articles():
    """Live articles of the source language (translations are not counted twice), or None."""
    model = article_model()
    if model is None:
        return None, None
    return model.objects.live().filter(locale=source_locale()), article_date_field(model)


@dataclass
class QuotaRow:
    department: Department
    quota: int
    months: list = field(default_factory=list)  # 12 counts
    months_due: int = 12  # months of the year that have started (all 12 for a past year)
    first_month: int = 1  # the first month the department existed in (13: not yet that year)

    @property
    def name(self):
        return self.department.name

    @property
    def total(self):
        return sum(self.months)

    @property
    def expected(self):
        return self.quota * max(0, self.months_due - self.first_month + 1)

    def existed(self, number):
        return number >= self.first_month

    @property
    def difference(self):
        return self.total - self.expected

    def month(self, number):
        return self.months[number - 1]

    def month_behind(self, number):
        return (
            self.quota > 0
            and self.existed(number)
            and number <= self.months_due
            and self.months[number - 1] < self.quota
        )

    @property
    def cells(self):
        """``(month, count, behind the quota, the department existed)`` for each month."""
        return [(n, count, self.month_behind(n), self.existed(n)) for n, count in enumerate(self.months, start=1)]


def quota_years():
    """Years with articles, and the current year, newest first."""
    this_year = timezone.localdate().year
    articles, date_field = published_articles()
    years = {this_year}
    if articles is not None:
        years.update(
            y
            for y in articles.order_by().annotate(y=ExtractYear(date_field)).values_list("y", flat=True).distinct()
            if y is not None
        )
    return sorted(years, reverse=True)


def quota_rows(year, today=None):
    today = today or timezone.localdate()
    if year < today.year:
        months_due = 12
    elif year == today.year:
        months_due = today.month
    else:
        months_due = 0
    departments = list(Department.objects.filter(locale=source_locale()).order_by("name"))
    counts = {}
    articles, date_field = published_articles()
    if articles is not None:
        figures = (
            articles.filter(**{f"{date_field}__year": year, "department__isnull": False})
            .order_by()  # the model's ordering would split the groups
            .annotate(month=ExtractMonth(date_field))
            .values("department_id", "month")
            .annotate(n=Count("pk"))
        )
        for row in figures:
            counts[(row["department_id"], row["month"])] = row["n"]
    return [
        QuotaRow(
            department=d,
            quota=d.monthly_quota,
            months=[counts.get((d.pk, m), 0) for m in range(1, 13)],
            months_due=months_due,
            first_month=first_month(d.established_on, year),
        )
        for d in departments
    ]


def first_month(established_on, year):
    """The first month of ``year`` the department existed in: 1 when it existed before (or no date
    is known), 13 when it was established after that year."""
    if established_on is None or established_on.year < year:
        return 1
    if established_on.year > year:
        return 13
    return established_on.month


def quotas_behind_this_month(today=None):
    """Departments with a quota that have published fewer articles than it so far this month."""
    today = today or timezone.localdate()
    rows = [row for row in quota_rows(today.year, today) if row.month_behind(today.month)]
    for row in rows:
        row.this_month = row.month(today.month)
    return rows


# -- dashboard -----------------------------------------------------------------------------------


def publications_per_month(months=12, today=None):
    """``[(first day of month, count)]`` of source-language articles (pages when there is no
    article type) published in each of the last ``months`` months, oldest first."""
    today = today or timezone.localdate()
    firsts = []
    year, month = today.year, today.month
    for _i in range(months):
        firsts.append(datetime.date(year, month, 1))
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    firsts.reverse()
    articles, date_field = published_articles()
    if articles is None:
        articles, date_field = Page.objects.live().filter(locale=source_locale(), depth__gt=2), "first_published_at"
    start = timezone.make_aware(datetime.datetime.combine(firsts[0], datetime.time.min))
    figures = (
        articles.filter(**{f"{date_field}__gte": start})
        .order_by()
        .annotate(y=ExtractYear(date_field), m=ExtractMonth(date_field))
        .values("y", "m")
        .annotate(n=Count("pk"))
    )
    counts = {(row["y"], row["m"]): row["n"] for row in figures}
    return [(first, counts.get((first.year, first.month), 0)) for first in firsts]
