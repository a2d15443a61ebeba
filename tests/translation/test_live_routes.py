"""Every admin route that can change the live English site, tried by a translator (who may edit the
English tree but not publish): nothing changes for readers, in the sitemap or in the API.
Leadership, who may publish, still can."""

import pytest
from django.urls import reverse
from wagtail.models import Page

from .conftest import english_of, make_article, translate_all

pytestmark = pytest.mark.django_db


def denied(response):
    """The admin answers a PermissionDenied with 403, or (for its own views) a redirect to its home."""
    return response.status_code == 403 or (response.status_code == 302 and response.url == reverse("wagtailadmin_home"))


def public_view(client, page):
    """What readers see of ``page``: its live state and title, the page itself, the sitemap, the API."""
    page = Page.objects.get(pk=page.pk).specific
    anonymous = client.__class__()
    api = anonymous.get(f"/api/v2/pages/{page.pk}/")
    return {
        "live": page.live,
        "title": page.title,
        "url_path": page.url_path,
        "alias_of": page.alias_of_id,
        "html": anonymous.get(page.url).status_code if page.live else None,
        "in_sitemap": (page.full_url or "") in anonymous.get("/sitemap.xml").content.decode(),
        "in_api": {api.json()["title"]} if api.status_code == 200 else set(),
    }


@pytest.fixture
def draft_translation(section_vi):
    """A live Vietnamese article whose English translation is an unreviewed draft."""
    article = make_article(section_vi, "Bài có bản dịch chưa duyệt")
    translate_all(article, publish=False, mapping=lambda text: f"Unreviewed {text}")
    return article, english_of(article)


@pytest.fixture
def approved_translation(section_vi):
    """A live Vietnamese article with an approved, live English translation."""
    article = make_article(section_vi, "Bài có bản dịch đã duyệt")
    translate_all(article, publish=True, mapping=lambda text: f"Approved {text}")
    return article, english_of(article)


def test_translator_cannot_convert_an_unreviewed_draft_to_an_alias(client, translator, draft_translation):
    _article, english = draft_translation
    before = public_view(client, english)
    assert not before["live"] and not before["in_sitemap"] and not before["in_api"]
    client.force_login(translator)
    url = reverse("wagtail_localize:convert_to_alias", args=[english.pk])
    assert denied(client.get(url))
    assert denied(client.post(url))
    # Nor through the translation editor's own POST field, which redirects to that route.
    response = client.post(reverse("wagtailadmin_pages:edit", args=[english.pk]), {"localize-convert-to-alias": "1"})
    assert response.status_code == 302
    assert denied(client.post(response.url))
    assert public_view(client, english) == before


def test_translator_cannot_overwrite_an_approved_page_by_aliasing(client, translator, approved_translation):
    article, english = approved_translation
    before = public_view(client, english)
    assert before["live"] and before["in_sitemap"] and before["in_api"] == {english.title}
    client.force_login(translator)
    assert denied(client.post(reverse("wagtail_localize:convert_to_alias", args=[english.pk])))
    after = public_view(client, english)
    assert after == before and after["title"].startswith("Approved")
    # The Vietnamese page's switcher still points at the English page, not at an alias of itself.
    assert english.url in client.__class__().get(article.url).content.decode()


def test_leadership_may_convert_to_an_alias(client, leader, approved_translation):
    article, english = approved_translation
    client.force_login(leader)
    response = client.post(reverse("wagtail_localize:convert_to_alias", args=[english.pk]))
    assert response.status_code == 302
    english = Page.objects.get(pk=english.pk)
    assert english.alias_of_id == article.pk and english.title == article.title


def test_convert_to_alias_is_hidden_from_translators(client, translator, leader, approved_translation):
    from wagtail_localize.models import Translation

    _article, english = approved_translation
    edit = reverse("wagtailadmin_pages:edit", args=[english.pk])
    # In the translation editor, the script that removes the button is loaded for translators only.
    client.force_login(translator)
    assert "translation_editor_rights.js" in client.get(edit).content.decode()
    client.force_login(leader)
    assert "translation_editor_rights.js" not in client.get(edit).content.decode()
    # In Wagtail's own editor (synchronisation stopped), the action menu item likewise.
    Translation.objects.filter(target_locale=english.locale, source__object_id=english.translation_key).update(
        enabled=False
    )
    client.force_login(translator)
    assert "localize-convert-to-alias" not in client.get(edit).content.decode()
    client.force_login(leader)
    assert "localize-convert-to-alias" in client.get(edit).content.decode()


