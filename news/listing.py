"""Article lists for the news index and sections: filters, archive, pagination.

Every value a visitor can type in ``page``, ``topic``, ``year`` or ``month`` is parsed here; a
value that makes no sense is ignored with a notice, never an error.
"""

from urllib.parse import urlencode

from django.db.models import Count, F, Window
from django.db.models.functions import RowNumber, Substr, TruncMonth
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext as _

from portal.generation import remember
from portal.i18n import exclude_restricted, live_translations
from portal.references import LINK_FIELDS

PER_PAGE = 10
PER_SECTION = 3
MORE_IN_SECTION = 4
MIN_YEAR, MAX_YEAR = 1900, 2100
MAX_PAGE = 100_000


def parse_int(value, low, high):
    """``value`` as an int within [low, high], or None for anything else a visitor may type."""
    if value is None:
        return None
    text = str(value).strip()
    if not text or len(text) > 12 or not text.isascii() or not text.isdigit():
        return None
    number = int(text)
    return number if low <= number <= high else None


def articles(locale_id, request=None, within=None):
    """Live, public articles of one language, newest first (optionally under ``within``)."""
    from news.models import NewsPage

    queryset = NewsPage.objects.live().filter(locale_id=locale_id)
    if within is not None:
        queryset = queryset.filter(path__startswith=within.path, depth__gt=within.depth)
    # Their pictures are read afterwards, in one query for the page of cards (attach_pictures).
    return exclude_restricted(queryset, request).defer_streamfields().order_by("-date", "-pk")


# What a compact card (title, date, address, no picture) reads of an article.
COMPACT_FIELDS = (*LINK_FIELDS, "date", "is_hot")


# What a card, the featured story and the ticker read of an article.
CARD_FIELDS = (
    *COMPACT_FIELDS,
    "listing_summary",
    "lead",
    "search_description",
    "listing_image",
    "hero_image",
    "social_image",
)


def compact_articles(locale_id, request=None, within=None):
    """Like :func:`articles`, as narrow rows for compact cards: no pictures, no text."""
    return articles(locale_id, request, within).only(*COMPACT_FIELDS)


def section_headlines(section, request=None):
    """The newest articles of ``section`` as compact cards (one more than an article shows, which
    leaves it out): the same for every article of the section, so remembered for the generation."""

    def compute():
        return list(compact_articles(section.locale_id, request, within=section)[: MORE_IN_SECTION + 1])

    return remember(request, f"section-headlines:{section.pk}", compute)


def by_ids(ids):
    """The articles of ``ids`` (already chosen as live and public), newest first.

    Sorted here rather than by the database: ordering a query makes Django compare every selected
    column with the ordering, which costs more than sorting a few dozen rows.
    """
    from news.models import NewsPage

    if not ids:
        return []
    queryset = NewsPage.objects.filter(pk__in=ids).only(*CARD_FIELDS).order_by()
    return sorted(queryset, key=lambda article: (article.date, article.pk), reverse=True)


def sections(index, request=None):
    """The live, public sections of a news index, in tree order (remembered for the publish
    generation: they are the site's navigation)."""
    from news.models import NewsSectionPage

    def compute():
        queryset = NewsSectionPage.objects.child_of(index).live().order_by("path")
        return list(exclude_restricted(queryset, request))

    return list(remember(request, f"news-sections:{index.pk}", compute))


def latest_by_section(index, section_list, request=None, per_section=PER_SECTION):
    """``[(section, [articles…])]``: the newest articles of every section (see :func:`newest_articles`)."""
    return newest_articles(index, section_list, request, per_section)[0]


