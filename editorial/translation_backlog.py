"""What waits for the translators: Vietnamese pages without an English version, and English versions
out of date because the Vietnamese page was published again after the translation's last sync.

Most important first: hot news, then recent news, directives, partners, aid projects, older news,
everything else; newest first within each.
"""

import datetime
from dataclasses import dataclass

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale, Page
from wagtail_localize.models import TranslationSource

from editorial import roles

RECENT_DAYS = 30

STATUS_MISSING = "missing"
STATUS_OUTDATED = "outdated"
STATUS_LABELS = {STATUS_MISSING: _("No English version"), STATUS_OUTDATED: _("English version out of date")}

# (app_label, model) → priority tier; news is split into hot / recent / older below.
TIER_HOT_NEWS, TIER_RECENT_NEWS, TIER_DIRECTIVE, TIER_PARTNER, TIER_PROJECT, TIER_OLDER_NEWS, TIER_OTHER = range(7)
MODEL_TIERS = {
    ("foreign_relations", "directivepage"): TIER_DIRECTIVE,
    ("foreign_relations", "partnerpage"): TIER_PARTNER,
    ("foreign_relations", "aidprojectpage"): TIER_PROJECT,
}
NEWS_MODEL = ("news", "newspage")
TIER_LABELS = {
    TIER_HOT_NEWS: _("Hot news"),
    TIER_RECENT_NEWS: _("Recent news"),
    TIER_DIRECTIVE: _("Directive"),
    TIER_PARTNER: _("Partner"),
    TIER_PROJECT: _("Aid project"),
    TIER_OLDER_NEWS: _("Older news"),
    TIER_OTHER: _("Other page"),
}


@dataclass
class BacklogRow:
    page: Page
    status: str
    tier: int
    date: datetime.datetime | None
    english: Page | None = None
    source_changed_at: datetime.datetime | None = None
    synced_at: datetime.datetime | None = None
    source_id: int | None = None

    @property
    def title(self):
        return self.page.title

    @property
    def status_label(self):
        return STATUS_LABELS[self.status]

    @property
    def kind_label(self):
        return TIER_LABELS[self.tier]

    @property
    def action_url(self):
        """Where the translator starts: "translate" for a missing page, "sync" for an outdated one."""
        if self.status == STATUS_MISSING:
            return reverse("wagtail_localize:submit_page_translation", args=[self.page.pk])
        return reverse("wagtail_localize:update_translations", args=[self.source_id])

    @property
    def english_edit_url(self):
        return reverse("wagtailadmin_pages:edit", args=[self.english.pk]) if self.english else ""


def locales():
    try:
        return Locale.objects.get(language_code="vi"), Locale.objects.get(language_code="en")
    except Locale.DoesNotExist:
        return None, None


def backlog_rows(now=None, status=None):
    """Every live Vietnamese page (below the root) that needs translator's work, most important first."""
    vi, en = locales()
    if vi is None or en is None:
        return []
    now = now or timezone.now()
    sources = Page.objects.live().filter(locale=vi, depth__gt=1).select_related("content_type")
    english = {
        p.translation_key: p
        for p in Page.objects.filter(locale=en, alias_of__isnull=True).only(
            "pk", "title", "translation_key", "live", "locale_id", "path", "depth"
        )
    }
    pages = list(sources.only("pk", "title", "translation_key", "last_published_at", "content_type", "path", "depth"))
    keys = [p.translation_key for p in pages if p.translation_key in english]
    syncs = {
        str(s.object_id): s
        for s in TranslationSource.objects.filter(object_id__in=keys, locale=vi).only(
            "pk", "object_id", "last_updated_at"
        )
    }
    news = _news_facts(pages)
    rows = []
    for page in pages:
        tier, date = _priority(page, news, now)
        en_page = english.get(page.translation_key)
        if en_page is None:
            row = BacklogRow(page=page, status=STATUS_MISSING, tier=tier, date=date)
        else:
            sync = syncs.get(str(page.translation_key))
            if sync is None or page.last_published_at is None or page.last_published_at <= sync.last_updated_at:
                continue
            row = BacklogRow(
                page=page,
                status=STATUS_OUTDATED,
                tier=tier,
                date=date,
                english=en_page,
                source_changed_at=page.last_published_at,
                synced_at=sync.last_updated_at,
                source_id=sync.pk,
            )
        if status and row.status != status:
            continue
        rows.append(row)
    oldest = datetime.datetime.min.replace(tzinfo=datetime.UTC)
    rows.sort(key=lambda r: (r.tier, -(r.date or oldest).timestamp(), r.page.pk))
    return rows


def _news_facts(pages):
    """``{page pk: (is_hot, date)}`` of the articles among ``pages``, in one query."""
    from django.apps import apps

    try:
        model = apps.get_model(*NEWS_MODEL)
    except LookupError:
        return {}
    ids = [p.pk for p in pages if (p.content_type.app_label, p.content_type.model) == NEWS_MODEL]
    if not ids:
        return {}
    return {pk: (hot, date) for pk, hot, date in model.objects.filter(pk__in=ids).values_list("pk", "is_hot", "date")}


def _priority(page, news, now):
    if page.pk in news:
        hot, date = news[page.pk]
        recent = date is not None and date >= now - datetime.timedelta(days=RECENT_DAYS)
        if hot and recent:
            return TIER_HOT_NEWS, date
        return (TIER_RECENT_NEWS if recent else TIER_OLDER_NEWS), date
    key = (page.content_type.app_label, page.content_type.model)
    return MODEL_TIERS.get(key, TIER_OTHER), page.last_published_at


def backlog_summary(limit=5):
    rows = backlog_rows()
    return {
        "rows": rows[:limit],
        "missing_count": sum(1 for r in rows if r.status == STATUS_MISSING),
        "outdated_count": sum(1 for r in rows if r.status == STATUS_OUTDATED),
        "total": len(rows),
    }


def can_view_backlog(user):
    """Translators, leadership and administrators."""
    if not user.is_active:
        return False
    if user.is_superuser or user.has_perm("wagtail_localize.submit_translation"):
        return True
    return user.groups.filter(name__in=[roles.TRANSLATORS, roles.LEADERSHIP]).exists()
