"""Wagtail's view restrictions hold on every page, though an unrestricted page is checked without
a query (``BasePage.get_view_restrictions``: the subtrees restrictions may cover are remembered for
the publish generation). Each test warms what is remembered first, then changes the restrictions
or the tree, as an editor would between two readers' views."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from news.models import NewsPage

pytestmark = pytest.mark.django_db


def article_vi():
    return NewsPage.objects.live().filter(locale__language_code="vi").order_by("path").first()


def test_an_unrestricted_article_is_checked_without_a_query(client):
    article = article_vi()
    assert client.get(article.url).status_code == 200
    with CaptureQueriesContext(connection) as queries:
        response = client.get(article.url)
    assert response.status_code == 200
    assert not [q["sql"] for q in queries.captured_queries if "wagtailcore_pageviewrestriction" in q["sql"]]


def test_a_restriction_added_or_removed_between_two_views_applies_at_once(client):
    article = article_vi()
    section = article.get_parent()
    assert client.get(article.url).status_code == 200

    restriction = PageViewRestriction.objects.create(page=section, restriction_type=PageViewRestriction.LOGIN)
    response = client.get(article.url)
    assert response.status_code == 302
    assert "login" in response["Location"]
    assert client.get(section.url).status_code == 302

    restriction.delete()
    assert client.get(article.url).status_code == 200


def test_a_password_restriction_shows_the_form_not_the_article(client):
    article = article_vi()
    assert client.get(article.url).status_code == 200
    PageViewRestriction.objects.create(page=article, restriction_type=PageViewRestriction.PASSWORD, password="bí-mật-9")
    response = client.get(article.url)
    assert response.status_code == 200
    assert 'name="password"' in response.text
    assert article.lead not in response.text


def test_the_pages_below_an_alias_of_a_section_restricted_later_are_restricted(client):
    article = article_vi()
    section = article.get_parent()
    # An alias of the whole section, with its articles, elsewhere in the tree.
    alias = section.create_alias(parent=section.get_parent(), update_slug=f"{section.slug}-ban-sao", recursive=True)
    alias_article = alias.get_children().get(alias_of=article)
    assert client.get(alias_article.url).status_code == 200

    # Restricting the source section restricts the aliases: Wagtail checks an alias's source page,
    # though no restriction names the alias or its children.
    PageViewRestriction.objects.create(page=section, restriction_type=PageViewRestriction.LOGIN)
    assert not PageViewRestriction.objects.filter(page__in=[alias, alias_article]).exists()
    for url in (alias.url, alias_article.url):
        response = client.get(url)
        assert response.status_code == 302, url
        assert "login" in response["Location"]


def test_an_alias_made_of_a_page_that_becomes_restricted_later_is_restricted(client):
    article = article_vi()
    section = article.get_parent()
    alias = article.create_alias(parent=section, update_slug=f"{article.slug}-ban-sao")
    assert client.get(alias.url).status_code == 200

    PageViewRestriction.objects.create(page=article, restriction_type=PageViewRestriction.LOGIN)
    assert client.get(alias.url).status_code == 302
