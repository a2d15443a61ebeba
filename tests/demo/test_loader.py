import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from wagtail.models import Page, Revision

from editorial import roles

pytestmark = pytest.mark.django_db


def _counts():
    models = [Page, Revision, get_user_model()] + [
        m
        for m in apps.get_models()
        if m._meta.app_label in {"home", "news", "foreign_relations", "portal", "wagtailimages", "wagtaildocs"}
    ]
    return {m._meta.label: m.objects.count() for m in models}


def test_loader_is_idempotent(demo_password):
    before = _counts()
    assert before["wagtailcore.Page"] > 5
    call_command("load_demo_content", password=demo_password, skip_index=True, stdout=open("/dev/null", "w"))
    after = _counts()
    assert after == before


def test_demo_accounts_exist_in_their_groups_and_log_in(client, demo_password):
    User = get_user_model()
    expected = {
        "truongban": roles.LEADERSHIP,
        "bientapvien": roles.EDITORS,
        "congtacvien": roles.COLLABORATORS,
        "biendichvien": roles.TRANSLATORS,
    }
    for username, group in expected.items():
        user = User.objects.get(username=username)
        assert list(user.groups.values_list("name", flat=True)) == [group]
        assert not user.is_superuser
        assert user.wagtail_userprofile.preferred_language == "vi"
    assert User.objects.get(username="admin").is_superuser
    assert client.login(username="congtacvien", password=demo_password)
    assert client.get("/admin/").status_code == 200


def test_loader_refuses_a_short_password():
    with pytest.raises(CommandError):
        call_command("load_demo_content", password="short")