def test_translator_cannot_sync_and_publish(client, translator, approved_translation):
    from wagtail_localize.models import TranslationSource

    article, english = approved_translation
    article.title = "Bài đã đổi tên sau khi dịch"
    article.save_revision().publish()
    before = public_view(client, english)
    source = TranslationSource.objects.get_for_instance(article)
    client.force_login(translator)
    url = reverse("wagtail_localize:update_translations", args=[source.pk])
    assert denied(client.post(url, {"publish_translations": "on"}))
    assert public_view(client, english) == before
    # Synchronising without publishing leaves drafts: readers see the same page.
    assert client.post(url, {}).status_code == 302
    assert public_view(client, english) == before


def test_translator_cannot_unpublish_move_delete_or_restrict(client, translator, approved_translation, section_vi, en):
    _article, english = approved_translation
    before = public_view(client, english)
    client.force_login(translator)
    assert denied(client.post(reverse("wagtailadmin_pages:unpublish", args=[english.pk]), {}))
    assert denied(client.post(reverse("wagtailadmin_pages:delete", args=[english.pk]), {}))
    other_section = section_vi.get_translation(en).get_parent()
    move = reverse("wagtailadmin_pages:move_confirm", args=[english.pk, other_section.pk])
    client.post(move, {})
    assert denied(
        client.post(reverse("wagtailadmin_pages:set_privacy", args=[english.pk]), {"restriction_type": "login"})
    )
    assert denied(client.post(reverse("wagtailadmin_pages:set_page_position", args=[english.pk]) + "?position=0"))
    assert public_view(client, english) == before


def test_translator_cannot_publish_by_revert_copy_or_bulk_action(client, translator, approved_translation, en):
    _article, english = approved_translation
    before = public_view(client, english)
    client.force_login(translator)
    first = english.revisions.order_by("created_at").first()
    client.post(reverse("wagtailadmin_pages:revisions_revert", args=[english.pk, first.pk]), {"action-publish": "1"})
    parent = english.get_parent()
    english_count = Page.objects.live().filter(locale=en).count()
    client.post(
        reverse("wagtailadmin_pages:copy", args=[english.pk]),
        {
            "new_title": "Copied and published",
            "new_slug": "copied-and-published",
            "new_parent_page": parent.pk,
            "publish_copies": "on",
        },
    )
    assert not Page.objects.live().filter(title="Copied and published").exists()
    for action in ("unpublish", "delete", "publish"):
        url = reverse("wagtail_bulk_action", args=["wagtailcore", "page", action]) + f"?id={english.pk}"
        client.post(url, {})
    assert Page.objects.live().filter(locale=en).count() == english_count
    assert public_view(client, english) == before


def test_translations_report_is_for_translators_and_leadership(client, users):
    url = reverse("wagtail_localize:translations_report")
    results = reverse("wagtail_localize:translations_report_results")
    for name in ("bientapvien", "congtacvien"):
        client.force_login(users[name])
        assert denied(client.get(url)) and denied(client.get(results))
        assert url not in client.get(reverse("wagtailadmin_home")).content.decode()
    for name in ("biendichvien", "truongban"):
        client.force_login(users[name])
        assert client.get(url).status_code == 200
        assert client.get(results).status_code == 200


def readers_view(client, page):
    """What readers see, whatever the page is in the admin (an alias or a page of its own)."""
    view = public_view(client, page)
    del view["alias_of"]
    return view


