"""Admin wiring of the translators' work (the backlog), imported by editorial/wagtail_hooks.py.

The guards on wagtail-localize's views live in the ``translation`` app (translation/wagtail_hooks.py).
"""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from editorial import translation_backlog as backlog
from editorial.translation_views import TranslationBacklogPanel, TranslationBacklogView, submit_translation_for_review
from portal.language_notice import CrossLanguagePageLinkHandler


@hooks.register("register_admin_urls")
def register_translation_urls():
    return [
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


@hooks.register("register_rich_text_features", order=100)  # after Wagtail's own page link handler
def register_cross_language_page_links(features):
    features.register_link_type(CrossLanguagePageLinkHandler)
