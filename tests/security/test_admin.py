"""Admin permissions: nobody gains rights they were not given."""

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse

from home.models import ContactPage, StandardPage

pytestmark = pytest.mark.django_db


def test_anonymous_visitors_are_sent_to_the_login_page():
    client = Client()
    for path in ["/admin/", "/admin/pages/", "/admin/users/", "/admin/images/", "/admin/forms/"]:
        response = client.get(path)
        assert response.status_code == 302 and response["Location"].startswith("/admin/login/"), path


def test_collaborator_cannot_publish_or_edit_the_about_page(user_client, vi):
    about = StandardPage.objects.get(locale=vi, slug="gioi-thieu")
    collaborator = user_client("congtacvien")
    response = collaborator.post(
        f"/admin/pages/{about.pk}/edit/",
        {"title": "Bị sửa trái phép", "slug": "gioi-thieu", "action-publish": "action-publish"},
    )
    assert response.status_code in (302, 403)
    about.refresh_from_db()
    assert about.title == "Giới thiệu"
    assert not about.has_unpublished_changes or about.get_latest_revision().content["title"] != "Bị sửa trái phép"


def test_collaborator_cannot_delete_or_unpublish_the_home_page(user_client, home_vi):
    collaborator = user_client("congtacvien")
    assert collaborator.post(f"/admin/pages/{home_vi.pk}/delete/").status_code in (302, 403)
    assert collaborator.post(f"/admin/pages/{home_vi.pk}/unpublish/").status_code in (302, 403)
    home_vi.refresh_from_db()
    assert home_vi.live


def test_collaborator_cannot_manage_users_or_make_themselves_superuser(user_client):
    collaborator = user_client("congtacvien")
    me = get_user_model().objects.get(username="congtacvien")
    response = collaborator.post(
        reverse("wagtailusers_users:edit", args=[me.pk]),
        {"username": "congtacvien", "email": me.email, "is_superuser": "on", "is_active": "on"},
    )
    assert response.status_code in (302, 403)
    me.refresh_from_db()
    assert not me.is_superuser
    assert collaborator.get("/admin/users/").status_code in (302, 403)
    assert collaborator.get("/admin/groups/").status_code in (302, 403)


def test_translator_cannot_edit_the_vietnamese_contact_page(user_client, vi):
    page = ContactPage.objects.get(locale=vi)
    translator = user_client("biendichvien")
    response = translator.post(
        f"/admin/pages/{page.pk}/edit/", {"title": "Sửa trái phép", "slug": "lien-he", "to_address": "x@evil.example"}
    )
    assert response.status_code in (302, 403)
    page.refresh_from_db()
    assert page.to_address == "lienhiepkg@kufo.vn"


def test_collaborator_cannot_redirect_contact_mail(user_client, vi):
    page = ContactPage.objects.get(locale=vi)
    collaborator = user_client("congtacvien")
    response = collaborator.post(
        f"/admin/pages/{page.pk}/edit/", {"title": "Liên hệ", "slug": "lien-he", "to_address": "x@evil.example"}
    )
    assert response.status_code in (302, 403)
    page.refresh_from_db()
    assert page.to_address == "lienhiepkg@kufo.vn"
    assert "evil" not in str(page.get_latest_revision().content)


def test_admin_requires_csrf_on_state_changes(vi):
    about = StandardPage.objects.get(locale=vi, slug="gioi-thieu")
    client = Client(enforce_csrf_checks=True)
    client.force_login(get_user_model().objects.get(username="admin"))
    response = client.post(f"/admin/pages/{about.pk}/unpublish/")
    assert response.status_code == 403
    about.refresh_from_db()
    assert about.live
