"""Editors and leadership manage promoted search results and redirects; leadership also edits the
organization settings (the legal footer). Runs the idempotent setup again with these grants."""

from django.db import migrations


def apply_setup(apps, schema_editor):
    from editorial.setup import apply_editorial_setup

    apply_editorial_setup(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("editorial", "0003_permissions_and_workflows"),
        ("wagtailsearchpromotions", "0008_query_verbose_name"),
        ("wagtailredirects", "0008_add_verbose_name_plural"),
        ("portal", "0002_locales"),
    ]

    operations = [migrations.RunPython(apply_setup, migrations.RunPython.noop)]
