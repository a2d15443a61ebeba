"""`make demo` serves like the product: the portal's own error pages, static files through
WhiteNoise, a favicon; Django's debug pages only on request (DEBUG=1)."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def dev_settings(debug):
    """The dev settings (those of `make demo`) as a fresh process sees them."""
    env = {k: v for k, v in os.environ.items() if k not in ("DEBUG", "DJANGO_SETTINGS_MODULE")}
    env["DJANGO_SETTINGS_MODULE"] = "portal.settings.dev"
    env["DATABASE_URL"] = "sqlite:////tmp/unused-demo-settings.sqlite3"
    if debug is not None:
        env["DEBUG"] = debug
    code = (
        "import django, json; django.setup(); from django.conf import settings; from django.urls import resolve;"
        "print(json.dumps({'debug': settings.DEBUG, 'static': settings.STORAGES['staticfiles']['BACKEND'],"
        "'media': resolve('/media/original_images/a.jpg').func.__module__}))"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, check=True)
    return json.loads(out.stdout)


def test_demo_script_turns_debug_off_unless_asked():
    run = "source <(grep -E '^export DEBUG=' scripts/demo.sh); echo \"$DEBUG\""
    default = subprocess.run(
        ["bash", "-c", run], cwd=ROOT, capture_output=True, text=True, env={"PATH": os.environ["PATH"]}
    )
    assert default.stdout.strip() == "0"
    asked = subprocess.run(
        ["bash", "-c", run], cwd=ROOT, capture_output=True, text=True, env={"PATH": os.environ["PATH"], "DEBUG": "1"}
    )
    assert asked.stdout.strip() == "1"


def test_demo_settings_serve_like_production():
    production_like = dev_settings("0")
    assert production_like == {
        "debug": False,
        "static": "whitenoise.storage.CompressedManifestStaticFilesStorage",
        "media": "django.views.static",
    }
    assert dev_settings("1")["debug"] is True


@pytest.mark.django_db
def test_not_found_is_the_portals_own_page(client):
    response = client.get("/vi/khong-co-trang-nay/")
    assert response.status_code == 404
    assert "Không tìm thấy trang" in response.content.decode()
    assert "URLconf" not in response.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/static/../manage.py", "/static/%2e%2e/manage.py", "/media/../manage.py"])
def test_paths_out_of_static_are_not_served(client, path):
    response = client.get(path)
    assert response.status_code in (400, 404)
    assert b"SECRET_KEY" not in response.content and b"DJANGO_SETTINGS_MODULE" not in response.content


def test_favicon_is_served(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 200
    assert response["Content-Type"] == "image/x-icon"
    body = b"".join(response.streaming_content) if response.streaming else response.content
    assert body[:4] == b"\x00\x00\x01\x00"  # an ICO file
