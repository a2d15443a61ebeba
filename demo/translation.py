"""Create English translations of demo content through wagtail-localize, as a translator would."""

from wagtail.models import Locale
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource
from wagtail_localize.operations import translate_object


def english_locale():
    return Locale.objects.get(language_code="en")


def translate(instance, english, publish=True):
    """Translate ``instance`` into English and return the English instance.

    ``english`` maps source strings (titles, slugs, paragraphs, captions…) to their English
    text; a string without an entry keeps its Vietnamese text, as wagtail-localize does.
    Does nothing when the English version already exists, so loaders stay idempotent.
    """
    en = english_locale()
    existing = instance.get_translation_or_none(en)
    if existing is not None:
        return existing
    translate_object(instance, [en])
    source = TranslationSource.objects.get_for_instance(instance)
    for segment in StringSegment.objects.filter(source=source).select_related("string", "context"):
        text = segment.string.data
        if text in english:
            StringTranslation.objects.update_or_create(
                translation_of=segment.string,
                locale=en,
                context=segment.context,
                defaults={"data": english[text]},
            )
    # wagtail-localize publishes through transaction.on_commit with a revision whose cached page
    # predates later children (stale treebeard numchild), and never publishes inside a test
    # transaction: save the draft, then publish a freshly loaded revision ourselves.
    # Snippets without drafts (topics, departments) cannot be saved as a draft: save them directly.
    draftable = hasattr(instance, "get_latest_revision")
    Translation.objects.get(source=source, target_locale=en).save_target(publish=not draftable)
    translated = instance.get_translation(en)
    if publish and hasattr(translated, "get_latest_revision"):
        type(translated).objects.get(pk=translated.pk).get_latest_revision().publish()
        translated.refresh_from_db()
    return translated
