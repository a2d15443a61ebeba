"""portal.prepared: queries compiled once per process and planned once per PostgreSQL connection."""

import datetime
import threading

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.db import connection, transaction
from django.db.models import Value
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page

from news.models import NewsPage
from portal.prepared import PreparedQuery, SQLTemplate
from portal.references import LINK_FIELDS

pytestmark = pytest.mark.django_db


def _article_query(tag="any"):
    # Statements are named after their SQL, so a tag of its own keeps a test's statement apart
    # from those other tests prepared on the same connection.
    return PreparedQuery(
        lambda pk: (
            NewsPage.objects.select_related("locale", "hero_image")
            .filter(pk=pk)
            .annotate(**{f"tag_{tag}": Value(1)})
            .order_by()[:1]
        ),
        pk=int,
    )


def _pages_query():
    # An annotation, only() and a value used twice: what the related-pages query has.
    return PreparedQuery(
        lambda locale_id, title: (
            Page.objects.filter(locale_id=locale_id)
            .exclude(title=title)
            .annotate(chosen=Value(locale_id))
            .only(*LINK_FIELDS)
            .order_by("path")
        ),
        locale_id=int,
        title=str,
    )


def _statements(queries):
    return [q["sql"].split(" ", 1)[0] for q in queries]


def test_fetch_gives_what_the_queryset_gives_for_each_value():
    query = _article_query()
    for article in NewsPage.objects.all()[:5]:
        (found,) = query.fetch(pk=article.pk)
        expected = NewsPage.objects.select_related("locale", "hero_image").get(pk=article.pk)
        assert type(found) is NewsPage
        assert (found.pk, found.title, found.date, found.url_path) == (
            expected.pk,
            expected.title,
            expected.date,
            expected.url_path,
        )
        assert found.locale == expected.locale and found.hero_image == expected.hero_image
        assert list(found.body.raw_data) == list(expected.body.raw_data)
    assert query.fetch(pk=10**9) == []


def test_deferred_fields_annotations_and_repeated_values():
    query = _pages_query()
    page = Page.objects.filter(depth=3).first()
    found = query.fetch(locale_id=page.locale_id, title=page.title)
    expected = list(Page.objects.filter(locale_id=page.locale_id).exclude(title=page.title).order_by("path"))
    assert [p.pk for p in found] == [p.pk for p in expected]
    assert all(p.chosen == page.locale_id for p in found)
    assert page.pk not in {p.pk for p in found}
    assert found[0].get_deferred_fields()  # only() holds: the rest is left to load on demand


def test_prepared_once_per_connection_then_executed():
    query = _article_query("once")
    pk = NewsPage.objects.values_list("pk", flat=True).first()
    with CaptureQueriesContext(connection) as first:
        query.fetch(pk=pk)
    with CaptureQueriesContext(connection) as later:
        query.fetch(pk=pk)
        query.fetch(pk=pk)
    assert _statements(first) == ["PREPARE"]  # one round trip: PREPARE …; EXECUTE …
    assert "; EXECUTE portal_" in first[0]["sql"]
    assert _statements(later) == ["EXECUTE", "EXECUTE"]


def test_a_rollback_keeps_the_statement():
    query = _article_query("rollback")
    pk = NewsPage.objects.values_list("pk", flat=True).first()
    with pytest.raises(RuntimeError), transaction.atomic():
        query.fetch(pk=pk)  # prepared inside the transaction that is rolled back
        raise RuntimeError("rolled back")
    with CaptureQueriesContext(connection) as queries:
        (found,) = query.fetch(pk=pk)
    assert found.pk == pk and _statements(queries) == ["EXECUTE"]


def test_values_that_do_not_reach_the_sql_as_given_are_refused():
    query = PreparedQuery(lambda path: Page.objects.filter(path__startswith=path), path=str)
    with pytest.raises(ImproperlyConfigured, match="path"):
        query.fetch(path="0001")
    with pytest.raises(ImproperlyConfigured):
        PreparedQuery(lambda pk: Page.objects.filter(pk=pk).values("title"), pk=int).fetch(pk=1)
    with pytest.raises(ImproperlyConfigured):
        PreparedQuery(lambda pk: Page.objects.filter(pk=pk), pk=float)


