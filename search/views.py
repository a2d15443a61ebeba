"""Site search: the current language only, live and public pages, accent-insensitive.

``/<lang>/search/?q=…&type=news&type=directive&from=2024-01-01&to=2024-12-31&sort=date&page=2``
"""

import datetime
import hashlib
from urllib.parse import urlencode

from django.conf import settings
from django.core.paginator import Paginator
from django.db.models import Sum
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from wagtail.contrib.search_promotions.models import SearchPromotion
from wagtail.models import Locale, Site
from wagtail.search.utils import normalise_query_string

from portal.generation import remember
from portal.i18n import all_locales, is_public, restricted_paths
from portal.references import LINK_FIELDS
from portal.text import fold, normalise_query
from search.index import search_models
from search.models import SearchEntry, SearchLog
from search.query import Search, exclude_paths, matching
from search.text import highlight, parse_query

MAX_QUERY_LENGTH = 200
PER_PAGE = 10
MAX_PAGE_PARAMETER = 12
POPULAR_DAYS = 30
# Above this many matches (a query made of the site's most common words), relevance is ranked
# among the RANK_WINDOW newest matches, on their titles only (not the lead nor the text); the
# pages after the window follow by date. Ranking every match would cost time proportional to the
# size of the site.
LARGE_RESULT = 1000
RANK_WINDOW = 1000
# What a result shows of its entry, and of its page (the link).
RESULT_FIELDS = ("content_type", "title", "summary", "text", "date", "document_number", "path")
RESULT_PAGE_FIELDS = tuple(f"page__{name}" for name in LINK_FIELDS)


def parse_date(value):
    """A date from ``2024-05-20`` (the date input) or ``20/05/2024`` (Vietnamese style)."""
    value = (value or "").strip()[:10]
    if not value:
        return None, False
    for fmt in ("%Y-%m-%d", "%d/%m/%Y"):
        try:
            return datetime.datetime.strptime(value, fmt).date(), False
        except ValueError:
            continue
    return None, True


def page_number(value):
    value = (value or "").strip()[:MAX_PAGE_PARAMETER]
    try:
        return max(1, int(value))
    except ValueError:
        return 1


def search_url(language, **params):
    with translation.override(language):
        url = reverse("search")
    params = {key: value for key, value in params.items() if value}
    return f"{url}?{urlencode(params, doseq=True)}" if params else url


def search(request):
    Site.find_for_request(request)  # result links need it (Wagtail keeps it on the request)
    query = normalise_query(request.GET.get("q", ""))[:MAX_QUERY_LENGTH]
    locales = all_locales(request)
    language = translation.get_language() or settings.LANGUAGE_CODE
    parsed = parse_query(query, language)
    locale = locales.get(language) or Locale.get_default()

    types = search_models()
    type_keys = {key for key, _model, _label in types}
    selected_types = [key for key in dict.fromkeys(request.GET.getlist("type")) if key in type_keys]
    date_from, bad_from = parse_date(request.GET.get("from"))
    date_to, bad_to = parse_date(request.GET.get("to"))
    notices = []
    if bad_from or bad_to:
        notices.append(_("A date was not understood and was ignored; use the format dd/mm/yyyy."))
    if date_from and date_to and date_from > date_to:
        date_from, date_to = date_to, date_from
    sort = "date" if request.GET.get("sort") == "date" else "relevance"

    context = {
        "search_query": query,
        "types": [],
        "selected_types": selected_types,
        "date_from": date_from,
        "date_to": date_to,
        "sort": sort,
        "notices": notices,
        "results": None,
        "promotions": [],
        "filters_active": bool(selected_types or date_from or date_to),
    }
    if query and not parsed:
        notices.append(_("Type words or a document number to search for."))

    if parsed:
        paths = restricted_paths(request)
        content_types = {model: _content_type_id(model) for _key, model, _label in types}
        wanted = [content_types[model] for key, model, _label in types if key in selected_types]
        requested = page_number(request.GET.get("page"))
        labels = {content_types[model]: label for _key, model, label in types}

        def compute():
            found = Search(locale.pk, parsed, paths, date_from, date_to, wanted)
            counts = found.counts()
            total = sum(counts.get(ct, 0) for ct in wanted) if wanted else sum(counts.values())
            ordered = RankedIds(found, total, by_date=sort == "date")
            # Rank on the narrow rows first, then read the page of results with their pages.
            paginator = Paginator(ordered, PER_PAGE)
            number = min(requested, paginator.num_pages)
            ids = list(paginator.page(number).object_list)
            by_id = {entry.pk: entry for entry in _result_rows(ids)}
            return counts, total, number, [_result(by_id[pk], parsed, labels, request) for pk in ids if pk in by_id]

        # A search gives the same page of results until the next publish: remembered for the
        # publish generation, per site, language, words, filters, order and page.
        asked = (request.get_host(), locale.pk, query, tuple(wanted), date_from, date_to, sort, requested)
        memo_key = "search:" + hashlib.sha256(repr(asked).encode("utf-8", "surrogateescape")).hexdigest()
        counts, total, number, rows = remember(request, memo_key, compute)
        context["types"] = [
            {
                "key": key,
                "label": label,
                "count": counts.get(content_types[model], 0),
                "selected": key in selected_types,
            }
            for key, model, label in types
        ]
        results = Paginator(range(total), PER_PAGE).page(number)
        results.object_list = rows
        context["results"] = results

        if requested == 1:  # a search, not a page turn
            context["promotions"] = _promotions(query, locale, request)
            promoted = {item["page_id"] for item in context["promotions"] if item["page_id"]}
            results.object_list = [item for item in results.object_list if item["page_id"] not in promoted]
            SearchLog.record(timezone.localdate(), locale.language_code, normalise_query_string(query), total)

        if total == 0:
            context.update(_empty_state(request, query, parsed, locale, locales, paths, context["filters_active"]))
    return render(request, "search/search.html", context)


