"""The album viewer with the keyboard and without JavaScript, the new pages at 390 px, and axe-core
on every new page type in both languages."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from events.models import EventIndexPage, EventPage
from galleries.models import AlbumIndexPage, AlbumPage, VideoIndexPage, VideoPage
from members.models import MemberIndexPage, MemberPage

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

NEW_TYPES = (
    EventIndexPage,
    EventPage,
    AlbumIndexPage,
    AlbumPage,
    VideoIndexPage,
    VideoPage,
    MemberIndexPage,
    MemberPage,
)
BLOCKING = {"serious", "critical"}


def album_url(lang):
    return AlbumPage.objects.live().filter(locale__language_code=lang).order_by("path").first().url


def test_album_viewer_works_with_the_keyboard(page, live_server):
    page.goto(live_server.url + album_url("vi"))
    links = page.locator("[data-gallery-item]")
    total = links.count()
    assert total >= 3
    dialog = page.locator("dialog.gl-viewer")
    expect(dialog).to_be_hidden()

    links.first.focus()
    page.keyboard.press("Enter")
    expect(dialog).to_be_visible()
    expect(page.locator("[data-viewer-count]")).to_have_text(f"Ảnh 1 / {total}")
    expect(page.locator("[data-viewer-next]")).to_be_focused()
    first_caption = page.locator("[data-viewer-caption]").inner_text()
    assert first_caption.startswith("Lễ đón đoàn")

    page.keyboard.press("ArrowRight")
    expect(page.locator("[data-viewer-count]")).to_have_text(f"Ảnh 2 / {total}")
    assert page.locator("[data-viewer-caption]").inner_text() != first_caption
    page.keyboard.press("ArrowLeft")
    page.keyboard.press("ArrowLeft")
    expect(page.locator("[data-viewer-count]")).to_have_text(f"Ảnh {total} / {total}")  # wraps around
    image = page.locator("[data-viewer-image]")
    assert image.get_attribute("alt")
    # The picture loads: wait for it rather than reading its width while it may still be on its way.
    page.wait_for_function(
        "() => { const i = document.querySelector('[data-viewer-image]'); return i.complete && i.naturalWidth > 0 }",
        timeout=10_000,
    )

    # Tab stays on the dialog's buttons; Enter on "Ảnh sau" moves on; Escape closes and gives focus back.
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.closest('dialog') !== null")
    assert focused
    page.keyboard.press("Escape")
    expect(dialog).to_be_hidden()
    expect(links.first).to_be_focused()


@pytest.mark.browser_context_args(java_script_enabled=False, viewport={"width": 390, "height": 800})
def test_album_without_javascript_is_a_plain_list_of_pictures(page, live_server):
    page.goto(live_server.url + album_url("en"))
    figures = page.locator(".gl-picture figure")
    assert figures.count() >= 3
    expect(page.locator("dialog.gl-viewer")).to_be_hidden()
    expect(figures.first.locator("figcaption")).to_contain_text("Photo:")
    # One picture per row, as wide as the column, and the link opens the large picture.
    box = figures.first.locator("img").bounding_box()
    assert box["width"] > 300
    href = figures.first.locator("a").get_attribute("href")
    assert ".width-1200." in href
    expect(page.locator("html.gl-enhanced")).to_have_count(0)  # the viewer's script did not run


def test_new_pages_fit_a_390px_screen_and_pass_axe_in_both_languages(page, live_server):
    page.set_viewport_size({"width": 390, "height": 844})
    axe = Axe()
    blocking, checked = [], 0
    for lang in ("vi", "en"):
        for model in NEW_TYPES:
            target = model.objects.live().filter(locale__language_code=lang).order_by("path").first()
            assert target is not None, (model.__name__, lang)
            response = page.goto(live_server.url + target.url)
            assert response.status == 200, target.url
            overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
            assert overflow <= 0, (target.url, overflow)
            for violation in axe.run(page).response["violations"]:
                if violation["impact"] in BLOCKING:
                    targets = [node["target"] for node in violation["nodes"]][:5]
                    blocking.append(f"{target.url} {violation['id']} ({violation['impact']}): {targets}")
            checked += 1
    assert checked == 16
    assert not blocking, "\n".join(blocking)
