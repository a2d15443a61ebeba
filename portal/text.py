"""Vietnamese text handling used across the portal.

One place for: NFC normalisation, accent folding (for search and slugs), Vietnamese
alphabetical ordering and date formatting in each language's style.
"""

import functools
import re
import unicodedata

from django.utils.translation import get_language

_SPACES = re.compile(r"\s+")
_NON_SLUG = re.compile(r"[^a-z0-9]+")


def nfc(text):
    """Return ``text`` in Unicode NFC form (Vietnamese is stored composed)."""
    if text is None:
        return text
    return unicodedata.normalize("NFC", str(text))


def fold(text):
    """Strip Vietnamese diacritics: "Đà Nẵng" → "Da Nang". Case is kept.

    Works on NFC and NFD input alike: the text is decomposed, combining marks are
    dropped, and đ/Đ (which Unicode does not decompose) become d/D.
    """
    if not text:
        return ""
    decomposed = unicodedata.normalize("NFD", str(text))
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return unicodedata.normalize("NFC", stripped.replace("đ", "d").replace("Đ", "D"))


def normalise_query(text):
    """NFC, collapse whitespace and trim a free-text query typed by a reader."""
    return _SPACES.sub(" ", nfc(text or "").replace("\x00", " ")).strip()


def slugify_vi(text, max_length=80):
    """ASCII slug folded from a Vietnamese title, as Vietnamese news sites write them.

    "Kiện toàn và nâng cao chất lượng" → "kien-toan-va-nang-cao-chat-luong".
    """
    slug = _NON_SLUG.sub("-", fold(text).lower()).strip("-")
    if len(slug) > max_length:
        slug = slug[:max_length].rsplit("-", 1)[0] or slug[:max_length]
    return slug


# Vietnamese alphabet: a ă â b c d đ e ê g h i k l m n o ô ơ p q r s t u ư v x y,
# tones rank after the base letter: none, grave (huyền), hook (hỏi), tilde (ngã), acute (sắc), dot (nặng).
_BASE_ORDER = "aăâbcdđeêfghijklmnoôơpqrstuưvwxyz"
_BASE_RANK = {ch: i for i, ch in enumerate(_BASE_ORDER)}
_TONES = {"\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0301": 4, "\u0323": 5}
_SHAPE_MARKS = {"\u0306", "\u0302", "\u031b"}  # breve, circumflex, horn: part of the letter


def _letters(text):
    """Split lower-cased text into (base letter with its shape marks, tone rank)."""
    for cluster in _clusters(unicodedata.normalize("NFD", text.lower())):
        base, tone = cluster[0], 0
        for mark in cluster[1:]:
            if mark in _SHAPE_MARKS:
                base += mark
            elif mark in _TONES:
                tone = _TONES[mark]
        yield unicodedata.normalize("NFC", base), tone


def _clusters(decomposed):
    cluster = ""
    for ch in decomposed:
        if unicodedata.combining(ch) and cluster:
            cluster += ch
        else:
            if cluster:
                yield cluster
            cluster = ch
    if cluster:
        yield cluster


@functools.lru_cache(maxsize=16384)
def vietnamese_sort_key(text):
    """Sort key for Vietnamese alphabetical order (Đ after D, Ơ after Ô, tones after letters).

    Memoised: directories sort the same few hundred names on every view."""
    letters = list(_letters(nfc(text or "")))
    # Word by word, as dictionaries do: a space sorts before every letter ("Hà Lan" < "Hàn Quốc").
    primary = tuple(-1 if base.isspace() else _BASE_RANK.get(base, 100 + ord(base[0])) for base, _ in letters)
    tones = tuple(tone for _, tone in letters)
    return primary, tones


def english_sort_key(text):
    """Sort key for English order: case- and accent-insensitive."""
    return fold(nfc(text or "")).casefold()


def sort_key_for(language):
    return vietnamese_sort_key if (language or "vi").startswith("vi") else english_sort_key


def format_date(value, language=None):
    """'20/09/2022' in Vietnamese, '20 September 2022' in English."""
    if not value:
        return ""
    language = language or get_language() or "vi"
    if hasattr(value, "tzinfo") and hasattr(value, "hour"):
        from django.utils import timezone

        if timezone.is_aware(value):
            value = timezone.localtime(value)
        value = value.date()
    if language.startswith("vi"):
        return value.strftime("%d/%m/%Y")
    return f"{value.day} {ENGLISH_MONTHS[value.month - 1]} {value.year}"


ENGLISH_MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