def test_the_setting_turns_prepare_off(settings):
    settings.PORTAL_PREPARED_STATEMENTS = False
    query = _article_query()
    pk = NewsPage.objects.values_list("pk", flat=True).first()
    with CaptureQueriesContext(connection) as queries:
        (found,) = query.fetch(pk=pk)
    assert found.pk == pk and _statements(queries) == ["SELECT"]


@pytest.mark.django_db(transaction=True)
def test_connections_outside_a_transaction():
    """As in a page view: autocommit, a connection that may be replaced, other threads."""
    query = _article_query("autocommit")
    pk = NewsPage.objects.values_list("pk", flat=True).first()
    query.fetch(pk=pk)

    # A new connection (after a reconnection) prepares the statement again.
    connection.close()
    with CaptureQueriesContext(connection) as queries:
        (found,) = query.fetch(pk=pk)
        query.fetch(pk=pk)
    assert found.pk == pk and _statements(queries) == ["PREPARE", "EXECUTE"]

    # A statement lost behind its back (a pooler resetting the session): the EXECUTE fails, the
    # same query runs as plain SQL, and that connection stays on plain SQL for it.
    with connection.cursor() as cursor:
        cursor.execute("DEALLOCATE ALL")
    with CaptureQueriesContext(connection) as queries:
        (found,) = query.fetch(pk=pk)
        (again,) = query.fetch(pk=pk)
    assert found.pk == again.pk == pk
    assert _statements(queries) == ["EXECUTE", "SELECT", "SELECT"]

    # Another thread runs it on its own connection.
    results, main = {}, connection.connection

    def other():
        from django.db import connection as own

        try:
            results["found"] = query.fetch(pk=pk)[0].pk
            results["same connection"] = own.connection is main
        finally:
            own.close()

    thread = threading.Thread(target=other)
    thread.start()
    thread.join()
    assert results == {"found": pk, "same connection": False}


# SQLTemplate: compiled once, values put into the parameters (whole or inside them) -------------


def _titles_query():
    return SQLTemplate(
        lambda locale_id, word, since: Page.objects.filter(
            locale_id=locale_id, title__icontains=word, first_published_at__date__gte=since
        ).values_list("pk", flat=True),
        locale_id=int,
        word=str,
        since=datetime.date,
    )


def _run(sql, params):
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return sorted(row[0] for row in cursor.fetchall())


def test_template_gives_the_querysets_sql_for_each_value():
    template = _titles_query()
    since = datetime.date(2000, 1, 1)
    checked = 0
    for page in Page.objects.filter(depth__gte=3).exclude(title="")[:6]:
        word = page.title.split()[0]
        if not word.isalnum():
            continue
        checked += 1
        expected = Page.objects.filter(
            locale_id=page.locale_id, title__icontains=word, first_published_at__date__gte=since
        ).values_list("pk", flat=True)
        sql, params = template.fill(locale_id=page.locale_id, word=word, since=since)
        assert (sql, tuple(params)) == expected.query.sql_with_params()
        assert page.pk in _run(sql, params)
    assert checked >= 2


def test_template_refuses_values_that_are_not_plain_words():
    template = _titles_query()
    since = datetime.date(2000, 1, 1)
    for value in ("100%", "a_b", "it's", "back\\slash", "", "two  spaces"):
        assert template.fill(locale_id=1, word=value, since=since) is None
    assert template.fill(locale_id=1, word="Hữu nghị", since=since) is not None


def test_template_placeholders_must_reach_the_sql():
    template = SQLTemplate(lambda pk, unused: Page.objects.filter(pk=pk), pk=int, unused=str)
    with pytest.raises(ImproperlyConfigured, match="unused"):
        template.fill(pk=1, unused="x")
    with pytest.raises(ImproperlyConfigured):
        SQLTemplate(lambda pk: Page.objects.filter(pk=pk), pk=float)
