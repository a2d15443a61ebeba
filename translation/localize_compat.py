"""Work-arounds for gaps of wagtail-localize 1.14, kept in one place (tests/translation/test_localize_compat.py).

1. Rights (advisory GHSA-8634-mr4j-r72c). wagtail-localize's "translate", "sync" and editor API views
   check only the global ``submit_translation`` permission, or the snippet *type* permission: anyone
   holding it could create or change content in a language tree they have no rights on.
   ``guarded_urls()`` returns URL patterns with the same paths, registered before wagtail-localize's
   own (so they win), that check the user's rights on the *target* language first:

   * a page is translated into a language only by a user who may add pages under the translation of
     its parent there (or edit the existing alias being converted);
   * a snippet is translated, edited or synchronised in a language only by a user who holds page
     rights somewhere in that language's tree (translators: the English tree, editors: the
     Vietnamese one) and the snippet type's permission;
   * "sync and publish immediately" needs publish rights on every translation it would publish;
   * "convert to alias" gives the page the source's content and live state at once, with no
     workflow: only for users who may publish that page;
   * the translations report (every page and snippet, drafts included) is for holders of the
     ``submit_translation`` permission (translators, leadership), the editor's snippet API for users
     with a permission on the snippet type.

   translation/routes.py classifies every route of wagtail-localize (who may use it and why).

2. Publishing (stale treebeard ``numchild``). ``Translation.save_target(publish=True)`` publishes
   through ``transaction.on_commit`` with the revision whose cached page object predates children
   added later in the same transaction; publishing it writes the stale ``numchild`` back and breaks
   the tree. ``save_translation()`` saves the draft, then publishes a freshly loaded revision; the
   editor's "Publish in English" button goes through it (``publish_from_editor``).

3. Snippet drafts (wagtail/wagtail-localize#655, still open: no draft translation of a live
   object; the snippet branch came with pull request #751). For a snippet with drafts
   (``DraftStateMixin``), ``TranslationSource.create_or_update_translation(publish=False)`` writes
   the translated strings into the snippet's row and sets ``live = False`` ("We copied another
   instance which may be live, so we make sure this one matches the desired state"): an approved
   English topic would show the unreviewed text, or vanish, as soon as a translator saved a draft,
   or whenever a page using it is submitted for translation (wagtail-localize re-saves the page's
   related snippets). Wagtail itself never does that: its edit action keeps a live object's row and
   saves the draft as a revision. ``keep_live_content()`` connects receivers that restore that
   behaviour: ``pre_save`` remembers the approved row when a save would turn a live snippet into a
   draft, and ``post_save`` of the ``TranslationLog`` that wagtail-localize writes right after (the
   proof that the save was its own, not an unpublication) writes the approved row back, still live,
   with the draft as its latest revision. Readers keep the approved text until someone who may
   publish publishes the draft or approves it in "Duyệt bản dịch". The test
   ``test_wagtail_localize_still_overwrites_a_live_snippet_draft`` fails once upstream stops doing it.
   Pages have the same gap (wagtail/wagtail-localize#655 too): a draft translation of a live English page ("Send
   translation for review") writes its strings into the live row. The same ``TranslationLog``
   receiver puts the page's published version back (``keep_live_page``), the draft staying its
   latest revision; ``test_wagtail_localize_still_overwrites_a_live_page_draft`` shows the gap.
   A live English alias being translated is the same gap without a published version to put back:
   wagtail-localize turns the alias into a page with the draft in its row and no live revision of
   its own (an alias's points at its source's revision; Wagtail's own conversion makes the first
   revision the live one). ``pre_save`` of that conversion
   remembers the alias's row, and the receiver makes it the page's published revision
   (``keep_alias_content_live``); ``test_wagtail_localize_still_publishes_a_draft_over_an_alias``
   shows the gap.

4. Tables. wagtail-localize extracts nothing from ``wagtail.contrib.table_block``'s ``TableBlock``: a
   table's cells and caption would never reach the translator. The portal's table block
   (``portal.blocks.TranslatableTableBlock``) is a subclass with the two methods wagtail-localize
   looks for on a block: every non-empty cell and the caption become strings.
"""

