"""python manage.py import_content SOURCE: bring an old site's articles into the portal.

SOURCE is a WordPress export (WXR), an RSS 2.0 or Atom feed saved as a file, or a folder mirrored
with ``wget --mirror`` (give ``--profile`` with its CSS selectors). Pictures and documents are
read from ``--media-dir`` (nothing is fetched from the network). See README, "Moving from an old site".
"""

import re
from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from wagtail.models import Collection, Locale, Site

from importer.progress import Progress, duration
from importer.run import Importer, Options, Timer
from importer.sources import SourceError, feeds, mirror, wxr
from news.models import NewsIndexPage, NewsSectionPage
from portal.text import slugify_vi

MAX_LISTED = 20
# Items written between two updates of Wagtail's search index and of the publish generation
# (importer.indexing, portal.generation): a few seconds of work.
BATCH_SIZE = 100


class Command(BaseCommand):
    help = "Import articles, pictures, documents and old addresses from a WordPress export, a feed or a mirrored site."

    def add_arguments(self, parser):
        parser.add_argument("source", help="WXR or feed file, or a mirrored site's folder.")
        parser.add_argument(
            "--format", choices=["wxr", "feed", "mirror"], help="Type of SOURCE (found out when omitted)."
        )
        parser.add_argument("--profile", help="TOML, YAML or JSON file of CSS selectors, for a mirrored folder.")
        parser.add_argument(
            "--media-dir",
            action="append",
            default=[],
            help="Folder of the old site's files, matching the old addresses' paths (repeatable; "
            "a mirrored folder is searched by default).",
        )
        parser.add_argument(
            "--map",
            action="append",
            default=[],
            metavar="CATEGORY=SECTION",
            help="Put a category's articles in a news section, e.g. tin-hoat-dong=hoat-dong-lien-hiep (repeatable).",
        )
        parser.add_argument("--default-section", help="Section for articles whose categories match none.")
        parser.add_argument("--locale", default="vi", help="Language of the imported content (default: vi).")
        parser.add_argument(
            "--translation-of",
            metavar="LOCALE",
            help="The source is the --locale translation of articles imported before in LOCALE "
            "(e.g. an English feed of a Vietnamese site): each item becomes their translation, matched "
            "by old address.",
        )
        parser.add_argument(
            "--match",
            metavar="REGEX",
            help="With --translation-of: what identifies an article in its old address (the first group), "
            "e.g. --match='-(\\d+)\\.html$'; by default the address without its host and language folder.",
        )
        parser.add_argument("--as-drafts", action="store_true", help="Import as drafts for the board to review.")
        parser.add_argument("--dry-run", action="store_true", help="Say what would be done; write nothing.")
        parser.add_argument("--user", help="Username the history names as the importer.")
        parser.add_argument("--site", help="Host name the redirects apply to (default: every site).")
        parser.add_argument("--collection", help="Image and document collection to put files in (created if needed).")
        parser.add_argument(
            "--encoding", help="Encoding of the source when it does not declare it rightly (e.g. cp1258)."
        )
        parser.add_argument("--force", action="store_true", help="Update every item, even unchanged ones.")
        parser.add_argument("--fail-fast", action="store_true", help="Stop at the first item that fails.")

    def handle(self, *args, **options):
        timer = Timer()
        source = Path(options["source"])
        if not source.exists():
            raise CommandError(_("%(path)s: no such file or folder") % {"path": source})
        kind = options["format"] or self.guess_format(source, options)
        import_options = self.import_options(options)
        media = [Path(folder) for folder in options["media_dir"]]
        for folder in media:
            if not folder.is_dir():
                raise CommandError(_("--media-dir %(path)s: no such folder") % {"path": folder})
        try:
            items, attachments, failures = self.read(source, kind, options)
        except SourceError as error:
            raise CommandError(str(error)) from error
        if kind == "mirror":
            media.append(source)
        importer = Importer(import_options, media, attachments)
        for label, message in failures:
            importer.counts["failed"] += 1
            importer.problems.append((label, message))
        if import_options.dry_run:
            self.stdout.write(_("Dry run: nothing is written."))
        importer.prepare(items)
        items = importer.order(items)
        with importer.batch():
            documents = importer.import_attachments()
        # A dry run lists every item with what would be done and why, even on a terminal.
        tty = self.stdout.isatty() and not import_options.dry_run
        progress = Progress(self.stdout, len(items), tty, options["verbosity"], import_options.dry_run)
        stop = False
        for start in range(0, len(items), BATCH_SIZE):
            with importer.batch():
                for item in items[start : start + BATCH_SIZE]:
                    outcome, detail = importer.run_item(item)
                    for warning in item.warnings:
                        importer.problems.append((item.label(), warning))
                    progress.step(outcome, item.label(), detail)
                    if outcome == "failed" and options["fail_fast"]:
                        stop = True
                        break
            if stop:
                break
        progress.finish()
        if not import_options.dry_run:
            with importer.batch():
                importer.relink()
        self.summary(importer, source, kind, len(items), documents, timer.elapsed())
        if importer.counts["failed"]:
            raise CommandError(
                ngettext(
                    "%(count)s item failed; the others were imported.",
                    "%(count)s items failed; the others were imported.",
                    importer.counts["failed"],
                )
                % {"count": importer.counts["failed"]}
            )

    # --- reading -------------------------------------------------------------------------------

    def guess_format(self, source, options):
        if source.is_dir():
            return "mirror"
        head = source.read_bytes()[:6000].decode("utf-8", "replace")
        if wxr.looks_like(head):
            return "wxr"
        if feeds.looks_like(head):
            return "feed"
        raise CommandError(
            _("%(path)s: neither a WordPress export nor an RSS or Atom feed; give --format") % {"path": source}
        )

    def read(self, source, kind, options):
        """(items, attachments, failures) of the source; failures are files that could not be read."""
        encoding = options["encoding"]
        if kind == "mirror":
            if not source.is_dir():
                raise CommandError(_("%(path)s: a mirrored site is a folder") % {"path": source})
            if not options["profile"]:
                raise CommandError(_("A mirrored folder needs --profile with the CSS selectors of its pages."))
            profile = mirror.load_profile(options["profile"])
            items, failures = [], []
            paths = mirror.files(source, profile)
            if not paths:
                raise CommandError(_("%(path)s: no file matches the profile's include patterns") % {"path": source})
            for relative, path in paths.items():
                try:
                    items.append(mirror.read_file(path, relative, profile, encoding))
                except SourceError as error:
                    failures.append((relative, str(error)))
            return items, {}, failures
        if source.is_dir():
            raise CommandError(
                _("%(path)s is a folder: give a WXR or feed file, or --format mirror") % {"path": source}
            )
        data = source.read_bytes()
        if kind == "wxr":
            items, attachments, _base = wxr.read(data, source.name, encoding)
            return items, attachments, []
        items, attachments, _base = feeds.read(data, source.name, encoding)
        return items, attachments, []

    # --- options -------------------------------------------------------------------------------

    def import_options(self, options):
        locale = Locale.objects.filter(language_code=options["locale"]).first()
        if locale is None:
            raise CommandError(_("--locale %(code)s: the site has no such language") % {"code": options["locale"]})
        index = NewsIndexPage.objects.filter(locale=locale).order_by("path").first()
        sections = {page.slug: page for page in NewsSectionPage.objects.child_of(index)} if index else {}
        section_map = {}
        for value in options["map"]:
            for pair in value.split(","):
                if not pair.strip():
                    continue
                category, sep, section = (part.strip() for part in pair.partition("="))
                if not sep or not category or not section:
                    raise CommandError(
                        _("--map “%(value)s”: write it as CATEGORY=SECTION, e.g. tin-hoat-dong=hoat-dong-lien-hiep")
                        % {"value": pair}
                    )
                if section not in sections:
                    raise CommandError(self.unknown_section("--map " + pair, section, sections))
                section_map[category] = sections[section]
                section_map[slugify_vi(category)] = sections[section]
        default_section = None
        if options["default_section"]:
            default_section = sections.get(options["default_section"])
            if default_section is None:
                raise CommandError(self.unknown_section("--default-section", options["default_section"], sections))
        user = None
        if options["user"]:
            user = get_user_model().objects.filter(**{get_user_model().USERNAME_FIELD: options["user"]}).first()
            if user is None:
                raise CommandError(_("--user %(name)s: no such user") % {"name": options["user"]})
        site = None
        if options["site"]:
            site = Site.objects.filter(hostname=options["site"]).first()
            if site is None:
                raise CommandError(_("--site %(name)s: no such site") % {"name": options["site"]})
        collection = None
        if options["collection"]:
            collection = Collection.objects.filter(name=options["collection"]).first()
            if collection is None and not options["dry_run"]:
                with transaction.atomic():
                    collection = Collection.get_first_root_node().add_child(name=options["collection"])
        translation_of = match = None
        if options["translation_of"]:
            translation_of = Locale.objects.filter(language_code=options["translation_of"]).first()
            if translation_of is None or translation_of == locale:
                raise CommandError(
                    _("--translation-of %(code)s: give another of the site's languages than --locale")
                    % {"code": options["translation_of"]}
                )
        if options["match"]:
            if translation_of is None:
                raise CommandError(_("--match goes with --translation-of"))
            try:
                match = re.compile(options["match"])
            except re.error as error:
                raise CommandError(
                    _("--match “%(value)s” is not a valid regular expression (%(reason)s)")
                    % {"value": options["match"], "reason": error}
                ) from error
        return Options(
            translation_of=translation_of,
            match=match,
            locale=locale,
            user=user,
            section_map=section_map,
            default_section=default_section,
            as_drafts=options["as_drafts"],
            dry_run=options["dry_run"],
            site=site,
            collection=collection,
            force=options["force"],
        )

    def unknown_section(self, option, slug, sections):
        return _("%(option)s: there is no news section “%(slug)s”. Sections: %(known)s") % {
            "option": option,
            "slug": slug,
            "known": ", ".join(sorted(sections)) or _("none"),
        }

    # --- summary -------------------------------------------------------------------------------

    def summary(self, importer, source, kind, total, documents, elapsed):
        counts = importer.counts
        dry = importer.options.dry_run
        write = self.stdout.write
        rate = total / elapsed if elapsed else 0
        write(
            _("%(source)s (%(kind)s): %(total)s items in %(time)s (%(rate).1f per second)")
            % {"source": source.name, "kind": kind, "total": total, "time": duration(elapsed), "rate": rate}
        )
        write(
            (
                _(
                    "  would create %(created)s, would update %(updated)s, unchanged %(unchanged)s, would skip %(skipped)s, failed %(failed)s"
                )
                if dry
                else _(
                    "  created %(created)s, updated %(updated)s, unchanged %(unchanged)s, skipped %(skipped)s, failed %(failed)s"
                )
            )
            % counts
        )
        media = importer.media
        if not dry:
            write(
                _(
                    "  images: %(images)s new, %(reused)s already imported; documents: %(documents)s new; "
                    "redirects: %(redirects)s"
                )
                % {
                    "images": media.created_images,
                    "reused": media.reused,
                    "documents": media.created_documents,
                    "redirects": importer.redirects,
                }
            )
        if importer.created_sections:
            write(_("  new sections: %(names)s") % {"names": ", ".join(importer.created_sections)})
        if importer.created_topics:
            write(_("  new topics: %(count)s") % {"count": len(importer.created_topics)})
        dropped = importer.dropped.dropped
        if dropped:
            write(
                _("  left out of bodies: %(what)s")
                % {"what": ", ".join(f"{name} ×{count}" for name, count in sorted(dropped.items()))}
            )
        if media.missing:
            write(
                self.style.WARNING(
                    _("  files not found in the media folders (%(count)s):") % {"count": len(media.missing)}
                )
            )
            for url, item in list(media.missing.items())[:MAX_LISTED]:
                write(f"    {url}" + (f" — {item.label()}" if item else ""))
            if len(media.missing) > MAX_LISTED:
                write(_("    … and %(count)s more") % {"count": len(media.missing) - MAX_LISTED})
        if media.refused:
            write(self.style.WARNING(_("  files refused (%(count)s):") % {"count": len(media.refused)}))
            for url, reason in list(media.refused.items())[:MAX_LISTED]:
                write(f"    {url}: {reason}")
        if importer.skips:
            write(_("  skipped:"))
            for label, reason in importer.skips[:MAX_LISTED]:
                write(f"    {label}: {reason}")
        if importer.problems:
            write(self.style.ERROR(_("  problems:")))
            for label, message in importer.problems[: MAX_LISTED * 5]:
                write(f"    {label}: {message}")
