"""What the editorial roles may not do. Each denial is checked against the database afterwards."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image as PILImage
from wagtail.images import get_image_model
from wagtail.models import Collection, Page, TaskState

from editorial import roles
from tests.editorial.helpers import article_form_data, make_article

pytestmark = pytest.mark.django_db


def png(name="anh.png"):
    buffer = io.BytesIO()
    PILImage.new("RGB", (40, 30), "#a3121b").save(buffer, format="PNG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/png")


def test_collaborator_posting_publish_leaves_the_page_not_live(client, users, section):
    from news.models import NewsPage

    client.force_login(users["congtacvien"])
    add_url = reverse("wagtailadmin_pages:add", args=("news", "newspage", section.pk))
    client.post(add_url, article_form_data("Bài tự đăng", action="action-publish"))
    page = NewsPage.objects.child_of(section).get(title="Bài tự đăng")
    assert not page.live
    assert page.first_published_at is None

    # Publishing an existing own draft through the edit view does not work either.
    edit_url = reverse("wagtailadmin_pages:edit", args=(page.pk,))
    client.post(edit_url, article_form_data("Bài tự đăng lần hai", action="action-publish", slug=page.slug))
    page.refresh_from_db()
    assert not page.live
    assert page.live_revision_id is None
    # Nor through the bulk publish action.
    bulk_url = reverse("wagtail_bulk_action", args=("wagtailcore", "page", "publish"))
    client.post(f"{bulk_url}?id={page.pk}", {})
    assert not NewsPage.objects.get(pk=page.pk).live


def test_collaborator_cannot_edit_someone_elses_page(client, users, section):
    page = make_article(section, "Bài của biên tập viên", owner=users["bientapvien"])
    revisions = page.revisions.count()
    client.force_login(users["congtacvien"])
    edit_url = reverse("wagtailadmin_pages:edit", args=(page.pk,))
    response = client.get(edit_url)
    assert response.status_code in (302, 403)
    response = client.post(edit_url, article_form_data("Đã bị sửa", action=None, slug=page.slug))
    assert response.status_code in (302, 403)
    page.refresh_from_db()
    assert page.title == "Bài của biên tập viên"
    assert page.revisions.count() == revisions


def test_collaborator_cannot_add_pages_outside_the_news_sections(client, users, home_vi):
    client.force_login(users["congtacvien"])
    before = Page.objects.count()
    url = reverse("wagtailadmin_pages:add", args=("home", "standardpage", home_vi.pk))
    response = client.post(url, {"title": "Trang lạ", "slug": "trang-la", "action-publish": "1"})
    assert response.status_code in (302, 403)
    assert Page.objects.count() == before


def test_collaborator_uploads_only_into_their_collection(client, users):
    Image = get_image_model()
    own = Collection.objects.get(name=roles.COLLABORATORS_COLLECTION)
    root = Collection.get_first_root_node()
    client.force_login(users["congtacvien"])
    before_root = Image.objects.filter(collection=root).count()

    # With one collection to add to, the form offers no choice: a posted collection is ignored.
    client.post(reverse("wagtailimages:add"), {"title": "Ảnh ngoài", "file": png(), "collection": root.pk})
    assert not Image.objects.filter(collection=root, title="Ảnh ngoài").exists()
    assert Image.objects.filter(collection=root).count() == before_root

    client.post(reverse("wagtailimages:add"), {"title": "Ảnh của tôi", "file": png(), "collection": own.pk})
    image = Image.objects.get(title="Ảnh của tôi")
    assert image.collection_id == own.pk
    assert image.uploaded_by_user == users["congtacvien"]


def test_translator_cannot_edit_a_vietnamese_page(client, users, home_vi):
    about = Page.objects.child_of(home_vi).get(slug="gioi-thieu").specific
    revisions = about.revisions.count()
    client.force_login(users["biendichvien"])
    url = reverse("wagtailadmin_pages:edit", args=(about.pk,))
    assert client.get(url).status_code in (302, 403)
    response = client.post(url, {"title": "Sửa bởi biên dịch viên", "slug": about.slug, "action-publish": "1"})
    assert response.status_code in (302, 403)
    about.refresh_from_db()
    assert about.title == "Giới thiệu"
    assert about.revisions.count() == revisions


def test_translator_may_edit_the_english_tree(client, users, home_en):
    about_en = Page.objects.child_of(home_en).get(slug="about")
    client.force_login(users["biendichvien"])
    assert client.get(reverse("wagtailadmin_pages:edit", args=(about_en.pk,))).status_code == 200


def test_only_a_member_of_the_tasks_group_may_act_on_it(client, users, section):
    page = make_article(section, "Bài chờ duyệt", owner=users["congtacvien"], publish=False)
    from wagtail.models import Workflow

    workflow = Workflow.objects.get(name=roles.NEWS_WORKFLOW)
    workflow.start(page, users["congtacvien"])
    page.refresh_from_db()
    task_state = page.current_workflow_task_state
    url = reverse("wagtailadmin_pages:workflow_action", args=(page.pk, "approve", task_state.pk))

    for username in ("congtacvien", "biendichvien", "truongban"):  # leadership's step is the second one
        client.force_login(users[username])
        response = client.post(url, {"comment": ""})
        assert response.status_code in (302, 403)
        assert TaskState.objects.get(pk=task_state.pk).status == TaskState.STATUS_IN_PROGRESS
    page.refresh_from_db()
    assert page.current_workflow_task.name == roles.EDITOR_REVIEW_TASK
    assert not page.live

    # An editor approves step 1; an editor may not approve step 2.
    client.force_login(users["bientapvien"])
    client.post(url, {"comment": ""})
    page.refresh_from_db()
    step2 = page.current_workflow_task_state
    assert step2.task.name == roles.LEADERSHIP_APPROVAL_TASK
    url2 = reverse("wagtailadmin_pages:workflow_action", args=(page.pk, "approve", step2.pk))
    assert client.post(url2, {"comment": ""}).status_code in (302, 403)
    assert TaskState.objects.get(pk=step2.pk).status == TaskState.STATUS_IN_PROGRESS
    page.refresh_from_db()
    assert not page.live


def test_nobody_but_leadership_publishes_over_a_running_workflow(client, users, section):
    page = make_article(section, "Bài đang duyệt", owner=users["congtacvien"], publish=False)
    from wagtail.models import Workflow

    Workflow.objects.get(name=roles.NEWS_WORKFLOW).start(page, users["congtacvien"])
    client.force_login(users["bientapvien"])
    edit_url = reverse("wagtailadmin_pages:edit", args=(page.pk,))
    client.post(edit_url, article_form_data(page.title, action="action-publish", slug=page.slug))
    page.refresh_from_db()
    assert not page.live


def test_anonymous_and_unprivileged_users_cannot_preview_a_draft(client, users, section):
    page = make_article(section, "Bản nháp bí mật", owner=users["congtacvien"], publish=False)
    urls = [
        reverse("wagtailadmin_pages:view_draft", args=(page.pk,)),
        reverse("wagtailadmin_pages:preview_on_edit", args=(page.pk,)),
        reverse("wagtailadmin_pages:revisions_view", args=(page.pk, page.latest_revision_id)),
    ]
    for url in urls:
        response = client.get(url)
        assert response.status_code in (302, 403, 404)
        assert "Bản nháp bí mật" not in response.content.decode()
    for username in ("biendichvien",):
        client.force_login(users[username])
        for url in urls:
            response = client.get(url)
            assert response.status_code in (302, 403, 404)
            assert "Bản nháp bí mật" not in response.content.decode()
    # The public URL of a draft is not served either.
    client.logout()
    assert client.get(f"/vi/tin-tuc/{section.slug}/{page.slug}/").status_code == 404
    page.refresh_from_db()
    assert not page.live