import tempfile
import threading

from django.core.exceptions import ObjectDoesNotExist, PermissionDenied, ValidationError
from django.db import transaction
from django.db.models.signals import post_save, pre_save
from django.shortcuts import get_object_or_404
from django.urls import path
from wagtail.models import DraftStateMixin, Locale, Page, Revision, TranslatableMixin
from wagtail.permission_policies.pages import PagePermissionPolicy
from wagtail.signals import unpublished
from wagtail.snippets.permissions import get_permission_name
from wagtail_localize.models import Translation, TranslationLog, TranslationSource

from translation.editor_dates import with_localised_dates

PAGE_ACTIONS = ("add", "change", "publish")


# -- rights -----------------------------------------------------------------------------------------


def can_edit_locale(user, locale):
    """Whether ``user`` may change content (snippets) of ``locale``: superusers, and users holding
    add, change or publish permission on some page of that language's tree."""
    if user is None or not user.is_active:
        return False
    if user.is_superuser:
        return True
    pages = PagePermissionPolicy().instances_user_has_any_permission_for(user, PAGE_ACTIONS)
    return pages.filter(locale=locale).exists()


def can_translate_page(user, page, locale):
    """Whether ``user`` may create (or take over) the ``locale`` translation of ``page``."""
    if user is None or not user.is_active:
        return False
    if page.locale_id == locale.pk:
        return False
    if user.is_superuser:
        return True
    existing = page.get_translation_or_none(locale)
    if existing is not None:  # an alias being turned into a translation
        return existing.permissions_for_user(user).can_edit()
    parent = page.get_parent()
    if parent is None or parent.is_root():
        return False  # a new language home is the administrators' job
    target_parent = parent.get_translation_or_none(locale)
    if target_parent is None:
        return False
    return target_parent.permissions_for_user(user).can_add_subpage()


def can_translate_snippet(user, snippet, locale):
    if snippet.locale_id == locale.pk or not can_edit_locale(user, locale):
        return False
    return user.is_superuser or user.has_perm(get_permission_name("add", type(snippet)))


def can_edit_instance(user, instance):
    """Rights on an existing object of a language tree (a translation target)."""
    if isinstance(instance, Page):
        return instance.permissions_for_user(user).can_edit()
    model = type(instance)
    if not can_edit_locale(user, instance.locale):
        return False
    return user.is_superuser or user.has_perm(get_permission_name("change", model))


def can_publish_instance(user, instance):
    if isinstance(instance, Page):
        return instance.permissions_for_user(user).can_publish()
    if not isinstance(instance, DraftStateMixin):
        return can_edit_instance(user, instance)  # nothing to publish: saving is enough
    return user.is_superuser or user.has_perm(get_permission_name("publish", type(instance)))


# -- guarded views ----------------------------------------------------------------------------------


def _requested_locales(request, instance):
    """The locales a submit form asks for (POST), or that it would offer (GET)."""
    if request.method == "POST":
        ids = [value for value in request.POST.getlist("locales") if str(value).isdigit()]
        return list(Locale.objects.filter(pk__in=ids))
    existing = instance.get_translations(inclusive=True)
    if isinstance(instance, Page):
        existing = existing.exclude(alias_of__isnull=False)
    return list(Locale.objects.exclude(pk__in=existing.values_list("locale_id", flat=True)))


def submit_page_translation(request, page_id):
    page = get_object_or_404(Page, pk=page_id).specific
    locales = _requested_locales(request, page)
    allowed = [loc for loc in locales if can_translate_page(request.user, page, loc)]
    if not allowed or (request.method == "POST" and len(allowed) != len(locales)):
        raise PermissionDenied
    from wagtail_localize.views import submit_translations

    return submit_translations.SubmitPageTranslationView.as_view()(request, page_id=page_id)


