"""RSS 2.0 feed of an event index: the latest events, newest first, in the index's language."""

from django.http import HttpResponse
from django.utils import feedgenerator
from django.utils.html import strip_tags

from portal.models import OrganizationSettings

FEED_ITEMS = 30


def feed_response(index, request):
    language = index.locale.language_code
    org = OrganizationSettings.for_request(request).localized(language)
    title = index.title if not org.get("short_name") else f"{index.title} | {org['short_name']}"
    feed = feedgenerator.Rss201rev2Feed(
        title=title,
        link=index.get_full_url(request),
        description=strip_tags(index.intro or "") or title,
        language=language,
        feed_url=request.build_absolute_uri(),
    )
    for event in index.events().order_by("-starts_at")[:FEED_ITEMS]:
        url = event.get_full_url(request)
        feed.add_item(
            title=event.title,
            link=url,
            description=strip_tags(event.summary or ""),
            unique_id=url,
            unique_id_is_permalink=True,
            pubdate=event.first_published_at or event.starts_at,
            updateddate=event.last_published_at,
        )
    response = HttpResponse(content_type="application/rss+xml; charset=utf-8")
    feed.write(response, "utf-8")
    return response