def test_translator_turning_an_alias_into_a_translation_changes_nothing_for_readers(
    client, translator, leader, section_vi, en
):
    """A live English alias (the Vietnamese article shown in the English tree): the translator starts a
    translation, translates strings and sends it for review through the admin. Readers keep the alias's
    page until leadership approves."""
    from django.test.client import encode_multipart
    from wagtail.models import TaskState
    from wagtail_localize.models import StringSegment, Translation

    article = make_article(section_vi, "Bài hiện ở mục tiếng Anh bằng bí danh")
    alias = article.copy_for_translation(en, alias=True)
    before = readers_view(client, alias)
    assert before["live"] and before["in_sitemap"] and before["in_api"] == {article.title}

    client.force_login(translator)
    response = client.post(reverse("wagtail_localize:submit_page_translation", args=[article.pk]), {"locales": [en.pk]})
    assert response.status_code == 302
    assert Page.objects.get(pk=alias.pk).alias_of_id is None
    assert readers_view(client, alias) == before
    translation = Translation.objects.get(source__object_id=article.translation_key, target_locale=en)
    for segment in StringSegment.objects.filter(source=translation.source).select_related("string"):
        response = client.put(
            reverse("wagtail_localize:edit_string_translation", args=[translation.pk, segment.pk]),
            encode_multipart("BoUnDaRy", {"value": f"Unreviewed {segment.string.data}"}),
            content_type="multipart/form-data; boundary=BoUnDaRy",
        )
        assert response.status_code in (200, 201), response.content
    # Publishing is refused; sending for review leaves readers the alias's page.
    assert denied(client.post(reverse("wagtailadmin_pages:edit", args=[alias.pk]), {"action": "publish"}))
    assert readers_view(client, alias) == before
    assert client.post(reverse("editorial_submit_translation", args=[translation.pk])).status_code == 302
    assert readers_view(client, alias) == before
    english = Page.objects.get(pk=alias.pk)
    assert english.draft_title == f"Unreviewed {article.title}" and english.has_unpublished_changes
    # Nor do a second round of sending, or Wagtail's own editor's publish button.
    assert client.post(reverse("editorial_submit_translation", args=[translation.pk])).status_code == 302
    client.post(reverse("wagtailadmin_pages:edit", args=[alias.pk]), {"action-publish": "1", "title": "Hacked"})
    assert readers_view(client, alias) == before

    # Leadership approves in "Duyệt bản dịch": readers get the translation.
    client.force_login(leader)
    task_state = TaskState.objects.get(workflow_state__object_id=str(alias.pk), status=TaskState.STATUS_IN_PROGRESS)
    response = client.post(
        reverse("wagtailadmin_pages:workflow_action", args=[alias.pk, "approve", task_state.pk]), {"comment": ""}
    )
    assert response.status_code in (200, 302)
    after = readers_view(client, alias)
    assert after["live"] and after["title"] == f"Unreviewed {article.title}" and after["in_api"] == {after["title"]}


def test_translator_cannot_change_the_live_site_through_the_admin_api(
    client, translator, approved_translation, section_vi, en
):
    """The admin API's page actions (``/admin/api/main/pages/<id>/action/<name>/``) run the same checks
    as the admin's views: a translator changes nothing readers see through them."""
    article, english = approved_translation
    english.title = "Unreviewed draft title"
    english.save_revision(user=translator)
    before = public_view(client, english)
    english_count = Page.objects.live().filter(locale=en).count()
    client.force_login(translator)
    parent = english.get_parent()
    first = english.revisions.order_by("created_at").first()
    attempts = {
        "publish": {},
        "unpublish": {},
        "delete": {},
        "move": {"destination_page_id": english.get_parent().get_parent().pk},
        "copy": {"destination_page_id": parent.pk, "keep_live": True, "slug": "copied-live"},
        "convert_alias": {},
    }
    for action, data in attempts.items():
        url = reverse("wagtailadmin_api:pages:action", args=[english.pk, action])
        response = client.post(url, data, content_type="application/json")
        assert response.status_code in (400, 403, 404), (action, response.status_code, response.content)
    # Reverting is allowed to editors of the page: it saves the old revision as a draft.
    response = client.post(
        reverse("wagtailadmin_api:pages:action", args=[english.pk, "revert_to_page_revision"]),
        {"revision_id": first.pk},
        content_type="application/json",
    )
    assert response.status_code == 200 and public_view(client, english) == before
    # Nor by making a live alias of the Vietnamese article in the English tree.
    response = client.post(
        reverse("wagtailadmin_api:pages:action", args=[article.pk, "create_alias"]),
        {"destination_page_id": parent.pk, "update_slug": "alias-of-the-article"},
        content_type="application/json",
    )
    assert response.status_code in (400, 403, 404), response.content
    assert public_view(client, english) == before
    assert Page.objects.live().filter(locale=en).count() == english_count