def newest_articles(index, section_list, request=None, per_section=PER_SECTION, hot=0):
    """``([(section, [articles…])], [hot articles…])``: the newest articles of every section and,
    when ``hot`` is given, that many of the language's newest hot articles.

    Which articles those are is remembered for the publish generation (a window function ranks
    the articles of every section); each view then reads those articles in one query.
    """
    if not section_list and not hot:
        return [], []
    parent_length = (index.depth + 1) * index.steplen
    locale_id = index.locale_id

    def newest_ids():
        ranked = []
        if section_list:
            ranked = (
                articles(locale_id, request, within=index)
                .annotate(
                    rank=Window(
                        RowNumber(),
                        partition_by=Substr("path", 1, parent_length),
                        order_by=[F("date").desc(), F("pk").desc()],
                    )
                )
                .filter(rank__lte=per_section)
                .values_list("pk", flat=True)
            )
        hot_ids = articles(locale_id, request).filter(is_hot=True).values_list("pk", flat=True)[:hot] if hot else []
        return list(ranked), list(hot_ids)

    sections_key = ",".join(str(section.pk) for section in section_list)
    ranked_ids, hot_ids = remember(request, f"newest-ids:{index.pk}:{per_section}:{hot}:{sections_key}", newest_ids)
    newest = by_ids(set(ranked_ids) | set(hot_ids))  # newest first
    ranked_set = set(ranked_ids)
    by_parent = {}
    for article in newest:
        if article.pk in ranked_set:
            by_parent.setdefault(article.path[:parent_length], []).append(article)
    groups = []
    for section in section_list:
        items = by_parent.get(section.path, [])
        for item in items:
            item.news_parent = section
        groups.append((section, items))
    fetched = {article.pk: article for article in newest}
    return groups, [fetched[pk] for pk in hot_ids if pk in fetched]


def topics_in_use(locale_id):
    """Topics of a language that at least one live article of that language carries."""
    from news.models import Topic

    used = Topic.objects.filter(pages__live=True, pages__locale_id=locale_id).values("translation_key")
    return list(Topic.objects.filter(locale_id=locale_id, live=True, translation_key__in=used).order_by("name"))


def archive_months(queryset):
    """``[(year, [(month_date, count)…])]`` newest first, in one query."""
    rows = (
        queryset.order_by()
        .annotate(month=TruncMonth("date"))
        .values("month")
        .annotate(count=Count("pk"))
        .order_by("-month")
    )
    years = []
    for row in rows:
        month = row["month"]
        if not years or years[-1][0] != month.year:
            years.append((month.year, []))
        years[-1][1].append((month, row["count"]))
    return years


def archive_for(index, request):
    """The archive of a news index (months with their counts): it counts every article, so it is
    remembered for the publish generation."""
    return remember(
        request,
        f"news-archive:{index.pk}",
        lambda: archive_months(articles(index.locale_id, request, within=index)),
    )


class SimplePage:
    """One page of results without a COUNT query: fetches one item more to know if there is a next page."""

    def __init__(self, queryset, number, per_page=PER_PAGE):
        self.number = number
        start = (number - 1) * per_page
        items = list(queryset[start : start + per_page + 1])
        self.has_next = len(items) > per_page
        self.object_list = items[:per_page]
        self.has_previous = number > 1
        self.next_page_number = number + 1
        self.previous_page_number = number - 1

    def __iter__(self):
        return iter(self.object_list)

    def __len__(self):
        return len(self.object_list)


