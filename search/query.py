"""Querying the search index: matching, filters and ranking, the same on SQLite and PostgreSQL.

Ranking, highest first:

1. the document number typed (``12-CT/TW``, ``12/CT-TW``) or a type and serial
   (``chỉ thị 12``) of a directive;
2. when the query has diacritics: every word found as typed (over pages that match only once
   folded); a query typed without diacritics says nothing about them, so no page gains here;
3. every word in the title as typed, then folded, then the words as a phrase in the title;
4. the page's date, newest first.
"""

import datetime

from django.db import DEFAULT_DB_ALIAS, connections
from django.db.models import BooleanField, Count, Expression, F, IntegerField, Q
from django.utils.functional import cached_property

from portal.prepared import SQLTemplate, kept
from search.models import SearchEntry
from search.text import ParsedQuery


class TermsMatch(Expression):
    """True when a terms column (see :mod:`search.models`) holds every one of ``words``.

    PostgreSQL: the column's GIN index (``array_to_tsvector``) with a ``tsquery`` built from the
    words; other databases: ``LIKE '% word %'`` per word. Words are letters and digits only
    (:data:`search.text.WORD`), so they need no escaping in either form; they are passed as
    parameters.
    """

    output_field = BooleanField()
    conditional = True

    def __init__(self, column, words):
        super().__init__()
        self.column = F(column) if isinstance(column, str) else column
        self.words = list(words)

    def get_source_expressions(self):
        return [self.column]

    def set_source_expressions(self, exprs):
        (self.column,) = exprs

    def resolve_expression(self, query=None, allow_joins=True, reuse=None, summarize=False, for_save=False):
        clone = self.copy()
        clone.column = self.column.resolve_expression(query, allow_joins, reuse, summarize, for_save)
        return clone

    def as_sql(self, compiler, connection):
        column, params = compiler.compile(self.column)
        if not self.words:
            return "1 = 0", []
        clauses, all_params = [], []
        for word in self.words:
            clauses.append(f"{column} LIKE %s")
            all_params += [*params, f"% {word} %"]
        return "(" + " AND ".join(clauses) + ")", all_params

    def as_postgresql(self, compiler, connection):
        column, params = compiler.compile(self.column)
        if not self.words:
            return "FALSE", []
        # The generated tsvector beside the text column ("terms" → "terms_vec"), GIN-indexed.
        vector = column[:-1] + '_vec"' if column.endswith('"') else column + "_vec"
        tsquery = " & ".join(f"'{word}'" for word in self.words)
        return f"{vector} @@ %s::tsquery", [*params, tsquery]


def _phrase(words):
    return f" {' '.join(words)} "


def matching(locale, parsed):
    """Entries of ``locale`` that match ``parsed`` (a :class:`search.text.ParsedQuery`)."""
    entries = SearchEntry.objects.filter(locale=locale)
    condition = Q(TermsMatch("terms_folded", parsed.folded)) if parsed.folded else Q(pk__in=[])
    if parsed.document_key:
        condition |= Q(document_key=parsed.document_key)
    if parsed.document_prefix:
        condition |= Q(document_prefix=parsed.document_prefix)
    return entries.filter(condition)


def exclude_paths(entries, paths):
    for path in paths:
        entries = entries.exclude(path__startswith=path)
    return entries


