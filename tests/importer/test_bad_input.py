"""Bad input gets an error that names the file, the line and the item, and writes nothing."""

import unicodedata

import pytest
from django.core.management.base import CommandError
from django.utils import translation
from wagtail.models import Page

from importer.models import ImportedItem

from .conftest import SAMPLES

pytestmark = pytest.mark.django_db
WXR = SAMPLES / "kufo.xml"


def fails(run, *args):
    before = Page.objects.count()
    with translation.override("en"), pytest.raises(CommandError) as error:
        run(*args)
    assert Page.objects.count() == before and not ImportedItem.objects.exists()
    return str(error.value)


def test_malformed_xml_names_line_and_item(run, tmp_path):
    broken = tmp_path / "broken.xml"
    text = WXR.read_text(encoding="utf-8").replace("<wp:post_id>101</wp:post_id>", "<wp:post_id>101</wp:postid>")
    broken.write_text(text, encoding="utf-8")
    line = text.split("\n").index("    <wp:post_id>101</wp:postid>") + 1
    message = fails(run, broken, "--map", "tin-hoat-dong=hoat-dong-lien-hiep")
    assert f"broken.xml, line {line}" in message and "malformed" in message
    assert "Đoàn công tác Liên hiệp thăm và làm việc tại Campuchia" in message


def test_wrong_encoding_names_the_line(run, tmp_path):
    wrong = tmp_path / "cp1258.xml"
    text = WXR.read_text(encoding="utf-8")
    # One title saved by an old Windows tool in the Vietnamese code page, under a UTF-8 declaration.
    wrong.write_bytes(
        text.encode("utf-8").replace("Bản nháp".encode(), unicodedata.normalize("NFD", "Bản nháp").encode("cp1258"))
    )
    line = next(n for n, row in enumerate(text.split("\n"), 1) if "Bản nháp" in row)
    message = fails(run, wrong)
    assert f"cp1258.xml, line {line}: the file is not valid UTF-8" in message
    assert "--encoding" in message


def test_unknown_section_in_map(run):
    message = fails(run, WXR, "--map", "tin-hoat-dong=khong-co-chuyen-muc")
    assert "khong-co-chuyen-muc" in message and "hoat-dong-lien-hiep" in message  # lists the real ones


def test_map_written_wrongly(run):
    assert "CATEGORY=SECTION" in fails(run, WXR, "--map", "tin-hoat-dong")


def test_xml_entities_are_refused(run, tmp_path):
    bomb = tmp_path / "bomb.xml"
    bomb.write_text(
        '<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]>'
        '<rss xmlns:wp="http://wordpress.org/export/1.2/"><channel><title>&b;</title></channel></rss>',
        encoding="utf-8",
    )
    assert "refused for safety" in fails(run, bomb, "--format", "wxr")


def test_invalid_selector_and_missing_profile(run, mirror_dir, tmp_path):
    assert "--profile" in fails(run, mirror_dir)
    profile = tmp_path / "profile.toml"
    profile.write_text('base_url = "https://kufo.vn/"\n[selectors]\ntitle = "h1["\nbody = "div"\ndate = "p"\n')
    message = fails(run, mirror_dir, "--profile", profile)
    assert "“title” selector “h1[” is not valid CSS" in message
    profile.write_text('base_url = "https://kufo.vn/"\n[selectors]\ntitle = "h1"\n')
    assert "needs a “body” selector" in fails(run, mirror_dir, "--profile", profile)


def test_bad_yaml_profiles(run, mirror_dir, tmp_path):
    profile = tmp_path / "profile.yaml"
    profile.write_text("base_url: https://kufo.vn/\nselectors:\n  title: h1\n  body: [div\n  date: p\n")
    message = fails(run, mirror_dir, "--profile", profile)
    assert "profile.yaml, line 5: the profile is not valid YAML" in message
    # Only plain data: a tag that would build a Python object is refused, and nothing runs.
    profile.write_text(
        "base_url: !!python/object/apply:os.system ['touch pwned']\nselectors: {title: h1, body: div, date: p}\n"
    )
    assert "not valid YAML" in fails(run, mirror_dir, "--profile", profile)
    assert not (tmp_path / "pwned").exists()
    profile.write_text("- title\n- body\n")
    assert "must be a table of settings" in fails(run, mirror_dir, "--profile", profile)
    profile.write_text("base_url: https://kufo.vn/\nselectors: {title: [h1, h2], body: div, date: p}\n")
    assert "“title” selector must be CSS text" in fails(run, mirror_dir, "--profile", profile)
    profile.write_text("base_url: https://kufo.vn/\ninclude: {a: 1}\nselectors: {title: h1, body: div, date: p}\n")
    assert "“include” is a list of file patterns" in fails(run, mirror_dir, "--profile", profile)
    other = tmp_path / "profile.ini"
    other.write_text("[selectors]\n")
    assert "TOML (.toml), YAML (.yaml) or JSON (.json)" in fails(run, mirror_dir, "--profile", other)


def test_not_a_known_source(run, tmp_path):
    other = tmp_path / "notes.txt"
    other.write_text("hello", encoding="utf-8")
    assert "give --format" in fails(run, other)
    assert "no such file" in fails(run, tmp_path / "none.xml")


def test_errors_are_in_vietnamese_for_vietnamese_operators(run):
    with translation.override("vi"), pytest.raises(CommandError) as error:
        run(WXR, "--map", "tin-hoat-dong=khong-co")
    assert "không có chuyên mục" in str(error.value)
