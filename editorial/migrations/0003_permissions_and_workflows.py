"""Page, collection, snippet and translation permissions of the four groups, the collaborators'
collection and the two workflows ("Duyệt tin", "Duyệt bản dịch").

Runs ``editorial.setup.apply_editorial_setup`` with the historical models; it is idempotent, and
it runs again after every ``migrate`` and when a home page or news section is published, so pages
created later (the English home, news sections) are covered too.
"""

from django.db import migrations


def apply_setup(apps, schema_editor):
    from editorial.setup import apply_editorial_setup

    apply_editorial_setup(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("editorial", "0002_moderation_task"),
        ("home", "0002_initial_homepage"),
        ("portal", "0002_locales"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtail_localize", "0016_rename_page_revision_translationlog_revision"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(apply_setup, migrations.RunPython.noop)]
