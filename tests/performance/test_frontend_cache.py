"""CDN purging through wagtail.contrib.frontend_cache, with a recording backend, and the
deployment settings read from the environment."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from wagtail.models import Locale

from tests.performance.conftest import live_page
from tests.performance.fakes import RecordingBackend

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def recorded(settings, django_capture_on_commit_callbacks):
    settings.WAGTAILFRONTENDCACHE = {"test": {"BACKEND": "tests.performance.fakes.RecordingBackend"}}
    settings.WAGTAILFRONTENDCACHE_LANGUAGES = []
    RecordingBackend.purged = []
    return RecordingBackend.purged


def test_publish_purges_the_page_its_listings_translations_and_the_sitemap(
    recorded, django_capture_on_commit_callbacks
):
    article = live_page("newspage")
    section = article.get_parent().specific
    english = article.get_translation_or_none(Locale.objects.get(language_code="en"))
    home = article.get_ancestors().get(depth=2).specific

    with django_capture_on_commit_callbacks(execute=True):
        article.save_revision().publish()

    purged = set(recorded)
    assert article.full_url in purged
    assert section.full_url in purged
    assert section.get_parent().full_url in purged  # the news index
    assert home.full_url in purged
    assert any(url.endswith("/sitemap.xml") for url in purged)
    if english is not None and english.live:
        assert english.full_url in purged
    assert not any("/admin/" in url for url in purged)


def test_unpublish_purges_the_page(recorded, django_capture_on_commit_callbacks):
    page = live_page("directivepage")
    url = page.full_url
    with django_capture_on_commit_callbacks(execute=True):
        page.unpublish()
    assert url in recorded
    assert page.get_parent().full_url in recorded


def test_move_purges_the_old_and_the_new_address(recorded, django_capture_on_commit_callbacks):
    article = live_page("newspage")
    old_url = article.full_url
    other_section = (
        type(article.get_parent().specific)
        .objects.live()
        .filter(locale=article.locale)
        .exclude(pk=article.get_parent().pk)
        .first()
    )
    with django_capture_on_commit_callbacks(execute=True):
        article.move(other_section, pos="last-child")
    article.refresh_from_db()
    assert old_url in recorded
    assert article.full_url in recorded
    assert other_section.full_url in recorded


def test_nothing_is_purged_without_a_configured_cdn(settings, django_capture_on_commit_callbacks):
    settings.WAGTAILFRONTENDCACHE = {}
    RecordingBackend.purged = []
    with django_capture_on_commit_callbacks(execute=True):
        live_page("newspage").save_revision().publish()
    assert RecordingBackend.purged == []


def _settings_from(environment):
    """The production settings as a fresh process sees them with ``environment``."""
    code = (
        "import json, django; django.setup(); from django.conf import settings; "
        "print(json.dumps({'cdn': settings.WAGTAILFRONTENDCACHE, 'media': settings.STORAGES['default']['BACKEND'],"
        " 'static': settings.STORAGES['staticfiles']['BACKEND'], 'cache': settings.CACHES['default']['BACKEND'],"
        " 'page_cache': settings.PORTAL_PAGE_CACHE}))"
    )
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("AWS_", "CLOUDFLARE_", "FRONTEND_CACHE_", "REDIS_URL", "PAGE_CACHE"))
    }
    env.update({"DJANGO_SETTINGS_MODULE": "portal.settings.production", "SECRET_KEY": "x" * 50, **environment})
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60, check=True
    )
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_deployment_settings_come_from_the_environment():
    plain = _settings_from({})
    assert plain["cdn"] == {}
    assert plain["media"] == "portal.private_images.MediaStorage"  # FileSystemStorage keeping private pictures apart
    assert plain["static"] == "whitenoise.storage.CompressedManifestStaticFilesStorage"
    assert plain["cache"] == "django.core.cache.backends.locmem.LocMemCache"
    assert plain["page_cache"] is True

    configured = _settings_from(
        {
            "CLOUDFLARE_ZONE_ID": "zone-1",
            "CLOUDFLARE_BEARER_TOKEN": "token-1",
            "FRONTEND_CACHE_PURGE_URL": "http://127.0.0.1:6081/",
            "AWS_STORAGE_BUCKET_NAME": "portal-media",
            "REDIS_URL": "redis://127.0.0.1:6379/0",
            "PAGE_CACHE": "off",
        }
    )
    assert configured["cdn"]["cloudflare"]["ZONEID"] == "zone-1"
    assert configured["cdn"]["cloudflare"]["BACKEND"].endswith("CloudflareBackend")
    assert configured["cdn"]["http"]["LOCATION"] == "http://127.0.0.1:6081/"
    assert configured["media"] == "portal.s3_storage.S3MediaStorage"  # S3Storage keeping private pictures' URLs
    assert configured["cache"] == "delivery.backends.ResilientRedisCache"
    assert configured["page_cache"] is False


def test_s3_storage_backend_is_importable():
    from django.utils.module_loading import import_string

    storage_class = import_string("portal.s3_storage.S3MediaStorage")
    assert storage_class.__mro__[1].__name__ == "S3Storage"
