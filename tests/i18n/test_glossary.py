"""The Vietnamese catalogues use the terms fixed in docs/glossary.md."""

import re
from pathlib import Path

import polib
from django.conf import settings

BASE_DIR = Path(settings.BASE_DIR)
# Variants the glossary replaced, with the term to use instead.
AVOIDED = {
    "phê duyệt": "duyệt",
    "phê chuẩn": "duyệt",
    "bình luận": "góp ý",
    "thu hồi xuất bản": "gỡ xuất bản",
    "đăng tải": "tải lên",
    "tác vụ": "bước duyệt",
    "luồng công việc": "quy trình duyệt",
    "xoá": "xóa",
    "khoá": "khóa",
    "huỷ": "hủy",
}


def glossary():
    """{english term: vietnamese term} from the glossary's tables (pairs split on "/" and ",")."""
    terms = {}
    for line in (BASE_DIR / "docs" / "glossary.md").read_text(encoding="utf-8").splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if len(cells) < 2 or not line.startswith("|") or set(cells[0]) <= {"-", " "} or cells[0] == "English":
            continue
        english, vietnamese = cells[0], cells[1]
        if " / " in english and " / " in vietnamese:
            pairs = zip(english.split(" / "), vietnamese.split(" / "), strict=True)
        else:
            pairs = [(term, vietnamese) for term in english.split(", ")]
        for term, translation in pairs:
            terms[term.strip().lower()] = translation.strip().lower()
    return terms


def catalogues():
    yield from sorted(BASE_DIR.glob("locale_wagtail/*/vi/LC_MESSAGES/*.po"))
    yield from sorted(BASE_DIR.glob("*/locale/vi/LC_MESSAGES/django.po"))
    yield BASE_DIR / "locale" / "vi" / "LC_MESSAGES" / "django.po"


def translations(paths=None):
    for path in paths or catalogues():
        for entry in polib.pofile(str(path)).translated_entries():
            for text in [entry.msgstr, *entry.msgstr_plural.values()]:
                if text:
                    yield path.relative_to(BASE_DIR), entry, text


def test_glossary_has_the_terms_of_the_issue():
    terms = glossary()
    for english in ("page", "draft", "publish", "workflow", "task", "snippet", "collection", "locale", "translation"):
        assert english in terms
    assert terms["revision"] == "phiên bản"
    assert terms["moderation"] == "kiểm duyệt"
    assert terms["lock"] == "khóa" and terms["unlock"] == "mở khóa"


def test_an_admin_message_that_is_a_glossary_term_is_translated_with_it():
    """Wagtail's and wagtail-localize's messages (the portal's own apps may give a term a domain
    meaning, e.g. "Document" for a legal text)."""
    terms = glossary()
    wrong = []
    for path, entry, text in translations(sorted(BASE_DIR.glob("locale_wagtail/*/vi/LC_MESSAGES/*.po"))):
        term = terms.get(entry.msgid.strip().lower())
        if term and not entry.msgctxt and not entry.msgid_plural and text.strip().lower() != term:
            wrong.append(f"{path}: {entry.msgid!r} -> {text!r}, glossary: {term!r}")
    assert not wrong, "\n".join(wrong)


def test_catalogues_avoid_the_replaced_variants():
    found = []
    for path, entry, text in translations():
        for variant, preferred in AVOIDED.items():
            if re.search(rf"(?<!\w){variant}(?!\w)", text, re.IGNORECASE):
                found.append(f"{path}: {entry.msgid!r} -> {text!r} (use {preferred!r})")
    assert not found, "\n".join(found)
