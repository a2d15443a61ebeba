"""The page explorer, its side menu, the page search and the "pages of this type" listing show a user
live pages and the pages they may edit or review, never other people's unpublished drafts."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.urls import reverse

from editorial import roles

from .helpers import make_article

pytestmark = pytest.mark.django_db

SECRET = "Kế hoạch nhân sự chưa công bố"
LIVE = "Bài đã đăng về giao lưu hữu nghị"


@pytest.fixture
def pages(section, users):
    secret = make_article(section, SECRET, owner=users["bientapvien"], publish=False)
    live = make_article(section, LIVE, owner=users["bientapvien"])
    return secret, live


def listings(client, user, section):
    """What ``user`` reads in each page list of the admin: the explorer of the section, the explorer's
    side menu (the admin API), the page search, and the list of news articles."""
    client.force_login(user)
    explore = client.get(reverse("wagtailadmin_explore", args=[section.pk]))
    menu = client.get("/admin/api/main/pages/", {"child_of": section.pk, "for_explorer": 1, "fields": "title"})
    return {
        "explorer": explore.content.decode() if explore.status_code == 200 else "",
        "explorer search": client.get(
            reverse("wagtailadmin_explore", args=[section.pk]), {"q": "chưa công bố"}
        ).content.decode(),
        "side menu": menu.content.decode() if menu.status_code == 200 else "",
        "search": client.get(reverse("wagtailadmin_pages:search"), {"q": "chưa công bố"}).content.decode(),
        "search results": client.get(
            reverse("wagtailadmin_pages:search_results"), {"q": "chưa công bố"}
        ).content.decode(),
        "type listing": client.get(reverse("wagtailadmin_pages:type_use", args=["news", "newspage"])).content.decode(),
    }


def test_collaborators_and_translators_do_not_see_other_peoples_drafts(client, users, pages, section):
    secret, live = pages
    other = get_user_model().objects.create_user("congtacvien3", password="x")
    other.groups.add(Group.objects.get(name=roles.COLLABORATORS))
    for user in (users["congtacvien"], other, users["biendichvien"]):
        for where, html in listings(client, user, section).items():
            assert SECRET not in html, (user.username, where)
        # Nor by exploring the draft by its number.
        assert client.get(reverse("wagtailadmin_explore", args=[secret.pk])).status_code in (302, 404)
    # The collaborator still finds the live article in the explorer, its menu and the search.
    found = listings(client, users["congtacvien"], section)
    for where in ("explorer", "side menu", "type listing"):
        assert LIVE in found[where], where
    client.force_login(users["congtacvien"])
    assert LIVE in client.get(reverse("wagtailadmin_pages:search"), {"q": "giao lưu hữu nghị"}).content.decode()


def test_collaborators_see_their_own_drafts(client, users, section):
    mine = make_article(section, "Bản nháp riêng của cộng tác viên", owner=users["congtacvien"], publish=False)
    found = listings(client, users["congtacvien"], section)
    for where in ("explorer", "side menu", "type listing"):
        assert mine.title in found[where], where
    client.force_login(users["congtacvien"])
    assert mine.title in client.get(reverse("wagtailadmin_pages:search"), {"q": "bản nháp riêng"}).content.decode()
    assert client.get(reverse("wagtailadmin_explore", args=[mine.pk])).status_code == 200


def test_editors_and_leadership_see_every_draft(client, users, pages, section):
    for name in ("bientapvien", "truongban", "admin"):
        found = listings(client, users[name], section)
        for where in ("explorer", "explorer search", "side menu", "search", "type listing"):
            assert SECRET in found[where], (name, where)


def test_reviewers_find_what_waits_for_them(client, users, section, department):
    """A collaborator's article submitted to "Duyệt tin": the editor finds it in the explorer, the search
    and the review queue, approves it; leadership then finds and publishes it."""
    from .test_moderation import submit_as_collaborator

    title = "Bài gửi duyệt của cộng tác viên"
    page = submit_as_collaborator(client, users, section, department, title=title)
    assert page.current_workflow_state.workflow.name == roles.NEWS_WORKFLOW
    for name, task in (("bientapvien", roles.EDITOR_REVIEW_TASK), ("truongban", roles.LEADERSHIP_APPROVAL_TASK)):
        page.refresh_from_db()
        assert page.current_workflow_task.name == task
        found = listings(client, users[name], section)
        assert title in found["explorer"] and title in found["side menu"], name
        assert title in client.get(reverse("wagtailadmin_pages:search"), {"q": "gửi duyệt"}).content.decode()
        assert title in client.get(reverse("wagtailadmin_home")).content.decode(), name  # the review queue
        task_state = page.current_workflow_task_state
        response = client.post(
            reverse("wagtailadmin_pages:workflow_action", args=(page.pk, "approve", task_state.pk)), {"comment": ""}
        )
        assert response.status_code in (200, 302)
    page.refresh_from_db()
    assert page.live
    # Published, it is listed for other collaborators too.
    other = get_user_model().objects.create_user("congtacvien4", password="x")
    other.groups.add(Group.objects.get(name=roles.COLLABORATORS))
    assert title in listings(client, other, section)["explorer"]


def test_the_admin_api_answers_only_about_visible_pages(client, users, pages, section):
    """The admin API (the explorer's side menu reads it) gives no other person's draft, by number,
    search or listing."""
    secret, live = pages
    for name in ("congtacvien", "biendichvien"):
        client.force_login(users[name])
        assert client.get(f"/admin/api/main/pages/{secret.pk}/").status_code == 404, name
        for params in ({"search": "chưa công bố"}, {"child_of": section.pk}, {"descendant_of": section.pk}):
            response = client.get("/admin/api/main/pages/", params)
            assert SECRET not in response.content.decode(), (name, params)
    client.force_login(users["congtacvien"])
    assert client.get(f"/admin/api/main/pages/{live.pk}/").status_code == 200
    for name in ("bientapvien", "truongban"):
        client.force_login(users[name])
        assert client.get(f"/admin/api/main/pages/{secret.pk}/").json()["title"] == SECRET


def test_site_history_shows_a_user_the_history_of_the_pages_they_may_edit(client, users, pages):
    from wagtail.log_actions import log

    secret, _live = pages
    log(instance=secret, action="wagtail.edit", user=users["bientapvien"])
    mine = make_article(secret.get_parent(), "Bài nháp có lịch sử của tôi", owner=users["congtacvien"], publish=False)
    log(instance=mine, action="wagtail.edit", user=users["congtacvien"])
    url = reverse("wagtailadmin_reports:site_history")
    client.force_login(users["congtacvien"])
    for view in (url, url + "results/"):
        assert SECRET not in client.get(view).content.decode(), view
    export = client.get(url, {"export": "csv"})
    assert export.status_code == 200 and SECRET not in b"".join(export.streaming_content).decode()
    assert mine.title in client.get(url).content.decode()
    for name in ("bientapvien", "truongban", "admin"):
        client.force_login(users[name])
        assert SECRET in client.get(url).content.decode(), name


DRAFT_WORD = "Tên dự kiến chưa duyệt"


def test_live_pages_keep_their_live_title_in_the_explorer(client, users, pages, section):
    """An editor prepares new titles for a live article and for its section: collaborators and
    translators read the live titles in the listings, the explorer's header and its breadcrumbs."""
    _secret, live = pages
    live.title = f"{LIVE} – {DRAFT_WORD}"
    live.save_revision(user=users["bientapvien"])
    section_title = section.title
    section.title = f"{section_title} – {DRAFT_WORD}"
    section.save_revision(user=users["truongban"])
    explore_article = reverse("wagtailadmin_explore", args=[live.pk])
    search = reverse("wagtailadmin_pages:search")
    for user in (users["congtacvien"], users["biendichvien"]):
        for where, html in listings(client, user, section).items():
            assert DRAFT_WORD not in html, (user.username, where)
        assert DRAFT_WORD not in client.get(search, {"q": "giao lưu hữu nghị"}).content.decode(), user.username
    client.force_login(users["congtacvien"])
    found = client.get(explore_article).content.decode()
    assert DRAFT_WORD not in found and LIVE in found and section_title in found
    for name in ("bientapvien", "truongban"):
        found = listings(client, users[name], section)
        assert DRAFT_WORD in found["explorer"] and DRAFT_WORD in found["type listing"], name
        assert found["explorer"].count(DRAFT_WORD) >= 2, name  # the article and the section itself


def test_the_explorer_and_search_are_served_by_the_portal_views():
    """Wagtail's addresses, the portal's views: an upgrade that routes them elsewhere fails here."""
    from wagtail.admin.viewsets.pages import page_viewset_registry
    from wagtail.models import Page

    from editorial import page_views
    from news.models import NewsPage, NewsSectionPage

    for model in (Page, NewsPage, NewsSectionPage):
        viewset = page_viewset_registry.get_by_type(model)
        assert isinstance(viewset, page_views.PortalPageViewSet), model
    assert isinstance(page_viewset_registry.get_by_parent_model(NewsSectionPage), page_views.PortalPageViewSet)
