"""The import itself: items of any source become news articles (or standard pages), with their
pictures, documents, topics, sections and redirects from their old addresses.

Each item is written in its own transaction; its identifier on the old site (``ImportedItem``)
makes a second run update what changed and create nothing twice.
"""

import dataclasses
import hashlib
import json
import time

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.contrib.redirects.models import Redirect
from wagtail.log_actions import log
from wagtail.models import Page, ReferenceIndex
from wagtail.signal_handlers import disable_reference_index_auto_update

from home.models import HomePage, StandardPage
from news.models import NewsIndexPage, NewsPage, NewsSectionPage, Topic
from portal.text import nfc, slugify_vi

from . import html, indexing
from .media import MediaLibrary
from .models import ImportedItem
from .sources import SourceError
from .wagtail_hooks import IMPORT_ACTION

CREATED, UPDATED, UNCHANGED, SKIPPED, FAILED = "created", "updated", "unchanged", "skipped", "failed"


class ItemError(SourceError):
    """An item that cannot be imported; the message says why."""


@dataclasses.dataclass
class Options:
    locale: object
    user: object = None
    section_map: dict = dataclasses.field(default_factory=dict)  # category slug → section page
    default_section: object = None
    as_drafts: bool = False
    dry_run: bool = False
    site: object = None
    collection: object = None
    force: bool = False


