"""API serializers: translatable snippets and countries appear with their name in the page's language."""

from functools import lru_cache

from django.utils import translation
from rest_framework import serializers


@lru_cache(maxsize=16)
def language_of(locale_id):
    from wagtail.models import Locale

    return Locale.objects.filter(pk=locale_id).values_list("language_code", flat=True).first() or "vi"


class NamedSnippetSerializer(serializers.Serializer):
    id = serializers.IntegerField(read_only=True)
    code = serializers.CharField(read_only=True)
    name = serializers.CharField(read_only=True)


class PageCountrySerializer(serializers.Field):
    """``{"code": "DK", "name": "Denmark"}``, the name in the page's own language."""

    def __init__(self, **kwargs):
        super().__init__(source="*", read_only=True, **kwargs)

    def to_representation(self, page):
        if not page.country:
            return None
        with translation.override(language_of(page.locale_id)):
            return {"code": page.country.code, "name": str(page.country.name)}
