"""Backups: one dated archive with the database and the media files, and its restore into an
empty installation. Used by the ``backup_site`` and ``restore_site`` management commands.

Archive layout (``portal-backup-YYYYMMDD-HHMMSS.tar.gz``)::

    manifest.json       format version, date, database engine, object counts
    database.dump       pg_dump custom format (PostgreSQL), or
    database.sqlite3    a consistent copy of the database file (SQLite)
    media/...           every file of the default storage (originals, renditions, documents)
"""

import glob
import io
import json
import os
import posixpath
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from pathlib import Path

from django.core.files.base import File
from django.core.files.storage import default_storage
from django.db import connection, connections
from django.utils import timezone

FORMAT_VERSION = 1
PG_DUMP_NAME = "database.dump"
SQLITE_NAME = "database.sqlite3"
MANIFEST_NAME = "manifest.json"
MEDIA_PREFIX = "media/"
# Tables whose rows mean "this installation has content"; a fresh install has only the two
# pages the migrations create (the tree root and the first home page).
FRESH_PAGE_COUNT = 2


class BackupError(Exception):
    pass


# --- database helpers ------------------------------------------------------------------------


def engine():
    vendor = connection.vendor
    if vendor not in ("postgresql", "sqlite"):
        raise BackupError(f"Backups support PostgreSQL and SQLite, not {vendor}.")
    return vendor


def pg_binary(name):
    """``pg_dump``/``pg_restore``: from ``PG_BIN``, the PATH, or the newest /usr/lib/postgresql."""
    candidates = []
    if os.environ.get("PG_BIN"):
        candidates.append(os.path.join(os.environ["PG_BIN"], name))
    candidates += sorted(
        glob.glob(f"/usr/lib/postgresql/*/bin/{name}"),
        key=lambda p: [int(x) for x in Path(p).parts[-3].split(".") if x.isdigit()],
        reverse=True,
    )
    on_path = shutil.which(name)
    if on_path:
        candidates.append(on_path)
    for candidate in candidates:
        if os.path.isfile(candidate) and os.access(candidate, os.X_OK):
            return candidate
    raise BackupError(f"{name} was not found: install the PostgreSQL client or set PG_BIN.")


def pg_args_and_env():
    params = connection.settings_dict
    args = []
    if params.get("HOST"):
        args += ["-h", params["HOST"]]
    if params.get("PORT"):
        args += ["-p", str(params["PORT"])]
    if params.get("USER"):
        args += ["-U", params["USER"]]
    env = dict(os.environ)
    if params.get("PASSWORD"):
        env["PGPASSWORD"] = params["PASSWORD"]
    return args, env, params["NAME"]


def table_names():
    with connection.cursor() as cursor:
        return set(connection.introspection.table_names(cursor))


def content_counts():
    """Counts that a restore must reproduce (and that tell an empty installation apart)."""
    tables = table_names()
    queries = {
        "pages": "wagtailcore_page",
        "images": "wagtailimages_image",
        "documents": "wagtaildocs_document",
        "form_submissions": "wagtailforms_formsubmission",
        "users": "auth_user",
    }
    counts = {}
    with connection.cursor() as cursor:
        for key, table in queries.items():
            if table in tables:
                cursor.execute(f"SELECT COUNT(*) FROM {connection.ops.quote_name(table)}")
                counts[key] = cursor.fetchone()[0]
            else:
                counts[key] = 0
    return counts


def is_empty_installation():
    counts = content_counts()
    return counts["pages"] <= FRESH_PAGE_COUNT and not any(
        counts[k] for k in ("images", "documents", "form_submissions", "users")
    )


# --- media helpers ---------------------------------------------------------------------------


def walk_storage(storage, path=""):
    try:
        directories, files = storage.listdir(path)
    except FileNotFoundError:  # a media directory that was never created is empty
        return
    for name in sorted(files):
        yield posixpath.join(path, name) if path else name
    for directory in sorted(directories):
        yield from walk_storage(storage, posixpath.join(path, directory) if path else directory)


def safe_media_name(member_name):
    """The storage name of an archive member under ``media/``, or None when it is unsafe."""
    name = member_name[len(MEDIA_PREFIX) :]
    normalized = posixpath.normpath(name)
    if not name or normalized.startswith(("../", "/")) or normalized in ("..", ".") or "\x00" in name:
        return None
    return normalized


# --- backup ----------------------------------------------------------------------------------


