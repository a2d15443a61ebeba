"""The Wagtail admin, wagtail-localize's translation editor and the public pages work in Chromium
under the portal's Content Security Policy: no violation is reported."""

import pytest
from playwright.sync_api import expect
from wagtail.models import Locale

from home.models import StandardPage

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

COLLECT = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (e) => {
  window.__cspViolations.push(e.violatedDirective + " " + e.blockedURI + " " + (e.sourceFile || ""));
});
"""


def watch(page):
    page.add_init_script(COLLECT)
    messages = []
    page.on("console", lambda m: "Content Security Policy" in m.text and messages.append(m.text))
    return messages


def violations(page, messages):
    return page.evaluate("window.__cspViolations") + messages


def test_admin_editor_and_translation_editor_load_without_csp_violations(page, live_server, demo_password):
    messages = watch(page)
    page.goto(live_server.url + "/admin/login/")
    assert (
        "'unsafe-inline'"
        in page.context.request.get(live_server.url + "/admin/login/").headers["content-security-policy"]
    )
    page.fill("#id_username", "admin")
    page.fill("#id_password", demo_password)
    page.get_by_role("button", name="Đăng nhập").or_(page.get_by_role("button", name="Sign in")).first.click()
    expect(page).to_have_url(live_server.url + "/admin/")

    vi = Locale.objects.get(language_code="vi")
    about = StandardPage.objects.get(locale=vi, slug="gioi-thieu")
    page.goto(f"{live_server.url}/admin/pages/{about.pk}/edit/")
    expect(page.locator("#id_title")).to_have_value("Giới thiệu")
    # The StreamField editor is built by JavaScript: its blocks only appear when scripts run.
    expect(page.locator("[data-streamfield-stream-container], .stream-field, [data-block]").first).to_be_attached()
    assert violations(page, messages) == [], violations(page, messages)

    about_en = about.get_translation(Locale.objects.get(language_code="en"))
    page.goto(f"{live_server.url}/admin/pages/{about_en.pk}/edit/")
    # wagtail-localize's React editor renders into .js-translation-editor.
    expect(page.locator(".js-translation-editor")).not_to_be_empty()
    expect(page.get_by_text("About us").first).to_be_visible()
    assert violations(page, messages) == [], violations(page, messages)


def test_public_pages_run_their_script_without_csp_violations(page, live_server):
    messages = watch(page)
    for path in ["/vi/", "/en/contact/", "/vi/search/?q=ngoai+giao"]:
        page.goto(live_server.url + path)
        expect(page.locator("main")).to_be_visible()
    assert violations(page, messages) == [], violations(page, messages)
