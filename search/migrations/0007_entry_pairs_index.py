"""The distinct pairs of adjacent words of each page (``pairs_folded``), and on PostgreSQL a GIN
index on them, so phrase ranking asks the index which pages hold a pair or a phrase instead of
reading the whole text of every matching page (see search.query.relevance).

Existing rows are filled from ``text_folded``, which holds the words in order already. The index
is on an expression (``array_to_tsvector`` of the column's words), not on a stored vector: ranking
only reads it through the index, never row by row.
"""

from django.db import migrations, models

TABLE = "portal_search_searchentry"
INDEX = "portal_search_pairs_gin"


def fill(apps, schema_editor):
    from search.index import pairs

    SearchEntry = apps.get_model("portal_search", "SearchEntry")
    batch = []
    for entry in SearchEntry.objects.only("pk", "text_folded").iterator(chunk_size=500):
        entry.pairs_folded = pairs(entry.text_folded)
        batch.append(entry)
        if len(batch) >= 500:
            SearchEntry.objects.bulk_update(batch, ["pairs_folded"])
            batch = []
    if batch:
        SearchEntry.objects.bulk_update(batch, ["pairs_folded"])


def create_index(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(
        f"CREATE INDEX IF NOT EXISTS {INDEX} ON {TABLE} "
        "USING gin (array_to_tsvector(string_to_array(btrim(pairs_folded), ' ')))"
    )
    schema_editor.execute(f"ANALYZE {TABLE}")


def drop_index(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [("portal_search", "0006_folded_text_search_configuration")]

    operations = [
        migrations.AddField(
            model_name="searchentry",
            name="pairs_folded",
            field=models.TextField(
                blank=True,
                default=" ",
                help_text='Distinct pairs of adjacent words of the whole page without diacritics ("ngoai_giao").',
            ),
        ),
        migrations.RunPython(fill, migrations.RunPython.noop),
        migrations.RunPython(create_index, drop_index),
    ]