# Never served from the page cache (delivery.middleware): every search is counted in the log and sees
# the current promoted results; its results are remembered for the publish generation instead.
search.portal_page_cache = False


class RankedIds:
    """The ordered page ids of a search, sliced by the paginator; ``count()`` is known already."""

    def __init__(self, search, total, by_date=False):
        self.search, self.total, self.by_date = search, total, by_date

    def count(self):
        return self.total

    def __len__(self):
        return self.total

    def __getitem__(self, item):
        if self.by_date or (self.total > LARGE_RESULT and item.start >= RANK_WINDOW):
            return self.search.newest_ids(item.start, item.stop)
        if self.total <= LARGE_RESULT:
            return self.search.ranked_ids(item.start, item.stop)
        return self.search.window_ids(RANK_WINDOW, item.start, min(item.stop, RANK_WINDOW))


def _result_rows(ids):
    """The entries of a page of results with their pages (for the links)."""
    if not ids:
        return []
    return list(SearchEntry.objects.filter(pk__in=ids).select_related("page").only(*RESULT_FIELDS, *RESULT_PAGE_FIELDS))


def _content_type_id(model):
    from django.contrib.contenttypes.models import ContentType

    return ContentType.objects.get_for_model(model).pk


def _result(entry, parsed, labels, request):
    title_html = highlight(entry.title, parsed, whole=True)
    snippet = highlight(entry.text, parsed) if entry.text else ""
    if entry.summary and (not snippet or "<mark>" not in snippet):
        snippet = highlight(entry.summary, parsed)
    return {
        "page_id": entry.page_id,
        "url": entry.page.get_url(request),
        "title": entry.title,
        "title_html": title_html,
        "snippet": snippet,
        "date": entry.date,
        "type_label": labels.get(entry.content_type_id, ""),
        "document_number": entry.document_number,
    }


def _all_promotions():
    """Every pick with its folded query, remembered for the publish generation (saving a pick moves it)."""
    return [
        (fold(promotion.query.query_string), promotion)
        for promotion in SearchPromotion.objects.select_related("query", "page").order_by("sort_order", "pk")
    ]


def _promotions(query, locale, request):
    """Editors' picks for the query, compared without diacritics ("huu nghi" gets the picks of
    "hữu nghị"). Picks are few and hand-made: one query reads them all."""
    key = fold(normalise_query_string(query))
    promotions = [
        promotion for folded, promotion in remember(request, "search-promotions", _all_promotions) if folded == key
    ]
    items, seen = [], set()
    for promotion in promotions:
        page = promotion.page
        if page is not None:
            if not page.live or page.locale_id != locale.pk or not is_public(page, request) or page.pk in seen:
                continue
            seen.add(page.pk)
            items.append(
                {
                    "page_id": page.pk,
                    "url": page.get_url(request),
                    "title": page.title,
                    "description": promotion.description,
                }
            )
        elif promotion.external_link_url:
            items.append(
                {
                    "page_id": None,
                    "url": promotion.external_link_url,
                    "title": promotion.external_link_text or promotion.external_link_url,
                    "description": promotion.description,
                }
            )
    return items


def _empty_state(request, query, parsed, locale, locales, paths, filters_active):
    """What helps when nothing matched: the other language's count, a search without filters,
    and popular searches that found something."""
    extra = {}
    other = next((loc for code, loc in locales.items() if loc.pk != locale.pk), None)
    if other is not None:
        count = exclude_paths(matching(other, parsed), paths).count()
        if count:
            extra["other_language"] = {
                "code": other.language_code,
                "name": getattr(settings, "VERBOSE_LANGUAGE_NAMES", {}).get(other.language_code, other.language_code),
                "count": count,
                "url": search_url(other.language_code, q=query),
            }
    if filters_active:
        extra["unfiltered_url"] = search_url(locale.language_code, q=query)
    since = timezone.localdate() - datetime.timedelta(days=POPULAR_DAYS)
    extra["suggestions"] = [
        {"query": row["query"], "url": search_url(locale.language_code, q=row["query"])}
        for row in SearchLog.objects.filter(language=locale.language_code, day__gte=since, results__gt=0)
        .exclude(query=normalise_query_string(query))
        .values("query")
        .annotate(total=Sum("hits"))
        .order_by("-total", "query")[:5]
    ]
    return extra
