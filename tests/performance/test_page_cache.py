"""The page cache: what is served from it, what never is, and that a publish is seen at once."""

import pytest
from django.contrib.sessions.backends.db import SessionStore
from django.http import HttpResponse
from django.test import Client, RequestFactory
from wagtail.models import PageViewRestriction, Site

from delivery.middleware import cache_key, uncacheable_reason
from portal.generation import GENERATION_KEY
from portal.models import OrganizationSettings
from tests.performance.conftest import live_page

pytestmark = pytest.mark.django_db


def test_anonymous_view_is_stored_then_served_without_queries(client, page_cache, django_assert_num_queries):
    url = live_page("standardpage").url
    first = client.get(url)
    assert first.status_code == 200
    assert first["X-Portal-Cache"] == "miss"
    assert "public" in first["Cache-Control"] and "max-age=60" in first["Cache-Control"]
    assert first.has_header("ETag") and first.has_header("Last-Modified")

    with django_assert_num_queries(0):
        second = client.get(url)
    assert second["X-Portal-Cache"] == "hit"
    assert second.content == first.content
    assert second["ETag"] == first["ETag"]
    assert second["Content-Type"] == first["Content-Type"]
    assert 'lang="vi"' in second.content.decode()


def test_conditional_get_answers_not_modified_until_a_publish(client, page_cache):
    page = live_page("standardpage")
    first = client.get(page.url)
    etag, last_modified = first["ETag"], first["Last-Modified"]

    assert client.get(page.url, HTTP_IF_NONE_MATCH=etag).status_code == 304
    assert client.get(page.url, HTTP_IF_MODIFIED_SINCE=last_modified).status_code == 304

    page.title = "Giới thiệu chung về Liên hiệp"
    page.save_revision().publish()
    fresh = client.get(page.url, HTTP_IF_NONE_MATCH=etag)
    assert fresh.status_code == 200
    assert fresh["ETag"] != etag
    assert "Giới thiệu chung về Liên hiệp" in fresh.content.decode()


def test_publish_makes_the_page_and_its_listings_fresh(client, page_cache):
    article = live_page("newspage")
    section = article.get_parent().specific
    news_index = section.get_parent().specific
    home = news_index.get_parent().specific
    urls = [article.url, section.url, news_index.url, home.url]
    for url in urls:
        client.get(url)
        assert client.get(url)["X-Portal-Cache"] == "hit"

    article.title = "Đoàn đại biểu hữu nghị thăm và làm việc tại Phú Quốc"
    article.save_revision().publish()

    response = client.get(article.url)
    assert response["X-Portal-Cache"] == "miss"
    assert "Đoàn đại biểu hữu nghị thăm và làm việc tại Phú Quốc" in response.content.decode()
    for url in urls[1:]:
        assert client.get(url)["X-Portal-Cache"] == "miss", url


def test_unpublished_page_is_gone_at_once(client, page_cache):
    article = live_page("newspage")
    client.get(article.url)
    assert client.get(article.url)["X-Portal-Cache"] == "hit"

    article.unpublish()

    assert client.get(article.url).status_code == 404


def test_draft_changes_are_never_served(client, page_cache):
    page = live_page("standardpage")
    page.title = "Bản nháp chưa được duyệt"
    page.save_revision()  # a draft: the live page is unchanged

    for _ in range(2):
        response = client.get(page.url)
        assert response.status_code == 200
        assert "Bản nháp chưa được duyệt" not in response.content.decode()


def test_moved_page_is_served_at_its_new_address(client, page_cache):
    article = live_page("newspage")
    old_url = article.url
    other_section = (
        type(article.get_parent().specific)
        .objects.live()
        .filter(locale=article.locale)
        .exclude(pk=article.get_parent().pk)
        .first()
    )
    assert other_section is not None, "the demo site has a single news section"
    client.get(old_url)
    assert client.get(old_url)["X-Portal-Cache"] == "hit"

    article.move(other_section, pos="last-child")
    article.refresh_from_db()

    assert article.url != old_url
    assert client.get(article.url).status_code == 200
    assert client.get(old_url).status_code in (301, 302, 404)  # Wagtail may create a redirect


