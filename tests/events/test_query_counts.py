"""The new pages run a small, fixed number of queries whatever the amount of content."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from demo.images import demo_image
from events.models import EventPage
from galleries.models import AlbumIndexPage, AlbumPage, AlbumPicture, VideoIndexPage, VideoPage
from members.models import MemberIndexPage, MemberLeader, MemberPage

from .conftest import make_event

pytestmark = pytest.mark.django_db
# Wagtail serving a page reads the site, the locale, the language home, the path and the view
# restrictions (about 8 queries) before the page shows anything of its own.
LIMIT = 18


def count(client, url):
    assert client.get(url).status_code == 200  # warms per-process caches, as a running server has them
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries.captured_queries)


def grow(vi, event_index, n):
    association_index = MemberIndexPage.objects.get(locale=vi)
    album_index = AlbumIndexPage.objects.get(locale=vi)
    image = demo_image("Ảnh đo truy vấn sự kiện")
    event = EventPage.objects.get(locale=vi, slug="don-doan-tinh-champasak-2024")
    association = MemberPage.objects.get(locale=vi, slug="hoi-huu-nghi-viet-nam-lao")
    album = AlbumPage.objects.get(locale=vi, slug="anh-don-doan-champasak")
    for i in range(n):
        make_event(
            event_index,
            f"Sự kiện đo {n}-{i}",
            timezone.now() + datetime.timedelta(days=i - n // 2),
            countries=["JP", "KR"],
            associations=[association],
        )
        member = MemberPage(title=f"Hội đo {n}-{i}", name_vietnamese=f"Hội đo {n}-{i}", country="JP", logo=image)
        member.leaders = [MemberLeader(name=f"Người {i}", position="Chủ tịch", locale=vi)]
        association_index.add_child(instance=member)
        member.save_revision().publish()
        other = AlbumPage(title=f"Album đo {n}-{i}", photographer="A", attached_to=event)
        other.pictures = [AlbumPicture(image=image, caption=f"Ảnh {k}", locale=vi) for k in range(3)]
        album_index.add_child(instance=other)
        other.save_revision().publish()
        AlbumPicture.objects.create(page=album, image=image, caption=f"Thêm {n}-{i}", locale=vi)
    return event, association, album


def urls(vi, event_index, event, association, album):
    return {
        "event index": event_index.url,
        "event index filtered": event_index.url + "?kind=incoming&country=JP",
        "event": event.url,
        "calendar": event_index.url + "ics/",
        "album index": AlbumIndexPage.objects.get(locale=vi).url,
        "album": album.url,
        "video index": VideoIndexPage.objects.get(locale=vi).url,
        "video": VideoPage.objects.live().filter(locale=vi).first().url,
        "association index": MemberIndexPage.objects.get(locale=vi).url,
        "association": association.url,
    }


def test_query_counts_are_small_and_do_not_grow_with_content(client, vi, event_index_vi):
    small = {name: count(client, url) for name, url in urls(vi, event_index_vi, *grow(vi, event_index_vi, 2)).items()}
    large = {name: count(client, url) for name, url in urls(vi, event_index_vi, *grow(vi, event_index_vi, 12)).items()}
    for name in small:
        assert small[name] <= LIMIT, (name, small[name])
        assert large[name] == small[name], (name, small[name], large[name])
