"""The words of each page's lead and whole text in order, for phrase-aware ranking; the title's
words are kept with a "|" where a phrase cannot run on (a comma, a dash).

Existing rows are filled from what the index already holds (the plain text, the title, the
document number and the summary); ``manage.py rebuild_site_search`` rebuilds them from the pages
(a news lead or an introduction is then the lead too).
"""

from django.db import migrations, models


def fill(apps, schema_editor):
    from search.index import sequence

    SearchEntry = apps.get_model("portal_search", "SearchEntry")
    batch = []
    for entry in SearchEntry.objects.only("pk", "title", "document_number", "summary", "text").iterator(
        chunk_size=500
    ):
        entry.title_folded = sequence(entry.title)
        entry.lead_folded = sequence(entry.summary)
        entry.text_folded = sequence(entry.title, entry.document_number, entry.text)
        batch.append(entry)
        if len(batch) >= 500:
            SearchEntry.objects.bulk_update(batch, ["title_folded", "lead_folded", "text_folded"])
            batch = []
    if batch:
        SearchEntry.objects.bulk_update(batch, ["title_folded", "lead_folded", "text_folded"])


class Migration(migrations.Migration):
    dependencies = [("portal_search", "0004_entry_row_layout")]

    operations = [
        migrations.AlterField(
            model_name="searchentry",
            name="title_folded",
            field=models.TextField(help_text='Words of the title without diacritics, "|" between its clauses.'),
        ),
        migrations.AddField(
            model_name="searchentry",
            name="lead_folded",
            field=models.TextField(
                blank=True,
                default=" ",
                help_text="Words of the lead (summary, introduction) in order, without diacritics.",
            ),
        ),
        migrations.AddField(
            model_name="searchentry",
            name="text_folded",
            field=models.TextField(
                blank=True,
                default=" ",
                help_text='Words of the whole page in order without diacritics, "|" between sentences and parts.',
            ),
        ),
        migrations.RunPython(fill, migrations.RunPython.noop),
    ]
