"""Querying the search index: matching, filters and ranking, the same on SQLite and PostgreSQL.

Ranking, highest first:

1. the document number typed (``12-CT/TW``, ``12/CT-TW``) or a type and serial
   (``chỉ thị 12``) of a directive;
2. when the query has diacritics: every word found as typed (over pages that match only once
   folded); a query typed without diacritics says nothing about them, so no page gains here;
3. every word in the title as typed, then folded, then the words as a phrase in the title;
4. the page's date, newest first.
"""

from django.db import connections
from django.db.models import BooleanField, Expression, F, IntegerField, Q
from django.utils.functional import cached_property

from search.models import SearchEntry


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


def relevance(parsed, exact_in_text=True):
    return Relevance(parsed, exact_in_text)


def ranked(entries, locale, parsed, exact_in_text=True):
    """``entries`` ordered by relevance, then newest first."""
    return entries.annotate(score=relevance(parsed, exact_in_text)).order_by(
        "-score", F("date").desc(nulls_last=True), "-pk"
    )


def ranked_window(entries, parsed, window, start, stop):
    """Ids ``[start:stop]`` of the ``window`` newest of ``entries`` once ordered by relevance.

    One statement that reads each of those entries once: the newest are selected with their
    score, and only they are sorted by it. (Ranking ``pk IN (the newest)`` instead made
    PostgreSQL read the whole table to join them back.)
    """
    newest_scored = (
        newest(entries)
        .annotate(entry_id=F("pk"), entry_date=F("date"), score=relevance(parsed, exact_in_text=False))
        .values_list("entry_id", "entry_date", "score")[:window]
    )
    sql, params = newest_scored.query.sql_with_params()
    db = newest_scored.db
    with connections[db].cursor() as cursor:
        cursor.execute(
            f"SELECT w.entry_id FROM ({sql}) w"
            " ORDER BY w.score DESC, w.entry_date DESC NULLS LAST, w.entry_id DESC LIMIT %s OFFSET %s",
            (*params, max(0, stop - start), start),
        )
        return [row[0] for row in cursor.fetchall()]


def newest(entries):
    return entries.order_by(F("date").desc(nulls_last=True), "-pk")
