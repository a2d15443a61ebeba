"""Fixtures of the performance tests: the page cache switched on, a clean shared cache."""

import pytest
from django.core.cache import caches
from wagtail.models import Page


@pytest.fixture
def page_cache(settings):
    """The page cache on (the test settings switch it off for the other suites)."""
    settings.PORTAL_PAGE_CACHE = True
    for alias in ("default", "local"):
        caches[alias].clear()
    yield
    for alias in ("default", "local"):
        caches[alias].clear()


def live_page(model_name, language="vi"):
    """The first live page of a type in a language, as its specific class (by content type, so
    these tests need no import of the content apps)."""
    page = (
        Page.objects.live()
        .filter(content_type__model=model_name, locale__language_code=language)
        .order_by("path")
        .first()
    )
    assert page is not None, f"the demo site has no live {model_name} in {language}"
    return page.specific


@pytest.fixture(autouse=True)
def no_login_lockout_logging(settings):
    # The test client's force_login sends no client address; lockout is not what these tests are about.
    settings.AXES_ENABLED = False
