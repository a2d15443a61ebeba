"""Every message of the portal's own apps has a Vietnamese translation.

The source tree is copied to a temporary directory and `makemessages -l vi` runs there (the
working tree is never touched), so a string added to the code or a template without being
translated in the committed catalogue makes this test fail, and so does a fuzzy or empty entry.
"""

import shutil
import unicodedata
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.core.management import call_command
from django.test import override_settings

from operations.management.commands.translation_coverage import measure, own_catalogues

BASE_DIR = Path(settings.BASE_DIR)
SKIP = {".git", ".venv", "node_modules", "media", "staticfiles", "tests", "docs", "locale_wagtail", "__pycache__"}


def copy_sources(target):
    def ignore(directory, names):
        top = Path(directory) == BASE_DIR
        return [
            name
            for name in names
            if (top and name in SKIP)
            or name == "__pycache__"
            or name.endswith((".mo", ".sqlite3", ".pyc"))
            or (name.startswith(".") and name != ".")
        ]

    shutil.copytree(BASE_DIR, target, ignore=ignore)


@pytest.fixture(scope="module")
def extracted(tmp_path_factory, monkeypatch_module):
    """The portal's vi catalogues as `makemessages` leaves them after extracting the current sources."""
    root = tmp_path_factory.mktemp("sources") / "portal"
    copy_sources(root)
    monkeypatch_module.chdir(root)
    with override_settings(LOCALE_PATHS=[root / "locale"]):
        call_command("makemessages", locale=["vi"], verbosity=0, ignore_patterns=["static/*"])
    catalogues = {}
    for po_path in sorted(root.glob("*/locale/vi/LC_MESSAGES/django.po")) + [root / "locale/vi/LC_MESSAGES/django.po"]:
        catalogues[str(po_path.relative_to(root))] = polib.pofile(str(po_path))
    return catalogues


@pytest.fixture(scope="module")
def monkeypatch_module():
    mp = pytest.MonkeyPatch()
    yield mp
    mp.undo()


def label(entry):
    return f"[{entry.msgctxt}] {entry.msgid!r}" if entry.msgctxt else repr(entry.msgid)


def test_extraction_found_the_apps_and_the_shared_catalogue(extracted):
    names = set(extracted)
    assert "locale/vi/LC_MESSAGES/django.po" in names
    assert "portal/locale/vi/LC_MESSAGES/django.po" in names
    assert sum(len([e for e in po if not e.obsolete]) for po in extracted.values()) > 50


def test_every_extracted_message_has_a_vietnamese_translation(extracted):
    problems = []
    for name, po in extracted.items():
        for entry in po:
            if entry.obsolete:
                continue
            if "fuzzy" in entry.flags:
                problems.append(f"{name}: fuzzy {label(entry)}")
            elif not entry.translated():
                problems.append(f"{name}: untranslated {label(entry)}")
    assert not problems, "Messages without a Vietnamese translation:\n" + "\n".join(problems)


def test_vietnamese_text_is_nfc(extracted):
    bad = []
    for name, po in extracted.items():
        for entry in po.translated_entries():
            texts = [entry.msgstr] if not entry.msgid_plural else list(entry.msgstr_plural.values())
            if any(unicodedata.normalize("NFC", text) != text for text in texts):
                bad.append(f"{name}: {label(entry)}")
    assert not bad, "Vietnamese text not NFC-normalised:\n" + "\n".join(bad)


def test_committed_catalogues_are_compiled_and_served():
    """Django serves a Vietnamese text for every message of the committed own catalogues."""
    assert {name for name, _ in own_catalogues("vi")} >= {"portal", "home", "locale (shared templates)"}
    results = measure("vi", include_wagtail=False)
    missing = [f"{r.name}: {m[1]!r}" for r in results for m in r.missing]
    assert not missing, "Not served in Vietnamese (untranslated, fuzzy, or .mo not compiled):\n" + "\n".join(missing)
