"""The home page's "next events" box."""

from django import template
from django.utils.translation import get_language

from events.models import upcoming_events

register = template.Library()
HOME_LIMIT = 3


@register.inclusion_tag("events/includes/upcoming.html", takes_context=True)
def next_events(context, limit=HOME_LIMIT):
    """The next events of the page's language (one query). The heading links to their index:
    events are its direct children, so its address is theirs without the last segment."""
    page = context.get("page")
    locale_id = getattr(page, "locale_id", None)
    if locale_id is None:
        from wagtail.models import Locale

        locale_id = Locale.objects.filter(language_code=get_language()).values_list("pk", flat=True).first()
    request = context.get("request")
    events = upcoming_events(locale_id, limit=limit, request=request) if locale_id else []
    index_url = None
    if events:
        url = events[0].get_url(request)
        index_url = url.rstrip("/").rsplit("/", 1)[0] + "/" if url else None
    return {"request": request, "events": events, "index_url": index_url}