def submit_snippet_translation(request, app_label, model_name, pk):
    from django.contrib.admin.utils import unquote
    from wagtail.snippets.views.snippets import get_snippet_model_from_url_params

    model = get_snippet_model_from_url_params(app_label, model_name)
    if not issubclass(model, TranslatableMixin):
        raise PermissionDenied
    snippet = get_object_or_404(model, pk=unquote(pk))
    locales = _requested_locales(request, snippet)
    allowed = [loc for loc in locales if can_translate_snippet(request.user, snippet, loc)]
    if not allowed or (request.method == "POST" and len(allowed) != len(locales)):
        raise PermissionDenied
    from wagtail_localize.views import submit_translations

    return submit_translations.SubmitSnippetTranslationView.as_view()(
        request, app_label=app_label, model_name=model_name, pk=pk
    )


def sync_translations(request, translation_source_id):
    source = get_object_or_404(TranslationSource, pk=translation_source_id)
    targets = [t.get_target_instance() for t in source.translations.filter(enabled=True)]
    if not targets or not all(can_edit_instance(request.user, target) for target in targets):
        raise PermissionDenied
    if request.method == "POST" and request.POST.get("publish_translations"):
        if not all(can_publish_instance(request.user, target) for target in targets):
            raise PermissionDenied
    from wagtail_localize.views import update_translations

    return update_translations.UpdateTranslationsView.as_view()(request, translation_source_id=translation_source_id)


def convert_page_to_alias(request, page_id):
    """wagtail-localize's "Convert to alias page": the page takes the source's content *and live
    state* at once, with no workflow, so only a user who may publish that page may do it."""
    page = get_object_or_404(Page, pk=page_id, alias_of__isnull=True)
    if not page.permissions_for_user(request.user).can_publish():
        raise PermissionDenied
    from wagtail_localize.views import convert

    return convert.convert_to_alias(request, page_id=page_id)


def can_view_translations_report(user):
    """wagtail-localize's translations report lists every page and snippet, drafts included: it is
    for those who translate or approve translations (the ``submit_translation`` permission)."""
    if user is None or not user.is_active:
        return False
    return user.is_superuser or user.has_perm("wagtail_localize.submit_translation")


def translations_report(request, results_only=False):
    if not can_view_translations_report(request.user):
        raise PermissionDenied
    from wagtail_localize.views import report

    return report.TranslationsReportView.as_view(results_only=results_only)(request)


def snippet_titles(request, app_label, model_name, pk=None):
    """The editor's snippet chooser API (titles and edit links): only for users with some
    permission on that snippet type."""
    from wagtail.snippets.views.snippets import get_snippet_model_from_url_params
    from wagtail_localize.views import snippets_api

    model = get_snippet_model_from_url_params(app_label, model_name)
    user = request.user
    actions = ("add", "change", "delete", "view")
    if not (user.is_superuser or any(user.has_perm(get_permission_name(a, model)) for a in actions)):
        raise PermissionDenied
    if pk is None:
        view = snippets_api.SnippetViewSet.as_view({"get": "list"})
        return view(request, app_label=app_label, model_name=model_name)
    view = snippets_api.SnippetViewSet.as_view({"get": "retrieve"})
    return view(request, app_label=app_label, model_name=model_name, pk=pk)


def _guard_translation(view):
    """Wrap an editor view that takes ``translation_id``: the user must have rights on the target."""

    def guarded(request, translation_id, **kwargs):
        translation = get_object_or_404(Translation, pk=translation_id)
        try:
            target = translation.get_target_instance()
        except ObjectDoesNotExist:
            raise PermissionDenied from None
        if not can_edit_instance(request.user, target):
            raise PermissionDenied
        return view(request, translation_id=translation_id, **kwargs)

    guarded.__name__ = getattr(view, "__name__", "guarded")
    guarded.csrf_exempt = getattr(view, "csrf_exempt", False)
    return guarded


