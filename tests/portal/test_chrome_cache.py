"""The chrome cache's per-request generation: used by code without the request, never kept
beyond the request that read it."""

import pytest
from django.core.cache import cache
from django.test import RequestFactory

from portal import cache as portal_cache

pytestmark = pytest.mark.django_db


def test_a_request_built_outside_the_middleware_leaves_no_generation_behind():
    request = RequestFactory().get("/vi/")
    assert portal_cache.request_generation(request) is not None
    assert portal_cache._REQUEST_GENERATION.get() is None


def test_the_generation_read_by_a_view_is_gone_when_the_response_is_out(client):
    assert client.get("/vi/").status_code == 200
    assert portal_cache._REQUEST_GENERATION.get() is None
    assert portal_cache._IN_REQUEST.get() is False


def test_shared_values_follow_the_generation_without_a_request():
    calls = []

    def compute():
        calls.append(1)
        return len(calls)

    first = portal_cache.shared("test-shared-value", compute)
    assert portal_cache.shared("test-shared-value", compute) == first
    assert len(calls) == 1
    portal_cache.bump_generation()
    assert portal_cache.shared("test-shared-value", compute) == first + 1


def test_values_a_caller_marks_uncacheable_are_computed_each_time():
    request = RequestFactory().get("/vi/")
    calls = []

    def compute():
        calls.append(1)
        return None

    portal_cache.chrome(request, "test-uncacheable", compute, cacheable=lambda value: value is not None)
    other = RequestFactory().get("/vi/")
    portal_cache.chrome(other, "test-uncacheable", compute, cacheable=lambda value: value is not None)
    assert len(calls) == 2
    assert cache.get(f"portal:chrome:{portal_cache.current_generation()}:test-uncacheable") is None
