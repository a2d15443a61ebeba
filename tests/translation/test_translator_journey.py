"""A translator's day through the admin's own views, and what a translator must not be able to do."""

import polib
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test.client import encode_multipart
from django.urls import reverse
from wagtail.models import Locale, Page, TaskState, WorkflowState
from wagtail_localize.models import StringSegment, StringTranslation, Translation

from news.models import Topic

from .conftest import english_of, make_article

pytestmark = pytest.mark.django_db


def partner_index(vi):
    from foreign_relations.models import PartnerIndexPage

    return PartnerIndexPage.objects.get(locale=vi)


def make_partner(vi, title="Tổ chức Hòa bình Thử nghiệm"):
    from foreign_relations.models import PartnerPage

    page = PartnerPage(
        title=title,
        name_original="Test Peace Foundation",
        acronym="TPF",
        localities="Phú Quốc",
        description="<p>Tổ chức hỗ trợ giáo dục tại các xã đảo.</p>",
    )
    partner_index(vi).add_child(instance=page)
    page.save_revision().publish()
    return page


def denied(response):
    """The admin answers a PermissionDenied with 403, or (for its own views) a redirect to its home."""
    return response.status_code == 403 or (response.status_code == 302 and response.url == reverse("wagtailadmin_home"))


def login(client, user):
    client.force_login(user)
    return client


def submit(client, page, en):
    return client.post(reverse("wagtail_localize:submit_page_translation", args=[page.pk]), {"locales": [en.pk]})


def translation_of(page, en):
    return Translation.objects.get(source__object_id=page.translation_key, target_locale=en)


def hreflangs(html):
    import re

    return dict(re.findall(r'<link rel="alternate" hreflang="(\w+)" href="([^"]+)">', html))


