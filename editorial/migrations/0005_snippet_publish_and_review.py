"""Translatable snippets now keep drafts: editors and leadership get their ``publish`` permission (they
published them by saving before), translators do not, and the snippet types get the "Duyệt bản dịch"
workflow, so a translator's change reaches readers only after leadership's approval. Runs the
idempotent setup again with these grants."""

from django.db import migrations


def apply_setup(apps, schema_editor):
    from editorial.setup import apply_editorial_setup

    apply_editorial_setup(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("editorial", "0004_site_tools_permissions"),
        ("portal", "0004_department_draft_state"),
        ("news", "0003_topic_draft_state"),
        ("foreign_relations", "0002_named_snippets_draft_state"),
        ("related_sites", "0002_related_site_draft_state"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(apply_setup, migrations.RunPython.noop)]
