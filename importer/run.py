"""The import itself: items of any source become news articles (or standard pages), with their
pictures, documents, topics, sections and redirects from their old addresses.

Each item is written in its own transaction; its identifier on the old site (``ImportedItem``)
makes a second run update what changed and create nothing twice.
"""

import dataclasses
import hashlib
import json
import time
from contextlib import contextmanager

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.contrib.redirects.models import Redirect
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.log_actions import log
from wagtail.models import Locale, Page, ReferenceIndex
from wagtail.signal_handlers import disable_reference_index_auto_update
from wagtail.signals import page_published, published

from home.models import HomePage, StandardPage
from news.models import NewsIndexPage, NewsPage, NewsSectionPage, Topic
from portal import generation
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
    translation_of: object = None  # the source locale when the whole source is a translation (feeds)
    match: object = None  # compiled pattern whose first group identifies an article in its old address


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
        self.index_batch = None  # objects for Wagtail's search index, while a batch is written
        self.source_locale = options.translation_of or options.locale
        self.locales = {locale.language_code.lower(): locale for locale in Locale.objects.all()}
        self.groups = {}  # translation group → source id of its item in the source language
        self.titles = {}  # source id → title, for the dry run's report of translations
        self.counterparts = {}  # address key → page id of an earlier import in the source language

    # --- before the run ----------------------------------------------------------------------

    def prepare(self, items):
        """Learn every item's old addresses (links between articles) and the pages of earlier runs."""
        for item in items:
            for url in item.old_urls:
                self.by_url[_key(url)] = item.source_id
            self.titles[item.source_id] = item.title
            if item.translation_group and self.locale_of(item) == self.source_locale:
                self.groups.setdefault(item.translation_group, item.source_id)
        if self.options.translation_of is not None:
            self._learn_counterparts()
        ids = [item.source_id for item in items]
        for start in range(0, len(ids), 1000):
            for source_id, page_id in ImportedItem.objects.filter(source_id__in=ids[start : start + 1000]).values_list(
                "source_id", "page_id"
            ):
                self.known.add(source_id)
                if page_id is not None:
                    self.pages[source_id] = page_id

    def order(self, items):
        """Items in the order they can be written: the source language's before their translations,
        and a page after the page it sits under."""
        by_id = {item.source_id: item for item in items}
        ordered, placed = [], set()
        for wanted_translations in (False, True):
            for item in items:
                if (self.locale_of(item) != self.source_locale) != wanted_translations:
                    continue
                chain, seen, current = [], set(), item
                while current is not None and current.source_id not in placed and current.source_id not in seen:
                    chain.append(current)
                    seen.add(current.source_id)
                    parent = by_id.get(current.parent)
                    same_side = parent is not None and (
                        (self.locale_of(parent) != self.source_locale) == wanted_translations
                    )
                    current = parent if same_side else None
                for ancestor in reversed(chain):
                    placed.add(ancestor.source_id)
                    ordered.append(ancestor)
        return ordered

    def locale_of(self, item):
        """The portal's locale for ``item`` (its own language, else the import's), or None when the
        portal has no such language."""
        if self.options.translation_of is not None or not item.language:
            return self.options.locale
        code = item.language.lower()
        return self.locales.get(code) or self.locales.get(code.split("-")[0])

    def _learn_counterparts(self):
        """Address keys of the articles imported before in the source language, for matching a
        source that is their translation (an English feed of a Vietnamese site)."""
        records = ImportedItem.objects.filter(page__locale=self.options.translation_of).values_list(
            "source_id", "old_url", "page_id"
        )
        for source_id, old_url, page_id in records.iterator():
            for text in (old_url, source_id.split(":", 1)[-1]):
                key = self._match_key(text)
                if key:
                    self.counterparts.setdefault(key, page_id)

    def _match_key(self, text):
        if not text:
            return ""
        if self.options.match is not None:
            found = self.options.match.search(text)
            return (found.group(1) if found.groups() else found.group(0)) if found else ""
        key = _key(text)
        host, _sep, path = key.partition("/")
        first, _sep, rest = path.partition("/")
        if first.lower() in self.locales or first.lower().split("-")[0] in self.locales:
            path = rest  # /en/tin-tuc/a.html and /tin-tuc/a.html are one article
        return path.rstrip("/")

    def _source_page(self, item):
        """The page in the source language that ``item`` translates, or None."""
        page_id = None
        if item.translation_group:
            source_id = self.groups.get(item.translation_group)
            page_id = self.pages.get(source_id) if source_id else None
        elif self.options.translation_of is not None:
            for text in (item.link, *item.old_urls, item.source_id.split(":", 1)[-1]):
                page_id = self.counterparts.get(self._match_key(text))
                if page_id is not None:
                    break
        if page_id is None:
            return None
        page = Page.objects.filter(pk=page_id).first()
        return page.specific if page is not None else None

    def _untranslatable(self, item, target):
        """Why ``item`` (a translation) cannot be imported now, or None."""
        if target is None:
            return _("its language “%(code)s” is not one of the portal's") % {"code": item.language}
        if target == self.source_locale:
            return None
        if not item.translation_group and self.options.translation_of is None:
            return _("it is in %(language)s and has no version in %(source)s in the source") % {
                "language": target.get_display_name(),
                "source": self.source_locale.get_display_name(),
            }
        return None

    # --- one item ----------------------------------------------------------------------------

    def run_item(self, item):
        """Import ``item``; returns (outcome, detail) and never lets half an article be written."""
        if item.status.startswith("skip:"):
            return self._skip(item, _("WordPress status “%(status)s”") % {"status": item.status[5:]})
        if not item.title:
            return self._skip(item, _("it has no title"))
        reason = self._untranslatable(item, self.locale_of(item))
        if reason:
            return self._skip(item, reason)
        page_before = self.pages.get(item.source_id)
        try:
            if self.options.dry_run:
                return self._plan(item)
            # Wagtail would rebuild the page's reference index on each of its saves (creation,
            # revision, publication): it is built once, when the item is written.
            with transaction.atomic(), disable_reference_index_auto_update():
                outcome = self._write(item)
                written = self.touched + self.media.new_objects
                for instance in written:
                    ReferenceIndex.create_or_update_for_object(instance)
                self.media.new_objects = []
            self._committed(written)
            return outcome
        except Exception as error:  # noqa: BLE001 - one item's failure is reported, the import goes on
            self._forget_rolled_back(item, page_before)
            message = str(error) if isinstance(error, SourceError) else f"{type(error).__name__}: {error}"
            self.counts[FAILED] += 1
            self.problems.append((item.label(), message))
            return FAILED, message

    @contextmanager
    def batch(self):
        """Write a batch of items (each still in its own transaction): what Wagtail and the portal
        would do on each save of each page and picture is done once for the batch. The publish
        generation (``portal.generation``) moves once when the batch ends, and Wagtail's search
        index is updated in bulk (``importer.indexing``)."""
        models = [Page, get_image_model(), get_document_model()]
        with generation.deferred(), indexing.deferred(models) as index:
            self.index_batch = index
            try:
                yield
            finally:
                self.index_batch = None

    def _committed(self, objects):
        """``objects`` were saved by an item whose transaction committed."""
        if self.index_batch is not None:
            self.index_batch.add(objects)

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
        for key in ("parent", "language", "translation_group"):  # unchanged checksums for one-language sources
            if not data[key]:
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
        target = self.locale_of(item)
        if target != self.source_locale:
            source_id = self.groups.get(item.translation_group)
            source = self._source_page(item) if record is None else None
            if record is None and (source is not None or source_id is None):
                reason = self._no_translation(source, target)
                if reason:
                    return self._skip(item, reason)
            title = source.title if source is not None else self.titles.get(source_id, "")
            where = _("%(language)s translation of “%(title)s”") % {
                "language": target.get_display_name(),
                "title": title or (record.page.title if record else ""),
            }
        elif item.kind == "post":
            parent, new_section = self._section(item, create=False)
            where = (
                _("new section “%(name)s”") % {"name": new_section}
                if new_section
                else _("section “%(name)s”") % {"name": parent.title}
            )
        elif item.parent and item.parent in self.titles:
            where = _("under “%(title)s”") % {"title": self.titles[item.parent]}
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
        target = self.locale_of(item)
        source = None
        if target != self.source_locale and page is None:
            source = self._source_page(item)
            reason = self._no_translation(source, target)
            if reason:
                return self._skip(item, reason)
        if target != self.source_locale:
            parent, model = self._translation_place(source, target, page)
        elif item.kind == "post":
            parent, _new = self._section(item, create=True)
            model = NewsPage
        else:
            parent, model = self._page_parent(item), StandardPage
        if page is not None and not isinstance(page, model):
            raise ItemError(_("its page on the portal is now of another type; delete it to import again"))
        is_new = page is None
        live = item.status == "publish" and not self.options.as_drafts
        self._check_rights(parent if is_new else page, is_new, live)
        if is_new:
            page = model(live=False, locale=target)
            if source is not None:
                page.translation_key = source.translation_key  # the language switcher links the two
        hero = self._image(item.featured, item) if item.featured is not None else None
        resolver = _Resolver(self, item)
        body = html.clean(
            html.wpautop(item.body_html, shortcodes=item.source_id.startswith("wxr:")),
            resolver,
            item.base_url,
            skip_image=hero,
            outcome=self.dropped,
        )
        self._fill(page, item, hero, body, source)
        born_live = is_new and live
        if born_live:
            # A new article that was published on the old site is written live at once, with its
            # old dates: one validated save, one revision (see _go_live), instead of a draft that
            # is then published (three saves, two validations, the revision read back).
            page.live, page.has_unpublished_changes = True, False
            page.first_published_at = item.date or timezone.now()
            page.last_published_at = (
                max(item.modified or item.date, item.date) if item.date else page.first_published_at
            )
        if is_new:
            page.slug = self._free_slug(parent, slugify_vi(page.title) or "bai-viet")
            self.slugs[parent.pk].add(page.slug)
            parent.add_child(instance=page)
        user = self.options.user
        revision = page.save_revision(user=user, log_action=not is_new, clean=False, changed=not born_live)
        if is_new:
            log(
                instance=page,
                action=IMPORT_ACTION,
                user=user,
                revision=revision,
                data={"source": item.source_id, "old_url": item.link, "file": item.file},
            )
        if born_live:
            self._go_live(page, revision)
        elif live and page.live:  # an update of a live page: its new revision is published
            revision.publish(user=user, log_action=True)
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

    def _go_live(self, page, revision):
        """``page``, saved live with its content, gets ``revision`` (its only one) as its live
        revision; the history records the publication and the receivers of Wagtail's publish
        signals run (the page cache's generation, the CDN purge of the section lists, the
        editorial setup of a new section), as they do when a revision is published."""
        Page.objects.filter(pk=page.pk).update(live_revision=revision)
        page.live_revision = revision
        log(instance=page, action="wagtail.publish", user=self.options.user, revision=revision, content_changed=True)
        published.send(sender=type(page), instance=page, revision=revision)
        page_published.send(sender=type(page), instance=page, revision=revision)

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

    def _page_parent(self, item):
        """Where a WordPress page goes: under the page it sat under on the old site (imported
        before it), else under the home page."""
        if item.parent:
            page_id = self.pages.get(item.parent)
            parent = Page.objects.filter(pk=page_id, locale=self.options.locale).first() if page_id else None
            if parent is not None:
                return parent.specific
            item.warnings.append(_("the page it sat under was not imported: it goes under the home page"))
        if self.home is None:
            raise ItemError(_("the site has no home page in this language"))
        return self.home

    def _no_translation(self, source, target):
        """Why a new translation of ``source`` cannot be written, or None."""
        if source is None:
            return _("its version in %(source)s was not imported, so it has nothing to be the translation of") % {
                "source": self.source_locale.get_display_name()
            }
        existing = source.get_translation_or_none(target)
        if existing is not None:
            return _("“%(title)s” already has a version in %(language)s on the portal (“%(other)s”)") % {
                "title": source.title,
                "language": target.get_display_name(),
                "other": existing.title,
            }
        return None

    def _translation_place(self, source, target, page):
        """(parent, page type) of a translation: an imported one stays where it is; a new one goes
        under the translation of its source page's parent, in the target language's tree."""
        if page is not None:
            return page.get_parent().specific, type(page)
        if not isinstance(source, (NewsPage, StandardPage)):
            raise ItemError(_("“%(title)s” is not an article or a standard page") % {"title": source.title})
        parent = source.get_parent().get_translation_or_none(target)
        if parent is None:
            raise ItemError(
                _("“%(parent)s” has no version in %(language)s to put the translation under: translate it first")
                % {"parent": source.get_parent().title, "language": target.get_display_name()}
            )
        return parent.specific, type(source)

    def _fill(self, page, item, hero, body, source=None):
        page.title = nfc(item.title)[:255]
        page.draft_title = page.title
        page.body = body
        if isinstance(page, NewsPage):
            page.lead = item.excerpt
            page.date = item.date or page.date or timezone.now()
            page.author_name = item.author[:255]
            page.hero_image = hero
            page.hero_caption = (item.featured.caption if item.featured and hero else "")[:500]
            if page.locale_id != self.source_locale.pk:
                # A translation shows the translations of its source's topics, as wagtail-localize
                # would synchronise them; the old site's tags in this language are not new topics.
                if source is not None:
                    translated = (topic.get_translation_or_none(page.locale) for topic in source.topics.all())
                    page.topics = [topic for topic in translated if topic is not None]
            else:
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
            self._committed([page])

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
                written, self.media.new_objects = self.media.new_objects, []
            self._committed(written)
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
        Redirect.objects.bulk_create(
            [
                Redirect(old_path=old_path, site=self.options.site, redirect_page=page, is_permanent=True)
                for old_path in paths
                if old_path not in existing
            ]
        )
        self.redirects += len(paths) - len(existing)
        for redirect in existing.values():
            if redirect.redirect_page_id != page.pk or not redirect.is_permanent or redirect.redirect_link:
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
