"""Querying the search index: matching, filters and ranking, the same on SQLite and PostgreSQL.

Matching: every word of the query other than its stop syllables (:data:`search.text.STOP_VI`),
folded, is among the page's words; a quoted part of the query must stand together in the page.

Ranking, highest first (weights in :func:`relevance`, added up):

1. the document number typed (``12-CT/TW``, ``12 CT TW``) or a type and serial (``chỉ thị 12``);
2. the query's words standing together as typed, in order: in the title, then in the lead, then
   anywhere in the page;
3. how many of its pairs of adjacent words stand together anywhere in the page (a page that
   has two of them outranks one that has one in its title), then in the title and the lead;
4. every word in the title, then in the lead, wherever they stand;
5. when the query has diacritics, the words as typed (a query typed without them says nothing
   about them, so no page gains here);
6. the page's date, newest first: it only breaks ties.

Everything is built with Django's ORM (``Case``/``When`` over ``contains`` lookups), so SQLite (the
demo) ranks exactly as PostgreSQL does; PostgreSQL reaches the matches through the GIN indexes of
the words (:class:`TermsMatch`).
"""

from django.db.models import BooleanField, Case, Count, Expression, F, IntegerField, Q, Value, When

from search.models import SearchEntry
from search.text import distinct, pair_term

# Weights of the parts of the score (see the module's docstring).
DOCUMENT_KEY, DOCUMENT_PREFIX = 1024, 512
PHRASE_TITLE, PHRASE_LEAD, PHRASE_TEXT = 128, 64, 32
PAIR_TEXT, PAIR_TITLE, PAIR_LEAD = 16, 6, 3
WORDS_TITLE, WORDS_LEAD = 4, 2
EXACT_TITLE, EXACT_TEXT = 24, 12
# Pairs of adjacent words looked for (a long query's first ones): each is a look through the text.
MAX_PAIRS = 5


class TermsMatch(Expression):
    """True when a terms column (see :mod:`search.models`) holds every one of ``words``.

    PostgreSQL: the column's GIN index with a ``tsquery`` built from the words: on the generated
    ``*_vec`` column beside it (``terms``, ``terms_folded``), or on the expression itself for a
    column indexed by expression (``pairs_folded``, :data:`EXPRESSION_INDEXED`); other databases:
    ``LIKE '% word %'`` per word. Words are letters, digits and ``_`` only
    (:data:`search.text.WORD`, :func:`search.text.pair_term`), so they need no escaping in either
    form; they are passed as parameters.
    """

    output_field = BooleanField()
    conditional = True

    def __init__(self, column, words):
        super().__init__()
        self.column = F(column) if isinstance(column, str) else column
        self.words = list(words)

    @property
    def identity(self):
        return (type(self), tuple(self.words), str(self.column))

    def get_source_expressions(self):
        return [self.column]

    def set_source_expressions(self, exprs):
        (self.column,) = exprs

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
        if getattr(getattr(self.column, "target", None), "name", None) in EXPRESSION_INDEXED:
            vector = f"array_to_tsvector(string_to_array(btrim({column}), ' '))"
        else:
            # The generated tsvector beside the text column ("terms" → "terms_vec"), GIN-indexed.
            vector = column[:-1] + '_vec"' if column.endswith('"') else column + "_vec"
            params = []
        tsquery = " & ".join(f"'{word}'" for word in self.words)
        return f"{vector} @@ %s::tsquery", [*params, tsquery]


# Terms columns whose GIN index is on the expression (migration 0007), not on a stored vector.
EXPRESSION_INDEXED = frozenset({"pairs_folded"})


def _indexed(column, words):
    """``TermsMatch`` for the score: the pages that hold ``words``, asked of the column's index
    once per search (``page_id IN (…)``, a hash PostgreSQL probes for each matching row) rather
    than read from every matching row's words, which are large and stored out of the row."""
    return Q(pk__in=SearchEntry.objects.filter(TermsMatch(column, words)).values("pk"))


def _pair_terms(words):
    return distinct(pair_term(first, second) for first, second in zip(words, words[1:], strict=False))


def _anywhere(words):
    """The page holds ``words`` together somewhere: each pair of adjacent words through the pairs'
    index; three words or more are then confirmed in the text, for the pages that hold every pair."""
    condition = _indexed("pairs_folded", _pair_terms(words))
    if len(words) > 2:
        condition &= _has_phrase("text_folded", words)
    return condition


def _together(words):
    """What a column of words in order (:mod:`search.models`) holds when ``words`` stand together."""
    return f" {' '.join(words)} "


def _has_phrase(column, words):
    return Q(**{f"{column}__contains": _together(words)})


def _has_all(column, words):
    condition = Q()
    for word in words:
        condition &= Q(**{f"{column}__contains": f" {word} "})
    return condition


