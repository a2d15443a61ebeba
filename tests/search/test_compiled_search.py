"""search.query.Search: the ranked window of the newest and the counts give what ordering the same
querysets in full gives."""

import datetime

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db.models import Count
from wagtail.models import Locale

from home.models import StandardPage
from search.query import Search, newest, relevance
from search.text import parse_query

pytestmark = pytest.mark.django_db

QUERIES = ["hữu nghị", "huu nghi", "Việt Nam", "12-CT/TW", "chỉ thị 12", "ngoại giao nhân dân", "Da Nang", "hợp tác"]


def _orm_counts(search):
    entries = search.entries(with_types=False).order_by()
    return dict(entries.values_list("content_type_id").annotate(n=Count("pk")))


def _orm_window(search, window, start, stop):
    newest_ids = list(newest(search.entries()).values_list("pk", flat=True)[:window])
    rows = (
        search.entries()
        .filter(pk__in=newest_ids)
        .annotate(score=relevance(search.parsed, in_text=False))
        .order_by("-score", "-date", "-pk")
        .values_list("pk", flat=True)
    )
    return list(rows)[start:stop]


@pytest.mark.parametrize("text", QUERIES)
def test_window_and_counts_match_the_querysets(make_page, text):
    for number in range(6):
        make_page(
            f"Hội hữu nghị Việt Nam – Đà Nẵng số {number}",
            intro="Ngoại giao nhân dân và hợp tác.",
            published=datetime.date(2024, 1, 1 + number),
        )
    vi = Locale.objects.get(language_code="vi")
    parsed = parse_query(text, "vi")
    standard = ContentType.objects.get_for_model(StandardPage).pk
    shapes = [
        Search(vi.pk, parsed),
        Search(vi.pk, parsed, paths=["00010001"], date_from=datetime.date(2000, 1, 1)),
        Search(vi.pk, parsed, date_to=datetime.date(2100, 1, 1), type_ids=[standard]),
        Search(vi.pk, parsed, paths=["0001_0002"]),  # "_" is a LIKE wildcard: the ORM escapes it
    ]
    for search in shapes:
        assert search.counts() == _orm_counts(search)
        assert search.window_ids(4, 0, 2) == _orm_window(search, 4, 0, 2)
        assert search.window_ids(4, 2, 4) == _orm_window(search, 4, 2, 4)
