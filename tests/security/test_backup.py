"""Backup → wipe → restore: one archive of the demo site restored into an empty installation (a
new database and an empty media directory) gives the same page, image, document and form
submission counts, the same page content, submissions and files."""

import json
import os
import subprocess
import sys
import tarfile

import psycopg2
import pytest
from django.conf import settings
from django.core.management import CommandError, call_command
from django.db import connection

from home.models import ContactPage, StandardPage
from operations.backup import content_counts, safe_media_name

SNAPSHOT = """
import hashlib, json
from wagtail.contrib.forms.models import FormSubmission
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page
from home.models import StandardPage

def digest(obj):
    if obj is None:
        return None
    with obj.file.open("rb") as f:
        return hashlib.sha256(f.read()).hexdigest()

about = StandardPage.objects.get(slug="gioi-thieu", locale__language_code="vi")
print("SNAPSHOT" + json.dumps({
    "pages": Page.objects.count(),
    "images": get_image_model().objects.count(),
    "documents": get_document_model().objects.count(),
    "form_submissions": FormSubmission.objects.count(),
    "about_title": about.title,
    "about_body": str(about.body),
    "submissions": sorted(json.dumps(s.form_data, sort_keys=True) for s in FormSubmission.objects.all()),
    "first_image": digest(get_image_model().objects.order_by("id").first()),
    "first_document": digest(get_document_model().objects.order_by("id").first()),
}))
"""


def database_url(name):
    params = connection.settings_dict
    host = params.get("HOST") or "127.0.0.1"
    port = params.get("PORT") or 5432
    credentials = params.get("USER") or "postgres"
    if params.get("PASSWORD"):
        credentials += ":" + params["PASSWORD"]
    return f"postgres://{credentials}@{host}:{port}/{name}"


def manage(*args, env):
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )


def snapshot(env):
    result = manage("shell", "-c", SNAPSHOT, env=env)
    assert result.returncode == 0, result.stderr
    line = next(line for line in result.stdout.splitlines() if line.startswith("SNAPSHOT"))
    return json.loads(line[len("SNAPSHOT") :])


def admin_sql(statement):
    """CREATE/DROP DATABASE outside the test's transaction, on a connection of its own."""
    params = connection.settings_dict
    conn = psycopg2.connect(
        dbname="postgres",
        user=params.get("USER") or "postgres",
        password=params.get("PASSWORD") or None,
        host=params.get("HOST") or "127.0.0.1",
        port=params.get("PORT") or 5432,
    )
    conn.autocommit = True
    try:
        with conn.cursor() as cursor:
            cursor.execute(statement)
    finally:
        conn.close()


@pytest.mark.django_db
def test_backup_wipe_restore_round_trip(tmp_path):
    """The demo site (pages in two languages, generated images, the contact form's submission…),
    committed when the test database was set up, is what pg_dump sees."""
    before = content_counts()
    assert before["pages"] > 5 and before["form_submissions"] >= 1

    call_command("backup_site", output_dir=str(tmp_path), stdout=open(os.devnull, "w"))
    archives = list(tmp_path.glob("portal-backup-*.tar.gz"))
    assert len(archives) == 1
    with tarfile.open(archives[0]) as archive:
        names = archive.getnames()
        manifest = json.load(archive.extractfile("manifest.json"))
    assert "database.dump" in names
    assert manifest["counts"] == before
    assert manifest["media_files"] == sum(1 for n in names if n.startswith("media/"))
    if before["images"]:
        assert any(n.startswith("media/original_images/") for n in names)

    env_source = {
        **{k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"},
        "DJANGO_SETTINGS_MODULE": "portal.settings.dev",
        "DEBUG": "false",
        "DATABASE_URL": database_url(connection.settings_dict["NAME"]),
        "MEDIA_ROOT": str(settings.MEDIA_ROOT),
    }
    expected = snapshot(env_source)
    assert expected["pages"] == before["pages"]

    # Wipe: the installation restored into is a new, empty database and an empty media directory.
    target_db = f"{connection.settings_dict['NAME']}_restore"
    admin_sql(f'DROP DATABASE IF EXISTS "{target_db}" WITH (FORCE)')
    admin_sql(f'CREATE DATABASE "{target_db}"')
    try:
        env = {**env_source, "DATABASE_URL": database_url(target_db), "MEDIA_ROOT": str(tmp_path / "media")}
        result = manage("restore_site", str(archives[0]), env=env)
        assert result.returncode == 0, result.stderr
        after = snapshot(env)
        assert after == expected
        assert {k: after[k] for k in before if k in after} == {k: before[k] for k in before if k in after}

        # A second restore over the now non-empty installation is refused without --force.
        again = manage("restore_site", str(archives[0]), env=env)
        assert again.returncode != 0 and "already has content" in again.stderr
    finally:
        admin_sql(f'DROP DATABASE IF EXISTS "{target_db}" WITH (FORCE)')


@pytest.mark.django_db
def test_restore_refuses_a_non_empty_installation_and_bad_archives(tmp_path):
    bogus = tmp_path / "portal-backup-bogus.tar.gz"
    bogus.write_bytes(b"not an archive")
    with pytest.raises(CommandError, match="not a readable backup"):
        call_command("restore_site", str(bogus))
    with pytest.raises(CommandError, match="does not exist"):
        call_command("restore_site", str(tmp_path / "missing.tar.gz"))
    no_manifest = tmp_path / "portal-backup-empty.tar.gz"
    with tarfile.open(no_manifest, "w:gz"):
        pass
    with pytest.raises(CommandError, match="manifest"):
        call_command("restore_site", str(no_manifest))
    # The demo database has content: a restore would destroy it, so it is refused.
    archive = tmp_path / "portal-backup-ok.tar.gz"
    data = json.dumps({"format": 1, "engine": "postgresql", "counts": {}, "media_files": 0}).encode()
    with tarfile.open(archive, "w:gz") as tar:
        info = tarfile.TarInfo("manifest.json")
        info.size = len(data)
        import io

        tar.addfile(info, io.BytesIO(data))
    with pytest.raises(CommandError, match="already has content"):
        call_command("restore_site", str(archive))
    assert StandardPage.objects.filter(slug="gioi-thieu").exists()
    assert ContactPage.objects.exists()


@pytest.mark.parametrize(
    "name", ["media/../etc/passwd", "media//etc/passwd", "media/", "media/a/../../x", "media/x\x00"]
)
def test_archive_paths_cannot_escape_the_media_storage(name):
    assert safe_media_name(name) is None


def test_normal_archive_paths_are_kept():
    assert safe_media_name("media/original_images/anh.png") == "original_images/anh.png"
