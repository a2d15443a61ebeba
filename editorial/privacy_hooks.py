"""Drafts stay private in the admin's page lists (the hooks are registered in editorial/wagtail_hooks.py).

Wagtail's page chooser (``/admin/choose-page/…``), page explorer (``/admin/pages/…``, and its side
menu through the admin API) and page search (``/admin/pages/search/``) list every page under the
user's rights, unpublished drafts included: a collaborator could read other people's drafts by
title. They now list for a user the live pages, the pages they may edit or publish, the pages
waiting for their review, and the pages their rights are given on with those pages' ancestors (the
way to their own work). Editors and leadership, who may edit what they review, still see it all.
"""

from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from django.http import Http404
from wagtail.models import Page, TaskState
from wagtail.permission_policies.pages import PagePermissionPolicy


def pages_in_review_for(user):
    """Pages whose current workflow task the user may act on (approve or send back)."""
    page_type = ContentType.objects.get_for_model(Page)
    object_ids = (
        TaskState.objects.reviewable_by(user)
        .filter(workflow_state__base_content_type=page_type)
        .values_list("workflow_state__object_id", flat=True)
    )
    return [int(object_id) for object_id in object_ids if str(object_id).isdigit()]


def visible_pages(pages, user):
    """``pages`` narrowed to those ``user`` may see listed in the admin."""
    if user.is_superuser:
        return pages
    policy = PagePermissionPolicy()
    editable = policy.instances_user_has_any_permission_for(user, ["change", "publish"])
    shown = Q(live=True) | Q(depth=1) | Q(pk__in=editable.values("pk"))
    reviewing = pages_in_review_for(user)
    if reviewing:
        shown |= Q(pk__in=reviewing)
    paths = set()
    for page in policy.instances_with_direct_explore_permission(user):
        paths.update(page.path[:end] for end in range(Page.steplen, len(page.path) + 1, Page.steplen))
    if paths:
        shown |= Q(path__in=paths)
    return pages.filter(shown)


def require_visible(page_id, user):
    """Raise ``Http404`` unless the page ``page_id`` (when given) is one ``user`` may see listed:
    browsing or exploring into another person's draft by its number is not found."""
    if page_id and not visible_pages(Page.objects.filter(pk=page_id), user).exists():
        raise Http404


def hide_other_peoples_drafts(pages, request):
    """``construct_page_chooser_queryset``."""
    return visible_pages(pages, request.user)


def hide_other_peoples_drafts_in_explorer(parent_page, pages, request):
    """``construct_explorer_page_queryset`` (the explorer and its side menu)."""
    return visible_pages(pages, request.user)


class VisiblePagesPolicy(PagePermissionPolicy):
    """Wagtail's page permission policy, whose explorable pages are only those the user may see
    listed (the page search and the "pages of this type" listing read them)."""

    def explorable_instances(self, user):
        return visible_pages(super().explorable_instances(user), user)
