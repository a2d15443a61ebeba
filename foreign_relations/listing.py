"""Helpers for the public listings: page numbers that never fail."""


def page_number(request, paginator):
    """The requested page of ``paginator``; any bad value gives the first or the last page."""
    raw = request.GET.get("page", "1")
    try:
        number = int(raw)
    except (TypeError, ValueError, OverflowError):
        number = 1
    number = min(max(number, 1), paginator.num_pages)
    return paginator.page(number)
