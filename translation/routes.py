"""Who may use each admin route of wagtail-localize, and the routes of Wagtail (pages, reviewed snippets)
that change live content.

``LOCALIZE_ROUTES`` classifies every URL name wagtail-localize registers (namespaces
``wagtail_localize`` and ``wagtaillocales``). tests/translation/test_routes.py reads the installed
package's URL patterns and fails when a name is missing here, so a new route of a future release
is used by nobody's guess until someone classifies it. A route marked ``guarded`` is shadowed by a
view of ``translation.localize_compat.guarded_urls()`` (the test checks that too).

``PAGE_ROUTES`` does the same for Wagtail's page admin (``wagtailadmin_pages``) and the bulk
actions: those that can change the live site, and the check Wagtail makes there. The portal relies
on Wagtail's checks for them (only leadership holds publish permission, editorial/setup.py); the
tests under tests/security/test_live_routes.py try each as the roles who must not succeed.
"""

from dataclasses import dataclass

# Who may use a route.
ANY_ADMIN = "any admin user"
TARGET_EDITORS = "users who may edit the translation (the target), in its language"
TARGET_PARENT_ADDERS = "users who may add pages under the translation of the parent (translators, leadership)"
PUBLISHERS = "users who may publish the page it changes (leadership)"
TRANSLATORS_AND_LEADERSHIP = "holders of the submit_translation permission (translators, leadership)"
SNIPPET_TYPE_USERS = "users holding a permission on the snippet type"
ADMINISTRATORS = "administrators (locale permissions; no group of the board holds them)"


@dataclass(frozen=True)
class Route:
    who: str
    why: str
    changes_live: bool = False
    guarded: bool = False  # shadowed by a view of translation.localize_compat.guarded_urls()


LOCALIZE_ROUTES = {
    "wagtail_localize:javascript_catalog": Route(ANY_ADMIN, "the editor's interface strings; no data"),
    "wagtail_localize:submit_page_translation": Route(
        TARGET_PARENT_ADDERS,
        "creates the English page as a draft (WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE is off); "
        "wagtail-localize itself checks only the global submit permission",
        guarded=True,
    ),
    "wagtail_localize:submit_snippet_translation": Route(
        TARGET_EDITORS,
        "creates the snippet's translation as a draft (snippets shown on the site keep drafts; the "
        "setting above is off), and saves drafts of the page's or snippet's existing translations "
        "without touching what readers see (translation.localize_compat, work-around 3): the snippet "
        "type's add permission and rights in the target language",
        guarded=True,
    ),
    "wagtail_localize:update_translations": Route(
        TARGET_EDITORS,
        "reads the source's new strings; without 'publish immediately' no translation changes (the "
        "translator then sends it for review); that option publishes every translation and needs publish "
        "rights on each: for pages leadership, for snippets the type's publish permission (editors and "
        "leadership in their language, never translators)",
        changes_live=True,
        guarded=True,
    ),
    "wagtail_localize:edit_string_translation": Route(
        TARGET_EDITORS, "stores a translated string; the target changes only when saved", guarded=True
    ),
    "wagtail_localize:edit_override": Route(
        TARGET_EDITORS, "stores an overridden value (an image, a link); nothing live", guarded=True
    ),
    "wagtail_localize:download_pofile": Route(TARGET_EDITORS, "reads the strings of one translation", guarded=True),
    "wagtail_localize:upload_pofile": Route(
        TARGET_EDITORS, "stores translated strings from a PO file; nothing live", guarded=True
    ),
    "wagtail_localize:machine_translate": Route(
        TARGET_EDITORS, "stores machine-proposed strings; nothing live", guarded=True
    ),
    "wagtail_localize:preview_translation": Route(
        TARGET_EDITORS, "renders the draft translation; wagtail-localize checks edit rights on the target"
    ),
    "wagtail_localize:stop_translation": Route(
        TARGET_EDITORS, "stops synchronising; the page keeps its content and state", guarded=True
    ),
    "wagtail_localize:convert_to_alias": Route(
        PUBLISHERS,
        "replaces the page with the source's content and live state at once, with no workflow; "
        "wagtail-localize checks only edit rights",
        changes_live=True,
        guarded=True,
    ),
    "wagtail_localize:translations_report": Route(
        TRANSLATORS_AND_LEADERSHIP, "lists every translated page and snippet, drafts included", guarded=True
    ),
    "wagtail_localize:translations_report_results": Route(
        TRANSLATORS_AND_LEADERSHIP, "the same report's results", guarded=True
    ),
    "wagtail_localize:snippets_api_listing": Route(
        SNIPPET_TYPE_USERS, "titles of a snippet type, for the editor's chooser", guarded=True
    ),
    "wagtail_localize:snippets_api_detail": Route(
        SNIPPET_TYPE_USERS, "the title of one snippet, for the editor's chooser", guarded=True
    ),
    "wagtaillocales:index": Route(ADMINISTRATORS, "lists the site's languages; Wagtail's locale permissions"),
    "wagtaillocales:index_results": Route(ADMINISTRATORS, "the same list's results"),
    "wagtaillocales:add": Route(ADMINISTRATORS, "adds a language", changes_live=True),
    "wagtaillocales:edit": Route(ADMINISTRATORS, "changes a language's synchronisation", changes_live=True),
    "wagtaillocales:delete": Route(ADMINISTRATORS, "removes a language", changes_live=True),
    "wagtaillocales:copy": Route(ADMINISTRATORS, "the add form, filled from another language", changes_live=True),
    "wagtaillocales:usage": Route(ADMINISTRATORS, "where a language is used"),
    "wagtaillocales:history": Route(ADMINISTRATORS, "a language's change history"),
    "wagtaillocales:history_results": Route(ADMINISTRATORS, "the same history's results"),
}

