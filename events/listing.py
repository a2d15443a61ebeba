"""The event index's listing: filters read from the query string, upcoming events, past ones by year."""

from dataclasses import dataclass, field

from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django_countries import countries

from portal.text import sort_key_for

from .models import EventKind, year_bounds

MIN_YEAR, MAX_YEAR = 1950, 2100


@dataclass
class EventFilters:
    kind: str = ""
    country: str = ""
    year: int | None = None
    errors: list = field(default_factory=list)

    @property
    def active(self):
        return bool(self.kind or self.country or self.year)

    def as_query(self):
        from urllib.parse import urlencode

        return urlencode({k: v for k, v in (("kind", self.kind), ("country", self.country), ("year", self.year)) if v})


def read_filters(request):
    """The reader's filters; a value that is not one of the choices is dropped with a message."""
    filters = EventFilters()
    kind = request.GET.get("kind", "").strip()
    if kind:
        if kind in EventKind.values:
            filters.kind = kind
        else:
            filters.errors.append(_("“%(value)s” is not a kind of event.") % {"value": kind[:40]})
    country = request.GET.get("country", "").strip().upper()
    if country:
        if country in countries:
            filters.country = country
        else:
            filters.errors.append(_("“%(value)s” is not a known country.") % {"value": country[:40]})
    year = request.GET.get("year", "").strip()
    if year:
        if year.isdigit() and MIN_YEAR <= int(year) <= MAX_YEAR:
            filters.year = int(year)
        else:
            filters.errors.append(_("“%(value)s” is not a year.") % {"value": year[:40]})
    return filters


def apply_filters(queryset, filters):
    if filters.kind:
        queryset = queryset.filter(kind=filters.kind)
    if filters.country:
        # Countries are stored as "JP,KR": two-letter codes between commas.
        queryset = queryset.filter(countries__regex=rf"(^|,){filters.country}(,|$)")
    if filters.year:
        start, end = year_bounds(filters.year)
        queryset = queryset.filter(starts_at__gte=start, starts_at__lt=end)
    return queryset


def split_by_time(events, now=None):
    """``(upcoming soonest first, [(year, past events newest first)…] newest year first)``."""
    now = now or timezone.now()
    upcoming = sorted((e for e in events if e.is_upcoming(now)), key=lambda e: e.starts_at)
    past = sorted((e for e in events if not e.is_upcoming(now)), key=lambda e: e.starts_at, reverse=True)
    years = []
    for event in past:
        year = timezone.localtime(event.starts_at).year
        if not years or years[-1][0] != year:
            years.append((year, []))
        years[-1][1].append(event)
    return upcoming, years


def filter_options(index):
    """Countries and years that the index's events actually have, for the filter form (one query)."""
    rows = index.events().values_list("countries", "starts_at")
    codes, years = set(), set()
    for codes_text, starts_at in rows:
        codes.update(code for code in (codes_text or "").split(",") if code)
        years.add(timezone.localtime(starts_at).year)
    key = sort_key_for(get_language())
    return {
        "kinds": EventKind.choices,
        "countries": sorted(((code, str(countries.name(code))) for code in codes), key=lambda c: key(c[1])),
        "years": sorted(years, reverse=True),
    }


def listing_context(index, request):
    filters = read_filters(request)
    events = list(apply_filters(index.events(), filters))
    upcoming, past_by_year = split_by_time(events)
    kind_names = dict(EventKind.choices)
    for event in events:
        event.kind_name = kind_names.get(event.kind, event.kind)
    base = index.get_url(request) or ""
    return {
        "filters": filters,
        "options": filter_options(index),
        "upcoming": upcoming,
        "past_by_year": past_by_year,
        "is_empty": not events,
        "ics_url": base + "ics/" + (f"{filters.kind}/" if filters.kind else ""),
        "ics_all_url": base + "ics/",
        "rss_url": base + "rss/",
        "kind_feeds": [(value, label, f"{base}ics/{value}/") for value, label in EventKind.choices],
    }
