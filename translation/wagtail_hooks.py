"""The guards on wagtail-localize's admin views.

This app comes before wagtail-localize in INSTALLED_APPS, so its hooks are registered first: the
URL patterns of ``guarded_urls()`` shadow wagtail-localize's own (same paths), and the ``before_*``
hooks run before wagtail-localize's.
"""

from django.urls import reverse
from wagtail import hooks

from translation import localize_compat


@hooks.register("register_admin_urls")
def register_guarded_urls():
    return localize_compat.guarded_urls()


hooks.register("before_edit_page", localize_compat.publish_from_editor)
hooks.register("before_edit_snippet", localize_compat.guard_snippet_locale)
hooks.register("before_edit_snippet", localize_compat.publish_snippet_from_editor)
hooks.register("before_unpublish", localize_compat.guard_unpublish_locale)
hooks.register("before_delete_snippet", localize_compat.guard_snippet_delete)
hooks.register("before_create_snippet", localize_compat.guard_snippet_create)


@hooks.register("construct_page_action_menu")
def hide_convert_to_alias(menu_items, request, context):
    """wagtail-localize's "Convert to alias page" publishes: only for those who may publish the page."""
    page = context.get("page")
    if page is None or page.permissions_for_user(request.user).can_publish():
        return
    menu_items[:] = [item for item in menu_items if item.name != "localize-convert-to-alias"]


@hooks.register("construct_reports_menu")
def hide_translations_report(request, menu_items):
    """wagtail-localize's translations report is for translators and leadership."""
    if localize_compat.can_view_translations_report(request.user):
        return
    url = reverse("wagtail_localize:translations_report")
    menu_items[:] = [item for item in menu_items if item.url != url]
