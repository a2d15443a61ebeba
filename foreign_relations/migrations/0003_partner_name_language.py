"""Partners' original names get a language (for ``lang="…"``), guessed for existing partners."""

from django.db import migrations, models

import foreign_relations.languages


def guess_languages(apps, schema_editor):
    """Fill the language where the name's script or the country makes it plain; leave it empty
    (no ``lang`` attribute) otherwise. Every translation of a partner gets the same value."""
    PartnerPage = apps.get_model("foreign_relations", "PartnerPage")
    partners = PartnerPage.objects.exclude(name_original="").filter(name_language="")
    for pk, name, country in partners.values_list("pk", "name_original", "country"):
        language = foreign_relations.languages.guess_name_language(name, country)
        if language:
            PartnerPage.objects.filter(pk=pk).update(name_language=language)


class Migration(migrations.Migration):
    dependencies = [
        ("foreign_relations", "0002_named_snippets_draft_state"),
    ]

    operations = [
        migrations.AddField(
            model_name="partnerpage",
            name="name_language",
            field=models.CharField(
                blank=True,
                help_text="Language code of the name in its own language (BCP 47: 'ja', 'km', 'de', 'zh-Hant'), "
                "so that browsers and screen readers read it right. Leave empty if unsure.",
                max_length=35,
                validators=[foreign_relations.languages.validate_language_tag],
                verbose_name="language of the name",
            ),
        ),
        migrations.RunPython(guess_languages, migrations.RunPython.noop),
    ]
