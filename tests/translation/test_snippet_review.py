"""English snippets go through review: a translator's change of a topic, a sector or a document type
reaches readers only when the board's leadership approves it in "Duyệt bản dịch"; editors and
leadership still publish snippets of their own language directly; collaborators gain nothing."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.test.client import encode_multipart
from django.urls import reverse
from wagtail.models import TaskState, WorkflowContentType, WorkflowState
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource

from editorial import roles
from news.models import Topic
from translation import localize_compat

from .conftest import make_article, translate_all

pytestmark = pytest.mark.django_db

REVIEWED = ("portal.department", "news.topic", "foreign_relations.sector", "foreign_relations.documenttype")
REVIEWED += ("foreign_relations.issuingbody", "related_sites.relatedsite")


def denied(response):
    """The admin answers a PermissionDenied with 403, or (for its own views) a redirect to its home."""
    return response.status_code == 403 or (response.status_code == 302 and response.url == reverse("wagtailadmin_home"))


def translation_of(snippet, en):
    return Translation.objects.get(source__object_id=snippet.translation_key, target_locale=en)


def put_string(client, translation, source_text, value):
    """The translation editor's API call that stores one translated string."""
    segment = StringSegment.objects.get(source=translation.source, string__data=source_text)
    return client.put(
        reverse("wagtail_localize:edit_string_translation", args=[translation.pk, segment.pk]),
        encode_multipart("BoUnDaRy", {"value": value}),
        content_type="multipart/form-data; boundary=BoUnDaRy",
    )


def snippet_url(snippet, name, *args):
    return reverse(snippet.snippet_viewset.get_url_name(name), args=[snippet.pk, *args])


def approve(client, snippet):
    task_state = TaskState.objects.get(
        workflow_state__object_id=str(snippet.pk),
        workflow_state__base_content_type=ContentType.objects.get_for_model(type(snippet)),
        status=TaskState.STATUS_IN_PROGRESS,
    )
    return client.post(snippet_url(snippet, "workflow_action", "approve", task_state.pk), {"comment": ""})


@pytest.fixture
def topic_on_english_article(client, section_vi, vi, en):
    """A Vietnamese topic with an approved English translation, on a live English article."""
    topic = Topic.objects.create(name="Hợp tác nghề cá", locale=vi)
    english_topic = translate_all(topic, mapping={"Hợp tác nghề cá": "Fisheries cooperation", topic.slug: "fisheries"})
    article = make_article(section_vi, "Bài về nghề cá")
    article.topics = [topic]
    article.save_revision().publish()
    english_article = translate_all(article)
    assert english_topic.live and english_topic.name == "Fisheries cooperation"
    assert "Fisheries cooperation" in client.get(english_article.url).content.decode()
    return topic, english_topic, english_article


def public_texts(client, english_article):
    """What readers see of the article's topics: the page and the API."""
    html = client.get(english_article.url).content.decode()
    api = client.get(f"/api/v2/news/{english_article.pk}/").json()
    return html, [topic["name"] for topic in api["topics"]]


def test_translator_change_of_a_topic_waits_for_leadership(client, users, topic_on_english_article, en):
    topic, english_topic, english_article = topic_on_english_article
    translator, leader = users["biendichvien"], users["truongban"]
    translation = translation_of(topic, en)
    client.force_login(translator)

    # The translator rewrites the name in the translation editor and sends it for review.
    assert put_string(client, translation, "Hợp tác nghề cá", "Cooperation in fisheries").status_code in (200, 201)
    response = client.post(reverse("editorial_submit_translation", args=[translation.pk]), {"confirm_incomplete": "1"})
    assert response.status_code == 302
    state = WorkflowState.objects.get(
        base_content_type=ContentType.objects.get_for_model(Topic),
        object_id=str(english_topic.pk),
        status=WorkflowState.STATUS_IN_PROGRESS,
    )
    assert state.workflow.name == roles.TRANSLATION_WORKFLOW

    # Readers still see the approved name, on the page and in the API; the draft waits in a revision.
    english_topic.refresh_from_db()
    assert english_topic.live and english_topic.name == "Fisheries cooperation"
    assert english_topic.has_unpublished_changes
    assert english_topic.get_latest_revision_as_object().name == "Cooperation in fisheries"
    html, api_names = public_texts(client, english_article)
    assert "Fisheries cooperation" in html and "Cooperation in fisheries" not in html
    assert api_names == ["Fisheries cooperation"]

    # The translator cannot publish it (translation editor and Wagtail's own action), nor approve it.
    edit = snippet_url(english_topic, "edit")
    assert denied(client.post(edit, {"action": "publish"}))
    client.post(edit, {"name": "Hacked", "slug": "fisheries", "action-publish": "1"})
    approve(client, english_topic)
    assert TaskState.objects.filter(workflow_state=state, status=TaskState.STATUS_IN_PROGRESS).exists()
    english_topic.refresh_from_db()
    assert english_topic.live and english_topic.name == "Fisheries cooperation"
    html, api_names = public_texts(client, english_article)
    assert "Hacked" not in html and "Cooperation in fisheries" not in html and api_names == ["Fisheries cooperation"]

    # Leadership approves: the new name is what readers see.
    client.force_login(leader)
    assert approve(client, english_topic).status_code in (200, 302)
    english_topic.refresh_from_db()
    assert english_topic.live and english_topic.name == "Cooperation in fisheries"
    assert not english_topic.has_unpublished_changes
    html, api_names = public_texts(client, english_article)
    assert "Cooperation in fisheries" in html and "Fisheries cooperation" not in html
    assert api_names == ["Cooperation in fisheries"]