def _checked_po_upload(view):
    """A missing file, or a PO file without wagtail-localize's header, is a clear error, not a 500."""

    def checked(request, translation_id, **kwargs):
        import polib
        from django.contrib import messages
        from django.shortcuts import redirect
        from django.utils.translation import gettext as _
        from wagtail.admin.views.pages.utils import get_valid_next_url_from_request

        upload = request.FILES.get("file")
        problem = None
        if upload is None:
            problem = _("Choose a PO file to upload.")
        else:
            # Parsed from a file, as wagtail-localize does: polib reads a string naming a path.
            with tempfile.NamedTemporaryFile(suffix=".po") as handle:
                handle.write(upload.read())
                handle.flush()
                try:
                    po = polib.pofile(handle.name)
                except (OSError, UnicodeDecodeError, ValueError):
                    po = None
            if po is None or "X-WagtailLocalize-TranslationID" not in po.metadata:
                problem = _("Please upload a valid PO file.")
            upload.seek(0)
        if problem:
            messages.error(request, problem)
            return redirect(get_valid_next_url_from_request(request) or "wagtailadmin_home")
        return view(request, translation_id=translation_id, **kwargs)

    return checked


def guarded_urls():
    """Admin URL patterns shadowing wagtail-localize's unguarded views (same paths, checked first)."""
    from wagtail_localize.views import edit_translation as et

    return [
        path("localize/submit/page/<int:page_id>/", submit_page_translation),
        path("localize/submit/snippet/<slug:app_label>/<slug:model_name>/<str:pk>/", submit_snippet_translation),
        path("localize/update/<int:translation_source_id>/", sync_translations),
        path(
            "localize/translate/<int:translation_id>/strings/<int:string_segment_id>/edit/",
            with_localised_dates(_guard_translation(et.edit_string_translation)),
        ),
        path(
            "localize/translate/<int:translation_id>/overrides/<int:overridable_segment_id>/edit/",
            _guard_translation(et.edit_override),
        ),
        path("localize/translate/<int:translation_id>/pofile/download/", _guard_translation(et.download_pofile)),
        path(
            "localize/translate/<int:translation_id>/pofile/upload/",
            _guard_translation(_checked_po_upload(et.upload_pofile)),
        ),
        path("localize/translate/<int:translation_id>/machine_translate/", _guard_translation(et.machine_translate)),
        path("localize/translate/<int:translation_id>/disable/", _guard_translation(et.stop_translation)),
        path("localize/page/<int:page_id>/convert_to_alias/", convert_page_to_alias),
        path("localize/reports/translations/", translations_report),
        path("localize/reports/translations/results/", translations_report, {"results_only": True}),
        path("localize/api/snippets/<slug:app_label>/<slug:model_name>/", snippet_titles),
        path("localize/api/snippets/<slug:app_label>/<slug:model_name>/<str:pk>/", snippet_titles),
    ]


def guard_snippet_locale(request, instance):
    """``before_edit_snippet``: no change to a snippet of a language one has no rights in."""
    if isinstance(instance, TranslatableMixin) and not can_edit_locale(request.user, instance.locale):
        raise PermissionDenied


def guard_unpublish_locale(request, instance):
    """``before_unpublish``: a snippet is unpublished only in a language one has rights in (editors
    hold the publish permission of snippet types, for the Vietnamese ones)."""
    if not isinstance(instance, Page):
        guard_snippet_locale(request, instance)


def guard_snippet_delete(request, instances):
    """``before_delete_snippet`` (one or a bulk action's list): the same rule for deletions."""
    for instance in instances:
        guard_snippet_locale(request, instance)


def guard_snippet_create(request, model):
    """``before_create_snippet``: a translatable snippet is created only in a language one has rights in."""
    if not issubclass(model, TranslatableMixin):
        return None
    code = request.GET.get("locale")
    locale = Locale.objects.filter(language_code=code).first() if code else Locale.get_default()
    if locale is None or not can_edit_locale(request.user, locale):
        raise PermissionDenied
    return None


# -- publishing -------------------------------------------------------------------------------------


