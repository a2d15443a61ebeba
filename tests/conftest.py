"""Shared fixtures. The demo site is loaded once per test database, so every test starts
from the bilingual demo content (and rolls back what it changes)."""

import os

import pytest
from django.core.cache import cache, caches
from django.core.management import call_command
from django.db import connections
from wagtail.models import Locale, Page

DEMO_PASSWORD = "demo-password-for-tests"
# Kept here as well as on the connection: Django's connections are context-local, and code run
# inside Playwright's greenlets sees fresh connection objects without the snapshot attribute.
SNAPSHOTS = {}


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        call_command("load_demo_content", password=DEMO_PASSWORD, skip_index=False, stdout=open(os.devnull, "w"))
        # Transactional tests (browser, live server) restore this snapshot after their flush.
        for connection in connections.all():
            SNAPSHOTS[connection.alias] = connection.creation.serialize_db_to_string()
            connection._test_serialized_contents = SNAPSHOTS[connection.alias]


DB_FIXTURES = {"db", "transactional_db", "live_server", "django_db_reset_sequences", "django_db_serialized_rollback"}


def _restore_demo_snapshot():
    for connection in connections.all():
        call_command("flush", database=connection.alias, interactive=False, verbosity=0, inhibit_post_migrate=True)
        connection.creation.deserialize_db_from_string(SNAPSHOTS[connection.alias])


@pytest.fixture(autouse=True)
def _demo_content_present(request):
    """A transactional test (live server, browser) empties the database when it ends, and
    Django only restores the snapshot for the next test that asks for serialized rollback.
    Whatever the order tests run in, each database test starts from the demo site."""
    if request.node.get_closest_marker("django_db") is None and not DB_FIXTURES & set(request.fixturenames):
        return
    for connection in connections.all():
        if connection.alias in SNAPSHOTS:
            connection._test_serialized_contents = SNAPSHOTS[connection.alias]
    request.getfixturevalue("_django_db_helper")
    if not Locale.objects.exists():
        _restore_demo_snapshot()
        cache.clear()


@pytest.fixture(autouse=True)
def _empty_shared_cache():
    """Every test starts with an empty cache: the database is rolled back after each test, and
    cached chrome (menus, homes, settings, pages) must not outlive the rows it was built from.
    Nor must the fragments and renditions each process keeps (their rows are rolled back)."""
    for alias in ("default", "local"):
        caches[alias].clear()


@pytest.fixture
def vi():
    return Locale.objects.get(language_code="vi")


@pytest.fixture
def en():
    return Locale.objects.get(language_code="en")


@pytest.fixture
def home_vi(vi):
    return Page.objects.get(depth=2, locale=vi).specific


@pytest.fixture
def home_en(en):
    return Page.objects.get(depth=2, locale=en).specific


@pytest.fixture
def demo_password():
    return DEMO_PASSWORD
