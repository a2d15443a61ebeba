"""Unpublished drafts are not found through the page chooser by users who may not edit them."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.urls import reverse

from editorial import roles

from .helpers import make_article

pytestmark = pytest.mark.django_db

SECRET = "Dự thảo nghị quyết chưa công bố"


@pytest.fixture
def secret_draft(section, users):
    return make_article(section, SECRET, owner=users["bientapvien"], publish=False)


def html(response):
    """The chooser answers JSON (the modal's HTML inside) or, for search results, HTML."""
    assert response.status_code == 200
    if response["Content-Type"].startswith("application/json"):
        return response.json()["html"]
    return response.content.decode()


def chooser_lists(client, user, page, section):
    client.force_login(user)
    search = html(client.get(reverse("wagtailadmin_choose_page_search"), {"q": SECRET}))
    browse = html(client.get(reverse("wagtailadmin_choose_page_child", args=[section.pk])))
    return SECRET in search, SECRET in browse


def test_drafts_are_hidden_from_those_who_may_not_edit_them(client, users, secret_draft, section):
    assert chooser_lists(client, users["congtacvien"], secret_draft, section) == (False, False)
    assert chooser_lists(client, users["biendichvien"], secret_draft, section) == (False, False)
    # Another collaborator of the same section neither.
    other = get_user_model().objects.create_user("congtacvien2", password="x")
    other.groups.add(Group.objects.get(name=roles.COLLABORATORS))
    assert chooser_lists(client, other, secret_draft, section) == (False, False)


def test_drafts_are_shown_to_those_who_may_edit_them(client, users, secret_draft, section):
    assert chooser_lists(client, users["bientapvien"], secret_draft, section) == (True, True)
    assert chooser_lists(client, users["truongban"], secret_draft, section) == (True, True)
    assert chooser_lists(client, users["admin"], secret_draft, section) == (True, True)


def test_own_drafts_and_live_pages_stay_choosable(client, users, section):
    mine = make_article(section, "Bản nháp của cộng tác viên", owner=users["congtacvien"], publish=False)
    live = make_article(section, "Bài đã đăng công khai", owner=users["bientapvien"])
    client.force_login(users["congtacvien"])
    browse = html(client.get(reverse("wagtailadmin_choose_page_child", args=[section.pk])))
    assert mine.title in browse and live.title in browse
    search = html(client.get(reverse("wagtailadmin_choose_page_search"), {"q": "Bài đã đăng công khai"}))
    assert live.title in search


LIVE_TITLE = "Hội nghị tổng kết công tác đối ngoại nhân dân"
DRAFT_WORD = "Phương án nhân sự chưa công bố"


@pytest.fixture
def live_page_with_draft(section, users):
    """A live article whose latest draft, not yet approved, has another title."""
    page = make_article(section, LIVE_TITLE, owner=users["bientapvien"])
    page.title = f"{LIVE_TITLE}: {DRAFT_WORD}"
    page.save_revision(user=users["bientapvien"])
    page.refresh_from_db()
    assert page.live and page.title == LIVE_TITLE and DRAFT_WORD in page.draft_title
    return page


def chooser_answers(client, user, section, page):
    client.force_login(user)
    return {
        "search live word": html(client.get(reverse("wagtailadmin_choose_page_search"), {"q": "tổng kết đối ngoại"})),
        "search draft word": html(client.get(reverse("wagtailadmin_choose_page_search"), {"q": DRAFT_WORD})),
        "browse": html(client.get(reverse("wagtailadmin_choose_page_child", args=[section.pk]))),
        "chosen": " ".join(
            item["adminTitle"]
            for item in client.get(reverse("wagtailadmin_choose_page_chosen_multiple"), {"id": page.pk}).json()[
                "result"
            ]
        ),
    }


def test_live_pages_keep_their_live_title_for_those_who_may_not_edit_them(client, users, live_page_with_draft, section):
    others = [users["congtacvien"], users["biendichvien"]]
    for user in others:
        answers = chooser_answers(client, user, section, live_page_with_draft)
        for where, text in answers.items():
            assert DRAFT_WORD not in text, (user.username, where)
        for where in ("search live word", "browse"):
            assert LIVE_TITLE in answers[where], (user.username, where)
        assert answers["chosen"] == LIVE_TITLE, user.username


def test_editors_of_the_page_see_its_draft_title(client, users, live_page_with_draft, section):
    for user in (users["bientapvien"], users["truongban"], users["admin"]):
        answers = chooser_answers(client, user, section, live_page_with_draft)
        for where in ("search live word", "browse", "chosen"):
            assert DRAFT_WORD in answers[where], (user.username, where)


def test_multiple_choice_answers_only_pages_the_chooser_offers(client, users, secret_draft):
    client.force_login(users["congtacvien"])
    response = client.get(reverse("wagtailadmin_choose_page_chosen_multiple"), {"id": secret_draft.pk})
    assert response.status_code == 200
    assert response.json()["result"] == []
    assert SECRET not in response.content.decode()


# Wagtail's page chooser routes that show no page title: forms for other kinds of links.
LINK_FORMS = {
    "wagtailadmin_choose_page_external_link",
    "wagtailadmin_choose_page_email_link",
    "wagtailadmin_choose_page_phone_link",
    "wagtailadmin_choose_page_anchor_link",
}


def test_every_page_chooser_route_that_lists_pages_is_served_by_the_portal_views():
    """Enumerated from Wagtail's admin URLs, so a chooser route added by an upgrade fails here
    until it is served by ``editorial.chooser_views`` or listed above."""
    from django.urls import URLPattern, resolve
    from wagtail.admin.urls import urlpatterns

    names = {
        pattern.name: pattern
        for pattern in urlpatterns
        if isinstance(pattern, URLPattern) and (pattern.name or "").startswith("wagtailadmin_choose_page")
    }
    assert {"wagtailadmin_choose_page", "wagtailadmin_choose_page_search"} <= set(names)
    for name, pattern in names.items():
        if name in LINK_FORMS:
            continue
        path = reverse(name, args=[1] * len(pattern.pattern.converters))
        view_class = resolve(path).func.view_class
        assert view_class.__module__ == "editorial.chooser_views", (name, view_class)
