"""Every public page type renders in at most 12 queries without the page cache, and in the same
number whatever the amount of content. Each type also has its own budget, the count it reaches
today, so that a change that adds a query to a page is seen."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.images.models import AbstractImage
from wagtail.models import Page

from tests.performance.conftest import live_page

pytestmark = pytest.mark.django_db

MAX_QUERIES = 12

PAGE_TYPES = [
    "homepage",
    "standardpage",
    "contactpage",
    "newsindexpage",
    "newssectionpage",
    "newspage",
    "partnerindexpage",
    "partnerpage",
    "projectindexpage",
    "aidprojectpage",
    "directiveindexpage",
    "directivepage",
]
# Queries of an anonymous view with the page cache off and the fragment, remembered-value and
# renditions caches warm. Every page pays for Wagtail's own serving: the site, the active locale
# and the language home (and its translation, in English). The page answering a path is
# remembered for the publish generation (home.routing), and so are the subtrees view restrictions
# may cover (BasePage.get_view_restrictions): an unrestricted page needs neither. The counts below
# are the English ones (one more than the Vietnamese).
BUDGETS = {
    "homepage": 7,  # + the newest articles, their pictures, the next events
    "standardpage": 6,
    "contactpage": 6,
    "newsindexpage": 7,  # + a page of articles, their pictures
    "newssectionpage": 7,
    "newspage": 8,  # + its related pages, its topics (its section: remembered), its albums and videos
    "partnerindexpage": 8,
    "partnerpage": 9,  # + its sectors, its projects, its related pages, the pages linking to it
    "projectindexpage": 9,  # + the count, a page of projects, the budget totals
    "aidprojectpage": 8,
    "directiveindexpage": 8,
    "directivepage": 7,
    "search": 5,  # counts, ranked ids, result rows, the search log
}
SEARCHES = {"vi": "/vi/search/?q=huu+nghi", "en": "/en/search/?q=friendship"}
# Listed pages copied to grow the site (their listings, the home page and search grow with them).
GROWN_TYPES = ["newspage", "partnerpage", "aidprojectpage", "directivepage"]


def _urls():
    urls = {}
    for language in ("vi", "en"):
        for model_name in PAGE_TYPES:
            urls[f"{model_name}-{language}"] = live_page(model_name, language).url
        urls[f"search-{language}"] = SEARCHES[language]
    return urls


def _queries(client, url):
    """The queries of an anonymous view with the page cache off. The first view fills the shared
    chrome cache (site, homes, menu, settings), as the first view after each publish does."""
    first = client.get(url)
    assert first.status_code == 200, url
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200, url
    return [query["sql"] for query in context.captured_queries]


def _report(url, queries):
    return f"{url}: {len(queries)} queries\n" + "\n".join(f"  {sql[:400]}" for sql in queries)


@pytest.mark.parametrize("model_name", [*PAGE_TYPES, "search"])
def test_page_type_renders_within_the_query_budget(client, model_name):
    assert BUDGETS[model_name] <= MAX_QUERIES
    for language in ("vi", "en"):
        url = SEARCHES[language] if model_name == "search" else live_page(model_name, language).url
        queries = _queries(client, url)
        assert len(queries) <= BUDGETS[model_name], _report(url, queries)


def _copy_image(image, suffix):
    image.pk = image.id = None
    image._state.adding = True
    image.title = f"{image.title} {suffix}"
    image.save()
    return image


def grow_site(copies):
    """Copy ``copies`` more pages of every listed type in both languages, each with its own images."""
    for model_name in GROWN_TYPES:
        for language in ("vi", "en"):
            original = live_page(model_name, language)
            parent = original.get_parent()
            for number in range(copies):
                suffix = f"ban-sao-{number}"
                page = original.copy(
                    to=parent,
                    update_attrs={"title": f"{original.title} {number}", "slug": f"{original.slug}-{suffix}"},
                    keep_live=True,
                    copy_revisions=False,
                    log_action=None,
                ).specific
                image_fields = [
                    field
                    for field in page._meta.concrete_fields
                    if field.is_relation and field.related_model and issubclass(field.related_model, AbstractImage)
                ]
                changed = []
                for field in image_fields:
                    image = getattr(page, field.name)
                    if image is not None:
                        setattr(page, field.name, _copy_image(image, suffix))
                        changed.append(field.attname)
                if changed:
                    page.save(update_fields=changed)


def test_query_counts_do_not_grow_with_the_content(client):
    urls = _urls()
    before = {name: _queries(client, url) for name, url in urls.items()}
    pages_before = Page.objects.count()

    grow_site(copies=5)
    assert Page.objects.count() >= pages_before + 5 * len(GROWN_TYPES) * 2

    after = {name: _queries(client, url) for name, url in urls.items()}
    grew = [
        f"{name}: {len(before[name])} → {len(after[name])}\n{_report(urls[name], after[name])}"
        for name in urls
        if len(after[name]) != len(before[name])
    ]
    assert not grew, "\n\n".join(grew)