def listing_context(page, request, index=None):
    """Context for a news index or section: filters, notices, results, archive and topics."""
    from portal.images import attach_pictures

    get = request.GET
    notices = []
    locale_id = page.locale_id

    raw_year, raw_month, raw_topic, raw_page = get.get("year"), get.get("month"), get.get("topic"), get.get("page")
    year = parse_int(raw_year, MIN_YEAR, MAX_YEAR)
    if raw_year not in (None, "") and year is None:
        notices.append(_("“%(value)s” is not a year we can show; all articles are listed.") % {"value": raw_year[:20]})
    month = parse_int(raw_month, 1, 12)
    if raw_month not in (None, "") and month is None:
        notices.append(_("“%(value)s” is not a month; the whole year is listed.") % {"value": raw_month[:20]})
    if month is not None and year is None:
        month = None
    number = parse_int(raw_page, 1, MAX_PAGE)
    if raw_page not in (None, "") and number is None:
        notices.append(_("“%(value)s” is not a page number; the first page is shown.") % {"value": raw_page[:20]})
    number = number or 1

    is_index = index is not None and page.pk == index.pk
    # Like the archive, counted over every live article: remembered for the publish generation.
    topics = remember(request, f"topics-in-use:{locale_id}", lambda: topics_in_use(locale_id)) if is_index else []
    topic = None
    if raw_topic not in (None, ""):
        wanted = raw_topic.strip()[:120]
        topic = next((t for t in topics if t.slug == wanted), None)
        if topic is None and not is_index:
            from news.models import Topic

            topic = Topic.objects.filter(locale_id=locale_id, live=True, slug=wanted).first()
        if topic is None:
            notices.append(_("There is no topic “%(value)s”; all articles are listed.") % {"value": wanted[:60]})

    queryset = articles(locale_id, request, within=page)
    if topic is not None:
        queryset = queryset.filter(topics__translation_key=topic.translation_key)
    if year is not None:
        queryset = queryset.filter(date__year=year)
        if month is not None:
            queryset = queryset.filter(date__month=month)

    filtered = topic is not None or year is not None
    context = {
        "notices": notices,
        "topics": topics,
        "active_topic": topic,
        "year": year,
        "month": month,
        "filtered": filtered,
        "feeds": page.feed_urls(request),
    }
    context.update(filtered_view(page, request, topic, year, month, number))
    # The cards are read when the listing's cached fragment is rendered (news_index_page.html,
    # news_section_page.html), not while it is in the cache. A later page is read at once: whether
    # it exists decides a notice shown above the fragment.
    if is_index and not filtered and number == 1:

        def section_groups():
            groups = latest_by_section(page, sections(page, request), request)
            attach_pictures(a for _s, items in groups for a in items)
            return groups

        context["section_groups"] = SimpleLazyObject(section_groups)
        context["archive"] = SimpleLazyObject(lambda: archive_for(page, request))
        return context

    if number == 1:

        def first_page():
            results = SimplePage(queryset.only(*CARD_FIELDS), 1)
            attach_pictures(results)
            return results

        context["results"] = SimpleLazyObject(first_page)
        if is_index:
            context["archive"] = SimpleLazyObject(lambda: archive_for(page, request))
        return context

    results = SimplePage(queryset.only(*CARD_FIELDS), number)
    if not results.object_list and number > 1:
        notices.append(_("There is no page %(number)s; the first page is shown.") % {"number": number})
        results = SimplePage(queryset.only(*CARD_FIELDS), 1)
    attach_pictures(results)
    context["results"] = results
    if is_index:
        context["archive"] = archive_for(page, request)
    return context


def filtered_view(page, request, topic, year, month, number):
    """A topic, archive or later page of a listing is a view of its own: its title, its canonical
    URL, and the same filters in the other languages (a topic that has no translation there is
    dropped; the page number is, counts differ between languages)."""
    from news.models import Topic

    if topic is None and year is None and number == 1:
        return {}
    titles = []
    if topic is not None:
        titles.append(_("Topic: %(name)s") % {"name": topic.name})
    if year is not None:
        if month is not None:
            titles.append(_("Month %(month)s/%(year)s") % {"month": month, "year": year})
        else:
            titles.append(_("Year %(year)s") % {"year": year})
    if number > 1:
        titles.append(_("Page %(number)s") % {"number": number})

    def with_query(url, query):
        return f"{url}?{urlencode(query)}" if query else url

    dates = {"year": year, "month": month} if year is not None else {}
    dates = {key: value for key, value in dates.items() if value is not None}
    own = {**({"topic": topic.slug} if topic else {}), **dates, **({"page": number} if number > 1 else {})}
    own_url = with_query(page.get_url(request), own)
    alternates = {}
    for code, translation in live_translations(page, request).items():
        if translation.pk == page.pk:
            alternates[code] = own_url
            continue
        query = {}
        if topic is not None:
            other = Topic.objects.filter(
                translation_key=topic.translation_key, locale_id=translation.locale_id, live=True
            ).first()
            if other is not None:
                query["topic"] = other.slug
        alternates[code] = with_query(translation.get_url(request), {**query, **dates})
    return {
        "filter_title": " · ".join(str(title) for title in titles),
        "canonical_url": request.build_absolute_uri(own_url),
        "alternate_urls": alternates,
    }
