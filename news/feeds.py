"""RSS 2.0 and Atom feeds of the news index and of each section, in the page's language."""

import mimetypes

from django.http import HttpResponse
from django.utils import feedgenerator
from django.utils.html import strip_tags

from news import listing
from portal.images import attach_pictures
from portal.models import OrganizationSettings

FEED_ITEMS = 30
ENCLOSURE_FILTER = "width-1200"


def _enclosure(image, request):
    if image is None:
        return None
    rendition = image.get_rendition(ENCLOSURE_FILTER)
    try:
        length = str(rendition.file.size)
    except (OSError, ValueError):
        length = "0"
    mime_type = mimetypes.guess_type(rendition.file.name)[0] or "image/jpeg"
    return feedgenerator.Enclosure(request.build_absolute_uri(rendition.url), length, mime_type)


def build_feed(request, page, kind):
    language = page.locale.language_code
    org = OrganizationSettings.for_request(request).localized(language)
    feed_class = feedgenerator.Atom1Feed if kind == "atom" else feedgenerator.Rss201rev2Feed
    page_url = page.get_full_url(request)
    title = page.title if not org.get("short_name") else f"{page.title} | {org['short_name']}"
    description = getattr(page, "description", "") or getattr(page, "intro", "") or page.search_description
    feed = feed_class(
        title=title,
        link=page_url,
        description=strip_tags(description or title),
        language=language,
        feed_url=request.build_absolute_uri(),
        author_name=org.get("name") or None,
        feed_guid=request.build_absolute_uri(),
    )
    items = list(listing.articles(page.locale_id, request, within=page)[:FEED_ITEMS])
    attach_pictures(items, renditions=(ENCLOSURE_FILTER,))
    for item in items:
        url = item.get_full_url(request)
        feed.add_item(
            title=item.title,
            link=url,
            description=strip_tags(item.summary or ""),
            unique_id=url,
            unique_id_is_permalink=True,
            pubdate=item.date,
            updateddate=item.last_published_at or item.date,
            author_name=item.author_name or None,
            enclosures=[e for e in [_enclosure(item.get_listing_image(), request)] if e],
        )
    return feed


def feed_response(request, page, kind):
    feed = build_feed(request, page, kind)
    response = HttpResponse(content_type=f"{feed.content_type.split(';')[0]}; charset=utf-8")
    feed.write(response, "utf-8")
    return response
