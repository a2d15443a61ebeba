"""Promoted search results, redirects and the organization settings: who may open and change them."""

import pytest
from django.urls import URLPattern, get_resolver, reverse
from wagtail.contrib.redirects.models import Redirect
from wagtail.contrib.search_promotions.models import SearchPromotion
from wagtail.models import Site

from editorial.setup import MODEL_PERMISSIONS, apply_editorial_setup

pytestmark = pytest.mark.django_db

SITE_TOOL_NAMESPACES = ("wagtailredirects", "wagtailsearchpromotions")
# Wagtail opens the search-term chooser (used inside other forms) to every admin user.
OPEN_TO_EVERY_ADMIN_USER = {"/admin/searchpicks/queries/chooser/", "/admin/searchpicks/queries/chooser/results/"}


def index_urls():
    return [reverse("wagtailsearchpromotions:index"), reverse("wagtailredirects:index")]


def settings_url():
    return reverse(
        "wagtailsettings:edit", args=("portal", "organizationsettings", Site.objects.get(is_default_site=True).pk)
    )


def namespace_urls(namespace):
    """Every URL of the package's admin namespace that takes no argument (enumerated, so an upgrade
    adding a view is covered too)."""
    _prefix, sub = get_resolver().namespace_dict[namespace]
    names = [p.name for p in sub.url_patterns if isinstance(p, URLPattern) and p.name and not p.pattern.converters]
    assert names, namespace
    return [reverse(f"{namespace}:{name}") for name in names]


@pytest.mark.parametrize("username", ["bientapvien", "truongban"])
def test_editors_and_leadership_manage_promotions_and_redirects(client, users, username):
    client.force_login(users[username])
    for url in index_urls():
        assert client.get(url).status_code == 200, url
    response = client.post(
        reverse("wagtailredirects:add"),
        {
            "old_path": "/vi/tin-cu/",
            "site": "",
            "is_permanent": "on",
            "redirect_page": "",
            "redirect_link": "https://example.org/vi/",
        },
    )
    assert response.status_code == 302, response.context["form"].errors
    assert Redirect.objects.filter(old_path="/vi/tin-cu").exists()


def test_leadership_edits_the_organization_settings_editors_do_not(client, users):
    client.force_login(users["truongban"])
    response = client.get(settings_url())
    assert response.status_code == 200
    assert b"licence_number" in response.content  # the legal footer's fields
    client.force_login(users["bientapvien"])
    assert client.get(settings_url()).status_code in (302, 403)


@pytest.mark.parametrize("username", ["congtacvien", "biendichvien"])
def test_collaborators_and_translators_cannot_open_site_tools(client, users, username):
    client.force_login(users[username])
    for namespace in SITE_TOOL_NAMESPACES:
        for url in set(namespace_urls(namespace)) - OPEN_TO_EVERY_ADMIN_USER:
            assert client.get(url).status_code in (302, 403), url
    assert client.get(settings_url()).status_code in (302, 403)
    redirects, promotions = Redirect.objects.count(), SearchPromotion.objects.count()
    client.post(reverse("wagtailredirects:add"), {"old_path": "/vi/chiem/", "site": "", "redirect_link": "/x/"})
    assert Redirect.objects.count() == redirects
    assert SearchPromotion.objects.count() == promotions


def test_site_tool_grants_are_what_the_setup_says(users):
    apply_editorial_setup()  # idempotent: nothing more is granted on a second run
    editor, leader = users["bientapvien"], users["truongban"]
    assert editor.has_perm("wagtailredirects.add_redirect")
    assert editor.has_perm("wagtailsearchpromotions.change_searchpromotion")
    assert not editor.has_perm("portal.change_organizationsettings")
    assert leader.has_perm("portal.change_organizationsettings")
    for username in ("congtacvien", "biendichvien"):
        user = users[username]
        assert not any(
            user.has_perm(f"{app}.{a}_{model}")
            for grants in MODEL_PERMISSIONS.values()
            for app, model, actions in grants
            for a in actions
        )
