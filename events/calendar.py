"""The events as an iCalendar feed (RFC 5545), built with the ``icalendar`` library.

Times are given in the province's zone (``TZID=Asia/Ho_Chi_Minh``) with its VTIMEZONE; each event's
UID is made of its translation key and language, so it stays the same across edits and calendar
applications update an event instead of adding it twice. Escaping of text and folding of long
lines are the library's.
"""

import datetime

from django.http import HttpResponse
from django.utils import timezone
from django.utils.html import strip_tags
from icalendar import Calendar, Event
from wagtail.models import Site

from portal.models import OrganizationSettings

from .models import EventKind

FEED_LIMIT = 500
PRODUCT_ID = "-//Friendship Union Portal//Events//VI"


def uid_for(event, domain):
    return f"{event.translation_key}-{event.locale.language_code}@{domain}"


def build_calendar(index, request, kind=None):
    language = index.locale.language_code
    site = Site.find_for_request(request)
    domain = site.hostname if site else request.get_host().split(":")[0]
    org = OrganizationSettings.for_request(request).localized(language)
    zone = timezone.get_default_timezone()

    calendar = Calendar()
    calendar.add("prodid", PRODUCT_ID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    name = index.title
    if kind:
        name = f"{index.title}: {dict(EventKind.choices)[kind]}"
    if org.get("short_name"):
        name = f"{name} | {org['short_name']}"
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", str(zone))

    events = index.events().select_related("locale").order_by("-starts_at")
    if kind:
        events = events.filter(kind=kind)
    kind_names = dict(EventKind.choices)
    for page in events[:FEED_LIMIT]:
        item = Event()
        item.add("uid", uid_for(page, domain))
        item.add("summary", page.title)
        item.add("dtstart", timezone.localtime(page.starts_at, zone))
        if page.ends_at:
            item.add("dtend", timezone.localtime(page.ends_at, zone))
        stamp = page.last_published_at or page.first_published_at or page.starts_at
        item.add("dtstamp", stamp.astimezone(datetime.UTC))  # RFC 5545: DTSTAMP in UTC
        item.add("last-modified", stamp.astimezone(datetime.UTC))
        if page.place:
            item.add("location", page.place)
        description = strip_tags(page.summary or "")
        if description:
            item.add("description", description)
        item.add("categories", [kind_names.get(page.kind, page.kind)])
        url = page.get_full_url(request)
        if url:
            item.add("url", url)
        calendar.add_component(item)
    calendar.add_missing_timezones()
    return calendar


def calendar_response(index, request, kind=None):
    calendar = build_calendar(index, request, kind=kind)
    response = HttpResponse(calendar.to_ical(), content_type="text/calendar; charset=utf-8")
    filename = f"{index.slug}-{kind}.ics" if kind else f"{index.slug}.ics"
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response