# Actions of wagtail-localize reached through Wagtail's own edit views (``before_edit_page`` /
# ``before_edit_snippet`` POST fields), not through a URL of their own.
LOCALIZE_EDIT_ACTIONS = {
    "localize-convert-to-alias": Route(
        PUBLISHERS, "redirects to convert_to_alias (guarded there); the button is hidden from others"
    ),
    "localize-restart-translation": Route(
        TARGET_EDITORS, "re-enables synchronisation; the page keeps its content and state"
    ),
    "action=publish (translation editor)": Route(
        PUBLISHERS + "; for snippets, holders of the type's publish permission in the snippet's language",
        "publishes the translation (translation.localize_compat.publish_from_editor and "
        "publish_snippet_from_editor); translators send it for review instead",
        changes_live=True,
    ),
}

PUBLISH = "users with publish permission on the page (leadership)"
PAGE_ROUTES = {
    "wagtailadmin_pages:edit": Route(
        PUBLISH + " publish; others save drafts or submit to the workflow",
        "Wagtail: the publish action needs can_publish()",
        changes_live=True,
    ),
    "wagtailadmin_pages:add": Route(
        PUBLISH + " publish at once; others create drafts",
        "Wagtail: publishing needs can_publish_subpage() on the parent",
        changes_live=True,
    ),
    "wagtailadmin_pages:unpublish": Route(PUBLISH, "Wagtail: can_unpublish() needs publish", changes_live=True),
    "wagtailadmin_pages:delete": Route(
        PUBLISH + "; without it only pages with no live page among them",
        "Wagtail: can_delete() refuses live pages to users without publish",
        changes_live=True,
    ),
    "wagtailadmin_pages:move": Route(
        PUBLISH + " in the destination when a live page moves",
        "Wagtail: can_move_to() needs publish in the destination for live pages",
        changes_live=True,
    ),
    "wagtailadmin_pages:move_confirm": Route(PUBLISH, "Wagtail: the same can_move_to() check", changes_live=True),
    "wagtailadmin_pages:set_page_position": Route(
        PUBLISH, "Wagtail: can_reorder_children() needs publish", changes_live=True
    ),
    "wagtailadmin_pages:copy": Route(
        PUBLISH + " in the destination to publish the copies; others copy as drafts",
        "Wagtail: publish_copies needs can_publish_subpage() on the destination",
        changes_live=True,
    ),
    "wagtailadmin_pages:revisions_revert": Route(
        PUBLISH + " publish the reverted revision; others save it as a draft",
        "Wagtail: the edit view's publish check",
        changes_live=True,
    ),
    "wagtailadmin_pages:revisions_unschedule": Route(
        PUBLISH, "Wagtail: can_unschedule() is can_publish()", changes_live=True
    ),
    "wagtailadmin_pages:set_privacy": Route(
        PUBLISH, "Wagtail: can_set_view_restrictions() is can_publish()", changes_live=True
    ),
    "wagtailadmin_pages:workflow_action": Route(
        "the groups of the current task (editors, then leadership; leadership for translations)",
        "Wagtail: the task's user_can_access_editor / get_actions for the user",
        changes_live=True,
    ),
    "wagtailadmin_pages:convert_alias": Route(
        "users who may edit the alias",
        "Wagtail: turns an alias into an ordinary page with the same content and state; nothing readers see changes",
    ),
    "wagtailadmin_api:pages:action": Route(
        "per action, the same checks as the admin's views: publish, unpublish, revert and create_alias need "
        "publish rights (on the page or the destination); move, copy, delete, convert_alias and "
        "copy_for_translation those of their views",
        "Wagtail: each action runs its Action class with the user's permission checks; the pages it reaches "
        "are those the user may see listed (editorial.page_views)",
        changes_live=True,
    ),
    "wagtail_bulk_action": Route(
        "per page or snippet, the same checks as the single actions (publish, unpublish, move, delete)",
        "Wagtail: each bulk action checks every object with the permission tester or policy",
        changes_live=True,
    ),
}

