"""PostgreSQL: the ``portal_folded`` text search configuration for Wagtail's own search index.

A copy of ``simple`` (no stemming: Vietnamese has none, and the admin searches names) whose words
go through ``unaccent`` first, so "ngoai giao" matches "ngoại giao" and "da nang" "Đà Nẵng"
(``unaccent`` maps đ to d). Named in ``WAGTAILSEARCH_BACKENDS`` (``search.backends``). Wagtail's
index is built with it by ``manage.py update_index`` (run once after this migration). Other
databases have no text search configurations: nothing to do.
"""

from django.db import migrations

CONFIG = "portal_folded"
TOKENS = "asciiword, asciihword, hword_asciipart, word, hword, hword_part, numword, numhword, hword_numpart"


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS unaccent")
    schema_editor.execute(f"DROP TEXT SEARCH CONFIGURATION IF EXISTS {CONFIG}")
    schema_editor.execute(f"CREATE TEXT SEARCH CONFIGURATION {CONFIG} (COPY = pg_catalog.simple)")
    schema_editor.execute(f"ALTER TEXT SEARCH CONFIGURATION {CONFIG} ALTER MAPPING FOR {TOKENS} WITH unaccent, simple")


def drop(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(f"DROP TEXT SEARCH CONFIGURATION IF EXISTS {CONFIG}")


class Migration(migrations.Migration):
    dependencies = [("portal_search", "0005_entry_phrase_columns")]

    operations = [migrations.RunPython(create, drop)]
