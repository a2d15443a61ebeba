"""PostgreSQL: tsvector columns generated from the terms columns, with GIN indexes, so words are
matched through the index (see search.models). Other databases match the text columns."""

from django.db import migrations

COLUMNS = ("terms", "terms_folded")
TABLE = "portal_search_searchentry"
# Kept in the row (never compressed nor moved out): ranking reads them for every matching row.
INLINE_COLUMNS = ("title", "title_terms", "title_folded", "path", "document_key", "document_prefix")


def create_vectors(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for column in COLUMNS:
        schema_editor.execute(
            f"ALTER TABLE {TABLE} ADD COLUMN {column}_vec tsvector "
            f"GENERATED ALWAYS AS (array_to_tsvector(string_to_array(btrim({column}), ' '))) STORED"
        )
        schema_editor.execute(f"CREATE INDEX portal_search_{column}_gin ON {TABLE} USING gin ({column}_vec)")
    # Everything else large (texts, terms, vectors) lives out of the row, so the table that bitmap
    # scans visit stays small.
    for column in INLINE_COLUMNS:
        schema_editor.execute(f"ALTER TABLE {TABLE} ALTER COLUMN {column} SET STORAGE PLAIN")
    schema_editor.execute(f"ALTER TABLE {TABLE} SET (toast_tuple_target = 128)")


def drop_vectors(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(f"ALTER TABLE {TABLE} RESET (toast_tuple_target)")
    for column in COLUMNS:
        schema_editor.execute(f"ALTER TABLE {TABLE} DROP COLUMN IF EXISTS {column}_vec")


class Migration(migrations.Migration):
    dependencies = [("portal_search", "0001_initial")]

    operations = [migrations.RunPython(create_vectors, drop_vectors)]