# The admin routes of each translatable snippet type shown to readers (``wagtailsnippets_<app>_<model>``:
# topics, sectors, document types, issuing bodies, departments, related sites). Such snippets keep
# drafts and go through "Duyệt bản dịch" in English; a user changes them only in a language they hold
# page rights in (translation.localize_compat: before_create/edit/delete_snippet, before_unpublish).
# Translators hold no publish permission on them: they save drafts and send them for review.
SNIPPET_PUBLISH = (
    "holders of the type's publish permission in the snippet's language (editors in Vietnamese, leadership)"
)
SNIPPET_ROUTES = {
    "add": Route(
        SNIPPET_PUBLISH + " publish at once; others create drafts",
        "Wagtail: the publish action needs the type's publish permission; the language is checked first",
        changes_live=True,
    ),
    "copy": Route(
        SNIPPET_PUBLISH + "; the add form, filled from another snippet", "Wagtail: as add", changes_live=True
    ),
    "edit": Route(
        SNIPPET_PUBLISH + " publish; others save drafts or submit to the workflow",
        "Wagtail: the publish action needs the type's publish permission; the language is checked first",
        changes_live=True,
    ),
    "revisions_revert": Route(
        SNIPPET_PUBLISH + " publish the reverted revision; others save it as a draft",
        "Wagtail: the edit view's checks",
        changes_live=True,
    ),
    "revisions_unschedule": Route(SNIPPET_PUBLISH, "Wagtail: the type's publish permission", changes_live=True),
    "unpublish": Route(
        SNIPPET_PUBLISH,
        "Wagtail: the type's publish permission; before_unpublish checks the language",
        changes_live=True,
    ),
    "delete": Route(
        "holders of the type's delete permission in the snippet's language",
        "Wagtail: the type's delete permission; before_delete_snippet checks the language (also for bulk deletion)",
        changes_live=True,
    ),
    "workflow_action": Route(
        "the groups of the current task (leadership for 'Duyệt bản dịch')",
        "Wagtail: the task's actions for the user; approving publishes",
        changes_live=True,
    ),
    "collect_workflow_action_data": Route(
        "the groups of the current task", "Wagtail: the comment form of a workflow action; nothing changes"
    ),
    "confirm_workflow_cancellation": Route(
        "users who may edit the snippet", "Wagtail: asks before a draft leaves its workflow; nothing live"
    ),
    "lock": Route("users who may lock the type", "Wagtail: locking stops edits; nothing readers see"),
    "unlock": Route("users who may unlock the type", "Wagtail: nothing readers see"),
    "list": Route("users with a permission on the type", "Wagtail: the listing"),
    "list_results": Route("users with a permission on the type", "Wagtail: the same listing's results"),
    "usage": Route("users with a permission on the type", "Wagtail: where a snippet is used"),
    "history": Route("users with a permission on the type", "Wagtail: the change history"),
    "history_results": Route("users with a permission on the type", "Wagtail: the same history's results"),
    "revisions_compare": Route("users with a permission on the type", "Wagtail: compares two revisions"),
    "workflow_history": Route("users with a permission on the type", "Wagtail: the workflow history"),
    "workflow_history_detail": Route("users with a permission on the type", "Wagtail: one workflow's history"),
}
