"""The demo runs on SQLite: the same index rows and the same ORM queries must give the same hits in
the same order there as on PostgreSQL. The index of a few pages is copied into an in-memory
SQLite database and both databases answer the same queries."""

import datetime

import pytest
from django.db import connections

from search.models import SearchEntry
from search.query import matching, ranked
from search.text import parse_query

pytestmark = pytest.mark.django_db

ALIAS = "search_sqlite_check"


@pytest.fixture
def sqlite_index():
    configured = connections.configure_settings(
        {"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": ":memory:"}}
    )
    connections.settings[ALIAS] = configured["default"]
    connection = connections[ALIAS]
    connection.connect()  # a private in-memory database, outside the test's database isolation
    with connection.constraint_checks_disabled():
        with connection.schema_editor() as editor:
            editor.create_model(SearchEntry)
    yield connection
    connection.close()
    del connections[ALIAS]
    del connections.settings[ALIAS]


QUERIES = [
    "ngoai giao nhan dan",
    "ngoại giao nhân dân",
    "Đà Nẵng",
    "da nang",
    "bàn giao",
    "ban giao",
    "12-CT/TW",
    "12/CT-TW",
    "chỉ thị 12",
    "hữu nghị",
    "không khớp gì cả",
    "<script>",
    "' OR 1=1 --",
]


def test_sqlite_and_postgresql_give_the_same_hits_in_the_same_order(make_page, home_vi, home_en, sqlite_index, vi, en):
    from foreign_relations.models import DirectiveIndexPage, DirectivePage

    make_page("Lễ bàn giao nhà tình nghĩa ở Đà Nẵng", published=datetime.date(2023, 1, 10))
    make_page("Ban Giáo dục tổ chức hội thảo ngoại giao nhân dân", published=datetime.date(2024, 6, 1))
    make_page("Da Nang friendship week", parent=home_en)
    make_page("Phát huy ngoại giao nhân dân, hữu nghị", intro="Triển khai Chỉ thị số 12-CT/TW.")
    library = DirectiveIndexPage(title="Văn bản kiểm tra", slug="van-ban-kiem-tra")
    home_vi.add_child(instance=library)
    directive = DirectivePage(title="Về công tác đối ngoại nhân dân", document_number="12-CT/TW")
    library.add_child(instance=directive)
    directive.save_revision().publish()

    with sqlite_index.constraint_checks_disabled():
        SearchEntry.objects.using(ALIAS).bulk_create(list(SearchEntry.objects.all()))

    for locale in (vi, en):
        for query in QUERIES:
            parsed = parse_query(query)
            if not parsed:
                continue
            on_postgresql = list(ranked(matching(locale, parsed), parsed).values_list("pk", flat=True))
            on_sqlite = list(ranked(matching(locale, parsed), parsed).using(ALIAS).values_list("pk", flat=True))
            assert on_sqlite == on_postgresql, (locale, query)
    parsed = parse_query("chỉ thị 12")
    first = ranked(matching(vi, parsed), parsed).using(ALIAS).first()
    assert first.document_number == "12-CT/TW"
    assert directive.pk in ranked(matching(vi, parsed), parsed).using(ALIAS).values_list("pk", flat=True)
