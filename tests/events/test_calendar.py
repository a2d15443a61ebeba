"""The .ics feeds, read back with the icalendar library: times, time zone, UIDs, escaping, folding."""

import datetime
import zoneinfo

import icalendar
import pytest

from events.models import EventPage

from .conftest import local, make_event

pytestmark = pytest.mark.django_db
ZONE = zoneinfo.ZoneInfo("Asia/Ho_Chi_Minh")


def read(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return response.content, icalendar.Calendar.from_ical(response.content)


def events_by_summary(calendar):
    return {str(item["SUMMARY"]): item for item in calendar.walk("VEVENT")}


def test_times_are_in_the_provinces_zone_with_its_vtimezone(client, event_index_vi):
    event = make_event(event_index_vi, "Hội nghị giờ địa phương", local(2026, 3, 10, 8, 30), hours=2)
    raw, calendar = read(client, event_index_vi.url + "ics/")
    assert [tz["TZID"] for tz in calendar.walk("VTIMEZONE")] == ["Asia/Ho_Chi_Minh"]
    item = events_by_summary(calendar)["Hội nghị giờ địa phương"]
    start, end = item.decoded("DTSTART"), item.decoded("DTEND")
    assert start == event.starts_at and end == event.ends_at
    assert start.astimezone(ZONE).hour == 8 and start.astimezone(ZONE).minute == 30
    assert start.astimezone(datetime.UTC).hour == 1  # 08:30 in Viet Nam is 01:30 UTC
    assert b"DTSTART;TZID=Asia/Ho_Chi_Minh:20260310T083000" in raw
    assert item.decoded("DTSTAMP").utcoffset() == datetime.timedelta(0)  # RFC 5545: DTSTAMP in UTC


def test_uid_stays_the_same_across_edits_and_differs_between_languages(client, event_index_vi, en):
    event = EventPage.objects.child_of(event_index_vi).first()
    _raw, before = read(client, event_index_vi.url + "ics/")
    uid = str(events_by_summary(before)[event.title]["UID"])

    event.title = event.title + " (cập nhật)"
    event.place = "Địa điểm mới"
    event.save_revision().publish()
    _raw, after = read(client, event_index_vi.url + "ics/")
    edited = events_by_summary(after)[event.title]
    assert str(edited["UID"]) == uid
    assert str(edited["LOCATION"]) == "Địa điểm mới"

    english = event.get_translation(en)
    _raw, calendar_en = read(client, english.get_parent().url + "ics/")
    uids_en = {str(item["UID"]) for item in calendar_en.walk("VEVENT")}
    assert uid not in uids_en
    assert f"{event.translation_key}-en@" in " ".join(uids_en)
    uids = [str(item["UID"]) for item in after.walk("VEVENT")]
    assert len(uids) == len(set(uids))


def test_text_is_escaped_and_long_lines_are_folded(client, event_index_vi):
    title = "Giao lưu; hữu nghị, Việt – Nhật \\ " + "rất dài " * 12
    make_event(
        event_index_vi,
        title.strip(),
        local(2026, 5, 1),
        place="Hội trường A, tầng 2; Rạch Giá",
        lead="Dòng một,\nDòng hai; hết.",
    )
    raw, calendar = read(client, event_index_vi.url + "ics/")
    item = events_by_summary(calendar)[title.strip()]
    assert str(item["LOCATION"]) == "Hội trường A, tầng 2; Rạch Giá"
    assert str(item["DESCRIPTION"]) == "Dòng một,\nDòng hai; hết."
    unfolded = raw.replace(b"\r\n ", b"")
    assert "LOCATION:Hội trường A\\, tầng 2\\; Rạch Giá".encode() in unfolded
    assert "DESCRIPTION:Dòng một\\,\\nDòng hai\\; hết.".encode() in unfolded
    assert b"\\\\" in unfolded  # the backslash of the title, escaped
    lines = raw.split(b"\r\n")
    assert all(len(line) <= 75 for line in lines), max(lines, key=len)
    assert any(line.startswith(b" ") for line in lines)  # the long summary was folded
    assert raw.endswith(b"\r\n")


def test_feed_of_one_kind_has_only_that_kind_and_an_unknown_kind_is_404(client, event_index_vi):
    make_event(event_index_vi, "Trao quà kiểm thử", local(2026, 6, 1), kind="charity")
    _raw, calendar = read(client, event_index_vi.url + "ics/charity/")
    kinds = {item.decoded("CATEGORIES") and str(item["CATEGORIES"].cats[0]) for item in calendar.walk("VEVENT")}
    assert kinds == {"Trao tặng từ thiện"}
    assert "Trao quà kiểm thử" in events_by_summary(calendar)
    assert client.get(event_index_vi.url + "ics/khong-co/").status_code == 404


def test_unpublished_events_are_not_in_the_calendar(client, event_index_vi):
    event = make_event(event_index_vi, "Sự kiện sẽ gỡ", local(2026, 7, 1))
    event.unpublish()
    _raw, calendar = read(client, event_index_vi.url + "ics/")
    assert "Sự kiện sẽ gỡ" not in events_by_summary(calendar)


def test_english_calendar_has_english_titles(client, event_index_en):
    _raw, calendar = read(client, event_index_en.url + "ics/")
    summaries = set(events_by_summary(calendar))
    assert "Delegation from Champasak Province, Laos" in summaries
    assert all(str(item["URL"]).startswith("http") and "/en/" in str(item["URL"]) for item in calendar.walk("VEVENT"))
