"""The search index's row layout on PostgreSQL (migration 0004): what every search reads of each
matching row comes first or stays in the row."""

import pytest
from django.db import connection

pytestmark = pytest.mark.django_db

TABLE = "portal_search_searchentry"


def _columns():
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT attname, attstorage FROM pg_attribute WHERE attrelid = %s::regclass AND attnum > 0 "
            "AND NOT attisdropped ORDER BY attnum",
            [TABLE],
        )
        return cursor.fetchall()


def test_counted_and_sorted_columns_lead_the_row():
    names = [name for name, _storage in _columns()]
    assert names[:4] == ["page_id", "locale_id", "content_type_id", "date"]
    # Every column of the model is still there, and both word vectors.
    assert set(names) == {
        "page_id", "locale_id", "content_type_id", "date", "document_key", "document_prefix", "title_terms",
        "title_folded", "terms_folded_vec", "path", "title", "document_number", "terms", "terms_folded",
        "summary", "text", "terms_vec", "lead_folded", "text_folded", "pairs_folded",
    }  # fmt: skip


def test_the_folded_vector_and_the_ranked_columns_stay_in_the_row():
    storage = dict(_columns())
    assert storage["terms_folded_vec"] == "m"
    assert {storage[name] for name in ("title_terms", "title_folded", "document_key", "document_prefix")} == {"p"}
    assert storage["text"] == storage["terms"] == "x"  # large texts may leave the row


def test_indexes_and_constraints_were_recreated():
    with connection.cursor() as cursor:
        cursor.execute("SELECT indexname FROM pg_indexes WHERE tablename = %s", [TABLE])
        indexes = {row[0] for row in cursor.fetchall()}
        cursor.execute("SELECT contype, count(*) FROM pg_constraint WHERE conrelid = %s::regclass GROUP BY 1", [TABLE])
        constraints = dict(cursor.fetchall())
    assert {"portal_search_searchentry_pkey", "portal_search_newest", "portal_search_terms_gin"} <= indexes
    assert {"portal_search_terms_folded_gin", "portal_search_pairs_gin"} <= indexes
    assert constraints == {"p": 1, "f": 3}  # the page, the content type, the locale
