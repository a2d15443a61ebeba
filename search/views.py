"""Site search: the current language only, live and public pages, accent-insensitive."""

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.shortcuts import render
from wagtail.models import Locale, Page

from portal.text import fold, normalise_query

MAX_QUERY_LENGTH = 200
PER_PAGE = 10


def search(request):
    query = normalise_query(request.GET.get("q", ""))[:MAX_QUERY_LENGTH]
    results = Page.objects.none()
    if query:
        locale = Locale.get_active()
        base = Page.objects.live().public().filter(locale=locale).specific()
        results = base.search(fold(query), operator="and")
    paginator = Paginator(results, PER_PAGE)
    try:
        page = paginator.page(request.GET.get("page", 1))
    except PageNotAnInteger:
        page = paginator.page(1)
    except EmptyPage:
        page = paginator.page(paginator.num_pages)
    return render(request, "search/search.html", {"search_query": query, "results": page})
