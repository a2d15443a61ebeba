"""A page's address is remembered for the publish generation (``BasePage.get_url_parts``): it
follows a move at once, and a request made up outside a view (any host) still gets it."""

import pytest
from django.test import RequestFactory

from news.models import NewsPage

pytestmark = pytest.mark.django_db


def test_an_address_asked_with_a_made_up_request_of_any_host_is_answered():
    article = NewsPage.objects.live().filter(locale__language_code="vi").first()
    request = RequestFactory().get("/", HTTP_HOST="khong-duoc-phep.example")
    assert article.get_url(request) == article.url
    assert article.get_full_url(request) == article.full_url


def test_an_address_follows_a_move_at_once(rf, client):
    article = NewsPage.objects.live().filter(locale__language_code="vi").order_by("path").first()
    section = article.get_parent()
    other = section.get_siblings(inclusive=False).live().type(type(section)).first()
    request = rf.get("/", HTTP_HOST="127.0.0.1:8000")
    before = article.get_url(request)
    assert client.get(before).status_code == 200

    article.move(other, pos="last-child")
    article.refresh_from_db()
    after = article.get_url(rf.get("/", HTTP_HOST="127.0.0.1:8000"))
    assert after != before
    assert after.startswith(other.url)
    assert client.get(after).status_code == 200
