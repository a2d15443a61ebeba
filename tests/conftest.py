"""Shared fixtures. The demo site is loaded once per test database, so every test starts
from the bilingual demo content (and rolls back what it changes)."""

import os

import pytest
from django.core.management import call_command
from django.db import connections
from wagtail.models import Locale, Page

DEMO_PASSWORD = "demo-password-for-tests"


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        call_command("load_demo_content", password=DEMO_PASSWORD, skip_index=False, stdout=open(os.devnull, "w"))
        # Transactional tests (browser, live server) restore this snapshot after their flush.
        for connection in connections.all():
            connection._test_serialized_contents = connection.creation.serialize_db_to_string()


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
