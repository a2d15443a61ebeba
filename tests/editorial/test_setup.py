"""Groups, permissions and workflows created by the data migrations and kept by the setup function."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from wagtail.models import (
    Collection,
    GroupCollectionPermission,
    GroupPagePermission,
    Task,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from editorial import roles
from editorial.setup import apply_editorial_setup
from portal.models import Department

pytestmark = pytest.mark.django_db


def counts():
    return {
        "groups": Group.objects.count(),
        "group_permissions": Group.permissions.through.objects.count(),
        "page_permissions": GroupPagePermission.objects.count(),
        "collection_permissions": GroupCollectionPermission.objects.count(),
        "collections": Collection.objects.count(),
        "workflows": Workflow.objects.count(),
        "tasks": Task.objects.count(),
        "workflow_tasks": WorkflowTask.objects.count(),
        "workflow_pages": WorkflowPage.objects.count(),
        "permissions": Permission.objects.count(),
    }


def test_only_leadership_holds_publish_permission():
    publishers = set(
        GroupPagePermission.objects.filter(permission__codename="publish_page").values_list("group__name", flat=True)
    )
    assert publishers == {roles.LEADERSHIP}
    assert not Group.objects.filter(name__in=("Editors", "Moderators")).exists()


def test_page_permissions_follow_the_trees(home_vi, home_en, section):
    def perms(group, page):
        return set(
            GroupPagePermission.objects.filter(group__name=group, page=page).values_list(
                "permission__codename", flat=True
            )
        )

    assert perms(roles.EDITORS, home_vi) == {"add_page", "change_page", "lock_page"}
    assert "publish_page" in perms(roles.LEADERSHIP, home_vi)
    assert "publish_page" in perms(roles.LEADERSHIP, home_en)
    assert perms(roles.TRANSLATORS, home_en) == {"add_page", "change_page"}
    assert perms(roles.TRANSLATORS, home_vi) == set()
    assert perms(roles.EDITORS, home_en) == set()
    # A section published after the migrations gets the collaborators' right to add articles.
    assert perms(roles.COLLABORATORS, section) == {"add_page"}
    assert (
        not GroupPagePermission.objects.filter(group__name=roles.COLLABORATORS)
        .exclude(page__content_type__model="newssectionpage")
        .exists()
    )


def test_workflows_on_each_language_tree(home_vi, home_en):
    news = WorkflowPage.objects.get(page=home_vi).workflow
    assert news.name == roles.NEWS_WORKFLOW
    tasks = [t.specific for t in news.tasks]
    assert [t.name for t in tasks] == [roles.EDITOR_REVIEW_TASK, roles.LEADERSHIP_APPROVAL_TASK]
    assert [list(t.groups.values_list("name", flat=True)) for t in tasks] == [[roles.EDITORS], [roles.LEADERSHIP]]
    translation = WorkflowPage.objects.get(page=home_en).workflow
    assert translation.name == roles.TRANSLATION_WORKFLOW
    assert [list(t.specific.groups.values_list("name", flat=True)) for t in translation.tasks] == [[roles.LEADERSHIP]]
    about = home_vi.get_children().get(slug="gioi-thieu")
    assert about.specific.get_workflow() == news


def test_collections_and_snippets():
    own = Collection.objects.get(name=roles.COLLABORATORS_COLLECTION)
    root = Collection.get_first_root_node()
    collab = set(
        GroupCollectionPermission.objects.filter(group__name=roles.COLLABORATORS).values_list(
            "collection_id", "permission__codename"
        )
    )
    assert collab == {
        (own.pk, "add_image"),
        (own.pk, "add_document"),
        (root.pk, "choose_image"),
        (root.pk, "choose_document"),
    }
    editors = Group.objects.get(name=roles.EDITORS)
    assert editors.permissions.filter(codename="change_department").exists()
    translators = Group.objects.get(name=roles.TRANSLATORS)
    assert translators.permissions.filter(codename="submit_translation").exists()
    assert translators.permissions.filter(codename="change_department").exists()
    assert not translators.permissions.filter(codename="delete_department").exists()
    collaborators = Group.objects.get(name=roles.COLLABORATORS)
    assert not collaborators.permissions.filter(codename="change_department").exists()
    assert Department._meta.app_label == "portal"


def test_setup_runs_again_without_harm():
    before = counts()
    apply_editorial_setup()
    apply_editorial_setup()
    assert counts() == before


def test_the_data_migration_runs_again_on_the_historical_models():
    executor = MigrationExecutor(connection)
    state = executor.loader.project_state(("editorial", "0003_permissions_and_workflows"))
    before = counts()
    apply_editorial_setup(state.apps)
    assert counts() == before


def test_a_renamed_or_removed_workflow_link_is_restored(home_en):
    WorkflowPage.objects.filter(page=home_en).delete()
    apply_editorial_setup()
    assert WorkflowPage.objects.get(page=home_en).workflow.name == roles.TRANSLATION_WORKFLOW
