"""Save full-page screenshots of every public page type at desktop and phone widths, for design review."""

import os
import shutil
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

WIDTHS = (1280, 390)
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"]
SEARCH_TERMS = {"vi": "ngoai giao nhan dan", "en": "friendship"}


def key_pages(lang):
    """(name, path, expected status) of every page type of one language, from this site's database:
    each page type, the listings' filtered views, a search and "page not found"."""
    from events.models import EventIndexPage, EventPage
    from foreign_relations.models import (
        AidProjectPage,
        DirectiveIndexPage,
        DirectivePage,
        PartnerIndexPage,
        PartnerPage,
        ProjectIndexPage,
    )
    from galleries.models import AlbumIndexPage, AlbumPage, VideoIndexPage, VideoPage
    from home.models import ContactPage, HomePage, StandardPage
    from members.models import MemberIndexPage, MemberPage
    from news.models import NewsIndexPage, NewsPage, NewsSectionPage, Topic

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
        ("events", EventIndexPage),
        ("event", EventPage),
        ("albums", AlbumIndexPage),
        ("album", AlbumPage),
        ("videos", VideoIndexPage),
        ("video", VideoPage),
        ("member-associations", MemberIndexPage),
        ("member-association", MemberPage),
        ("standard-page", StandardPage),
        ("contact", ContactPage),
    ]
    pages = []
    for name, model in models:
        page = model.objects.live().public().filter(locale__language_code=lang).order_by("path").first()
        if page is None:
            continue
        pages.append((name, page.url, 200))
        if model is NewsIndexPage:
            topic = Topic.objects.filter(locale__language_code=lang, pages__live=True).order_by("slug").first()
            if topic is not None:
                pages.append(("news-by-topic", f"{page.url}?topic={topic.slug}", 200))
        if model is ProjectIndexPage:
            pages.append(("projects-seeking-funding", page.seeking_path(), 200))
    pages.append(("search", f"/{lang}/search/?q={SEARCH_TERMS[lang].replace(' ', '+')}", 200))
    pages.append(("sitemap", {"vi": "/vi/so-do-trang/", "en": "/en/sitemap/"}[lang], 200))
    pages.append(("not-found", f"/{lang}/khong-co-trang-nay/", 404))
    return pages


def save(png, target, image_format, quality, max_height):
    """Write the screenshot, cut to ``max_height`` px when it is longer, as PNG or JPEG."""
    import io

    from PIL import Image

    picture = Image.open(io.BytesIO(png))
    if max_height and picture.height > max_height:
        picture = picture.crop((0, 0, picture.width, max_height))
    if image_format == "jpeg":
        picture.convert("RGB").save(target, "JPEG", quality=quality, optimize=True, progressive=True)
    else:
        picture.save(target, "PNG", optimize=True)


class Command(BaseCommand):
    help = "Save screenshots of every public page type (both languages, 1280 and 390 px wide) with Chromium."

    def add_arguments(self, parser):
        parser.add_argument("--base-url", default="http://127.0.0.1:8000", help="Address of the running site.")
        parser.add_argument("--out", default="screenshots", help="Folder for the pictures (created if missing).")
        parser.add_argument(
            "--format",
            dest="image_format",
            choices=("png", "jpeg"),
            default="png",
            help="png (lossless) or jpeg (much smaller, for committing: docs/screenshots/).",
        )
        parser.add_argument("--quality", type=int, default=70, help="JPEG quality, 1–100 (default 70).")
        parser.add_argument(
            "--max-height", type=int, default=0, help="Keep only the top of longer pages, in px (default: all)."
        )

    def handle(self, *args, base_url, out, image_format, quality, max_height, **options):
        from playwright.sync_api import Error as PlaywrightError
        from playwright.sync_api import sync_playwright

        chromium = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium")
        if not chromium:
            raise CommandError("Chromium is not installed (apt-get install chromium, or set CHROMIUM_PATH).")
        folder = Path(out)
        folder.mkdir(parents=True, exist_ok=True)
        base_url = base_url.rstrip("/")
        pages = [(lang, name, path, status) for lang in ("vi", "en") for name, path, status in key_pages(lang)]
        extension = "jpg" if image_format == "jpeg" else "png"
        saved = 0
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
            try:
                for width in WIDTHS:
                    context = browser.new_context(viewport={"width": width, "height": 900})
                    tab = context.new_page()
                    for lang, name, path, expected in pages:
                        target = folder / f"{lang}-{name}-{width}.{extension}"
                        try:
                            response = tab.goto(base_url + path, wait_until="load")
                        except PlaywrightError as error:
                            raise CommandError(f"Cannot open {base_url + path}: {error.message}") from error
                        if response is None or response.status != expected:
                            status = response.status if response else "no response"
                            self.stderr.write(f"{path}: HTTP {status}, skipped")
                            continue
                        save(tab.screenshot(full_page=True), target, image_format, quality, max_height)
                        saved += 1
                        self.stdout.write(str(target))
                    context.close()
            finally:
                browser.close()
        self.stdout.write(self.style.SUCCESS(f"{saved} screenshots saved in {folder}/"))