def matching(locale, parsed):
    """Entries of ``locale`` that match ``parsed`` (a :class:`search.text.ParsedQuery`)."""
    entries = SearchEntry.objects.filter(locale=locale)
    required = distinct([*parsed.folded, *(word for phrase in parsed.phrases for word in phrase)])
    if required:
        condition = Q(TermsMatch("terms_folded", required))
        for phrase in parsed.phrases:
            if len(phrase) > 1:  # the pairs' index first, then the text of the pages that hold them
                condition &= Q(TermsMatch("pairs_folded", _pair_terms(phrase)))
            condition &= _has_phrase("text_folded", phrase)
    else:
        condition = Q(pk__in=[])
    if parsed.document_key:
        condition |= Q(document_key=parsed.document_key)
    if parsed.document_prefix:
        condition |= Q(document_prefix=parsed.document_prefix)
    return entries.filter(condition)


def exclude_paths(entries, paths):
    for path in paths:
        entries = entries.exclude(path__startswith=path)
    return entries


def relevance(parsed, in_text=True):
    """The score that orders results, highest first (see the module's docstring).

    ``in_text=False`` (for queries that match a large share of the site) looks at titles only:
    reading the lead and the whole text of thousands of pages would cost more than the reader's
    wait allows (PostgreSQL carries every column the score reads through the sort by date), and
    the first pages of such a list are led by titles.
    """
    parts = []

    def add(condition, weight):
        parts.append(Case(When(condition, then=Value(weight)), default=Value(0), output_field=IntegerField()))

    if parsed.document_key:
        add(Q(document_key=parsed.document_key), DOCUMENT_KEY)
    if parsed.document_prefix:
        add(Q(document_prefix=parsed.document_prefix), DOCUMENT_PREFIX)
    phrase = parsed.phrase
    places = [("title_folded", PHRASE_TITLE, PAIR_TITLE)]
    if in_text:
        places += [("lead_folded", PHRASE_LEAD, PAIR_LEAD), ("text_folded", PHRASE_TEXT, PAIR_TEXT)]
    if len(phrase) > 1:
        # Two words: their pair is the phrase; a document number's pieces ("12 ct") mean nothing apart.
        pairs = parsed.pairs[:MAX_PAIRS] if len(parsed.pairs) > 1 and not parsed.document_key else []
        for column, phrase_weight, pair_weight in places:
            # Anywhere in the page: through the index of the pages' pairs of words.
            together = _anywhere if column == "text_folded" else lambda words, column=column: _has_phrase(column, words)
            add(together(phrase), phrase_weight)
            for pair in pairs:
                add(together(pair), pair_weight)
    if parsed.folded:
        add(_has_all("title_folded", parsed.folded), WORDS_TITLE)
        if in_text:
            add(_has_all("lead_folded", parsed.folded), WORDS_LEAD)
    if parsed.has_marks and parsed.exact:
        typed = parsed.phrase_exact if len(phrase) > 1 else parsed.exact
        add(_has_phrase("title_terms", typed), EXACT_TITLE)
        if in_text:
            add(_indexed("terms", parsed.exact), EXACT_TEXT)
    if not parts:
        return Value(0, output_field=IntegerField())
    total = parts[0]
    for part in parts[1:]:
        total = total + part
    return total


def ranked(entries, parsed, in_text=True):
    """``entries`` ordered by relevance, then newest first."""
    return entries.annotate(score=relevance(parsed, in_text)).order_by("-score", F("date").desc(nulls_last=True), "-pk")


def newest(entries):
    return entries.order_by(F("date").desc(nulls_last=True), "-pk")


def newest_scored(entries, parsed, window):
    """The ``window`` newest of ``entries`` as ``(id, date, score)`` rows, newest first, scored
    on their titles."""
    return newest(entries).annotate(score=relevance(parsed, in_text=False)).values_list("pk", "date", "score")[:window]


def _by_score(row):
    pk, date, score = row
    return (-score, -(date.toordinal() if date else 0), -pk)


class Search:
    """One search: its language, words and filters; the entries it matches, their counts per
    content type, and the ranked window of the newest."""

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
        rows = self.entries(with_types=False).order_by().values_list("content_type_id").annotate(n=Count("pk"))
        return dict(rows)

    def ranked_ids(self, start, stop):
        """Ids ``[start:stop]`` of every match ordered by relevance (the whole text read)."""
        return list(ranked(self.entries(), self.parsed).values_list("pk", flat=True)[start:stop])

    def window_ids(self, window, start, stop):
        """Ids ``[start:stop]`` of the ``window`` newest matches once ordered by relevance.

        One statement reads the newest matches with their scores, each entry once; the few
        hundred rows are ordered here (ordering ``pk IN (the newest)`` in SQL made PostgreSQL
        read the whole table to join them back).
        """
        rows = sorted(newest_scored(self.entries(), self.parsed, window), key=_by_score)
        return [row[0] for row in rows[start:stop]]

    def newest_ids(self, start, stop):
        return list(newest(self.entries()).values_list("pk", flat=True)[start:stop])
