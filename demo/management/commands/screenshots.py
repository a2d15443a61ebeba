"""Save full-page screenshots of the key public pages at desktop and phone widths, for design review."""

import os
import shutil
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

WIDTHS = (1280, 390)
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"]
SEARCH_TERMS = {"vi": "ngoai giao nhan dan", "en": "friendship"}


def key_pages(lang):
    """(name, path) of the key pages of one language, taken from this site's database."""
    from foreign_relations.models import (
        AidProjectPage,
        DirectiveIndexPage,
        DirectivePage,
        PartnerIndexPage,
        PartnerPage,
        ProjectIndexPage,
    )
    from home.models import ContactPage, HomePage
    from news.models import NewsIndexPage, NewsPage, NewsSectionPage

    models = [
        ("home", HomePage),
        ("news", NewsIndexPage),
        ("news-section", NewsSectionPage),
        ("article", NewsPage),
        ("partners", PartnerIndexPage),
        ("partner", PartnerPage),
        ("projects", ProjectIndexPage),
        ("project", AidProjectPage),
        ("documents", DirectiveIndexPage),
        ("document", DirectivePage),
        ("contact", ContactPage),
    ]
    pages = []
    for name, model in models:
        page = model.objects.live().filter(locale__language_code=lang).order_by("path").first()
        if page is not None:
            pages.append((name, page.url))
    pages.append(("search", f"/{lang}/search/?q={SEARCH_TERMS[lang].replace(' ', '+')}"))
    return pages


class Command(BaseCommand):
    help = "Save screenshots of the key public pages (both languages, 1280 and 390 px wide) with Chromium."

    def add_arguments(self, parser):
        parser.add_argument("--base-url", default="http://127.0.0.1:8000", help="Address of the running site.")
        parser.add_argument("--out", default="screenshots", help="Folder for the PNG files (created if missing).")

    def handle(self, *args, base_url, out, **options):
        from playwright.sync_api import Error as PlaywrightError
        from playwright.sync_api import sync_playwright

        chromium = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium")
        if not chromium:
            raise CommandError("Chromium is not installed (apt-get install chromium, or set CHROMIUM_PATH).")
        folder = Path(out)
        folder.mkdir(parents=True, exist_ok=True)
        base_url = base_url.rstrip("/")
        pages = [(lang, name, path) for lang in ("vi", "en") for name, path in key_pages(lang)]
        saved = 0
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
            try:
                for width in WIDTHS:
                    context = browser.new_context(viewport={"width": width, "height": 900})
                    tab = context.new_page()
                    for lang, name, path in pages:
                        target = folder / f"{lang}-{name}-{width}.png"
                        try:
                            response = tab.goto(base_url + path, wait_until="load")
                        except PlaywrightError as error:
                            raise CommandError(f"Cannot open {base_url + path}: {error.message}") from error
                        if response is None or response.status != 200:
                            status = response.status if response else "no response"
                            self.stderr.write(f"{path}: HTTP {status}, skipped")
                            continue
                        tab.screenshot(path=str(target), full_page=True)
                        saved += 1
                        self.stdout.write(str(target))
                    context.close()
            finally:
                browser.close()
        self.stdout.write(self.style.SUCCESS(f"{saved} screenshots saved in {folder}/"))