def test_deleted_page_is_gone_at_once(client, page_cache):
    page = live_page("directivepage")
    url = page.url
    client.get(url)
    assert client.get(url)["X-Portal-Cache"] == "hit"

    page.delete()

    assert client.get(url).status_code == 404


def test_translation_published_through_wagtail_localize_updates_the_source_page(
    client, page_cache, home_vi, django_capture_on_commit_callbacks
):
    from wagtail_localize.models import Translation, TranslationSource
    from wagtail_localize.operations import translate_object

    from demo.translation import english_locale
    from home.models import StandardPage

    page = home_vi.add_child(instance=StandardPage(title="Quan hệ hữu nghị với các tỉnh kết nghĩa"))
    page.save_revision().publish()
    client.get(page.url)
    assert client.get(page.url)["X-Portal-Cache"] == "hit"
    assert 'hreflang="en"' not in client.get(page.url).content.decode().split("</head>")[0]

    en = english_locale()
    translate_object(page, [en])
    source = TranslationSource.objects.get_for_instance(page)
    with django_capture_on_commit_callbacks(execute=True):
        Translation.objects.get(source=source, target_locale=en).save_target(publish=True)
    assert page.get_translation(en).live

    response = client.get(page.url)
    assert response["X-Portal-Cache"] == "miss"
    assert 'hreflang="en"' in response.content.decode().split("</head>")[0]


def test_logged_in_user_is_never_served_from_the_cache(client, page_cache, django_user_model):
    url = live_page("standardpage").url
    client.get(url)
    user = django_user_model.objects.get(username="admin")
    client.force_login(user)

    response = client.get(url)

    assert response["X-Portal-Cache"] == "bypass"
    assert "private" in response["Cache-Control"]
    assert "public" not in response["Cache-Control"]
    # The anonymous copy is still there, without the editor's user bar.
    anonymous = Client().get(url)
    assert anonymous["X-Portal-Cache"] == "hit"
    assert "wagtail-userbar" not in anonymous.content.decode()


def test_post_is_never_served_from_nor_stored_in_the_cache(client, page_cache):
    url = live_page("standardpage").url
    client.get(url)
    response = client.post(url, {"q": "x"})
    assert response.get("X-Portal-Cache") != "hit"
    assert client.get(url)["X-Portal-Cache"] == "hit"


def test_page_with_a_form_and_csrf_token_is_never_cached(page_cache):
    contact = live_page("contactpage")
    first, second = Client(), Client()
    one = first.get(contact.url)
    two = second.get(contact.url)
    for response in (one, two):
        assert response.status_code == 200
        assert response["X-Portal-Cache"] == "bypass"
        assert "private" in response["Cache-Control"]
        assert "csrfmiddlewaretoken" in response.content.decode()
    assert one.cookies["csrftoken"].value != two.cookies["csrftoken"].value


def test_restricted_page_is_never_served_from_the_cache(client, page_cache):
    page = live_page("standardpage")
    client.get(page.url)
    assert client.get(page.url)["X-Portal-Cache"] == "hit"

    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.PASSWORD, password="mat-khau-1")

    for visitor in (client, Client()):
        response = visitor.get(page.url)
        assert response.get("X-Portal-Cache") != "hit"
        assert "password" in response.content.decode().lower()


def test_admin_is_never_cached(client, page_cache):
    for _ in range(2):
        response = client.get("/admin/login/")
        assert response.status_code == 200
        assert not response.has_header("X-Portal-Cache")


