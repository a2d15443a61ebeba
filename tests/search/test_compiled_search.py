"""search.query.Search: counts and the ranked window, compiled once per shape of search, give
what the same queries compiled for each search give."""

import datetime

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db.models import Count
from wagtail.models import Locale

from home.models import StandardPage
from portal import prepared
from search.query import Search, newest_scored
from search.text import parse_query

pytestmark = pytest.mark.django_db

QUERIES = ["hữu nghị", "huu nghi", "Việt Nam", "12-CT/TW", "chỉ thị 12", "ngoại giao nhân dân", "Da Nang", "hợp tác"]


def _orm_counts(search):
    entries = search.entries(with_types=False).order_by()
    return dict(entries.values_list("content_type_id").annotate(n=Count("pk")))


def _orm_window(search, window, start, stop):
    rows = list(newest_scored(search.entries(), search.parsed, window))
    rows.sort(key=lambda row: (-row[2], -(row[1] or datetime.date.min).toordinal(), -row[0]))
    return [row[0] for row in rows[start:stop]]


@pytest.mark.parametrize("text", QUERIES)
def test_compiled_search_matches_the_querysets(text):
    vi = Locale.objects.get(language_code="vi")
    parsed = parse_query(text)
    standard = ContentType.objects.get_for_model(StandardPage).pk
    shapes = [
        Search(vi.pk, parsed),
        Search(vi.pk, parsed, paths=["00010001"], date_from=datetime.date(2000, 1, 1)),
        Search(vi.pk, parsed, date_to=datetime.date(2100, 1, 1), type_ids=[standard]),
    ]
    for search in shapes:
        assert search.counts() == _orm_counts(search)
        assert search.window_ids(50, 0, 10) == _orm_window(search, 50, 0, 10)
        assert search.window_ids(50, 10, 20) == _orm_window(search, 50, 10, 20)


def test_each_shape_is_compiled_once(monkeypatch):
    vi = Locale.objects.get(language_code="vi")
    monkeypatch.setattr(prepared, "_KEPT", {})
    for text in ("hữu nghị", "hợp tác", "việt nam"):  # two words with marks: one shape
        Search(vi.pk, parse_query(text)).counts()
    Search(vi.pk, parse_query("huu nghi")).counts()  # no marks, but counts read folded words only
    Search(vi.pk, parse_query("nghị")).counts()  # one word: another shape
    assert len(prepared._KEPT) == 2


def test_a_value_that_is_not_plain_words_is_compiled_for_itself():
    vi = Locale.objects.get(language_code="vi")
    parsed = parse_query("hữu nghị")
    search = Search(vi.pk, parsed, paths=["0001_0002"])  # "_" would need LIKE escaping
    assert search.counts() == _orm_counts(search)
