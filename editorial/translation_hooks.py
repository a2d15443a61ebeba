"""Admin wiring of the translators' work, imported by editorial/wagtail_hooks.py.

This app's hooks are registered before wagtail-localize's (INSTALLED_APPS order), so the guarded
URL patterns of ``portal.localize_compat`` shadow wagtail-localize's own, and the ``before_*``
hooks below run before wagtail-localize's.
"""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from editorial import translation_backlog as backlog
from editorial.translation_views import TranslationBacklogPanel, TranslationBacklogView, submit_translation_for_review
from portal import localize_compat
from portal.language_notice import CrossLanguagePageLinkHandler


@hooks.register("register_admin_urls")
def register_translation_urls():
    return [
        *localize_compat.guarded_urls(),
        path("translation/backlog/", TranslationBacklogView.as_view(), name="editorial_translation_backlog"),
        path(
            "translation/backlog/results/",
            TranslationBacklogView.as_view(results_only=True),
            name="editorial_translation_backlog_results",
        ),
        path(
            "translation/<int:translation_id>/submit-for-review/",
            submit_translation_for_review,
            name="editorial_submit_translation",
        ),
    ]


class BacklogMenuItem(MenuItem):
    def is_shown(self, request):
        return backlog.can_view_backlog(request.user)


@hooks.register("register_reports_menu_item")
def register_backlog_menu_item():
    return BacklogMenuItem(
        _("Translation backlog"),
        reverse("editorial_translation_backlog"),
        name="editorial-translation-backlog",
        icon_name="wagtail-localize-language",
        order=170,
    )


@hooks.register("construct_homepage_panels")
def add_backlog_panel(request, panels):
    if backlog.can_view_backlog(request.user):
        panels.append(TranslationBacklogPanel())


hooks.register("before_edit_page", localize_compat.publish_from_editor)
hooks.register("before_edit_snippet", localize_compat.guard_snippet_locale)
hooks.register("before_delete_snippet", localize_compat.guard_snippet_delete)
hooks.register("before_create_snippet", localize_compat.guard_snippet_create)


@hooks.register("register_rich_text_features", order=100)  # after Wagtail's own page link handler
def register_cross_language_page_links(features):
    features.register_link_type(CrossLanguagePageLinkHandler)
