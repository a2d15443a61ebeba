"""The language of a partner's own name, as a BCP 47 tag ("ja", "km", "zh-Hant", "pt-BR").

Pages render the name with ``lang="…"`` so that screen readers pronounce it in its language and
browsers pick the right fonts (Japanese and Chinese share characters but not glyphs).
"""

import re
import unicodedata

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

# The languages the union deals with most, offered as suggestions in the admin; any other valid
# BCP 47 tag may be typed in. (A context of their own, so that these names do not replace Django's.)
LANGUAGE_SUGGESTIONS = (
    ("en", pgettext_lazy("language of a name", "English")),
    ("fr", pgettext_lazy("language of a name", "French")),
    ("de", pgettext_lazy("language of a name", "German")),
    ("ja", pgettext_lazy("language of a name", "Japanese")),
    ("ko", pgettext_lazy("language of a name", "Korean")),
    ("zh", pgettext_lazy("language of a name", "Chinese")),
    ("km", pgettext_lazy("language of a name", "Khmer")),
    ("lo", pgettext_lazy("language of a name", "Lao")),
    ("th", pgettext_lazy("language of a name", "Thai")),
    ("ru", pgettext_lazy("language of a name", "Russian")),
    ("nl", pgettext_lazy("language of a name", "Dutch")),
    ("da", pgettext_lazy("language of a name", "Danish")),
    ("sv", pgettext_lazy("language of a name", "Swedish")),
    ("no", pgettext_lazy("language of a name", "Norwegian")),
    ("es", pgettext_lazy("language of a name", "Spanish")),
    ("it", pgettext_lazy("language of a name", "Italian")),
    ("pt", pgettext_lazy("language of a name", "Portuguese")),
    ("vi", pgettext_lazy("language of a name", "Vietnamese")),
)

# language[-script][-region][-variant…] (RFC 5646, without extensions and private use).
TAG = re.compile(
    r"^(?P<language>[a-z]{2,3})"
    r"(?:-(?P<script>[a-z]{4}))?"
    r"(?:-(?P<region>[a-z]{2}|[0-9]{3}))?"
    r"(?P<variants>(?:-(?:[a-z0-9]{5,8}|[0-9][a-z0-9]{3}))*)$",
    re.IGNORECASE,
)


def normalize_language_tag(value):
    """The tag in its conventional case ("ZH-hant-tw" → "zh-Hant-TW"); "_" is read as "-".

    Raises ValidationError (in the reader's language) when the value is not a language tag."""
    value = (value or "").strip().replace("_", "-")
    if not value:
        return ""
    match = TAG.match(value)
    if not match:
        raise ValidationError(
            _("“%(value)s” is not a language code. Use a code such as “ja”, “km”, “zh-Hant” or “pt-BR”."),
            code="invalid_language_tag",
            params={"value": value[:40]},
        )
    parts = [match["language"].lower()]
    if match["script"]:
        parts.append(match["script"].title())
    if match["region"]:
        parts.append(match["region"].upper())
    parts += [variant.lower() for variant in match["variants"].split("-") if variant]
    return "-".join(parts)


def validate_language_tag(value):
    normalize_language_tag(value)


# Scripts that name their language (or a short list of them) on their own.
_SCRIPT_LANGUAGES = (
    ("HIRAGANA", "ja"),
    ("KATAKANA", "ja"),
    ("HANGUL", "ko"),
    ("KHMER", "km"),
    ("LAO", "lo"),
    ("THAI", "th"),
)
# Countries whose names in the Latin alphabet are almost always in one language.
_LATIN_COUNTRY_LANGUAGES = {
    "AU": "en", "GB": "en", "IE": "en", "NZ": "en", "US": "en",
    "AT": "de", "DE": "de",
    "FR": "fr",
    "DK": "da", "NL": "nl", "NO": "no", "SE": "sv", "FI": "fi",
    "ES": "es", "IT": "it", "PT": "pt", "PL": "pl", "CZ": "cs",
}  # fmt: skip
# Countries whose own script is not Latin: a name in Latin letters there is most often English.
_NON_LATIN_COUNTRIES = {"JP", "KR", "CN", "TW", "KH", "LA", "TH", "RU", "BY", "MN", "IN", "BD"}


def guess_name_language(name, country=""):
    """A likely language of an organization's own name, or "" when there is no safe guess.

    Used once to fill existing partners: the script decides first (kana → Japanese, Hangul →
    Korean, Khmer, Lao, Thai; Han characters → Chinese, or Japanese in Japan; Cyrillic in
    Russia → Russian); a name in Latin letters takes the country's language where the country
    has one (Germany → de), English where the country's own script is not Latin (an English name
    of a Japanese NGO), and nothing where the country has several (Canada, Switzerland)."""
    name = unicodedata.normalize("NFC", name or "").strip()
    country = (str(country or "")).upper()
    if not name:
        return ""
    letters = [unicodedata.name(ch, "") for ch in name if ch.isalpha()]
    for script, language in _SCRIPT_LANGUAGES:
        if any(script in letter for letter in letters):
            return language
    if any("CJK" in letter for letter in letters):
        return "ja" if country == "JP" else "zh-Hant" if country == "TW" else "zh"
    if any("CYRILLIC" in letter for letter in letters):
        return "ru" if country in {"RU", "BY"} else ""
    if letters and all("LATIN" in letter for letter in letters):
        if country in _LATIN_COUNTRY_LANGUAGES:
            return _LATIN_COUNTRY_LANGUAGES[country]
        if country in _NON_LATIN_COUNTRIES:
            return "en"
    return ""