def test_analytics_parameters_share_the_entry_other_parameters_do_not(client, page_cache):
    url = live_page("standardpage").url
    client.get(url)
    assert client.get(url + "?utm_source=zalo&fbclid=abc")["X-Portal-Cache"] == "hit"
    assert client.get(url + "?untranslated=1")["X-Portal-Cache"] == "miss"


def test_settings_change_reaches_every_page(client, page_cache):
    url = live_page("standardpage").url
    client.get(url)
    org = OrganizationSettings.for_site(Site.objects.get(is_default_site=True))
    org.name_vi = "Liên hiệp các Tổ chức Hữu nghị tỉnh An Giang"
    org.save()

    response = client.get(url)
    assert response["X-Portal-Cache"] == "miss"
    assert "Liên hiệp các Tổ chức Hữu nghị tỉnh An Giang" in response.content.decode()


def test_a_lost_generation_key_does_not_bring_back_old_pages(client, page_cache):
    from django.core.cache import cache

    page = live_page("standardpage")
    client.get(page.url)
    cache.delete(GENERATION_KEY)  # evicted by Redis, or flushed
    assert client.get(page.url)["X-Portal-Cache"] == "miss"


def test_page_cache_off_serves_everything_fresh(client, settings):
    settings.PORTAL_PAGE_CACHE = False
    url = live_page("standardpage").url
    client.get(url)
    assert not client.get(url).has_header("X-Portal-Cache")


# Decisions on single responses.


def _request(path="/vi/", cookies=None):
    request = RequestFactory().get(path)
    request.COOKIES.update(cookies or {})
    request.session = SessionStore()
    return request


@pytest.mark.parametrize(
    "change",
    [
        lambda request, response: response.set_cookie("tracker", "1"),
        lambda request, response: response.__setitem__("Vary", "Cookie"),
        lambda request, response: response.__setitem__("Cache-Control", "private"),
        lambda request, response: response.__setitem__("Cache-Control", "no-store"),
        lambda request, response: request.META.__setitem__("CSRF_COOKIE_NEEDS_UPDATE", True),
        lambda request, response: request.session.__setitem__("visited", True),
    ],
    ids=["set-cookie", "vary-cookie", "private", "no-store", "csrf-token", "session-write"],
)
def test_responses_belonging_to_one_visitor_are_not_stored(change):
    request, response = _request(), HttpResponse("<p>trang</p>")
    assert uncacheable_reason(request, response) is None
    change(request, response)
    assert uncacheable_reason(request, response) == "visitor"


def test_errors_and_streams_are_not_stored():
    from django.http import StreamingHttpResponse

    assert uncacheable_reason(_request(), HttpResponse(status=404)) == "status"
    assert uncacheable_reason(_request(), StreamingHttpResponse(iter([b"a"]))) == "status"


def test_cache_key_separates_hosts_and_paths_but_not_analytics():
    factory = RequestFactory()
    base = cache_key(factory.get("/vi/tin-tuc/"))
    assert cache_key(factory.get("/vi/tin-tuc/?utm_campaign=x")) == base
    assert cache_key(factory.get("/vi/tin-tuc/?page=2")) != base
    assert cache_key(factory.get("/en/news/")) != base
    assert cache_key(factory.get("/vi/tin-tuc/", HTTP_HOST="other.example")) != base
    assert cache_key(factory.get("/vi/tin-tuc/?b=2&a=1")) == cache_key(factory.get("/vi/tin-tuc/?a=1&b=2"))


def test_an_entry_of_an_older_generation_is_a_miss(client, page_cache):
    from portal.generation import bump

    page = live_page("standardpage")
    first = client.get(page.url)
    assert first["X-Portal-Cache"] == "miss"
    assert first.wsgi_request.page_cache["key"] == cache_key(RequestFactory().get(page.url))
    assert client.get(page.url)["X-Portal-Cache"] == "hit"
    bump()  # any server publishing moves the shared generation
    assert client.get(page.url)["X-Portal-Cache"] == "miss"
    assert client.get(page.url)["X-Portal-Cache"] == "hit"
