"""Translatable snippets in the reader's language, loaded once per request."""

from django.utils.translation import get_language

from portal.generation import remember
from portal.text import sort_key_for


def _snippet_table(model, request):
    """Every live row of a translatable snippet model (sectors, document types, issuing bodies: a few
    dozen), remembered for the publish generation: saving a snippet moves it. Drafts (a translation
    not yet approved) are left out; ``keys`` knows every row, so a page pointing at a draft finds the
    live translation of the same snippet."""

    def compute():
        every = list(model.objects.all())
        rows = [obj for obj in every if obj.live]
        return {
            "keys": {obj.pk: obj.translation_key for obj in every},
            "by_pk": {obj.pk: obj for obj in rows},
            "by_locale": {
                locale_id: {obj.translation_key: obj for obj in rows if obj.locale_id == locale_id}
                for locale_id in {obj.locale_id for obj in rows}
            },
        }

    return remember(request, f"snippet-table:{model._meta.label}", compute)


def snippets_by_key(model, locale_id, request=None):
    """``{translation_key: snippet}`` of ``model`` in the locale."""
    return _snippet_table(model, request)["by_locale"].get(locale_id, {})


def snippets_by_pk(model, request=None):
    """``{pk: snippet}`` of every row of ``model``, whatever its language."""
    return _snippet_table(model, request)["by_pk"]


def snippet_in_locale(model, pk, locale_id, request=None):
    """The translation in ``locale_id`` of ``model`` ``pk``; None when it has none."""
    if pk is None:
        return None
    table = _snippet_table(model, request)
    return table["by_locale"].get(locale_id, {}).get(table["keys"].get(pk))


def localized(obj, mapping):
    """``obj`` in the mapping's language when it has a translation there, else ``obj`` itself."""
    if obj is None:
        return None
    return mapping.get(obj.translation_key, obj)


def sorted_by_name(objects, attribute="name", language=None):
    key = sort_key_for(language or get_language())
    return sorted(objects, key=lambda obj: key(str(getattr(obj, attribute))))
