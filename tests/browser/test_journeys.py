"""Reader and partner journeys through the public site in real Chromium."""

import re
from pathlib import Path

import pytest
from playwright.sync_api import expect
from wagtail.contrib.forms.models import FormSubmission

from foreign_relations.models import DirectivePage
from home.models import ContactPage

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

# window.print() is replaced so the test can see the button was used without opening a print dialog.
RECORD_PRINT = "window.print = function () { window.__printed = (window.__printed || 0) + 1; };"


def test_reader_searches_without_diacritics_opens_article_and_prints_it(page, live_server):
    page.add_init_script(RECORD_PRINT)
    page.goto(live_server.url + "/vi/")

    page.get_by_role("search").get_by_label("Tìm kiếm trên trang").fill("ngoai giao nhan dan")
    page.get_by_role("search").get_by_role("button").click()
    expect(page).to_have_url(re.compile(r"/vi/search/\?q=ngoai\+giao\+nhan\+dan"))

    results = page.locator("main h2 a[href*='/vi/tin-tuc/']")
    expect(results.first).to_be_visible()
    title = results.first.inner_text()
    assert "ngoại nhân dân" in title  # found although the query had no diacritics
    results.first.click()
    expect(page).to_have_url(re.compile(r"/vi/tin-tuc/.+/.+/$"))
    expect(page.locator("h1")).to_have_text(title)

    page.get_by_role("button", name="In bài").click()
    assert page.evaluate("window.__printed") == 1

    page.emulate_media(media="print")
    expect(page.locator(".site-header")).to_be_hidden()
    expect(page.locator(".site-footer__links")).to_be_hidden()
    expect(page.locator("h1")).to_be_visible()
    page.emulate_media(media="screen")
    expect(page.locator(".site-header")).to_be_visible()


def test_text_size_control_scales_text_and_is_remembered(page, live_server):
    page.goto(live_server.url + "/en/")
    control = page.get_by_role("group", name="Text size")
    expect(control).to_be_visible()
    base = page.evaluate("parseFloat(getComputedStyle(document.documentElement).fontSize)")

    control.get_by_role("button", name="Larger text").click()
    control.get_by_role("button", name="Larger text").click()
    expect(page.locator("html")).to_have_attribute("data-text-size", "1.25")
    assert page.evaluate("parseFloat(getComputedStyle(document.documentElement).fontSize)") == base * 1.25

    page.goto(live_server.url + "/en/partners/")  # remembered on the next page
    expect(page.locator("html")).to_have_attribute("data-text-size", "1.25")
    page.get_by_role("group", name="Text size").get_by_role("button", name="Normal text size").click()
    expect(page.locator("html")).to_have_attribute("data-text-size", "1")
    expect(page.get_by_role("button", name="Normal text size")).to_have_attribute("aria-pressed", "true")

    # The skip link is the first stop of the keyboard, shows when focused and leads to the main content.
    page.reload()
    skip = page.get_by_role("link", name="Skip to main content")
    expect(skip).not_to_be_in_viewport()
    page.keyboard.press("Tab")
    expect(skip).to_be_focused()
    expect(skip).to_be_in_viewport()
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline == "solid"  # visible focus
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"#main$"))


def test_partner_filters_directory_opens_project_downloads_directive_and_proposes_cooperation(page, live_server):
    # The demo's English directive summaries carry no file: give one the official text for this journey.
    source = DirectivePage.objects.exclude(attachment=None).first()
    directive = DirectivePage.objects.get(locale__language_code="en", slug="directive-12-ct-tw")
    DirectivePage.objects.filter(pk=directive.pk).update(attachment=source.attachment)

    page.goto(live_server.url + "/en/")
    nav = page.get_by_role("navigation", name="Main navigation")
    nav.get_by_role("link", name="Partners").click()
    expect(page).to_have_url(re.compile(r"/en/partners/$"))
    all_partners = page.locator(".fr-card").count()
    page.get_by_label("Country").select_option(label="Japan")
    page.get_by_role("button", name="Filter").click()
    expect(page).to_have_url(re.compile(r"country=JP"))
    cards = page.locator(".fr-card")
    expect(cards.first).to_be_visible()
    assert 0 < cards.count() < all_partners
    for text in cards.locator(".fr-card__meta").all_inner_texts():
        if "·" in text:
            assert "Japan" in text

    nav.get_by_role("link", name="Projects").click()
    page.get_by_role("link", name="Projects seeking funding").click()
    expect(page).to_have_url(re.compile(r"/en/projects/seeking-funding/$"))
    page.locator("main table a[href^='/en/projects/']").first.click()
    expect(page.locator("main")).to_contain_text("Seeking funding")

    page.goto(live_server.url + directive.url)
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Download the document").click()
    download = download_info.value
    assert download.failure() is None
    assert Path(download.path()).stat().st_size > 0

    nav.get_by_role("link", name="Contact").click()
    expect(page).to_have_url(re.compile(r"/en/contact/$"))
    page.get_by_label("Full name").fill("Hanna Berg")
    page.get_by_label("E-mail").fill("hanna.berg@example.org")
    page.get_by_label("Organization").fill("Nordic Clean Water Initiative")
    page.get_by_label("Purpose").select_option("Cooperation proposal")
    page.get_by_label("Subject").fill("Rainwater tanks, second phase")
    page.get_by_label("Message").fill("We would like to co-fund the second phase of the rainwater tank project.")
    before = FormSubmission.objects.count()
    page.get_by_role("button", name="Send").click()
    expect(page.locator("main h1")).to_be_visible()
    expect(page.locator("main form.portal-form")).to_have_count(0)

    contact = ContactPage.objects.get(locale__language_code="en")
    submissions = FormSubmission.objects.filter(page=contact)
    assert FormSubmission.objects.count() == before + 1
    data = submissions.latest("submit_time").get_data()
    assert data["muc_dich"] == "Cooperation proposal"
    assert data["thu_dien_tu"] == "hanna.berg@example.org"
    assert "second phase" in data["noi_dung"]
