"""The notice shown on a page reached from a page in another language (see portal.language_notice)."""

from django import template
from django.utils import translation

from portal.i18n import home_for_language, live_translations
from portal.language_notice import reader_language

register = template.Library()


@register.inclusion_tag("portal/language_notice.html", takes_context=True)
def language_notice(context, page=None):
    """Notice, in the reader's language, on a page of another language.

    With a live translation in the reader's language: a link to it. Without one: the page is the
    original, in its own language only, with a link back to the reader's home page.
    """
    request = context.get("request")
    page = page or context.get("page")
    result = {"show": False}
    if request is None or page is None or not getattr(page, "pk", None):
        return result
    page_language = translation.get_language()
    reader = reader_language(request)
    if reader is None or reader == page_language:
        return result
    translations = live_translations(page, request)
    home = home_for_language(reader, request)
    with translation.override(reader):
        result.update(
            show=True,
            reader_language=reader,
            page_language_name=translation.get_language_info(page_language)["name_translated"],
            original_url=page.get_url(request),
            translated_url=translations[reader].get_url(request) if reader in translations else "",
            home_url=home.get_url(request) if home is not None else f"/{reader}/",
        )
    return result
