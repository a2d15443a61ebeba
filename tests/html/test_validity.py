"""Every page type, in both languages, has no error in the Nu HTML checker (vnu.jar, installed by
scripts/services.sh from npm at the version pinned in package-lock.json). All pages are checked in
one run of the checker: one JVM start."""

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.reader_pages import reader_paths

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]


def vnu_command():
    jar = Path(os.environ.get("VNU_JAR") or ROOT / "node_modules/vnu-jar/build/dist/vnu.jar")
    java = shutil.which("java")
    if not jar.is_file() or java is None:
        raise RuntimeError(
            "The Nu HTML checker needs Java and node_modules/vnu-jar: run the suite with `make test`, "
            "which installs them (default-jre-headless, npm ci)."
        )
    return [java, "-Xss4m", "-jar", str(jar)]


def validate(documents, tmp_path):
    """Nu checker errors per label, for {label: html}."""
    files = {}
    for number, (label, html) in enumerate(documents.items()):
        path = tmp_path / f"page{number}.html"
        path.write_bytes(html)
        files[path.name] = label
    result = subprocess.run(
        [*vnu_command(), "--errors-only", "--format", "json", "--exit-zero-always", *map(str, files_paths(tmp_path))],
        capture_output=True,
        text=True,
        timeout=300,
    )
    messages = json.loads(result.stderr or result.stdout)["messages"]
    errors = {}
    for message in messages:
        url = message.get("url", "")
        label = files.get(url.rsplit("/", 1)[-1], url)
        errors.setdefault(label, []).append(f"line {message.get('lastLine')}: {message['message']}")
    return errors


def files_paths(tmp_path):
    return sorted(tmp_path.glob("page*.html"))


def test_every_page_type_is_valid_html(client, tmp_path):
    documents = {}
    for lang in ("vi", "en"):
        for label, path, status in reader_paths(lang):
            response = client.get(path)
            assert response.status_code == status, path
            documents[f"{lang} {label} {path}"] = response.content
    assert len(documents) >= 38
    errors = validate(documents, tmp_path)
    assert not errors, "\n".join(f"{page}:\n  " + "\n  ".join(messages) for page, messages in errors.items())


def test_the_checker_finds_errors(tmp_path):
    """The check above would see an invalid page."""
    bad = b'<!DOCTYPE html><html lang="vi"><title>x</title><time datetime="2026-01-01T10:00:00.123456+07:00">x</time>'
    errors = validate({"bad": bad}, tmp_path)
    assert "A fraction of a second must be one, two, or three digits" in " ".join(errors["bad"])
