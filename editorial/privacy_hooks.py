"""Drafts stay private in the admin's page chooser (the hook is registered in editorial/wagtail_hooks.py).

Wagtail's chooser (browse and search, ``/admin/choose-page/…``) lists every page of the tree,
unpublished drafts included, to any admin user: a collaborator could find other people's drafts
by title. It now shows a user the live pages and the pages they may edit.
"""

from django.db.models import Q
from wagtail.permission_policies.pages import PagePermissionPolicy


def visible_in_chooser(pages, user):
    if user.is_superuser:
        return pages
    editable = PagePermissionPolicy().instances_user_has_any_permission_for(user, ["change", "publish"])
    return pages.filter(Q(live=True) | Q(depth=1) | Q(pk__in=editable.values("pk")))


def hide_other_peoples_drafts(pages, request):
    return visible_in_chooser(pages, request.user)
