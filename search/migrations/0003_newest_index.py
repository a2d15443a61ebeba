"""PostgreSQL: an index of each language's entries newest first, in the order results by date and
the window of a query of common words are read in (``date DESC NULLS LAST, page_id DESC``).

PostgreSQL then walks the newest entries and tests each, instead of reading every match and
sorting them, when the words are common; for rarer words it keeps the word index. SQLite
(the demo) cannot declare NULLS LAST in an index, and has no need of it at a demo's size.
"""

from django.db import migrations

TABLE = "portal_search_searchentry"
INDEX = "portal_search_newest"


def create_index(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(
        f"CREATE INDEX IF NOT EXISTS {INDEX} ON {TABLE} (locale_id, date DESC NULLS LAST, page_id DESC)"
    )


def drop_index(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [("portal_search", "0002_terms_gin_indexes")]

    operations = [migrations.RunPython(create_index, drop_index)]