def test_translator_change_of_a_document_type_waits_for_leadership(client, users, vi, en):
    from foreign_relations.models import DirectiveIndexPage, DirectivePage, DocumentType

    kind = DocumentType.objects.create(name="Công văn thử", code="cong-van-thu", locale=vi)
    english_kind = translate_all(kind, mapping={"Công văn thử": "Official letter"})
    directive = DirectivePage(title="Công văn số 9 thử", document_number="09-CV/LH", document_type=kind)
    DirectiveIndexPage.objects.get(locale=vi).add_child(instance=directive)
    directive.save_revision().publish()
    english_directive = translate_all(directive)
    translation = translation_of(kind, en)

    client.force_login(users["biendichvien"])
    put_string(client, translation, "Công văn thử", "Dispatch")
    client.post(reverse("editorial_submit_translation", args=[translation.pk]), {"confirm_incomplete": "1"})
    assert denied(client.post(snippet_url(english_kind, "edit"), {"action": "publish"}))
    english_kind.refresh_from_db()
    assert english_kind.live and english_kind.name == "Official letter"
    html = client.get(english_directive.url).content.decode()
    assert "Official letter" in html and "Dispatch" not in html
    api = client.get(f"/api/v2/directives/{english_directive.pk}/").json()
    assert api["document_type"]["name"] == "Official letter"
    listing = client.get(english_directive.get_parent().url).content.decode()
    assert "Dispatch" not in listing

    client.force_login(users["truongban"])
    assert approve(client, english_kind).status_code in (200, 302)
    html = client.get(english_directive.url).content.decode()
    assert "Dispatch" in html and "Official letter" not in html
    assert client.get(f"/api/v2/directives/{english_directive.pk}/").json()["document_type"]["name"] == "Dispatch"


def test_translating_a_page_again_keeps_its_english_snippets_live(client, users, topic_on_english_article, vi, en):
    """wagtail-localize re-saves the related snippets of a page sent for translation (a directive's
    document type) and of a snippet sent again: the approved English rows stay live and unchanged."""
    from foreign_relations.models import DirectiveIndexPage, DirectivePage, IssuingBody, Sector

    body = IssuingBody.objects.create(name="Thường trực thử", code="thuong-truc-thu", locale=vi)
    english_body = translate_all(body, mapping={"Thường trực thử": "Standing office"})
    source = TranslationSource.objects.get_for_instance(body)
    StringTranslation.objects.filter(locale=en, data="Standing office").update(data="Unreviewed office")
    directive = DirectivePage(title="Quyết định 3 thử", document_number="03-QĐ/LH", issuing_body=body)
    DirectiveIndexPage.objects.get(locale=vi).add_child(instance=directive)
    directive.save_revision().publish()
    client.force_login(users["biendichvien"])
    url = reverse("wagtail_localize:submit_page_translation", args=[directive.pk])
    assert client.post(url, {"locales": [en.pk]}).status_code == 302
    english_body.refresh_from_db()
    assert english_body.live and english_body.name == "Standing office"
    assert source.translations.get(target_locale=en).enabled

    sector = Sector.objects.create(name="Y tế cộng đồng thử", code="y-te-thu", locale=vi)
    english_sector = translate_all(sector, mapping={"Y tế cộng đồng thử": "Community health"})
    StringTranslation.objects.filter(locale=en, data="Community health").update(data="Unreviewed health")
    url = reverse("wagtail_localize:submit_snippet_translation", args=["foreign_relations", "sector", sector.pk])
    client.post(url, {"locales": [en.pk]})
    english_sector.refresh_from_db()
    assert english_sector.live and english_sector.name == "Community health"


def test_sync_with_publish_is_refused_to_translators(client, users, topic_on_english_article, en):
    topic, english_topic, _ = topic_on_english_article
    source = TranslationSource.objects.get_for_instance(topic)
    StringTranslation.objects.filter(locale=en, data="Fisheries cooperation").update(data="Unreviewed fisheries")
    client.force_login(users["biendichvien"])
    url = reverse("wagtail_localize:update_translations", args=[source.pk])
    assert denied(client.post(url, {"publish_translations": "on"}))
    english_topic.refresh_from_db()
    assert english_topic.live and english_topic.name == "Fisheries cooperation"


