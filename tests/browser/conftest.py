"""Browser tests: real Chromium (Debian's package) driven by Playwright against the live server."""

import os
import shutil
from pathlib import Path

import pytest

# The ORM is used from the thread Playwright's sync API runs in.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]


def chromium_path():
    path = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium")
    if not path:
        raise RuntimeError("Chromium is not installed: run the suite with `make test`, which installs it.")
    return path


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {**browser_type_launch_args, "executable_path": chromium_path(), "args": CHROMIUM_ARGS}


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    return {**browser_context_args, "locale": "vi-VN", "viewport": {"width": 1280, "height": 900}}


SCREENSHOTS_ENV = "PORTAL_SCREENSHOTS"


@pytest.fixture(scope="session")
def screenshot_dir(tmp_path_factory):
    """Where the journeys save their screenshots: $PORTAL_SCREENSHOTS, else pytest's temporary
    directory (…/screenshots0/ under /tmp/pytest-of-<user>/; pytest keeps the last three runs)."""
    configured = os.environ.get(SCREENSHOTS_ENV)
    directory = Path(configured) if configured else tmp_path_factory.mktemp("screenshots")
    directory.mkdir(parents=True, exist_ok=True)
    return directory


@pytest.fixture
def shoot(page, screenshot_dir):
    """shoot("name") saves the page as <screenshot_dir>/<name>.png and returns the path."""

    def save(name, full_page=False):
        path = screenshot_dir / f"{name}.png"
        page.screenshot(path=str(path), full_page=full_page)
        assert path.stat().st_size > 0
        return path

    return save