def save_translation(translation, user=None, publish=False):
    """Write the translated strings into the target and, for pages, optionally publish it.

    The draft is saved with ``save_target(publish=False)``; publishing then uses the page's latest
    revision loaded afresh, so the tree fields (``numchild``) are read from the database at that
    moment instead of from the object cached when the revision was made. Raises ValidationError
    like ``save_target``. Returns the target instance.
    """
    target_is_draftable = issubclass(translation.source.specific_content_type.model_class(), DraftStateMixin)
    with transaction.atomic():
        translation.save_target(user=user, publish=not target_is_draftable)
    target = translation.get_target_instance()
    if publish and isinstance(target, DraftStateMixin):
        fresh = type(target).objects.get(pk=target.pk)
        revision = fresh.get_latest_revision()
        revision.content_object = fresh
        revision.publish(user=user)
        target.refresh_from_db()
    return target


def publish_from_editor(request, page):
    """``before_edit_page``: the translation editor's "Publish in …" button, published safely.

    Returns a response for that button, None for everything else (wagtail-localize carries on).
    """
    from django.urls import reverse

    edit_url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    return publish_translation_from_editor(request, page, edit_url)


def publish_snippet_from_editor(request, instance):
    """``before_edit_snippet``: the translation editor's "Publish in …" button on a snippet with drafts.

    Only for users holding the snippet type's publish permission (in a language they have rights
    in: ``guard_snippet_locale`` runs first); everyone else sends the draft for review. Returns a
    response for that button, None for everything else.
    """
    if not is_reviewed_snippet(instance):
        return None
    from wagtail.admin.admin_url_finder import AdminURLFinder

    edit_url = AdminURLFinder(request.user).get_edit_url(instance) or request.path
    return publish_translation_from_editor(request, instance, edit_url)


def publish_translation_from_editor(request, instance, edit_url):
    """The "Publish in …" button of the translation editor of ``instance`` (a page or a snippet):
    refused without the right to publish it, else the translation is published through
    ``save_translation`` and the user goes back to ``edit_url``. None when the request is not that
    button on a synchronised translation."""
    if request.method != "POST" or request.POST.get("action") != "publish":
        return None
    translation = Translation.objects.filter(
        source__object_id=instance.translation_key, target_locale_id=instance.locale_id, enabled=True
    ).first()
    if translation is None:
        return None
    from django.contrib import messages
    from django.shortcuts import redirect
    from django.utils.translation import gettext as _

    if not can_publish_instance(request.user, instance):
        raise PermissionDenied
    try:
        target = save_translation(translation, user=request.user, publish=True)
    except ValidationError:
        messages.error(
            request,
            _("The translation of '%(title)s' has errors; fix them before publishing.") % {"title": str(instance)},
        )
    else:
        messages.success(
            request,
            _("'%(title)s' is published in %(language)s.")
            % {"title": str(target), "language": translation.target_locale.get_display_name()},
        )
    return redirect(edit_url)


# -- snippet drafts ---------------------------------------------------------------------------------

_approved_rows = threading.local()


def _pending():
    if not hasattr(_approved_rows, "rows"):
        _approved_rows.rows = {}
    return _approved_rows.rows


def is_reviewed_snippet(instance):
    """A translatable snippet with drafts (pages have their own rules)."""
    return (
        isinstance(instance, DraftStateMixin)
        and isinstance(instance, TranslatableMixin)
        and not isinstance(instance, Page)
    )


def _key(instance):
    return (instance._meta.label_lower, str(instance.pk))


def remember_approved_row(sender, instance, raw=False, update_fields=None, **kwargs):
    """``pre_save``: a whole-row save that makes a live snippet a draft keeps the approved row aside;
    so does the conversion of a live alias page into a translation (what readers see of it)."""
    if raw or instance.pk is None:
        return
    if isinstance(instance, Page):
        remember_alias_content(instance, update_fields)
        return
    if update_fields is not None or not is_reviewed_snippet(instance):
        return
    pending = _pending()
    pending.pop(_key(instance), None)
    if instance.live:
        return
    approved = type(instance).objects.filter(pk=instance.pk, live=True).first()
    if approved is not None:
        pending[_key(instance)] = approved


def forget_approved_row(sender, instance, **kwargs):
    """``unpublished``: an unpublication is meant; nothing to restore."""
    if is_reviewed_snippet(instance):
        _pending().pop(_key(instance), None)


