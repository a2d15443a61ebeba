"""Wagtail creates the root collection as "Root", and the admin shows that name in every collection
menu (image and document upload, filters, choosers): it is named in Vietnamese, as the board's
other collections are. A root renamed by hand is left as it is."""

from django.db import migrations

from editorial.roles import ROOT_COLLECTION


def rename_root(apps, schema_editor):
    Collection = apps.get_model("wagtailcore", "Collection")
    Collection.objects.filter(depth=1, name="Root").update(name=ROOT_COLLECTION)


def restore_root(apps, schema_editor):
    Collection = apps.get_model("wagtailcore", "Collection")
    Collection.objects.filter(depth=1, name=ROOT_COLLECTION).update(name="Root")


class Migration(migrations.Migration):
    dependencies = [
        ("editorial", "0005_snippet_publish_and_review"),
        ("wagtailcore", "0025_collection_initial_data"),
    ]

    operations = [migrations.RunPython(rename_root, restore_root)]
