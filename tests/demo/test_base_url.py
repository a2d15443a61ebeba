"""`make demo` on another port: links in the admin's e-mails lead to that port."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PRINT_BASE_URL = "from django.conf import settings; print(settings.WAGTAILADMIN_BASE_URL)"


def base_url(**env):
    environ = {k: v for k, v in os.environ.items() if k not in ("PORT", "WAGTAILADMIN_BASE_URL")}
    environ.update(env, DJANGO_SETTINGS_MODULE="portal.settings.dev")
    result = subprocess.run(
        [sys.executable, "-c", f"import django; django.setup(); {PRINT_BASE_URL}"],
        cwd=ROOT,
        env=environ,
        capture_output=True,
        text=True,
        check=True,
    )
    return result.stdout.strip()


def test_demo_admin_base_url_follows_the_port():
    assert base_url(PORT="8123") == "http://127.0.0.1:8123"
    assert base_url() == "http://127.0.0.1:8000"
    assert base_url(PORT="8123", WAGTAILADMIN_BASE_URL="https://portal.example") == "https://portal.example"


def test_demo_script_exports_the_port_to_the_server():
    # runserver reads the settings in its own environment: the port must be exported, not only set.
    script = (ROOT / "scripts" / "demo.sh").read_text()
    assert 'export PORT="${PORT:-8000}"' in script
