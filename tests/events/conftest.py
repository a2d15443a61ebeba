import datetime

import pytest
from django.utils import timezone

from events.models import EventIndexPage, EventPage


@pytest.fixture
def event_index_vi(vi):
    return EventIndexPage.objects.get(locale=vi)


@pytest.fixture
def event_index_en(en):
    return EventIndexPage.objects.get(locale=en)


def make_event(index, title, starts_at, kind="incoming", hours=3, **fields):
    """A live event under ``index`` starting at ``starts_at`` (aware)."""
    page = EventPage(
        title=title, kind=kind, starts_at=starts_at, ends_at=starts_at + datetime.timedelta(hours=hours), **fields
    )
    index.add_child(instance=page)
    page.save_revision().publish()
    return EventPage.objects.get(pk=page.pk)


def local(year, month, day, hour=8, minute=0):
    """An aware date-time in the province's time zone."""
    return timezone.make_aware(datetime.datetime(year, month, day, hour, minute))


@pytest.fixture
def users(db):
    from django.contrib.auth import get_user_model

    names = ["admin", "truongban", "bientapvien", "congtacvien", "biendichvien"]
    return {u.username: u for u in get_user_model().objects.filter(username__in=names)}