def backup(output_dir, stdout=None):
    """Write the archive into ``output_dir`` and return its path."""
    vendor = engine()
    output_dir = Path(output_dir)
    output_dir.mkdir(parents=True, exist_ok=True)
    stamp = timezone.localtime().strftime("%Y%m%d-%H%M%S")
    target = output_dir / f"portal-backup-{stamp}.tar.gz"
    partial = target.with_suffix(".gz.partial")
    manifest = {
        "format": FORMAT_VERSION,
        "created": timezone.now().isoformat(),
        "engine": vendor,
        "counts": content_counts(),
        "media_files": 0,
    }
    with tempfile.TemporaryDirectory(prefix="portal-backup-") as tmp:
        if vendor == "postgresql":
            dump = Path(tmp) / PG_DUMP_NAME
            args, env, name = pg_args_and_env()
            result = subprocess.run(
                [
                    pg_binary("pg_dump"),
                    *args,
                    "--format=custom",
                    "--no-owner",
                    "--no-privileges",
                    "-f",
                    str(dump),
                    name,
                ],
                env=env,
                capture_output=True,
                text=True,
            )
            if result.returncode != 0:
                raise BackupError(f"pg_dump failed: {result.stderr.strip()}")
        else:
            dump = Path(tmp) / SQLITE_NAME
            source = sqlite3.connect(connection.settings_dict["NAME"])
            copy = sqlite3.connect(dump)
            with copy:
                source.backup(copy)
            copy.close()
            source.close()

        with tarfile.open(partial, "w:gz") as archive:
            archive.add(dump, arcname=dump.name)
            count = 0
            for name in walk_storage(default_storage):
                with default_storage.open(name, "rb") as f:
                    info = tarfile.TarInfo(MEDIA_PREFIX + name)
                    info.size = default_storage.size(name)
                    info.mtime = int(timezone.now().timestamp())
                    archive.addfile(info, f)
                count += 1
            manifest["media_files"] = count
            data = json.dumps(manifest, indent=2).encode("utf-8")
            info = tarfile.TarInfo(MANIFEST_NAME)
            info.size = len(data)
            info.mtime = int(timezone.now().timestamp())
            archive.addfile(info, io.BytesIO(data))
    partial.rename(target)
    if stdout is not None:
        stdout.write(f"Backed up {manifest['counts']} and {manifest['media_files']} media files.")
    return target


# --- restore ---------------------------------------------------------------------------------


def read_manifest(archive):
    try:
        member = archive.getmember(MANIFEST_NAME)
    except KeyError as exc:
        raise BackupError("Not a portal backup: manifest.json is missing.") from exc
    manifest = json.load(archive.extractfile(member))
    if manifest.get("format") != FORMAT_VERSION:
        raise BackupError(f"Unsupported backup format {manifest.get('format')!r}.")
    return manifest


def restore(path, force=False, stdout=None):
    """Restore the archive at ``path`` into this installation's database and media storage."""
    vendor = engine()
    path = Path(path)
    if not path.is_file():
        raise BackupError(f"{path} does not exist.")
    try:
        archive = tarfile.open(path, "r:gz")
    except (tarfile.TarError, OSError) as exc:
        raise BackupError(f"{path} is not a readable backup archive: {exc}") from exc
    with archive:
        manifest = read_manifest(archive)
        if manifest["engine"] != vendor:
            raise BackupError(f"The backup is of a {manifest['engine']} database; this installation uses {vendor}.")
        if not force and not is_empty_installation():
            raise BackupError(
                "This installation already has content. Restore into an empty database and media storage, "
                "or pass --force to replace what is there."
            )
        if not force and any(True for _ in walk_storage(default_storage)):
            raise BackupError("The media storage is not empty. Use an empty one, or pass --force.")

        with tempfile.TemporaryDirectory(prefix="portal-restore-") as tmp:
            dump_name = PG_DUMP_NAME if vendor == "postgresql" else SQLITE_NAME
            try:
                member = archive.getmember(dump_name)
            except KeyError as exc:
                raise BackupError(f"The backup has no {dump_name}.") from exc
            dump = Path(tmp) / dump_name
            with archive.extractfile(member) as src, open(dump, "wb") as dst:
                shutil.copyfileobj(src, dst)
            connections.close_all()
            if vendor == "postgresql":
                _restore_postgresql(dump)
            else:
                _restore_sqlite(dump)

        restored_media = 0
        for member in archive:
            if not member.isfile() or not member.name.startswith(MEDIA_PREFIX):
                continue
            name = safe_media_name(member.name)
            if name is None:
                raise BackupError(f"Refusing unsafe path in backup: {member.name!r}")
            if default_storage.exists(name):
                default_storage.delete(name)
            with archive.extractfile(member) as f:
                saved = default_storage.save(name, File(f, name=posixpath.basename(name)))
            if saved != name:
                raise BackupError(f"Storage renamed {name} to {saved}.")
            restored_media += 1
    if stdout is not None:
        stdout.write(f"Restored {manifest['counts']} and {restored_media} media files from {path.name}.")
    return manifest


def _restore_postgresql(dump):
    args, env, name = pg_args_and_env()
    # Drop what a fresh install's migrations created, then load the dump in one transaction.
    with connection.cursor() as cursor:
        cursor.execute("DROP SCHEMA IF EXISTS public CASCADE")
        cursor.execute("CREATE SCHEMA public")
    connection.close()
    result = subprocess.run(
        [
            pg_binary("pg_restore"),
            *args,
            "--no-owner",
            "--no-privileges",
            "--single-transaction",
            "--exit-on-error",
            "-d",
            name,
            str(dump),
        ],
        env=env,
        capture_output=True,
        text=True,
    )
    if result.returncode != 0:
        raise BackupError(f"pg_restore failed: {result.stderr.strip()}")


def _restore_sqlite(dump):
    target = connection.settings_dict["NAME"]
    connection.close()
    source = sqlite3.connect(dump)
    destination = sqlite3.connect(target)
    with destination:
        source.backup(destination)
    destination.close()
    source.close()
