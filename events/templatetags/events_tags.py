"""The home page's "next events" box."""

from django import template
from django.utils.translation import get_language

from events.models import EventIndexPage, upcoming_events

register = template.Library()
HOME_LIMIT = 3


@register.inclusion_tag("events/includes/upcoming.html", takes_context=True)
def next_events(context, limit=HOME_LIMIT):
    page = context.get("page")
    locale_id = getattr(page, "locale_id", None)
    if locale_id is None:
        from wagtail.models import Locale

        locale_id = Locale.objects.filter(language_code=get_language()).values_list("pk", flat=True).first()
    events = upcoming_events(locale_id, limit=limit) if locale_id else []
    index = None
    if events:
        index = EventIndexPage.objects.live().filter(locale_id=locale_id).first()
    return {"request": context.get("request"), "events": events, "index": index}
