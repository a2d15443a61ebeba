"""Keeping the search index (:class:`search.models.SearchEntry`) in step with the live site.

A page is indexed while it is live and of a searchable type; its row is rebuilt on every full
save of the live page (publishing a revision, including a wagtail-localize translation, saves
the page in full) and dropped when it is unpublished or deleted. Page types are read
generically: the searched types are listed in :data:`SEARCH_TYPES` by model label and skipped
while their app does not define them.
"""

import datetime
import html
import re

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.db.models import OuterRef, Subquery
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from portal.models.pages import _plain_text
from portal.text import nfc
from search.models import SearchEntry
from search.text import (
    MAX_INDEX_WORDS,
    as_terms,
    distinct,
    document_key,
    document_prefix,
    folded_words,
    pair_term,
    words,
)

# (filter value in the URL, model label, label shown in the filter)
SEARCH_TYPES = (
    ("news", "news.NewsPage", _("News")),
    ("directive", "foreign_relations.DirectivePage", _("Directives and documents")),
    ("partner", "foreign_relations.PartnerPage", _("Partners")),
    ("project", "foreign_relations.AidProjectPage", _("Aid projects")),
    ("event", "events.EventPage", _("Events")),
    ("association", "members.MemberPage", _("Member associations")),
    ("album", "galleries.AlbumPage", _("Photo albums")),
    ("video", "galleries.VideoPage", _("Videos")),
    ("page", "home.StandardPage", _("Pages")),
)
DATE_ATTRIBUTES = ("date", "issue_date", "publication_date", "start_date")
# Related snippets whose names readers type with a page's words ("chỉ thị", "Ban Bí thư").
RELATED_NAME_ATTRIBUTES = ("document_type", "issuing_body")
MAX_TEXT_LENGTH = 20000
# The page's lead: the first of these it has (the news lead, an introduction, a summary…).
LEAD_ATTRIBUTES = ("lead", "intro", "summary", "description", "listing_summary", "search_description")
# Where a phrase cannot run on: between sentences and clauses, around dashes, brackets and
# quotes, and between the page's parts ("đối ngoại, giao lưu" does not hold "ngoại giao").
_BREAK = re.compile(r"[.,!?;:…\n\r•|–—()\[\]\"“”«»]+")


def search_models():
    """``[(key, model, label)]`` for the searchable types whose app defines them."""
    found = []
    for key, label, verbose in SEARCH_TYPES:
        try:
            found.append((key, apps.get_model(label), verbose))
        except LookupError:
            continue
    return found


def is_searchable(page):
    return any(isinstance(page, model) for _key, model, _label in search_models())


def page_date(page):
    """The date a reader knows the page by: its own date field, else its first publication."""
    for name in DATE_ATTRIBUTES:
        value = getattr(page, name, None)
        if isinstance(value, datetime.datetime):
            return timezone.localtime(value).date() if timezone.is_aware(value) else value.date()
        if isinstance(value, datetime.date):
            return value
    published = page.first_published_at or page.last_published_at
    if published:
        return timezone.localtime(published).date() if timezone.is_aware(published) else published.date()
    return None


def page_texts(page):
    """Plain texts of the page's ``search_fold_fields`` other than the title, in order."""
    texts = []
    for name in getattr(page, "search_fold_fields", ("title",)):
        if name == "title":
            continue
        value = getattr(page, name, None)
        if value is None:
            continue
        if callable(value):
            value = value()
        text = nfc(html.unescape(_plain_text(value))).strip()
        if text:
            texts.append(" ".join(text.split()))
    return distinct(texts)


def related_names(page):
    names = []
    for name in RELATED_NAME_ATTRIBUTES:
        if getattr(type(page), name, None) is None:
            continue
        value = getattr(page, name, None)
        if value is not None:
            names.append(nfc(str(value)))
    return names


def page_lead(page):
    for name in LEAD_ATTRIBUTES:
        value = getattr(page, name, None)
        if isinstance(value, str) and value.strip():
            return nfc(html.unescape(_plain_text(value))).strip()
    return ""