def remember_alias_content(page, update_fields):
    """A live alias becoming an ordinary page (``alias_of`` saved alone, as wagtail-localize and
    Wagtail do): keep what readers see of it, the alias's row, while it is still in the database."""
    if not update_fields or "alias_of_id" not in update_fields or page.alias_of_id is not None:
        return
    alias = Page.objects.filter(pk=page.pk, alias_of__isnull=False, live=True).first()
    if alias is not None:
        _pending()[("page", str(page.pk))] = alias.specific.serializable_data()


def restore_live_content(sender, instance, created=False, raw=False, **kwargs):
    """``post_save`` of wagtail-localize's ``TranslationLog``: put the approved row (snippet or page)
    back, live, with the translation as its latest (unpublished) revision."""
    if raw or not created or instance.revision_id is None:
        return
    revision = instance.revision
    model = revision.content_type.model_class()
    if model is None:
        return
    if issubclass(model, Page):
        keep_live_page(revision)
        return
    approved = _pending().pop((model._meta.label_lower, str(revision.object_id)), None)
    if approved is None:
        return
    approved.latest_revision = revision
    approved.has_unpublished_changes = True
    approved.save()


def keep_live_page(revision):
    """Work-around 3 for pages (wagtail/wagtail-localize#655). A live page whose translation
    wagtail-localize saved as a draft (``revision``) shows its published version again:
    ``create_or_update_translation`` writes the draft's strings into the page's row before making
    the revision, so readers would see an unreviewed translation. The draft stays the page's latest
    revision, waiting for review.

    A live alias turned into a translation has no published revision of its own (an alias points at
    its source's; wagtail-localize converts it without one, where Wagtail's own conversion makes its
    first revision the live one): what readers saw of the alias, remembered before the conversion,
    becomes the page's published revision."""
    page = Page.objects.get(pk=revision.object_id).specific
    published = page.live_revision
    if published is not None and published.object_id != str(page.pk):
        published = None  # an alias keeps its source's live revision; it is not this page's
    alias_content = _pending().pop(("page", str(page.pk)), None)
    if page.live and published is None and alias_content is not None:
        keep_alias_content_live(page, alias_content, revision)
        return
    if not page.live or published is None or published.pk == revision.pk:
        return
    approved = published.as_object()  # the row's tree, state and latest revision, the published content
    approved.live_revision = published
    approved.last_published_at = page.last_published_at
    approved.has_unpublished_changes = True
    approved.save(clean=False)


def keep_alias_content_live(page, content, draft):
    """The converted alias ``page`` shows ``content`` (its alias row) again, recorded as its published
    revision; ``draft``, the translation, stays its latest revision, waiting for review."""
    approved = page.with_content_json(content)  # keeps the page's draft title and latest revision
    published = Revision.objects.create(
        content_object=approved,
        base_content_type=approved.get_base_content_type(),
        content=content,
        object_str=str(approved),
        created_at=draft.created_at,  # what readers saw when the draft was made; listed below it
    )
    approved.live_revision = published
    approved.has_unpublished_changes = True
    approved.save(clean=False)


LIVE_CONTENT_RECEIVERS = "portal_translation_remember_live_content", "portal_translation_restore_live_content"


def keep_live_content():
    """Connect the receivers of work-around 3 (idempotent: ``dispatch_uid``)."""
    remember, restore = LIVE_CONTENT_RECEIVERS
    pre_save.connect(remember_approved_row, dispatch_uid=remember)
    unpublished.connect(forget_approved_row, dispatch_uid="portal_translation_forget_approved_row")
    post_save.connect(restore_live_content, sender=TranslationLog, dispatch_uid=restore)


def release_live_content():
    """Disconnect them (the tests that show the gap is still there upstream)."""
    remember, restore = LIVE_CONTENT_RECEIVERS
    pre_save.disconnect(dispatch_uid=remember)
    unpublished.disconnect(dispatch_uid="portal_translation_forget_approved_row")
    post_save.disconnect(sender=TranslationLog, dispatch_uid=restore)


def install():
    """Apply the work-arounds (idempotent)."""
    keep_live_content()
