"""Helpers for the public listings: view restrictions in SQL, page numbers that never fail."""

from portal.i18n import restricted_paths


def exclude_restricted(queryset, request=None):
    """``queryset`` without pages under a view restriction (paths cached per request, no query)."""
    for restricted in restricted_paths(request):
        queryset = queryset.exclude(path__startswith=restricted)
    return queryset


def page_number(request, paginator):
    """The requested page of ``paginator``; any bad value gives the first or the last page."""
    raw = request.GET.get("page", "1")
    try:
        number = int(raw)
    except (TypeError, ValueError, OverflowError):
        number = 1
    number = min(max(number, 1), paginator.num_pages)
    return paginator.page(number)
