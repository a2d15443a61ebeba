"""The coverage command measures the catalogues through Django's own gettext machinery."""

import json
from io import StringIO

import polib
import pytest
from django.core.management import CommandError, call_command
from django.utils import translation

from operations.management.commands.translation_coverage import WAGTAIL_CATALOGUES, Evaluator, measure

REQUIRED = {
    ("wagtail.admin", "django"),
    ("wagtail.admin", "djangojs"),
    ("wagtail", "django"),
    ("wagtail.images", "django"),
    ("wagtail.documents", "django"),
    ("wagtail.snippets", "django"),
    ("wagtail.users", "django"),
    ("wagtail.contrib.forms", "django"),
    ("wagtail.contrib.redirects", "django"),
    ("wagtail.contrib.search_promotions", "django"),
    ("wagtail.contrib.settings", "django"),
    ("wagtail.contrib.table_block", "django"),
    ("wagtail.sites", "django"),
    ("wagtail.locales", "django"),
    ("wagtail.embeds", "django"),
    ("wagtail.search", "django"),
    ("wagtail_localize", "django"),
    ("wagtail_localize", "djangojs"),
}


def run(*args):
    out = StringIO()
    call_command("translation_coverage", *args, stdout=out)
    return out.getvalue()


def test_wagtail_catalogues_are_at_least_98_percent_vietnamese():
    output = run("--wagtail-only", "--fail-under", "98")
    for name, domain in REQUIRED:
        assert any(line.split()[:2] == [name, domain] for line in output.splitlines()), (name, domain)


def test_portal_owned_wagtail_catalogues_are_complete():
    """The catalogues in locale_wagtail/apps/ cover every message of the apps besides the admin."""
    data = json.loads(run("--wagtail-only", "--json", "--show-missing"))
    for row in data:
        if row["catalogue"] != "wagtail.admin":
            assert row["translated"] == row["total"], (row["catalogue"], row["domain"], row["missing"][:10])
    assert {(row["catalogue"], row["domain"]) for row in data} >= REQUIRED


def test_every_catalogue_is_counted_in_full():
    counted = {(r.name, r.domain): r.total for r in measure("vi", include_own=False)}
    for name, domain, _ in WAGTAIL_CATALOGUES:
        assert counted[(name, domain)] > 0
    assert counted[("wagtail.admin", "django")] > 800
    assert counted[("wagtail_localize", "djangojs")] > 40


def test_english_measures_nothing_translated_and_fails_the_threshold():
    with pytest.raises(CommandError, match="below 98%"):
        run("--language", "en", "--only", "wagtail.images", "--fail-under", "98")
    (result,) = measure("en", include_own=False, only={"wagtail.images"})
    assert result.translated == 0 and result.total > 100


def test_messages_whose_vietnamese_equals_the_english_count_through_the_catalogue():
    evaluator = Evaluator("vi", "django")
    email = polib.POEntry(msgid="Email")
    with translation.override("vi"):
        assert translation.gettext("Email") == "Email"
    assert evaluator.is_translated(email)
    assert not evaluator.is_translated(polib.POEntry(msgid="A message nobody ever translated"))


def test_plural_and_context_messages_are_asked_the_right_way():
    evaluator = Evaluator("vi", "django")
    plural = polib.POEntry(msgid="%(count)s image", msgid_plural="%(count)s images")
    assert evaluator.is_translated(plural)
    with translation.override("vi"):
        assert translation.ngettext("%(count)s image", "%(count)s images", 3) == "%(count)s hình ảnh"
    js = Evaluator("vi", "djangojs", ["wagtail_localize"])
    assert js.is_translated(polib.POEntry(msgid="Translate"))
    assert js.trans.gettext("Saving...") == "Đang lưu..."


def test_unknown_language_and_unknown_catalogue_give_clear_errors():
    with pytest.raises(CommandError, match="Unknown language"):
        run("--language", "xx")
    with pytest.raises(CommandError, match="No catalogue matched"):
        run("--only", "no.such.app")
