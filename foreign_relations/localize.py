"""Translatable snippets in the reader's language, loaded once per request."""

from django.utils.translation import get_language

from portal.text import sort_key_for


def snippets_by_key(model, locale_id, request=None):
    """``{translation_key: snippet}`` of ``model`` in the locale (one query per request)."""
    cache = getattr(request, "_fr_snippets", None) if request is not None else None
    if cache is None:
        cache = {}
        if request is not None:
            request._fr_snippets = cache
    key = (model._meta.label, locale_id)
    if key not in cache:
        cache[key] = {obj.translation_key: obj for obj in model.objects.filter(locale_id=locale_id)}
    return cache[key]


def localized(obj, mapping):
    """``obj`` in the mapping's language when it has a translation there, else ``obj`` itself."""
    if obj is None:
        return None
    return mapping.get(obj.translation_key, obj)


def sorted_by_name(objects, attribute="name", language=None):
    key = sort_key_for(language or get_language())
    return sorted(objects, key=lambda obj: key(str(getattr(obj, attribute))))
