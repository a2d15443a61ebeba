"""Words, document numbers and highlighted snippets for the site search.

Tokenising happens here, in Python, for both the index and the query, so every database sees
the same words: NFC, lower case, letters and digits only; the folded form drops diacritics
(``đ`` → ``d``) with :func:`portal.text.fold`.
"""

import functools
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

# Syllables and words that carry little meaning alone: a query's other words are required
# without them, and they add nothing to a page's score on their own (they still count inside
# the phrase typed). Vietnamese as written; typed without marks, only the folded forms that are
# rarely another common word.
STOP_VI = frozenset(
    "của và các những được cho trong là với về này để thì mà đã tại theo từ ở có một khi đến "
    "cũng như nhưng sẽ bị do hay hoặc nào đó".split()
)
STOP_VI_FOLDED = frozenset("cua va cac nhung duoc cho trong la voi ve nay de thi ma tai theo tu o".split())
STOP_EN = frozenset(
    "a an and are as at be by for from has have in is it its of on or that the this to was were will with".split()
)


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


def pair_term(first, second):
    """``("ngoai", "giao")`` → ``"ngoai_giao"``: two adjacent words as one term of the index's
    pairs (:attr:`search.models.SearchEntry.pairs_folded`)."""
    return f"{first}_{second}"


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
    """A reader's query split into what the index can match and rank.

    ``exact``/``folded`` are the words a page must hold (distinct, stop syllables left out while
    other words remain); ``phrase``/``phrase_exact`` every word typed, in order, for ranking pages
    where they stand together; ``phrases`` the word sequences a page must hold as typed together
    (a quoted part of the query, or a query made of stop syllables only).
    """

    text: str
    exact: list = field(default_factory=list)  # words as typed, lower case
    folded: list = field(default_factory=list)  # the same words without diacritics
    document_key: str = ""  # "12cttw" when the query looks like a document number
    document_prefix: str = ""  # "12ct" for "12-CT/TW", "12-CT" or "chỉ thị 12"
    phrase: list = field(default_factory=list)  # every word typed, in order, folded
    phrase_exact: list = field(default_factory=list)  # the same as typed (lower case)
    phrases: list = field(default_factory=list)  # [[folded words]] that must stand together
    stop: frozenset = frozenset()  # the folded words of ``phrase`` that are stop syllables

    def __bool__(self):
        return bool(self.folded or self.phrases or self.document_key or self.document_prefix)

    @property
    def has_marks(self):
        return self.phrase_exact != self.phrase

    @property
    def pairs(self):
        """Adjacent words of the query, folded, that are not both stop syllables, in order."""
        found = []
        for first, second in zip(self.phrase, self.phrase[1:], strict=False):
            if (first not in self.stop or second not in self.stop) and (first, second) not in found:
                found.append((first, second))
        return found


def is_stop(word, language=None):
    """Whether a word (lower case, as typed) is a stop syllable of ``language`` (both when None).

    A Vietnamese word typed with its marks is compared as typed ("của" but not "cửa"); typed
    without, it is compared folded ("cua" may be "của").
    """
    vietnamese = language is None or language.startswith("vi")
    english = language is None or language.startswith("en")
    if vietnamese and (word in STOP_VI or (word == fold(word) and word in STOP_VI_FOLDED)):
        return True
    return english and word in STOP_EN


_QUOTED = re.compile(r"[\"“”„«»]([^\"“”„«»]*)[\"“”„«»]")


def parse_query(text, language=None):
    """What the index matches for ``text`` typed in a ``language`` search."""
    text = nfc(text or "")
    typed = words(text)[: MAX_QUERY_WORDS * 2]
    stop_typed = {word for word in typed if is_stop(word, language)}
    content = [word for word in typed if word not in stop_typed]
    exact = distinct(content, MAX_QUERY_WORDS)
    folded = distinct(folded_words(exact), MAX_QUERY_WORDS)
    if len(folded) != len(exact):  # two spellings of one folded word: keep them aligned
        exact = [word for word in exact if fold(word) in folded][: len(folded)]
    phrase_exact = typed[:MAX_QUERY_WORDS]
    phrase = folded_words(phrase_exact)
    phrases = []
    for quoted in _QUOTED.findall(text):
        quoted_words = folded_words(words(quoted))[:MAX_QUERY_WORDS]
        if quoted_words and quoted_words not in phrases:
            phrases.append(quoted_words)
    if not folded and len(phrase) > 1 and not phrases:  # stop syllables only: as a phrase
        phrases.append(phrase)
    parsed = ParsedQuery(
        text=text,
        exact=exact,
        folded=folded,
        phrase=phrase,
        phrase_exact=phrase_exact,
        phrases=phrases,
        stop=frozenset(fold(word) for word in stop_typed),
    )
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


def _marked_spans(text, parsed):
    """``(start, end)`` of the text to mark, in order: runs of two or more words that stand
    together in the query too ("ngoại giao nhân dân"); a lone word only when the query is one
    word, or when the text has none of its phrases (then its words other than stop syllables)."""
    wanted = set(parsed.phrase) | set(parsed.folded)
    if not wanted:
        return []
    pairs = set(zip(parsed.phrase, parsed.phrase[1:], strict=False))
    tokens = [(m.start(), m.end(), _fold_word(m.group(0).lower())) for m in WORD.finditer(text)]
    spans, i = [], 0
    while i < len(tokens):
        j = i
        while j + 1 < len(tokens) and (tokens[j][2], tokens[j + 1][2]) in pairs:
            j += 1
        run = {token[2] for token in tokens[i : j + 1]}
        if j > i and run - parsed.stop:
            spans.append((tokens[i][0], tokens[j][1]))
            i = j + 1
        else:
            i += 1
    if spans:
        return spans
    lone = set(parsed.folded) - parsed.stop if parsed.folded else wanted
    return [(start, end) for start, end, word in tokens if word in lone]


def highlight(text, parsed, length=240, whole=False):
    """An HTML-escaped snippet of ``text`` around the first match, matches marked.

    Words are compared folded, so "Da Nang" marks "Đà Nẵng"; the query's words that stand
    together in the text are marked as one phrase (:func:`_marked_spans`). Every piece of the
    text is escaped before it is joined with ``<mark>`` tags: the result is safe to render.
    """
    text = nfc(text or "")
    if not text:
        return ""
    spans = _marked_spans(text, parsed)
    start = 0
    if whole:
        length = len(text)
    elif spans:
        first = spans[0][0]
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
    for span_start, span_end in spans:
        if span_start < start:
            continue
        if span_end > end:
            break
        pieces.append(escape(text[position:span_start]))
        pieces.append(f"<mark>{escape(text[span_start:span_end])}</mark>")
        position = span_end
    pieces.append(escape(text[position:end]))
    if end < len(text):
        pieces.append("…")
    return mark_safe("".join(pieces))  # noqa: S308 - every piece of text is escaped above
