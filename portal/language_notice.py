"""English readers never land on a Vietnamese page by surprise.

A link in rich text to a page with no live translation in the reader's language leads to the page
in its own language (Wagtail's ``page.localized``). ``CrossLanguagePageLinkHandler`` marks such
links with ``?from=<reader's language>`` and ``hreflang``; the page then shows a notice, in the
reader's language, that it is the untranslated original (``language_notice`` template tag). The
marker is in the URL, so the page cache keeps the two versions apart.
"""

from django.conf import settings
from django.utils.html import escape
from django.utils.translation import get_language
from wagtail.models import Locale
from wagtail.rich_text.pages import PageLinkHandler

FROM_PARAMETER = "from"
LANGUAGE_CODES = {code for code, _name in settings.LANGUAGES}


def reader_language(request):
    """The language the reader came from (``?from=``), or None."""
    if request is None:
        return None
    code = request.GET.get(FROM_PARAMETER, "")
    return code if code in LANGUAGE_CODES else None


def cross_language_url(url, reader):
    return f"{url}{'&' if '?' in url else '?'}{FROM_PARAMETER}={reader}"


class CrossLanguagePageLinkHandler(PageLinkHandler):
    """Wagtail's page link handler, plus the ``?from=`` marker on links that change language."""

    @classmethod
    def expand_db_attributes_many(cls, attrs_list):
        active = get_language()
        codes = None
        tags = []
        for page in cls.get_many(attrs_list):
            if page is None:
                tags.append("<a>")
                continue
            target = page.localized
            url = target.url
            if not url:
                tags.append("<a>")
                continue
            if codes is None:
                codes = dict(Locale.objects.values_list("pk", "language_code"))
            language = codes.get(target.locale_id)
            if language and active in LANGUAGE_CODES and language != active:
                tags.append(f'<a href="{escape(cross_language_url(url, active))}" hreflang="{escape(language)}">')
            else:
                tags.append(f'<a href="{escape(url)}">')
        return tags
