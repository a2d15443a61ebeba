"""News on the home page: hot-news ticker, featured story, latest per section, quick links.

All four tags share one set of queries per request (``home_news``), whatever the number of
articles: hot news, the news index, its sections, the latest articles per section, renditions.
"""

from django import template
from django.utils.translation import get_language

from news import listing
from portal.generation import remember
from portal.i18n import active_locale, per_request
from portal.images import attach_pictures, image_signature

register = template.Library()

TICKER_ITEMS = 8
PER_SECTION = 3


def home_news(request):
    """Everything the home page shows of the news, in the current language (once per request)."""
    return per_request(request, ("news-home", get_language()), lambda: _home_news(request))


def _home_news(request):
    from news.models import NewsIndexPage

    locale = active_locale(request)

    def find_index():
        queryset = NewsIndexPage.objects.live().filter(locale=locale).order_by("path")
        return listing.exclude_restricted(queryset, request).first()

    # The news index is navigation, like the menu: remembered for the publish generation.
    index = remember(request, f"news-index:{locale.pk}", find_index)
    groups = []
    if index is not None:
        section_list = listing.sections(index, request)
        groups, hot = listing.newest_articles(index, section_list, request, PER_SECTION, hot=TICKER_ITEMS)
    else:
        hot = list(listing.articles(locale.pk, request).filter(is_hot=True)[:TICKER_ITEMS])
    latest = [a for _section, items in groups for a in items]
    attach_pictures([*hot, *latest])
    featured = next((a for a in hot if a.get_listing_image() is not None), None)
    if featured is None:
        featured = max(
            (a for a in latest if a.get_listing_image() is not None), key=lambda a: a.date, default=None
        ) or (hot[0] if hot else None)
    groups = [(s, [a for a in items if featured is None or a.pk != featured.pk]) for s, items in groups]
    return {
        "language": get_language(),
        "hot": hot,
        "featured": featured,
        "index": index,
        "groups": groups,
    }


@register.inclusion_tag("news/tags/ticker.html", takes_context=True)
def news_ticker(context):
    """'Tin nóng' / 'Hot news': live hot articles of the current language, newest first."""
    data = home_news(context.get("request"))
    featured = data["featured"]  # shown in full right below: not repeated in the strip
    items = [article for article in data["hot"] if featured is None or article.pk != featured.pk]
    return {"items": items, "request": context.get("request")}


@register.inclusion_tag("news/tags/featured.html", takes_context=True)
def news_featured(context):
    data = home_news(context.get("request"))
    return {"article": data["featured"], "request": context.get("request")}


@register.inclusion_tag("news/tags/latest_by_section.html", takes_context=True)
def news_latest_by_section(context):
    data = home_news(context.get("request"))
    return {"groups": data["groups"], "index": data["index"], "request": context.get("request")}


@register.inclusion_tag("news/tags/quick_links.html", takes_context=True)
def news_quick_links(context):
    data = home_news(context.get("request"))
    index = data["index"]
    return {
        "index": index,
        "sections": [section for section, _items in data["groups"]],
        "feeds": index.feed_urls(context.get("request")) if index else {},
        "request": context.get("request"),
        "LANGUAGE_CODE": get_language(),
    }


@register.simple_tag(takes_context=True)
def news_feeds(context):
    """The RSS and Atom feeds of the current language's news (``{"rss": …, "atom": …}``)."""
    index = home_news(context.get("request"))["index"]
    return index.feed_urls(context.get("request")) if index else {}


@register.simple_tag(takes_context=True)
def news_breadcrumbs(context, page):
    """Home, news index, section, page: from the parents the route already loaded (no query)."""
    from portal.i18n import home_for_language

    chain = [page]
    current = page
    while current.depth > 3:
        parent = getattr(current, "news_parent", None)
        if parent is None:
            ancestors = list(page.get_ancestors().filter(depth__gt=1).live())
            return ancestors + [page]
        chain.append(parent)
        current = parent
    home = home_for_language(page.locale.language_code, context.get("request"))
    if home is not None:
        chain.append(home)
    return list(reversed(chain))


@register.simple_tag(takes_context=True)
def news_card_key(context, article, compact=False):
    """Everything news/includes/card.html shows of ``article`` (the key of its fragment)."""
    image = None if compact else article.get_listing_image()
    return (
        bool(compact),
        article.get_url(context.get("request")),
        article.title,
        article.date,
        article.is_hot,
        None if compact else article.summary,
        image_signature(image),
    )
