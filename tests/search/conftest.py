import datetime

import pytest
from wagtail.models import Page

from home.models import StandardPage


@pytest.fixture(autouse=True)
def fresh_cache():
    """Cached facts (view-restricted tree paths, site roots) must not outlive a rolled-back test."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def make_page(home_vi):
    """A published StandardPage under ``parent`` (the Vietnamese home by default)."""

    def make(title, parent=None, intro="", published=None, **fields):
        parent = parent or home_vi
        page = StandardPage(title=title, intro=intro, **fields)
        parent.add_child(instance=page)
        revision = page.save_revision()
        revision.publish()
        if published is not None:
            moment = datetime.datetime.combine(published, datetime.time(9), tzinfo=datetime.UTC)
            Page.objects.filter(pk=page.pk).update(first_published_at=moment)
            page = Page.objects.get(pk=page.pk).specific
            page.save()  # a full save of the live page re-indexes it with its date
        return Page.objects.get(pk=page.pk).specific

    return make


def result_titles(response):
    """Titles of the results in the order shown (marks removed)."""
    import re

    html = response.text
    items = re.findall(r'<li class="search-result">\s*<h2><a href="[^"]*">(.*?)</a></h2>', html, re.S)
    return [re.sub(r"</?mark>", "", item) for item in items]