def test_editor_publishes_a_vietnamese_topic_directly(client, users, vi):
    topic = Topic.objects.create(name="Chủ đề biên tập thử", locale=vi)
    client.force_login(users["bientapvien"])
    edit = snippet_url(topic, "edit")
    data = {"name": "Chủ đề đã sửa", "slug": topic.slug, "description": ""}
    assert client.post(edit, data).status_code == 302  # "Save draft": readers keep the old name
    topic.refresh_from_db()
    assert topic.live and topic.name == "Chủ đề biên tập thử"
    assert client.post(edit, {**data, "action-publish": "1"}).status_code == 302
    topic.refresh_from_db()
    assert topic.live and topic.name == "Chủ đề đã sửa" and not topic.has_unpublished_changes


def test_editor_cannot_unpublish_or_publish_english_snippets(client, users, topic_on_english_article):
    _, english_topic, english_article = topic_on_english_article
    client.force_login(users["bientapvien"])
    assert denied(client.post(snippet_url(english_topic, "unpublish")))
    edit = snippet_url(english_topic, "edit")
    assert denied(client.post(edit, {"name": "Editor", "slug": "fisheries", "action-publish": "1"}))
    english_topic.refresh_from_db()
    assert english_topic.live and english_topic.name == "Fisheries cooperation"


def test_translator_can_only_save_drafts_in_wagtails_own_editor(client, users, en):
    """An English snippet that is no synchronised translation opens in Wagtail's editor: its publish
    action is not offered to translators and the server saves a draft instead."""
    from related_sites.models import RelatedSite

    site = RelatedSite.objects.create(name="Test site", url="https://example.org/", locale=en)
    client.force_login(users["biendichvien"])
    edit = snippet_url(site, "edit")
    page = client.get(edit).content.decode()
    assert 'name="action-publish"' not in page
    assert 'name="action-submit"' in page
    data = {"name": "Changed site", "url": "https://example.org/", "sort_order": 0}
    client.post(edit, {**data, "action-publish": "1"})
    site.refresh_from_db()
    assert site.live and site.name == "Test site"
    assert site.get_latest_revision_as_object().name == "Changed site"
    footer = client.get("/en/").content.decode()
    assert "Test site" in footer and "Changed site" not in footer


def test_publish_rights_and_workflows_of_snippets():
    leadership = Group.objects.get(name=roles.LEADERSHIP)
    editors = Group.objects.get(name=roles.EDITORS)
    translators = Group.objects.get(name=roles.TRANSLATORS)
    collaborators = Group.objects.get(name=roles.COLLABORATORS)
    for label in REVIEWED:
        app_label, model = label.split(".")
        codename = f"publish_{model}"
        assert Permission.objects.filter(content_type__app_label=app_label, codename=codename).exists()
        assert editors.permissions.filter(codename=codename).exists()
        assert leadership.permissions.filter(codename=codename).exists()
        assert not translators.permissions.filter(codename=codename).exists()
        assert not collaborators.permissions.filter(codename__in=[codename, f"change_{model}", f"add_{model}"]).exists()
        workflow = WorkflowContentType.objects.get(content_type__app_label=app_label, content_type__model=model)
        assert workflow.workflow.name == roles.TRANSLATION_WORKFLOW


def test_collaborators_gain_nothing(client, users, topic_on_english_article, vi):
    _, english_topic, _ = topic_on_english_article
    collaborator = users["congtacvien"]
    assert not any(collaborator.has_perm(f"news.{a}_topic") for a in ("add", "change", "publish", "delete"))
    client.force_login(collaborator)
    topic = Topic.objects.filter(locale=vi).first()
    for snippet in (topic, english_topic):
        assert denied(client.post(snippet_url(snippet, "edit"), {"name": "x", "slug": "x", "action-publish": "1"}))
    english_topic.refresh_from_db()
    assert english_topic.name == "Fisheries cooperation"


def test_wagtail_localize_still_overwrites_a_live_snippet_draft(topic_on_english_article, en):
    """Work-around 3 of translation.localize_compat is still needed: without its receivers, saving a
    draft translation of a live snippet writes the draft into the live row and unpublishes it."""
    topic, english_topic, _ = topic_on_english_article
    StringTranslation.objects.filter(locale=en, data="Fisheries cooperation").update(data="Unreviewed fisheries")
    localize_compat.release_live_content()
    try:
        translation_of(topic, en).save_target(publish=False)
    finally:
        localize_compat.keep_live_content()
    english_topic.refresh_from_db()
    assert english_topic.name == "Unreviewed fisheries"
    assert not english_topic.live
