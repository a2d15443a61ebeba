"""Unpublished drafts are not found through the page chooser by users who may not edit them."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset

from editorial import roles

from .helpers import article_form_data, make_article

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


SECTION_DRAFT_WORD = "Chuyên mục sắp giải thể"


@pytest.fixture
def section_with_draft_title(section, users):
    """A live section whose latest draft (leadership's, not yet published) has another title, with a
    live article in it."""
    live_title = section.title
    article = make_article(section, "Bài trong chuyên mục đổi tên", owner=users["bientapvien"])
    section.title = f"{live_title} – {SECTION_DRAFT_WORD}"
    section.save_revision(user=users["truongban"])
    section.refresh_from_db()
    assert section.title == live_title and SECTION_DRAFT_WORD in section.draft_title
    return section, article


def test_chooser_breadcrumbs_show_live_titles_to_those_who_may_not_edit(client, users, section_with_draft_title):
    section, article = section_with_draft_title
    url = reverse("wagtailadmin_choose_page_child", args=[article.pk])
    for name in ("congtacvien", "biendichvien"):
        client.force_login(users[name])
        assert SECTION_DRAFT_WORD not in html(client.get(url)), name
    client.force_login(users["congtacvien"])  # the translator's breadcrumbs start in the English tree
    assert section.title in html(client.get(url))
    for name in ("bientapvien", "truongban"):
        client.force_login(users[name])
        assert SECTION_DRAFT_WORD in html(client.get(url)), name


def test_chooser_does_not_browse_into_other_peoples_drafts(client, users, secret_draft):
    url = reverse("wagtailadmin_choose_page_child", args=[secret_draft.pk])
    for name in ("congtacvien", "biendichvien"):
        client.force_login(users[name])
        response = client.get(url)
        assert response.status_code == 404 and SECRET not in response.content.decode(), name
    client.force_login(users["bientapvien"])
    assert SECRET in html(client.get(url))


def test_chosen_page_box_shows_the_live_title_to_those_who_may_not_edit_it(
    client, users, section, live_page_with_draft
):
    """A collaborator's own article points at a live page whose draft someone else is preparing: its
    edit form shows the live title; the page's editors see the draft title."""
    from news.models import NewsRelatedPage

    mine = make_article(section, "Bài có trang liên quan", owner=users["congtacvien"], publish=False)
    mine.related_links.add(NewsRelatedPage(target=live_page_with_draft))
    mine.save_revision(user=users["congtacvien"])
    edit = reverse("wagtailadmin_pages:edit", args=[mine.pk])
    client.force_login(users["congtacvien"])
    response = client.get(edit)
    assert response.status_code == 200
    assert DRAFT_WORD not in response.content.decode()
    assert LIVE_TITLE in response.content.decode()
    # After a form error the box is rendered again, still with the live title.
    data = article_form_data(
        "", action="action-save", related_links=inline_formset([{"id": "", "target": live_page_with_draft.pk}])
    )
    response = client.post(edit, data)
    assert response.status_code == 200 and response.context["form"].errors
    assert LIVE_TITLE in response.content.decode() and DRAFT_WORD not in response.content.decode()
    for name in ("bientapvien", "truongban"):
        client.force_login(users[name])
        assert DRAFT_WORD in client.get(edit).content.decode(), name