def test_translator_journey_article_and_partner(client, translator, leader, section_vi, vi, en):
    article = make_article(
        section_vi,
        "Đoàn thanh niên Lào thăm tỉnh",
        body=[("paragraph", "<p>Chiều 20/9, đoàn đã làm việc với Liên hiệp.</p>")],
        is_hot=True,
    )
    partner = make_partner(vi)
    login(client, translator)

    # 1. Start both translations: English drafts appear, nothing is live.
    for page in (article, partner):
        response = submit(client, page, en)
        assert response.status_code == 302
        english = english_of(page)
        assert english.locale == en and not english.live
        assert client.get(reverse("wagtailadmin_pages:edit", args=[english.pk])).status_code == 200

    # 2. The article through a PO file: download, translate offline, upload.
    article_translation = translation_of(article, en)
    response = client.get(reverse("wagtail_localize:download_pofile", args=[article_translation.pk]))
    assert response.status_code == 200
    po = polib.pofile(response.content.decode("utf-8"))
    assert any(entry.msgid == "Đoàn thanh niên Lào thăm tỉnh" for entry in po)
    po_english = {
        "Đoàn thanh niên Lào thăm tỉnh": "Lao youth delegation visits the province",
        "Chiều 20/9, đoàn đã làm việc với Liên hiệp.": "On the afternoon of 20 September the delegation met the Union.",
        "Tóm tắt bài kiểm thử.": "Summary of the test article.",
    }
    for entry in po:
        entry.msgstr = po_english.get(entry.msgid, f"EN {entry.msgid}")
    edit_url = reverse("wagtailadmin_pages:edit", args=[english_of(article).pk])
    response = client.post(
        reverse("wagtail_localize:upload_pofile", args=[article_translation.pk]),
        {"file": SimpleUploadedFile("article.po", str(po).encode("utf-8")), "next": edit_url},
    )
    assert response.status_code == 302
    assert StringTranslation.objects.filter(locale=en, data="Lao youth delegation visits the province").exists()
    # The slug segment got "EN <slug>": give it a proper English slug through the editor's API.
    partner_translation = translation_of(partner, en)
    for translation, values in (
        (article_translation, {article.slug: "lao-youth-delegation-visits-the-province"}),
        (
            partner_translation,
            {
                partner.title: "Test Peace Foundation",
                partner.slug: "test-peace-foundation",
                "Tổ chức hỗ trợ giáo dục tại các xã đảo.": "Supports education in the island communes.",
                "Phú Quốc": "Phu Quoc",
            },
        ),
    ):
        for segment in StringSegment.objects.filter(source=translation.source).select_related("string"):
            if segment.string.data in values:
                url = reverse("wagtail_localize:edit_string_translation", args=[translation.pk, segment.pk])
                response = client.put(
                    url,
                    encode_multipart("BoUnDaRy", {"value": values[segment.string.data]}),
                    content_type="multipart/form-data; boundary=BoUnDaRy",
                )
                assert response.status_code in (200, 201), response.content

    # 3. Progress: the translator cannot publish, but sends both for review ("Duyệt bản dịch").
    for page in (article, partner):
        english = english_of(page)
        response = client.post(reverse("wagtailadmin_pages:edit", args=[english.pk]), {"action": "publish"})
        assert denied(response)
        assert not Page.objects.get(pk=english.pk).live
        response = client.post(reverse("editorial_submit_translation", args=[translation_of(page, en).pk]))
        assert response.status_code == 302
        state = WorkflowState.objects.get(object_id=str(english.pk), status=WorkflowState.STATUS_IN_PROGRESS)
        assert state.workflow.name == "Duyệt bản dịch"
        assert not Page.objects.get(pk=english.pk).live

    # 4. Leadership approves: the English pages go live with the translated text.
    client.logout()
    login(client, leader)
    for page in (article, partner):
        english = english_of(page)
        task_state = TaskState.objects.get(
            workflow_state__object_id=str(english.pk), status=TaskState.STATUS_IN_PROGRESS
        )
        response = client.post(
            reverse("wagtailadmin_pages:workflow_action", args=[english.pk, "approve", task_state.pk]),
            {"comment": ""},
        )
        assert response.status_code in (200, 302)
        assert Page.objects.get(pk=english.pk).live

    article_en, partner_en = english_of(article), english_of(partner)
    assert article_en.title == "Lao youth delegation visits the province"
    assert article_en.slug == "lao-youth-delegation-visits-the-province"
    assert partner_en.title == "Test Peace Foundation"
    client.logout()

    # 5. Readers: the English pages in English, with hreflang pairs both ways.
    response = client.get(article_en.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert "On the afternoon of 20 September the delegation met the Union." in html
    assert "Chiều 20/9" not in html
    pairs = hreflangs(html)
    assert pairs["en"].endswith(article_en.url) and pairs["vi"].endswith(article.url)
    vi_pairs = hreflangs(client.get(article.url).content.decode())
    assert vi_pairs["en"].endswith(article_en.url) and vi_pairs["vi"].endswith(article.url)

    html = client.get(partner_en.url).content.decode()
    assert "Supports education in the island communes." in html and "Phu Quoc" in html
    pairs = hreflangs(html)
    assert pairs["vi"].endswith(partner.url) and pairs["en"].endswith(partner_en.url)
    assert hreflangs(client.get(partner.url).content.decode())["en"].endswith(partner_en.url)


# -- what a translator cannot do ------------------------------------------------------------------


def test_translator_cannot_edit_the_vietnamese_tree(client, translator, section_vi):
    article = make_article(section_vi, "Bài tiếng Việt không được sửa")
    login(client, translator)
    response = client.post(
        reverse("wagtailadmin_pages:edit", args=[article.pk]), {"title": "Hacked", "action-publish": "1"}
    )
    assert denied(response)
    article.refresh_from_db()
    assert article.title == "Bài tiếng Việt không được sửa"
    assert article.latest_revision.content["title"] == "Bài tiếng Việt không được sửa"
    children = section_vi.get_children().count()
    response = client.post(reverse("wagtailadmin_pages:add", args=["news", "newspage", section_vi.pk]), {})
    assert denied(response)
    assert section_vi.get_children().count() == children


def test_translator_cannot_publish_a_translation_directly(client, translator, section_vi, en):
    article = make_article(section_vi, "Bài không được tự đăng")
    login(client, translator)
    submit(client, article, en)
    english = english_of(article)
    translation = translation_of(article, en)
    # Not through the editor's "Publish" button, nor through Wagtail's own publish action …
    assert denied(client.post(reverse("wagtailadmin_pages:edit", args=[english.pk]), {"action": "publish"}))
    client.post(reverse("wagtailadmin_pages:edit", args=[english.pk]), {"action-publish": "1"})
    # … nor by "sync and publish immediately".
    url = reverse("wagtail_localize:update_translations", args=[translation.source_id])
    assert denied(client.post(url, {"publish_translations": "on"}))
    assert not Page.objects.get(pk=english.pk).live
    assert not WorkflowState.objects.filter(object_id=str(english.pk)).exists()


def test_translator_cannot_translate_outside_their_rights(client, translator, users, section_vi, vi, en):
    from news.models import NewsSectionPage

    login(client, translator)
    # A page whose section has no English version: adding under it is not theirs.
    lonely = NewsSectionPage(title="Chuyên mục chưa có bản tiếng Anh")
    section_vi.get_parent().add_child(instance=lonely)
    lonely.save_revision().publish()
    child = make_article(lonely, "Bài trong chuyên mục chưa dịch")
    before = (Page.objects.filter(locale=en).count(), Translation.objects.count())
    assert denied(client.get(reverse("wagtail_localize:submit_page_translation", args=[child.pk])))
    assert denied(submit(client, child, en))
    # An English-only page cannot be "translated" into the Vietnamese tree.
    english_home = Page.objects.get(depth=2, locale=en)
    english_only = english_home.add_child(instance=Page(title="English only", slug="english-only"))
    assert denied(submit(client, english_only, vi))
    assert (Page.objects.filter(locale=en).count() - 1, Translation.objects.count()) == before
    assert not Page.objects.filter(locale=vi, title="English only").exists()


def test_translator_cannot_change_vietnamese_snippets(client, translator, vi, en):
    topic = Topic.objects.filter(locale=vi).first()
    name = topic.name
    login(client, translator)
    edit = reverse("wagtailsnippets_news_topic:edit", args=[topic.pk])
    assert denied(client.get(edit))
    assert denied(client.post(edit, {"name": "Hacked", "slug": topic.slug, "description": ""}))
    topic.refresh_from_db()
    assert topic.name == name
    count = Topic.objects.filter(locale=vi).count()
    add = reverse("wagtailsnippets_news_topic:add") + "?locale=vi"
    assert denied(client.post(add, {"name": "Chủ đề lạ", "slug": "chu-de-la", "description": ""}))
    assert Topic.objects.filter(locale=vi).count() == count
    # English snippets are theirs to edit.
    english = topic.get_translation(en)
    assert client.get(reverse("wagtailsnippets_news_topic:edit", args=[english.pk])).status_code == 200


def test_translation_editor_api_needs_rights_on_the_target(client, users, section_vi, en):
    article = make_article(section_vi, "Bài cho API")
    login(client, users["biendichvien"])
    submit(client, article, en)
    translation = translation_of(article, en)
    segment = StringSegment.objects.filter(source=translation.source).first()
    client.logout()
    login(client, users["bientapvien"])  # an editor: no rights on the English tree
    url = reverse("wagtail_localize:edit_string_translation", args=[translation.pk, segment.pk])
    response = client.put(
        url, encode_multipart("BoUnDaRy", {"value": "x"}), content_type="multipart/form-data; boundary=BoUnDaRy"
    )
    assert denied(response)
    po = reverse("wagtail_localize:upload_pofile", args=[translation.pk])
    assert denied(client.post(po, {"file": SimpleUploadedFile("x.po", b"")}))
    assert not StringTranslation.objects.filter(locale=en, data="x").exists()
    # Collaborators hold no translation permission at all.
    client.logout()
    login(client, users["congtacvien"])
    other = make_article(section_vi, "Bài cộng tác viên không dịch được")
    assert denied(submit(client, other, en))
    assert other.get_translation_or_none(en) is None


def test_po_upload_without_a_valid_file_is_a_clear_error(client, translator, section_vi, en):
    article = make_article(section_vi, "Bài tải tệp PO hỏng")
    login(client, translator)
    submit(client, article, en)
    translation = translation_of(article, en)
    url = reverse("wagtail_localize:upload_pofile", args=[translation.pk])
    next_url = reverse("wagtailadmin_pages:edit", args=[english_of(article).pk])
    for data in (
        {"next": next_url},
        {"file": SimpleUploadedFile("x.po", b'msgid "a"\nmsgstr "b"\n'), "next": next_url},
    ):
        response = client.post(url, data)
        assert response.status_code == 302 and response.url == next_url
    assert not StringTranslation.objects.filter(locale=en, translation_of__data="a").exists()


def test_sent_back_translation_can_be_sent_again(client, translator, leader, section_vi, en):
    article = make_article(section_vi, "Bài bị trả lại")
    login(client, translator)
    submit(client, article, en)
    translation = translation_of(article, en)
    client.post(reverse("editorial_submit_translation", args=[translation.pk]), {"confirm_incomplete": "1"})
    english = english_of(article)
    client.logout()
    login(client, leader)
    task_state = TaskState.objects.get(workflow_state__object_id=str(english.pk), status=TaskState.STATUS_IN_PROGRESS)
    client.post(
        reverse("wagtailadmin_pages:workflow_action", args=[english.pk, "reject", task_state.pk]),
        {"comment": "Dịch lại tiêu đề."},
    )
    state = WorkflowState.objects.get(object_id=str(english.pk))
    assert state.status == WorkflowState.STATUS_NEEDS_CHANGES
    client.logout()
    login(client, translator)
    client.post(reverse("editorial_submit_translation", args=[translation.pk]), {"confirm_incomplete": "1"})
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert not Page.objects.get(pk=english.pk).live
    assert Locale.objects.get(pk=english.locale_id).language_code == "en"


def test_leadership_publishes_from_the_translation_editor(client, leader, section_vi, en):
    article = make_article(section_vi, "Bài lãnh đạo đăng bản dịch")
    login(client, leader)
    assert submit(client, article, en).status_code == 302
    english = english_of(article)
    response = client.post(reverse("wagtailadmin_pages:edit", args=[english.pk]), {"action": "publish"})
    assert response.status_code == 302
    english = Page.objects.get(pk=english.pk)
    assert english.live
    assert english.numchild == english.get_children().count() == 0
    assert client.get(english.url).status_code == 200


def test_translator_translates_a_snippet_and_editors_cannot(client, translator, users, vi, en):
    from foreign_relations.models import Sector

    sector = Sector.objects.create(name="Phòng chống thiên tai", code="phong-chong-thien-tai", locale=vi)
    url = reverse("wagtail_localize:submit_snippet_translation", args=["foreign_relations", "sector", sector.pk])
    login(client, users["bientapvien"])  # editors: Vietnamese only
    assert denied(client.post(url, {"locales": [en.pk]}))
    assert sector.get_translation_or_none(en) is None
    client.logout()
    login(client, translator)
    assert client.get(url).status_code == 200
    assert client.post(url, {"locales": [en.pk]}).status_code == 302
    english = sector.get_translation(en)
    assert english.code == "phong-chong-thien-tai"  # synchronised, not translated
    translation = Translation.objects.get(source__object_id=sector.translation_key, target_locale=en)
    segment = StringSegment.objects.get(source=translation.source, string__data="Phòng chống thiên tai")
    response = client.put(
        reverse("wagtail_localize:edit_string_translation", args=[translation.pk, segment.pk]),
        encode_multipart("BoUnDaRy", {"value": "Disaster prevention"}),
        content_type="multipart/form-data; boundary=BoUnDaRy",
    )
    assert response.status_code in (200, 201)
    edit = reverse("wagtailsnippets_foreign_relations_sector:edit", args=[english.pk])
    page = client.get(edit)
    assert page.status_code == 200  # wagtail-localize's editor for the English sector
    assert 'data-testid="submit-translation-for-review"' in page.content.decode()
    assert not english.live  # a new translation is a draft: readers do not see it
    # Translators do not publish: "Publish in English" is refused, the translation goes for review.
    assert denied(client.post(edit, {"action": "publish"}))
    english.refresh_from_db()
    assert not english.live
    response = client.post(reverse("editorial_submit_translation", args=[translation.pk]))
    assert response.status_code == 302
    client.logout()
    login(client, users["truongban"])
    task_state = TaskState.objects.get(
        workflow_state__object_id=str(english.pk),
        workflow_state__workflow__name="Duyệt bản dịch",
        status=TaskState.STATUS_IN_PROGRESS,
    )
    approve = reverse(
        "wagtailsnippets_foreign_relations_sector:workflow_action", args=[english.pk, "approve", task_state.pk]
    )
    assert client.post(approve, {"comment": ""}).status_code in (200, 302)
    english.refresh_from_db()
    assert english.live and english.name == "Disaster prevention"
