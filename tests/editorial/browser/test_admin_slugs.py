"""Typing a Vietnamese title in the admin fills the slug field with the folded ASCII slug."""

import re

import pytest
from playwright.sync_api import expect

from portal.text import slugify_vi
from tests.conftest import DEMO_PASSWORD
from tests.editorial.slug_titles import TITLES

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

# The page's own slug controller (Wagtail's w-slug with the portal's formatters), as the title sync
# calls it: format, then Wagtail's cleaning.
URLIFY = """([titles]) => {
    const input = document.querySelector('#id_slug');
    const slug = window.wagtail.app.getControllerForElementAndIdentifier(input, 'w-slug');
    return titles.map((title) => slug.urlify({detail: {value: title}}, {ignoreUpdate: true, runFormat: true}));
}"""


def test_typed_titles_give_the_slugs_portal_text_gives(page, live_server):
    from news.models import NewsSectionPage

    section = NewsSectionPage.objects.filter(locale__language_code="vi").live().first()
    page.goto(live_server.url + "/admin/login/")
    page.fill("#id_username", "bientapvien")
    page.fill("#id_password", DEMO_PASSWORD)
    page.locator("form button[type=submit]").first.click()
    expect(page).to_have_url(re.compile(r"/admin/$"))

    page.goto(live_server.url + f"/admin/pages/add/news/newspage/{section.pk}/")
    title, slug = page.locator("#id_title"), page.locator("#id_slug")
    for typed, expected in (
        (
            "Đoàn đại biểu tỉnh Kampot… thăm và làm việc tại Kiên Giang",
            "doan-dai-bieu-tinh-kampot-tham-va-lam-viec-tai-kien-giang",
        ),
        ("Lễ kỷ niệm Quốc khánh Việt Nam", "le-ky-niem-quoc-khanh-viet-nam"),
    ):
        title.fill("")
        title.press_sequentially(typed)
        title.blur()
        expect(slug).to_have_value(expected)

    # A slug typed with diacritics (on the promote tab) is folded when the field is left.
    page.get_by_role("tab", name="Quảng bá").click()
    slug.fill("Hội nghị Đà Nẵng")
    slug.blur()
    expect(slug).to_have_value("hoi-nghi-da-nang")

    # The browser's folding and the server's agree on every title of the list.
    assert page.evaluate(URLIFY, [TITLES]) == [slugify_vi(t) for t in TITLES]
