import re

import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_reader_opens_vietnamese_home_switches_to_english_and_back(page, live_server):
    page.goto(live_server.url + "/")
    expect(page).to_have_url(re.compile(r"/vi/$"))
    expect(page.locator("html")).to_have_attribute("lang", "vi")
    expect(page.locator(".site-footer")).to_contain_text("15/GP")

    page.get_by_role("link", name="English").click()
    expect(page).to_have_url(re.compile(r"/en/$"))
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.locator(".site-footer")).to_contain_text("An Giang Union of Friendship Organizations")

    # The About page exists in both languages: the switcher keeps the reader on it.
    page.get_by_role("navigation", name="Main navigation").get_by_role("link", name="About us").click()
    expect(page).to_have_url(re.compile(r"/en/about/$"))
    page.get_by_role("link", name="Tiếng Việt").click()
    expect(page).to_have_url(re.compile(r"/vi/gioi-thieu/$"))
    expect(page.locator("h1")).to_have_text("Giới thiệu")
