"""Events and delegations: the index (upcoming first, past by year, filters), the event page,
the home page's next events, the API, the sitemap, search and the editorial rules."""

import datetime
import re

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone
from wagtail.models import Page

from editorial import roles
from events.models import EventIndexPage, EventKind, EventPage, EventRelatedPage
from news.models import NewsPage

from .conftest import local, make_event

pytestmark = pytest.mark.django_db


def titles_in(html, start_marker, end_marker=None):
    part = html.split(start_marker, 1)[1]
    if end_marker and end_marker in part:
        part = part.split(end_marker, 1)[0]
    return re.findall(r'class="ev-item__title"><a href="[^"]+">([^<]+)</a>', part)


def test_demo_has_events_of_every_main_kind_over_several_years_in_both_languages(vi, en):
    events = EventPage.objects.live().filter(locale=vi)
    assert events.count() >= 8
    assert {e.kind for e in events} >= {"incoming", "outgoing", "conference", "exchange", "charity"}
    assert len({timezone.localtime(e.starts_at).year for e in events}) >= 3
    assert EventPage.objects.live().filter(locale=en).count() == events.count()


def test_index_lists_upcoming_events_soonest_first_then_past_ones_by_year(client, event_index_vi):
    now = timezone.now()
    make_event(event_index_vi, "Sự kiện sau xa", now + datetime.timedelta(days=90))
    make_event(event_index_vi, "Sự kiện sắp tới gần", now + datetime.timedelta(days=2))
    make_event(event_index_vi, "Sự kiện năm 2022", local(2022, 5, 1))
    html = client.get(event_index_vi.url).content.decode()
    upcoming = titles_in(html, 'id="ev-upcoming"', 'id="ev-past"')
    assert upcoming.index("Sự kiện sắp tới gần") < upcoming.index("Sự kiện sau xa")
    assert all(t not in upcoming for t in ["Sự kiện năm 2022"])
    years = [int(y) for y in re.findall(r'<h3 class="ev-year" id="ev-year-(\d{4})">', html)]
    assert years == sorted(years, reverse=True) and 2022 in years
    assert "Sự kiện năm 2022" in titles_in(html, 'id="ev-year-2022"')
    assert "Sự kiện sắp diễn ra" in html and "Sự kiện đã diễn ra" in html


def test_an_event_running_now_is_still_upcoming(event_index_vi):
    now = timezone.now()
    running = make_event(event_index_vi, "Đang diễn ra", now - datetime.timedelta(hours=1), hours=5)
    assert running.is_upcoming(now)


def test_filters_by_kind_country_and_year(client, event_index_vi):
    make_event(event_index_vi, "Trao quà Nhật 2021", local(2021, 3, 1), kind="charity", countries=["JP"])
    make_event(event_index_vi, "Đoàn Hàn 2021", local(2021, 4, 1), kind="incoming", countries=["KR", "JP"])
    make_event(event_index_vi, "Đoàn Lào 2020", local(2020, 4, 1), kind="incoming", countries=["LA"])
    url = event_index_vi.url

    by_kind = client.get(url, {"kind": "charity"}).content.decode()
    assert "Trao quà Nhật 2021" in by_kind and "Đoàn Hàn 2021" not in by_kind

    by_country = client.get(url, {"country": "JP", "year": "2021"}).content.decode()
    assert "Trao quà Nhật 2021" in by_country and "Đoàn Hàn 2021" in by_country
    assert "Đoàn Lào 2020" not in by_country

    by_year = client.get(url, {"year": "2020"}).content.decode()
    assert "Đoàn Lào 2020" in by_year and "Đoàn Hàn 2021" not in by_year
    # The calendar link follows the chosen kind.
    assert f'href="{url}ics/charity/"' in by_kind