class Importer:
    def __init__(self, options, media_folders, attachments=None, report=None):
        self.options = options
        self.media = MediaLibrary(
            media_folders, collection=options.collection, dry_run=options.dry_run, user=options.user
        )
        self.attachments = attachments or {}
        self.report = report or (lambda *args: None)
        self.counts = dict.fromkeys((CREATED, UPDATED, UNCHANGED, SKIPPED, FAILED), 0)
        self.problems = []  # (item label, message)
        self.skips = []  # (item label, reason)
        self.created_sections = []
        self.created_topics = []
        self.redirects = 0
        self.dropped = html.Outcome()
        self.home = HomePage.objects.filter(locale=options.locale).order_by("path").first()
        self.index = NewsIndexPage.objects.filter(locale=options.locale).order_by("path").first()
        self.sections = {}
        if self.index is not None:
            self.sections = {page.slug: page for page in NewsSectionPage.objects.child_of(self.index)}
        self.topics = {}
        self.by_url = {}  # normalised old address → source id, for every item of the source
        self.known = set()  # source ids imported by an earlier run
        self.pages = {}  # source id → page id (known or created during this run)
        self.rights = {}
        self.slugs = {}  # parent page id → slugs of its children
        self.touched = []  # what the item being written saved, for the reference index
        self.pending_links = []  # items whose body links to articles imported after them

    # --- before the run ----------------------------------------------------------------------

    def prepare(self, items):
        """Learn every item's old addresses (links between articles) and the pages of earlier runs."""
        for item in items:
            for url in item.old_urls:
                self.by_url[_key(url)] = item.source_id
        ids = [item.source_id for item in items]
        for start in range(0, len(ids), 1000):
            for source_id, page_id in ImportedItem.objects.filter(source_id__in=ids[start : start + 1000]).values_list(
                "source_id", "page_id"
            ):
                self.known.add(source_id)
                if page_id is not None:
                    self.pages[source_id] = page_id

    # --- one item ----------------------------------------------------------------------------

    def run_item(self, item):
        """Import ``item``; returns (outcome, detail) and never lets half an article be written."""
        if item.status.startswith("skip:"):
            return self._skip(item, _("WordPress status “%(status)s”") % {"status": item.status[5:]})
        if not item.title:
            return self._skip(item, _("it has no title"))
        page_before = self.pages.get(item.source_id)
        try:
            if self.options.dry_run:
                return self._plan(item)
            # Wagtail would rebuild the page's reference index on each of its saves (creation,
            # revision, publication): it is built once, when the item is written.
            with (
                transaction.atomic(),
                disable_reference_index_auto_update(),
                indexing.indexed_once([NewsPage, StandardPage, NewsSectionPage]),
            ):
                outcome = self._write(item)
                for instance in self.touched + self.media.new_objects:
                    ReferenceIndex.create_or_update_for_object(instance)
                for instance in self.touched:
                    if isinstance(instance, Page):
                        indexing.index(instance)
                self.media.new_objects = []
                return outcome
        except Exception as error:  # noqa: BLE001 - one item's failure is reported, the import goes on
            self._forget_rolled_back(item, page_before)
            message = str(error) if isinstance(error, SourceError) else f"{type(error).__name__}: {error}"
            self.counts[FAILED] += 1
            self.problems.append((item.label(), message))
            return FAILED, message

    def _forget_rolled_back(self, item, page_before):
        """What the failed item created is gone with its transaction: so are the import's notes of it."""
        self.media.forget(self.media.new_objects)
        self.media.new_objects = []
        if page_before is None:
            self.pages.pop(item.source_id, None)
        rolled_back = {(type(obj), obj.pk) for obj in self.touched}
        if any(isinstance(obj, NewsSectionPage) for obj in self.touched) and self.index is not None:
            self.sections = {page.slug: page for page in NewsSectionPage.objects.child_of(self.index)}
            self.created_sections = [name for name in self.created_sections if slugify_vi(name) in self.sections]
        for slug, topic in list(self.topics.items()):
            if (type(topic), topic.pk) in rolled_back:
                del self.topics[slug]
                self.created_topics.remove(topic.name)
        self.slugs = {}
        self.touched = []

    def _skip(self, item, reason):
        self.counts[SKIPPED] += 1
        self.skips.append((item.label(), reason))
        return SKIPPED, reason

    def checksum(self, item):
        data = dataclasses.asdict(item)
        for key in ("line", "file", "warnings"):
            data.pop(key)
        data["as_drafts"] = self.options.as_drafts
        data["section"] = getattr(self._mapped_section(item), "pk", None)
        return hashlib.sha256(json.dumps(data, sort_keys=True, default=str).encode()).hexdigest()

    def _record(self, item):
        if item.source_id not in self.known:
            return None
        return ImportedItem.objects.filter(source_id=item.source_id).select_related("page").first()

    def _plan(self, item):
        record = self._record(item)
        if record is not None and record.page_id is None:
            return self._skip(item, _("its page was deleted on the portal"))
        checksum = self.checksum(item)
        if record is not None and record.checksum == checksum and not self.options.force:
            self.counts[UNCHANGED] += 1
            return UNCHANGED, ""
        if item.kind == "post":
            parent, new_section = self._section(item, create=False)
            where = (
                _("new section “%(name)s”") % {"name": new_section}
                if new_section
                else _("section “%(name)s”") % {"name": parent.title}
            )
        else:
            where = _("under the home page")
        if item.featured is not None:
            self._image(item.featured, item)
        html.clean(
            html.wpautop(item.body_html, shortcodes=item.source_id.startswith("wxr:")),
            _DryResolver(self, item),
            item.base_url,
            outcome=self.dropped,
        )
        outcome = UPDATED if record is not None else CREATED
        self.counts[outcome] += 1
        return outcome, where

    def _write(self, item):
        self.touched = []
        self.media.new_objects = []
        record = self._record(item)
        if record is not None and record.page_id is None:
            return self._skip(item, _("its page was deleted on the portal"))
        checksum = self.checksum(item)
        if record is not None and record.checksum == checksum and not self.options.force:
            self.counts[UNCHANGED] += 1
            return UNCHANGED, ""
        page = record.page.specific if record is not None else None
        if item.kind == "post":
            parent, _new = self._section(item, create=True)
            model = NewsPage
        else:
            parent, model = self.home, StandardPage
        if page is not None and not isinstance(page, model):
            raise ItemError(_("its page on the portal is now of another type; delete it to import again"))
        is_new = page is None
        live = item.status == "publish" and not self.options.as_drafts
        self._check_rights(parent if is_new else page, is_new, live)
        if is_new:
            page = model(live=False, locale=self.options.locale)
        hero = self._image(item.featured, item) if item.featured is not None else None
        resolver = _Resolver(self, item)
        body = html.clean(
            html.wpautop(item.body_html, shortcodes=item.source_id.startswith("wxr:")),
            resolver,
            item.base_url,
            skip_image=hero,
            outcome=self.dropped,
        )
        self._fill(page, item, hero, body)
        if is_new:
            page.slug = self._free_slug(parent, slugify_vi(page.title) or "bai-viet")
            self.slugs[parent.pk].add(page.slug)
            parent.add_child(instance=page)
        user = self.options.user
        revision = page.save_revision(user=user, log_action=not is_new, clean=False)
        if is_new:
            log(
                instance=page,
                action=IMPORT_ACTION,
                user=user,
                revision=revision,
                data={"source": item.source_id, "old_url": item.link, "file": item.file},
            )
        if live and (is_new or page.live):
            revision.publish(user=user, changed=not is_new, log_action=True)
            page.refresh_from_db(fields=["first_published_at", "last_published_at", "live"])
            type(page).objects.filter(pk=page.pk).update(
                first_published_at=item.date or page.first_published_at,
                last_published_at=max(item.modified or item.date, item.date) if item.date else page.last_published_at,
            )
        if resolver.pending:
            self.pending_links.append(item)
        self.pages[item.source_id] = page.pk
        self.touched.append(page)
        self._redirect(item, page)
        if record is None:
            ImportedItem.objects.create(
                source_id=item.source_id, page=page, checksum=checksum, old_url=item.link[:1000]
            )
        else:
            record.page, record.checksum, record.old_url = page, checksum, item.link[:1000]
            record.save()
        outcome = CREATED if is_new else UPDATED
        self.counts[outcome] += 1
        return outcome, page.url_path

    def _check_rights(self, page, is_new, live):
        """The user the history names must hold the rights the import uses: no more is given."""
        user = self.options.user
        if user is None:  # run by the server's operator, who holds every right already
            return
        key = (page.pk, is_new, live)
        if key not in self.rights:
            permissions = page.permissions_for_user(user)
            if is_new:
                allowed = permissions.can_add_subpage() and (not live or permissions.can_publish_subpage())
            else:
                allowed = permissions.can_edit() and (not live or not page.live or permissions.can_publish())
            self.rights[key] = allowed
        if not self.rights[key]:
            if live:
                message = _("%(user)s may not publish pages under “%(page)s”: use --as-drafts or another --user")
            else:
                message = _("%(user)s may not add or edit pages under “%(page)s”")
            raise ItemError(message % {"user": user.get_username(), "page": page.title})

    def _fill(self, page, item, hero, body):
        page.title = nfc(item.title)[:255]
        page.draft_title = page.title
        page.body = body
        if isinstance(page, NewsPage):
            page.lead = item.excerpt
            page.date = item.date or page.date or timezone.now()
            page.author_name = item.author[:255]
            page.hero_image = hero
            page.hero_caption = (item.featured.caption if item.featured and hero else "")[:500]
            topics = [self._topic(slug, name) for slug, name in item.tags + item.categories[1:]]
            page.topics = [topic for topic in topics if topic is not None]
        else:
            page.intro = item.excerpt

    def relink(self):
        """Second pass: bodies that linked to articles imported after them now get those pages."""
        pending, self.pending_links = self.pending_links, []
        for item in pending:
            page_id = self.pages.get(item.source_id)
            if page_id is None:
                continue
            with transaction.atomic():
                page = NewsPage.objects.filter(pk=page_id).first() or StandardPage.objects.filter(pk=page_id).first()
                if page is None:
                    continue
                page.body = html.clean(
                    html.wpautop(item.body_html, shortcodes=item.source_id.startswith("wxr:")),
                    _Resolver(self, item),
                    item.base_url,
                    skip_image=getattr(page, "hero_image", None),
                )
                revision = page.save_revision(user=self.options.user, log_action=False, clean=False)
                if page.live:
                    first, last = page.first_published_at, page.last_published_at
                    revision.publish(user=self.options.user, log_action=False)
                    type(page).objects.filter(pk=page.pk).update(first_published_at=first, last_published_at=last)

    def import_attachments(self):
        """The old site's documents (PDF, DOCX…) from its media library, each in its own transaction."""
        count = 0
        for attachment in self.attachments.values():
            if html.extension(attachment.url) not in html.DOCUMENT_EXTENSIONS:
                continue  # pictures come in with the articles that show them
            if self.options.dry_run:
                if not self.media.exists(attachment.url):
                    self.media.missing.setdefault(attachment.url, None)
                count += 1
                continue
            with transaction.atomic():
                if self.media.document(attachment.url, title=attachment.title) is not None:
                    count += 1
        return count

    # --- sections, topics, pictures, redirects ------------------------------------------------

    def _mapped_section(self, item):
        for slug, name in item.categories:
            for key in (slug, slugify_vi(name)):
                if key in self.options.section_map:
                    return self.options.section_map[key]
        return None

    def _section(self, item, create):
        """(section page, name of a section that would be created) for an article."""
        if self.index is None:
            raise ItemError(_("the site has no news page in this language to put articles under"))
        mapped = self._mapped_section(item)
        if mapped is not None:
            return mapped, None
        for slug, name in item.categories:
            for key in (slug, slugify_vi(name)):
                if key in self.sections:
                    return self.sections[key], None
        if self.options.default_section is not None:
            return self.options.default_section, None
        if not item.categories:
            raise ItemError(_("it has no category: give --default-section, or --map its category"))
        slug, name = item.categories[0]
        slug = slugify_vi(name) or slug
        if not create:
            return None, name
        self._check_rights(self.index, True, not self.options.as_drafts)
        section = NewsSectionPage(title=nfc(name), slug=slug, locale=self.options.locale)
        self.index.add_child(instance=section)
        revision = section.save_revision(user=self.options.user)
        if not self.options.as_drafts:
            revision.publish(user=self.options.user)
        self.sections[slug] = section
        self.touched.append(section)
        self.created_sections.append(name)
        return section, None

    def _topic(self, slug, name):
        slug = slugify_vi(name or slug)[:120]
        if not slug:
            return None
        if slug not in self.topics:
            topic = Topic.objects.filter(locale=self.options.locale, slug=slug).first()
            if topic is None:
                topic = Topic.objects.create(locale=self.options.locale, slug=slug, name=nfc(name)[:120])
                self.touched.append(topic)
                self.created_topics.append(name)
            self.topics[slug] = topic
        return self.topics[slug]

    def _image(self, media, item):
        return self.media.image(media.url, alt=media.alt, caption=media.caption, item=item)

    def _free_slug(self, parent, slug):
        if parent.pk not in self.slugs:  # read once per parent: thousands of articles go in one section
            self.slugs[parent.pk] = set(parent.get_children().values_list("slug", flat=True))
        taken = self.slugs[parent.pk]
        candidate, number = slug, 2
        while candidate in taken:
            candidate = f"{slug[:75]}-{number}"
            number += 1
        return candidate

    def _redirect(self, item, page):
        own = Redirect.normalise_path(page.url_path)
        paths = []
        for url in item.old_urls:
            old_path = Redirect.normalise_path(url)
            if old_path not in ("", "/") and old_path != own and old_path not in paths:
                paths.append(old_path)
        existing = {r.old_path: r for r in Redirect.objects.filter(old_path__in=paths, site=self.options.site)}
        for old_path in paths:
            redirect = existing.get(old_path)
            if redirect is None:
                Redirect.objects.create(
                    old_path=old_path, site=self.options.site, redirect_page=page, is_permanent=True
                )
            elif redirect.redirect_page_id != page.pk or not redirect.is_permanent or redirect.redirect_link:
                redirect.redirect_page, redirect.redirect_link, redirect.is_permanent = page, "", True
                redirect.save()
            self.redirects += 1


class _Resolver(html.Resolver):
    def __init__(self, importer, item):
        self.importer = importer
        self.item = item
        self.pending = False

    def image(self, url, alt="", caption=""):
        return self.importer.media.image(url, alt=alt, caption=caption, item=self.item)

    def document(self, url, text=""):
        return self.importer.media.document(url, title=text, item=self.item)

    def page(self, url):
        source_id = self.importer.by_url.get(_key(url))
        if source_id is None or source_id == self.item.source_id:
            return None
        page_id = self.importer.pages.get(source_id)
        if page_id is None:
            self.pending = True
        return page_id


class _DryResolver(_Resolver):
    def page(self, url):
        return None


def _key(url):
    """An old address without scheme, ``www.``, trailing slash or fragment, for matching links."""
    url = url.split("#", 1)[0].strip()
    for prefix in ("https://", "http://", "//"):
        if url.lower().startswith(prefix):
            url = url[len(prefix) :]
            break
    host, _sep, rest = url.partition("/")
    host = host.lower().removeprefix("www.")
    return f"{host}/{rest}".rstrip("/")


class Timer:
    def __init__(self):
        self.start = time.monotonic()

    def elapsed(self):
        return time.monotonic() - self.start
