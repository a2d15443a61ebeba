"""The site search index (one row per live page of the searchable types) and the query log.

Every text column holding terms is a space-separated list of lower-case words with a leading
and a trailing space (``" ngoại giao nhân dân "``), tokenised in Python (:mod:`search.text`), so
SQLite and PostgreSQL see exactly the same words: ``terms``/``terms_folded`` the distinct words
of the page (what matching reads), the others the words in order (what phrase ranking reads:
``" ngoai giao "`` is in ``text_folded`` when the page has "ngoại giao" as a phrase). PostgreSQL matches
them through GIN indexes on ``array_to_tsvector(string_to_array(btrim(col), ' '))`` on
generated ``*_vec`` columns (created by the migration), SQLite through ``LIKE '% word %'``.

``pairs_folded`` holds the distinct pairs of adjacent words of ``text_folded`` (never across a
"|"), each as one term (``" ngoai_giao giao_nhan "``): whether a page holds a phrase anywhere is
then a look-up in a GIN index on PostgreSQL (``array_to_tsvector`` of the column, an expression
index) instead of a read through the whole text of every matching page.
"""

from django.db import connection, models
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale, Page


class SearchEntry(models.Model):
    page = models.OneToOneField(Page, on_delete=models.CASCADE, related_name="+", primary_key=True)
    # No b-tree on the locale nor the path: PostgreSQL must reach rows through the GIN indexes
    # of the terms (a locale index tempts the planner into testing every row of a language).
    locale = models.ForeignKey(Locale, on_delete=models.CASCADE, related_name="+", db_index=False)
    content_type = models.ForeignKey("contenttypes.ContentType", on_delete=models.CASCADE, related_name="+")
    path = models.CharField(max_length=255)
    date = models.DateField(null=True, blank=True)
    title = models.CharField(max_length=255)
    title_terms = models.TextField(help_text="Words of the title as typed (lower case).")
    title_folded = models.TextField(help_text='Words of the title without diacritics, "|" between its clauses.')
    terms = models.TextField(help_text="Distinct words of the whole page as typed (lower case).")
    terms_folded = models.TextField(help_text="Distinct words of the whole page without diacritics.")
    lead_folded = models.TextField(
        blank=True, default=" ", help_text="Words of the lead (summary, introduction) in order, without diacritics."
    )
    text_folded = models.TextField(
        blank=True,
        default=" ",
        help_text='Words of the whole page in order without diacritics, "|" between sentences and parts.',
    )
    pairs_folded = models.TextField(
        blank=True,
        default=" ",
        help_text='Distinct pairs of adjacent words of the whole page without diacritics ("ngoai_giao").',
    )
    summary = models.TextField(blank=True)
    text = models.TextField(blank=True, help_text="Plain text used for result snippets.")
    document_number = models.CharField(max_length=100, blank=True)
    document_key = models.CharField(max_length=100, blank=True, db_index=True)
    document_prefix = models.CharField(
        max_length=40, blank=True, db_index=True, help_text='Number and type code: "12ct" for 12-CT/TW.'
    )

    class Meta:
        verbose_name = _("search index entry")
        verbose_name_plural = _("search index entries")

    def __str__(self):
        return self.title


class SearchLog(models.Model):
    """How often a query was searched per day and language, and how many results it last had."""

    day = models.DateField(_("day"))
    language = models.CharField(_("language"), max_length=10)
    query = models.CharField(_("query"), max_length=100)
    hits = models.PositiveIntegerField(_("searches"), default=0)
    results = models.PositiveIntegerField(_("results"), default=0)

    class Meta:
        verbose_name = _("search log entry")
        verbose_name_plural = _("search log")
        constraints = [models.UniqueConstraint(fields=["day", "language", "query"], name="portal_search_log_unique")]
        indexes = [models.Index(fields=["language", "day"], name="portal_search_log_lang_day")]

    def __str__(self):
        return f"{self.day} {self.language} {self.query}"

    @classmethod
    def record(cls, day, language, query, results):
        """Count one search: a single upsert (PostgreSQL and SQLite alike)."""
        table = connection.ops.quote_name(cls._meta.db_table)
        with connection.cursor() as cursor:
            cursor.execute(
                f"INSERT INTO {table} (day, language, query, hits, results) VALUES (%s, %s, %s, 1, %s) "
                f"ON CONFLICT (day, language, query) DO UPDATE SET hits = {table}.hits + 1, "
                "results = EXCLUDED.results",
                [day, language, query[:100], results],
            )