class Relevance(Expression):
    """The score that orders results, highest first (see the module's docstring).

    ``exact_in_text=False`` (for queries that match a large share of the site) looks for the
    words as typed in the titles only: testing the whole text of thousands of pages would cost
    more than the reader's wait allows, and the first pages of such a list are led by titles.

    Written as SQL directly (``CASE WHEN … LIKE …``, the same on both databases): built from
    ``Case``/``When``/``Q`` it took Django longer to build and compile than PostgreSQL to run.
    Words are letters and digits only (:data:`search.text.WORD`), so the ``LIKE`` patterns need
    no escaping; they are passed as parameters.
    """

    output_field = IntegerField()
    COLUMNS = ("document_key", "document_prefix", "title_terms", "title_folded")

    def __init__(self, parsed, exact_in_text=True):
        super().__init__()
        self.parsed = parsed
        self.columns = [F(name) for name in self.COLUMNS]
        # Pages with every word as typed in their text: tested row by row, so the view asks for
        # it only while the matches are few.
        self.terms = TermsMatch("terms", parsed.exact) if parsed.has_marks and exact_in_text else None

    @cached_property
    def identity(self):  # what Django compares and hashes expressions by (a ParsedQuery is not hashable)
        parsed = self.parsed
        words = (tuple(parsed.exact), tuple(parsed.folded), parsed.document_key, parsed.document_prefix)
        return (type(self), words, self.terms is not None, tuple(self.columns))

    def get_source_expressions(self):
        return [*self.columns, *([self.terms] if self.terms is not None else [])]

    def set_source_expressions(self, exprs):
        self.columns = list(exprs[: len(self.COLUMNS)])
        if self.terms is not None:
            self.terms = exprs[len(self.COLUMNS)]

    def resolve_expression(self, query=None, allow_joins=True, reuse=None, summarize=False, for_save=False):
        clone = self.copy()
        clone.set_source_expressions(
            [
                expr.resolve_expression(query, allow_joins, reuse, summarize, for_save)
                for expr in self.get_source_expressions()
            ]
        )
        return clone

    def as_sql(self, compiler, connection):
        parsed = self.parsed
        column = dict(zip(self.COLUMNS, (compiler.compile(expr)[0] for expr in self.columns), strict=True))
        parts, params = [], []

        def add(condition, values, weight):
            parts.append(f"CASE WHEN {condition} THEN {weight} ELSE 0 END")
            params.extend(values)

        def all_in(name, words):
            return "(" + " AND ".join([f"{column[name]} LIKE %s"] * len(words)) + ")", [f"% {w} %" for w in words]

        if parsed.document_key:
            add(f"{column['document_key']} = %s", [parsed.document_key], 64)
        if parsed.document_prefix:
            add(f"{column['document_prefix']} = %s", [parsed.document_prefix], 32)
        if parsed.has_marks:
            if self.terms is not None:
                sql, terms_params = compiler.compile(self.terms)
                add(sql, terms_params, 16)
            add(*all_in("title_terms", parsed.exact), weight=8)
        if parsed.folded:
            add(*all_in("title_folded", parsed.folded), weight=4)
            if len(parsed.folded) > 1:
                add(f"{column['title_folded']} LIKE %s", [f"%{_phrase(parsed.folded)}%"], 2)
        return "(" + (" + ".join(parts) or "0") + ")", params


def ranked(entries, parsed, exact_in_text=True):
    """``entries`` ordered by relevance, then newest first."""
    return entries.annotate(score=Relevance(parsed, exact_in_text)).order_by(
        "-score", F("date").desc(nulls_last=True), "-pk"
    )


def newest_scored(entries, parsed, window):
    """The ``window`` newest of ``entries`` as ``(id, date, score)`` rows, newest first."""
    return (
        newest(entries)
        .annotate(entry_id=F("pk"), entry_date=F("date"), score=Relevance(parsed, exact_in_text=False))
        .values_list("entry_id", "entry_date", "score")[:window]
    )


