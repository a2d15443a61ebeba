"""What makes cached pages and fragments stale, and the CDN purges that follow.

Everything cached is invalidated as a whole (the publish generation, ``portal.generation``) on
publish, unpublish, move and delete of a page, on translation publish (wagtail-localize publishes through
``page_published``), on saves of a live page, and on saves of what every page shows: settings,
snippets, images, sites, locales and view restrictions.

When a frontend cache (CDN) is configured in ``WAGTAILFRONTENDCACHE``, the URLs a change affects
are purged: Wagtail purges the page itself on publish and unpublish; here its ancestors (section
lists and the language's home page), its live translations (their language switchers and
``hreflang`` links) and the sitemap are added, and moves and deletions purge the old and new URLs.
Every page's ``get_cached_paths()`` is honoured, so a page type that serves feeds or archives
under its URL lists them there.
"""

import copy
import logging

from django.conf import settings
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.contrib.frontend_cache.utils import PurgeBatch
from wagtail.contrib.search_promotions.models import SearchPromotion
from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting
from wagtail.images.models import AbstractImage
from wagtail.models import Locale, Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from portal.generation import invalidate

logger = logging.getLogger(__name__)

# Fields Wagtail writes when a draft (of a page or snippet) is saved, submitted or locked.
DRAFT_BOOKKEEPING_FIELDS = {"latest_revision", "latest_revision_created_at", "draft_title", "has_unpublished_changes"}
DRAFT_BOOKKEEPING_FIELDS |= {"locked", "locked_at", "locked_by", "wagtail_admin_comments", "comments"}

# What every page (or the search page) shows besides pages: settings, snippets, pictures,
# sites, languages, view restrictions, editors' picks.
CHROME_MODELS = (PageViewRestriction, Site, Locale, BaseSiteSetting, BaseGenericSetting, AbstractImage, SearchPromotion)


def _is_snippet(sender):
    from wagtail.snippets.models import get_snippet_models  # registered once apps are ready

    return sender in get_snippet_models()


def _is_chrome_model(sender):
    return isinstance(sender, type) and (issubclass(sender, CHROME_MODELS) or _is_snippet(sender))


@receiver(post_save)
def invalidate_on_save(sender, instance, created=False, update_fields=None, raw=False, **kwargs):
    if raw or (not created and update_fields is not None and set(update_fields) <= DRAFT_BOOKKEEPING_FIELDS):
        return  # a draft of a page or snippet was saved: what readers see is unchanged
    if isinstance(instance, Page):
        if created or instance.live:  # new pages (aliases among them) change routing and restrictions
            invalidate()
    elif _is_chrome_model(sender):
        invalidate()


def invalidate_on_delete(sender, instance, **kwargs):
    invalidate()


def _project_apps():
    """The site's own apps (those in the project's directory): their models are what pages show."""
    from django.apps import apps

    base = str(settings.BASE_DIR)
    return {
        config.label
        for config in apps.get_app_configs()
        if str(config.path).startswith(base) and "site-packages" not in str(config.path)
    }


def connect_delete_handlers():
    """Connect ``post_delete`` per model (a receiver for every sender would disable Django's fast
    deletes everywhere): pages, the chrome's models and the project's own models."""
    from django.apps import apps

    own = _project_apps()
    for model in apps.get_models():
        if issubclass(model, (Page, *CHROME_MODELS)) or model._meta.app_label in own or _is_snippet(model):
            post_delete.connect(invalidate_on_delete, sender=model, dispatch_uid=f"portal-cache-{model._meta.label}")


@receiver(page_published)
@receiver(page_unpublished)
def invalidate_on_publish(sender, instance, **kwargs):
    invalidate()
    if frontend_cache_enabled():
        transaction.on_commit(lambda: purge_related(instance))


@receiver(post_page_move)
def invalidate_on_move(sender, instance, url_path_before=None, url_path_after=None, **kwargs):
    invalidate()
    if frontend_cache_enabled():
        old = copy.copy(instance)
        old.url_path = url_path_before or instance.url_path
        transaction.on_commit(lambda: purge_related(instance, include_self=True, old_copy=old))


@receiver(post_delete, sender=Page)
def purge_on_delete(sender, instance, **kwargs):
    if frontend_cache_enabled() and instance.live:
        batch = PurgeBatch()
        _add_urls(batch, instance)
        transaction.on_commit(lambda: _purge(batch))


def frontend_cache_enabled():
    return bool(getattr(settings, "WAGTAILFRONTENDCACHE", None))


def _add_urls(batch, page):
    try:
        batch.add_page(page)
    except Exception:  # a page without a routable URL, or a half-deleted tree
        logger.debug("No URL to purge for page %s", getattr(page, "pk", None), exc_info=True)


def urls_to_purge(page, include_self=False, old_copy=None):
    """The URLs a change to ``page`` makes stale in a frontend cache: its ancestors (section lists,
    the home page), its live translations (their language links) and each site's sitemap."""
    batch = PurgeBatch()
    if include_self:
        _add_urls(batch, page)
    if old_copy is not None:
        _add_urls(batch, old_copy)
    for ancestor in page.get_ancestors().filter(depth__gt=1).live().specific(defer=True):
        _add_urls(batch, ancestor)
    translations = Page.objects.filter(translation_key=page.translation_key, live=True).exclude(pk=page.pk)
    for translation in translations.specific(defer=True):
        _add_urls(batch, translation)
    for site in Site.objects.all():
        batch.add_url(site.root_url.rstrip("/") + "/sitemap.xml")
    return batch


def purge_related(page, include_self=False, old_copy=None):
    _purge(urls_to_purge(page, include_self=include_self, old_copy=old_copy))


def _purge(batch):
    try:
        batch.purge()
    except Exception:  # a CDN being unreachable must never break publishing
        logger.exception("Could not purge the frontend cache.")