def sequence(*parts, limit=MAX_TEXT_LENGTH):
    """``" w1 w2 | w3 "``: the folded words of ``parts`` in order, ``|`` between sentences and
    parts, whole words up to about ``limit`` characters."""
    runs = []
    for part in parts:
        for piece in _BREAK.split(part or ""):
            found = folded_words(words(piece))
            if found:
                runs.append(" ".join(found))
    joined = " | ".join(runs)
    if len(joined) > limit:
        joined = joined[: joined.rfind(" ", 0, limit)]
    return f" {joined} " if joined.strip() else " "


def pairs(folded):
    """``" ngoai_giao giao_nhan "``: the distinct pairs of adjacent words of ``folded`` (a
    :func:`sequence`), never across a ``|``. A word never holds ``_`` (:data:`search.text.WORD`)."""
    found = []
    for run in folded.split("|"):
        items = run.split()
        found.extend(pair_term(first, second) for first, second in zip(items, items[1:], strict=False))
    return as_terms(distinct(found))


def build_entry(page):
    """An unsaved :class:`SearchEntry` for a live ``page`` (its specific instance)."""
    title = nfc(page.title)
    number = nfc(getattr(page, "document_number", "") or "")
    texts = page_texts(page)
    summary = nfc(getattr(page, "summary", "") or "")
    title_words = words(title)
    extra = words(" ".join([number, *related_names(page)]))
    all_words = distinct(title_words + extra + [w for text in texts for w in words(text)], MAX_INDEX_WORDS)
    lead = page_lead(page)
    text = " ".join(texts)[:MAX_TEXT_LENGTH]
    key = document_key(number)
    text_folded = sequence(title, number, *related_names(page), *texts)
    if key:
        all_words = distinct(all_words + [key])
    return SearchEntry(
        page_id=page.pk,
        locale_id=page.locale_id,
        content_type_id=page.content_type_id,
        path=page.path,
        date=page_date(page),
        title=title[:255],
        title_terms=as_terms(title_words),
        title_folded=sequence(title),
        terms=as_terms(all_words),
        terms_folded=as_terms(distinct(folded_words(all_words))),
        summary=summary,
        lead_folded=sequence(lead),
        text_folded=text_folded,
        pairs_folded=pairs(text_folded),
        text=text,
        document_number=number[:100],
        document_key=key,
        document_prefix=document_prefix(words(number)),
    )


def index_page(page):
    """Add, refresh or drop the row of ``page`` so it matches the page's live state."""
    page = page.specific if type(page) is Page else page
    # An alias repeats another page's content (in another language tree: untranslated text).
    if not page.live or page.alias_of_id or not is_searchable(page):
        SearchEntry.objects.filter(page_id=page.pk).delete()
        return None
    entry = build_entry(page)
    entry.save()
    return entry


def unindex_page(page):
    SearchEntry.objects.filter(page_id=page.pk).delete()


def refresh_paths(path):
    """After a move, copy the new tree paths of the moved subtree into the index."""
    SearchEntry.objects.filter(page__path__startswith=path).update(
        path=Subquery(Page.objects.filter(pk=OuterRef("page_id")).values("path")[:1])
    )


def rebuild(stdout=None, batch_size=500):
    """Rebuild the whole index from the live pages of the searchable types."""
    SearchEntry.objects.all().delete()
    total = 0
    for _key, model, _label in search_models():
        content_type = ContentType.objects.get_for_model(model)
        pages = model.objects.live().filter(content_type=content_type, alias_of__isnull=True).order_by("pk")
        batch = []
        for page in pages.iterator(chunk_size=batch_size):
            batch.append(build_entry(page))
            if len(batch) >= batch_size:
                SearchEntry.objects.bulk_create(batch)
                total += len(batch)
                batch = []
        if batch:
            SearchEntry.objects.bulk_create(batch)
            total += len(batch)
    if stdout is not None:
        stdout.write(f"Indexed {total} pages.")
    return total