def test_bad_filter_values_are_explained_in_the_readers_language_and_ignored(client, event_index_vi, event_index_en):
    response = client.get(event_index_vi.url, {"kind": "<script>", "country": "ZZ", "year": "99999"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "không phải là một loại sự kiện" in html
    assert "không phải là quốc gia có trong danh sách" in html
    assert "không phải là năm hợp lệ" in html
    assert "<script>" not in html.split('role="alert"', 1)[1].split("</div>", 1)[0]
    # The list is still shown, unfiltered.
    assert 'class="ev-item__title"' in html
    english = client.get(event_index_en.url, {"kind": "nope"}).content.decode()
    assert "is not a kind of event" in english


def test_index_advertises_its_calendar_and_feed(client, event_index_vi):
    html = client.get(event_index_vi.url).content.decode()
    assert (
        f'<link rel="alternate" type="text/calendar" title="Lịch sự kiện (iCalendar)" href="{event_index_vi.url}ics/">'
        in html
    )
    assert 'type="application/rss+xml"' in html
    rss = client.get(event_index_vi.url + "rss/")
    assert rss.status_code == 200 and rss["Content-Type"].startswith("application/rss+xml")
    assert b"<item>" in rss.content


def test_event_page_shows_times_in_the_provinces_zone_partners_and_related_news(client, event_index_vi, vi):
    from foreign_relations.models import PartnerPage

    partner = PartnerPage.objects.live().filter(locale=vi).first()
    news = NewsPage.objects.live().filter(locale=vi).first()
    event = EventPage(
        title="Đón đoàn kiểm thử",
        kind="incoming",
        starts_at=datetime.datetime(2025, 3, 4, 1, 30, tzinfo=datetime.UTC),  # 08:30 in Viet Nam
        ends_at=datetime.datetime(2025, 3, 4, 4, 0, tzinfo=datetime.UTC),
        place="Rạch Giá",
        countries=["JP"],
    )
    event.partners = [partner]
    event.related_links = [EventRelatedPage(target=news)]
    event_index_vi.add_child(instance=event)
    event.save_revision().publish()
    html = client.get(event.url).content.decode()
    assert "04/03/2025 08:30" in html and "11:00" in html
    assert "Nhật Bản" in html
    assert f'href="{partner.url}"' in html
    assert f'href="{news.url}"' in html


def test_english_event_links_the_english_partner_and_news(client, en):
    event = EventPage.objects.live().filter(locale=en).exclude(partners=None).first()
    assert event is not None
    html = client.get(event.url).content.decode()
    links = re.findall(r'href="(/[a-z]{2}/[^"]*)"', html.split('<dl class="ev-facts">', 1)[1].split("</dl>", 1)[0])
    assert links and all(link.startswith("/en/") for link in links)


def test_an_event_cannot_end_before_it_starts(event_index_vi):
    event = EventPage(title="Ngược giờ", kind="other", starts_at=local(2025, 1, 2), ends_at=local(2025, 1, 1))
    with pytest.raises(ValidationError) as error:
        event.full_clean()
    assert "ends_at" in error.value.message_dict


def test_home_page_shows_the_next_events_in_its_language(client, home_vi, home_en, event_index_vi):
    soon = make_event(event_index_vi, "Sự kiện ngày mai", timezone.now() + datetime.timedelta(days=1))
    html = client.get(home_vi.url).content.decode()
    assert 'id="ev-home-heading"' in html
    assert f'href="{soon.url}"' in html
    english = client.get(home_en.url).content.decode()
    assert 'id="ev-home-heading"' in english and "Sự kiện ngày mai" not in english
    assert "/en/events/" in english


def test_api_lists_events_with_their_times_and_kind(client, en):
    data = client.get(
        "/api/v2/events/", {"locale": "en", "fields": "kind,starts_at,ends_at,place,country_codes"}
    ).json()
    assert data["meta"]["total_count"] == EventPage.objects.live().filter(locale=en).count()
    item = data["items"][0]
    assert item["kind"] in EventKind.values
    assert item["starts_at"].endswith("+07:00")
    assert isinstance(item["country_codes"], list)


def test_events_are_in_the_sitemap(client, event_index_vi):
    event = EventPage.objects.live().child_of(event_index_vi).first()
    xml = client.get("/sitemap.xml").content.decode()
    assert event.full_url in xml
    assert event_index_vi.full_url in xml


def test_events_are_found_by_search_with_or_without_diacritics(client):
    html = client.get("/vi/search/", {"q": "Champasak"}).content.decode()
    assert "don-doan-tinh-champasak-2024" in html
    folded = client.get("/vi/search/", {"q": "don doan tinh champasak", "type": "event"}).content.decode()
    assert "don-doan-tinh-champasak-2024" in folded


def test_coverage_report_counts_the_event_index():
    from editorial import reports

    rows = {row.page.specific_class: row for row in reports.coverage_rows(language="vi")}
    assert rows[EventIndexPage].live_items >= 8


def test_new_events_follow_the_boards_workflow_and_permissions(event_index_vi, users):
    event = EventPage.objects.child_of(event_index_vi).first()
    assert event.get_workflow().name == roles.NEWS_WORKFLOW
    english = event.get_translation(event_index_vi.locale.__class__.objects.get(language_code="en"))
    assert english.get_workflow().name == roles.TRANSLATION_WORKFLOW

    def tester(user, page):
        return page.permissions_for_user(user)

    assert tester(users["bientapvien"], event).can_edit()
    assert not tester(users["bientapvien"], event).can_publish()
    assert tester(users["truongban"], event).can_publish()
    assert not tester(users["biendichvien"], event).can_edit()
    assert tester(users["biendichvien"], english).can_edit()
    assert not tester(users["biendichvien"], english).can_publish()
    assert not tester(users["congtacvien"], event).can_edit()
    assert not tester(users["congtacvien"], event_index_vi).can_add_subpage()


def test_collaborator_cannot_add_an_event_through_the_admin(client, users, event_index_vi):
    from django.urls import reverse

    client.force_login(users["congtacvien"])
    before = EventPage.objects.count()
    response = client.post(
        reverse("wagtailadmin_pages:add", args=("events", "eventpage", event_index_vi.pk)),
        {"title": "Sự kiện trái phép", "slug": "su-kien-trai-phep", "kind": "other"},
    )
    assert response.status_code in (302, 403)
    assert EventPage.objects.count() == before
    assert not Page.objects.filter(slug="su-kien-trai-phep").exists()


def test_admin_form_offers_partners_and_associations_of_the_pages_language(client, users, event_index_vi):
    from django.urls import reverse

    client.force_login(users["bientapvien"])
    response = client.get(reverse("wagtailadmin_pages:add", args=("events", "eventpage", event_index_vi.pk)))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Tổ chức Nước sạch Bắc Âu" in html and "Nordic Clean Water Initiative" not in html
    assert "Hội hữu nghị Việt Nam – Lào tỉnh An Giang" in html
    assert "Viet Nam – Laos Friendship Association of An Giang" not in html