class Search:
    """One search: its language, words and filters; the entries it matches, their counts per
    content type, and the ranked window of the newest.

    The counts and the window run on every search of common words. Their SQL is compiled once
    per shape of search (how many words, which filters…) and filled in with the words and values
    of each search (:class:`portal.prepared.SQLTemplate`): Django took longer to build and
    compile them than PostgreSQL to run them.
    """

    def __init__(self, locale_id, parsed, paths=(), date_from=None, date_to=None, type_ids=()):
        self.locale_id, self.parsed = locale_id, parsed
        self.paths, self.date_from, self.date_to, self.type_ids = list(paths), date_from, date_to, list(type_ids)

    def entries(self, with_types=True):
        entries = exclude_paths(matching(self.locale_id, self.parsed), self.paths)
        if self.date_from:
            entries = entries.filter(date__gte=self.date_from)
        if self.date_to:
            entries = entries.filter(date__lte=self.date_to)
        if with_types and self.type_ids:
            entries = entries.filter(content_type_id__in=self.type_ids)
        return entries

    def counts(self):
        """``{content_type_id: matches}``, whatever types are selected (the filter shows them all)."""
        return dict(self._rows("counts", _counts_query, with_types=False, ranked=False))

    def window_ids(self, window, start, stop):
        """Ids ``[start:stop]`` of the ``window`` newest matches once ordered by relevance.

        One statement that reads each of those entries once: the newest are selected with their
        score, and only they are sorted by it. (Ranking ``pk IN (the newest)`` instead made
        PostgreSQL read the whole table to join them back.)
        """
        rows = self._rows(
            ("window", window),
            lambda search: newest_scored(search.entries(), search.parsed, window),
            wrap=lambda sql: (
                f"SELECT w.entry_id FROM ({sql}) w"
                " ORDER BY w.score DESC, w.entry_date DESC NULLS LAST, w.entry_id DESC LIMIT %s OFFSET %s"
            ),
            extra=(max(0, stop - start), start),
        )
        return [row[0] for row in rows]

    # Compiled once per shape -------------------------------------------------------------------

    def _values(self, with_types, ranked):
        """The search's shape (what its SQL is built from) and its values by placeholder name;
        the words as typed only when the query ranks (matching reads the folded words only)."""
        parsed = self.parsed
        marks = parsed.has_marks and ranked
        values = {"locale_id": self.locale_id}
        values.update((f"folded{i}", word) for i, word in enumerate(parsed.folded))
        if marks:
            values.update((f"exact{i}", word) for i, word in enumerate(parsed.exact))
        if parsed.document_key:
            values["key"] = parsed.document_key
        if parsed.document_prefix:
            values["prefix"] = parsed.document_prefix
        values.update((f"path{i}", path) for i, path in enumerate(self.paths))
        if self.date_from:
            values["date_from"] = self.date_from
        if self.date_to:
            values["date_to"] = self.date_to
        types = self.type_ids if with_types else []
        values.update((f"type{i}", type_id) for i, type_id in enumerate(types))
        shape = (
            len(parsed.folded),
            len(parsed.exact) if marks else None,
            bool(parsed.document_key),
            bool(parsed.document_prefix),
            len(self.paths),
            bool(self.date_from),
            bool(self.date_to),
            len(types),
        )
        return shape, values

    @staticmethod
    def _from_values(shape, values):
        folded_count, exact_count, _key, _prefix, path_count, _from, _to, type_count = shape
        folded = [values[f"folded{i}"] for i in range(folded_count)]
        exact = [values[f"exact{i}"] for i in range(exact_count)] if exact_count is not None else folded
        parsed = ParsedQuery(
            text="",
            exact=exact,
            folded=folded,
            document_key=values.get("key", ""),
            document_prefix=values.get("prefix", ""),
        )
        return Search(
            values["locale_id"],
            parsed,
            [values[f"path{i}"] for i in range(path_count)],
            values.get("date_from"),
            values.get("date_to"),
            [values[f"type{i}"] for i in range(type_count)],
        )

    def _rows(self, name, build, with_types=True, ranked=True, wrap=None, extra=()):
        shape, values = self._values(with_types, ranked)
        kinds = {name: _KINDS.get(name.rstrip("0123456789"), str) for name in values}
        template = kept(
            ("search", name, shape),
            lambda: SQLTemplate(lambda **placeholders: build(Search._from_values(shape, placeholders)), **kinds),
        )
        filled = template.fill(**values)
        if filled is None:  # a value that is not plain words: compiled for this search alone
            filled = build(self).query.sql_with_params()
        sql, params = filled
        with connections[DEFAULT_DB_ALIAS].cursor() as cursor:
            cursor.execute(wrap(sql) if wrap else sql, (*params, *extra))
            return cursor.fetchall()


def _counts_query(search):
    return search.entries(with_types=False).order_by().values_list("content_type_id").annotate(n=Count("pk"))


# What each value of a search is (the rest are words and paths); a handful of shapes in practice.
_KINDS = {"locale_id": int, "type": int, "date_from": datetime.date, "date_to": datetime.date}


def newest(entries):
    return entries.order_by(F("date").desc(nulls_last=True), "-pk")
