"""A collaborator who chose Vietnamese meets no English in the admin screens of daily work.

`congtacvien` logs in through the admin login form and opens the dashboard, the editor of a news
article they wrote (every tab), the image library and the workflow task their article is waiting
in. Every visible text (and placeholder, aria-label, title) is collected; a text is untranslated
English when it holds a word of the English interface (the words of the msgids of every
catalogue the admin uses) that no Vietnamese translation uses itself (brand words such as
Wagtail, Email, URL).
"""

import re
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from playwright.sync_api import expect
from wagtail.models import Locale, Page

from editorial.setup import apply_editorial_setup

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

ARTICLE_TITLE = "Đoàn đại biểu Liên hiệp tỉnh thăm và làm việc tại tỉnh Champasak"
# Proper names and brand words that are the same in both languages.
ALLOWED = {"wagtail", "localize", "english", "email", "url", "id", "html", "seo", "api", "json", "pdf", "champasak"}

COLLECT_TEXTS = """
() => {
  const texts = new Set();
  const skip = new Set(["SCRIPT", "STYLE", "NOSCRIPT", "TEMPLATE"]);
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const el = node.parentElement;
    const text = node.textContent.replace(/\\s+/g, " ").trim();
    if (!text || !el || skip.has(el.tagName) || !el.checkVisibility({visibilityProperty: true})) continue;
    texts.add(text);
  }
  for (const el of document.querySelectorAll("[placeholder], [aria-label], [title]")) {
    if (!el.checkVisibility({visibilityProperty: true})) continue;
    for (const attr of ["placeholder", "aria-label", "title"]) {
      const value = (el.getAttribute(attr) || "").replace(/\\s+/g, " ").trim();
      if (value) texts.add(value);
    }
  }
  return [...texts];
}
"""

WORD = re.compile(r"[A-Za-z]{3,}")
NOISE = re.compile(r"%\([^)]*\)[sd]|%[sd]|\{[^}]*\}|<[^>]+>|&[a-z]+;")
# URLs, paths, e-mail addresses, file names: not interface words.
TECHNICAL = re.compile(r"\S*[/@]\S*|\S+\.(?:jpe?g|png|gif|webp|svg|pdf|txt|docx?)\b", re.IGNORECASE)


def catalogue_files(language):
    site_packages = Path(polib.__file__).resolve().parent
    yield from site_packages.glob(f"wagtail*/**/locale/{language}/LC_MESSAGES/*.po")
    yield from site_packages.glob(f"taggit/locale/{language}/LC_MESSAGES/*.po")
    base = Path(settings.BASE_DIR)
    yield from base.glob(f"*/locale/{language}/LC_MESSAGES/django.po")
    yield from base.glob(f"locale/{language}/LC_MESSAGES/django.po")
    yield from base.glob(f"locale_wagtail/*/{language}/LC_MESSAGES/*.po")


def words(text):
    return {w.lower() for w in WORD.findall(NOISE.sub(" ", text))}


def english_vocabulary():
    """Words of the English interface that never occur in its Vietnamese translation."""
    english, vietnamese = set(), set()
    for path in catalogue_files("en"):
        for entry in polib.pofile(str(path)):
            english |= words(entry.msgid) | words(entry.msgid_plural or "")
    for path in catalogue_files("vi"):
        for entry in polib.pofile(str(path)).translated_entries():
            vietnamese |= words(entry.msgstr) | {w for s in entry.msgstr_plural.values() for w in words(s)}
    return english - vietnamese - ALLOWED


@pytest.fixture
def article(home_vi):
    """A draft news article by the collaborator, submitted into the news workflow."""
    from news.models import NewsIndexPage, NewsPage, NewsSectionPage

    author = get_user_model().objects.get(username="congtacvien")
    vi = Locale.objects.get(language_code="vi")
    section = NewsSectionPage.objects.filter(locale=vi).first()
    if section is None:
        index = NewsIndexPage.objects.filter(locale=vi).first()
        if index is None:
            index = home_vi.add_child(instance=NewsIndexPage(title="Tin tức", slug="tin-tuc"))
        section = index.add_child(instance=NewsSectionPage(title="Hoạt động đối ngoại", slug="hoat-dong-doi-ngoai"))
    apply_editorial_setup()
    page = NewsPage(
        title=ARTICLE_TITLE,
        slug="doan-dai-bieu-lien-hiep-tinh-tham-champasak",
        lead="Đoàn đã trao đổi về chương trình hợp tác hữu nghị giai đoạn tới.",
        owner=author,
        live=False,
    )
    section.add_child(instance=page)
    revision = page.save_revision(user=author)
    workflow = page.get_workflow()
    assert workflow is not None, "the news workflow is attached to the Vietnamese site"
    state = workflow.start(page, author)
    assert Page.objects.get(pk=page.pk).get_latest_revision().pk == revision.pk
    return page, state


def untranslated(texts, vocabulary):
    found = []
    for text in texts:
        hits = sorted(words(TECHNICAL.sub(" ", text)) & vocabulary)
        if hits:
            found.append(f"{text!r} ({', '.join(hits)})")
    return found


def test_collaborator_meets_no_english_in_the_admin(page, live_server, article, demo_password):
    article_page, workflow_state = article
    vocabulary = english_vocabulary()
    assert {"publish", "workflow", "draft", "collection"} <= vocabulary
    problems = {}

    def check(screen):
        page.wait_for_load_state("networkidle")
        found = untranslated(page.evaluate(COLLECT_TEXTS), vocabulary)
        if found:
            problems.setdefault(screen, []).extend(found)

    page.goto(live_server.url + "/admin/login/")
    expect(page.locator("html")).to_have_attribute("lang", "vi")
    check("login")
    page.fill("input[name=username]", "congtacvien")
    page.fill("input[name=password]", demo_password)
    page.locator("form button[type=submit]").click()
    expect(page).to_have_url(re.compile(r"/admin/$"))
    expect(page.locator("html")).to_have_attribute("lang", "vi")
    check("dashboard")

    page.goto(f"{live_server.url}/admin/pages/{article_page.pk}/edit/")
    expect(page.locator("h1")).to_contain_text(ARTICLE_TITLE[:20])
    tabs = page.get_by_role("tab")
    for i in range(tabs.count()):
        tabs.nth(i).click()
        expect(tabs.nth(i)).to_have_attribute("aria-selected", "true")
        check(f"page editor, tab {i + 1}")
    toggles = page.locator("button[data-side-panel-toggle]")
    for i in range(toggles.count()):
        name = toggles.nth(i).get_attribute("data-side-panel-toggle")
        if name == "preview":
            continue
        toggles.nth(i).click()
        expect(page.locator(f"[data-side-panel='{name}']")).to_be_visible()
        check(f"page editor, side panel {name}")
    page.goto(f"{live_server.url}/admin/pages/{article_page.pk}/workflow_history/")
    check("workflow history")
    page.goto(f"{live_server.url}/admin/pages/{article_page.pk}/workflow_history/detail/{workflow_state.pk}/")
    expect(page.get_by_text("Biên tập viên duyệt").first).to_be_visible()
    check("workflow task")

    page.goto(live_server.url + "/admin/images/")
    check("image library")
    page.goto(live_server.url + "/admin/images/multiple/add/")
    check("image upload")

    report = "\n".join(f"{screen}:\n  " + "\n  ".join(found) for screen, found in problems.items())
    assert not problems, "Untranslated English in the admin:\n" + report
