"""Words, document numbers and highlighted snippets for the site search.

Tokenising happens here, in Python, for both the index and the query, so every database sees
the same words: NFC, lower case, letters and digits only; the folded form drops diacritics
(``đ`` → ``d``) with :func:`portal.text.fold`.
"""

import functools
import itertools
import re
from dataclasses import dataclass, field

from django.utils.html import escape
from django.utils.safestring import mark_safe

from portal.text import fold, nfc

WORD = re.compile(r"[^\W_]+")
MAX_QUERY_WORDS = 10
MAX_INDEX_WORDS = 20000

# Document types and their codes in Vietnamese document numbers (số ký hiệu), folded.
DOCUMENT_TYPE_CODES = {
    "chi thi": "ct",
    "directive": "ct",
    "nghi quyet": "nq",
    "resolution": "nq",
    "quyet dinh": "qd",
    "decision": "qd",
    "ke hoach": "kh",
    "plan": "kh",
    "thong bao": "tb",
    "notice": "tb",
    "announcement": "tb",
    "ket luan": "kl",
    "conclusion": "kl",
    "huong dan": "hd",
    "guidance": "hd",
    "guideline": "hd",
    "cong van": "cv",
    "official letter": "cv",
    "thong tu": "tt",
    "circular": "tt",
    "nghi dinh": "nd",
    "decree": "nd",
    "quy dinh": "qdi",
    "regulation": "qdi",
}
_TYPE_NUMBER = re.compile(
    r"^(?P<type>" + "|".join(sorted(DOCUMENT_TYPE_CODES, key=len, reverse=True)) + r")"
    r"(?:\s+(?:so|no|number))?\.?\s*(?P<serial>\d{1,6})\b"
)
_DOCUMENT_KEY = re.compile(r"^\d{1,6}[a-z]")


def words(text):
    """The words of ``text``: NFC, lower case, in order."""
    return WORD.findall(nfc(text or "").lower())


def distinct(items, limit=None):
    seen = dict.fromkeys(item for item in items if item)
    values = list(seen)
    return values[:limit] if limit else values


def folded_words(items):
    return [fold(item) for item in items]


def as_terms(items):
    """``" w1 w2 "``: the stored form of a list of words (see :mod:`search.models`)."""
    return f" {' '.join(items)} " if items else " "


def document_key(number):
    """``"12-CT/TW"`` → ``"12cttw"``: a document number without case, marks or punctuation."""
    return re.sub(r"[^0-9a-z]", "", fold(nfc(number or "")).lower())[:100]


def document_prefix(items):
    """Serial and type code of a document number from its words: ``["12", "ct", "tw"]``
    (``12-CT/TW``) or ``["12ct", "tw"]`` (``12CT/TW``) give ``"12ct"``."""
    items = folded_words(items[:2])
    if not items:
        return ""
    if re.fullmatch(r"\d{1,6}[a-z]+", items[0]):
        return items[0]
    if re.fullmatch(r"\d{1,6}", items[0]) and len(items) > 1 and re.fullmatch(r"[a-z]+", items[1]):
        return items[0] + items[1]
    return ""


@dataclass
class ParsedQuery:
    """A reader's query split into what the index can match."""

    text: str
    exact: list = field(default_factory=list)  # words as typed, lower case
    folded: list = field(default_factory=list)  # the same words without diacritics
    document_key: str = ""  # "12cttw" when the query looks like a document number
    document_prefix: str = ""  # "12ct" for "12-CT/TW", "12-CT" or "chỉ thị 12"

    def __bool__(self):
        return bool(self.folded or self.document_key or self.document_prefix)

    @property
    def has_marks(self):
        return self.exact != self.folded


def parse_query(text):
    exact = distinct(words(text), MAX_QUERY_WORDS)
    folded = distinct(folded_words(exact), MAX_QUERY_WORDS)
    if len(folded) != len(exact):  # two spellings of one folded word: keep them aligned
        exact = [word for word in exact if fold(word) in folded][: len(folded)]
    parsed = ParsedQuery(text=text, exact=exact, folded=folded)
    query_words = folded_words(words(text))
    flat = " ".join(query_words)
    compact = "".join(query_words)
    if _DOCUMENT_KEY.match(compact) and len(compact) <= 40:
        parsed.document_key = compact
        parsed.document_prefix = document_prefix(query_words)
    else:
        match = _TYPE_NUMBER.match(flat)
        if match:
            parsed.document_prefix = match.group("serial") + DOCUMENT_TYPE_CODES[match.group("type")]
    return parsed


# Highlighting folds every word of a result's text; the same words come back on every search.
_fold_word = functools.lru_cache(maxsize=65536)(fold)


def highlight(text, parsed, length=240, whole=False):
    """An HTML-escaped snippet of ``text`` around the first matching word, words marked.

    Each word is compared folded, so "Da Nang" marks "Đà Nẵng". Every piece of the text is
    escaped before it is joined with ``<mark>`` tags: the result is safe to render.
    """
    text = nfc(text or "")
    if not text:
        return ""
    wanted = set(parsed.folded)
    # Matches are found as they are needed: a snippet near the start of a long text reads only
    # that far.
    found = (m for m in WORD.finditer(text) if _fold_word(m.group(0).lower()) in wanted) if wanted else iter(())
    first_match = next(found, None)
    matches = itertools.chain((first_match,), found) if first_match is not None else ()
    start = 0
    if whole:
        length = len(text)
    elif first_match is not None:
        first = first_match.start()
        start = max(0, first - length // 3)
        if start:
            space = text.rfind(" ", 0, start)
            start = space + 1 if space != -1 and first - space < length else start
    end = min(len(text), start + length)
    if end < len(text):
        space = text.rfind(" ", start, end)
        end = space if space > start else end
    pieces = ["…" if start else ""]
    position = start
    for match in matches:
        if match.start() < start:
            continue
        if match.end() > end:
            break
        pieces.append(escape(text[position : match.start()]))
        pieces.append(f"<mark>{escape(match.group(0))}</mark>")
        position = match.end()
    pieces.append(escape(text[position:end]))
    if end < len(text):
        pieces.append("…")
    return mark_safe("".join(pieces))  # noqa: S308 - every piece of text is escaped above
