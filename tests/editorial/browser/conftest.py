"""Chromium through Playwright, with the settings of tests/browser; the journeys' screenshots."""

import re

from playwright.sync_api import expect

from tests.browser.conftest import (  # noqa: F401
    browser_context_args,
    browser_type_launch_args,
    screenshot_dir,
    shoot,
)
from tests.conftest import DEMO_PASSWORD


def log_in(page, live_server, username):
    page.context.clear_cookies()
    page.goto(live_server.url + "/admin/login/")
    page.locator("#id_username").fill(username)
    page.locator("#id_password").fill(DEMO_PASSWORD)
    page.locator("form button[type=submit], form input[type=submit]").first.click()
    expect(page).to_have_url(re.compile(r"/admin/$"))
