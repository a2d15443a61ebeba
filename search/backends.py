"""Wagtail's database search backend, folding Vietnamese diacritics for the admin's search.

On PostgreSQL the index and the queries go through ``SEARCH_CONFIG`` (the ``portal_folded`` text
search configuration, created by migration ``0006``: PostgreSQL's ``simple`` configuration with
``unaccent`` before it, so "ngoai giao" finds "ngoại giao" and "da nang" finds "Đà Nẵng").

The page explorer, the choosers and the snippet listings search through ``autocomplete()``,
which django-modelsearch (Wagtail's search backends) builds with the ``simple`` configuration
whatever the settings say (``autocomplete_config = "simple"`` in
``PostgresSearchBackend.__init__``, modelsearch 1.x). This subclass takes it from
``AUTOCOMPLETE_CONFIG`` instead; ``tests/search/test_admin_search.py`` checks that the upstream
backend still ignores the settings, so this can go once it does not.

Other databases get Wagtail's database backend unchanged (the configurations are PostgreSQL's):
SQLite's full-text index folds single accents but not ``đ`` nor stacked marks; every portal
page also indexes its text folded (``search_text_folded``), which ``search()`` reads there.
"""

from django.db import connection
from wagtail.search.backends.database import SearchBackend as database_backend
from wagtail.search.backends.database.postgres.postgres import PostgresSearchBackend

POSTGRESQL_ONLY = ("SEARCH_CONFIG", "AUTOCOMPLETE_CONFIG")


class FoldingPostgresSearchBackend(PostgresSearchBackend):
    def __init__(self, params):
        super().__init__(params)
        self.autocomplete_config = params.get("AUTOCOMPLETE_CONFIG") or self.autocomplete_config


def SearchBackend(params):  # noqa: N802 - the name Wagtail looks up in a backend module
    if connection.vendor == "postgresql":
        return FoldingPostgresSearchBackend(params)
    return database_backend({key: value for key, value in params.items() if key not in POSTGRESQL_ONLY})
