"""The two-query router (portal.routing) finds exactly what Wagtail's own routing finds."""

import pytest
from django.test import RequestFactory
from django.urls import resolve
from django.utils import translation
from wagtail.models import Page

from portal.routing import prime_route

pytestmark = pytest.mark.django_db


def _plain(value):
    """Route arguments comparable across two routings: views by name, containers item by item."""
    if isinstance(value, tuple | list):
        return tuple(_plain(item) for item in value)
    if isinstance(value, dict):
        return tuple(sorted((key, _plain(item)) for key, item in value.items()))
    if callable(value):
        return getattr(value, "__name__", repr(value))
    return value


def _normalised(result):
    if result is None:
        return None
    page, args, kwargs = result
    return page.pk, _plain(args), _plain(kwargs)


def _both_routes(path):
    language = path.strip("/").split("/", 1)[0]
    with translation.override(language):
        match = resolve(path)
        assert match.url_name == "wagtail_serve", path
        wagtail_path = match.args[0] if match.args else match.kwargs.get("path", "")

        fast_request = RequestFactory().get(path)
        prime_route(fast_request, wagtail_path)
        assert hasattr(fast_request, "_wagtail_route_for_request"), f"{path} was left to Wagtail"
        fast = fast_request._wagtail_route_for_request

        wagtail_request = RequestFactory().get(path)
        wagtail = Page.route_for_request(wagtail_request, wagtail_path)
    return _normalised(fast), _normalised(wagtail)


def test_every_live_page_routes_as_wagtail_routes_it():
    pages = list(Page.objects.live().filter(depth__gte=2).specific())
    assert len(pages) > 20
    for page in pages:
        fast, wagtail = _both_routes(page.url)
        assert fast == wagtail, page.url
        assert fast is not None and fast[0] == page.pk, page.url


def test_sub_routes_missing_pages_and_drafts_route_as_wagtail_does(home_vi):
    from home.models import StandardPage

    draft = home_vi.add_child(instance=StandardPage(title="Trang nháp chưa xuất bản", live=False))
    paths = [
        "/vi/khong-co-trang-nay/",
        "/vi/gioi-thieu/khong-co-trang-nay/",
        "/vi/gioi-thieu/a/b/c/",
        f"/vi/{draft.slug}/",
        "/en/no-such-page/",
    ]
    for page in Page.objects.live().filter(depth=3).specific():
        paths += [page.url + "rss/", page.url + "atom/", page.url + "csv/", page.url + "khong-co/"]
    for page in Page.objects.live().filter(depth=4).specific()[:20]:
        paths += [page.url + "download/", page.url + "khong-co/"]
    for path in paths:
        fast, wagtail = _both_routes(path)
        assert fast == wagtail, path
    assert _both_routes(f"/vi/{draft.slug}/") == (None, None)
