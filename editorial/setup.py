"""Permissions and workflows of the editorial board, applied idempotently.

``apply_editorial_setup()`` is run by this app's data migration (with the historical models), after
every ``migrate`` (``post_migrate``), by the demo loader, and whenever a home page or a news section is
published, so pages that appear later (the English home, new sections) get their permissions and
workflows. Running it again changes nothing.

| group | pages | images, documents | snippets |
| --- | --- | --- | --- |
| collaborators | add (so: edit their own drafts) in each Vietnamese news section | add in their own collection, choose anywhere | view |
| editors | add, change, lock on the Vietnamese tree | everything | add, change, delete |
| leadership | add, change, publish, lock, unlock, delete on both trees | everything | add, change, delete |
| translators | add, change on the English tree; submit translations | choose | add, change of translatable snippets (no publish) |

Translatable snippets shown on the public site keep drafts (``portal.models.snippets.ReviewedSnippet``):
editors and leadership hold their ``publish`` permission and publish directly, in the languages they
have rights in (translation/localize_compat.py keeps editors out of the English tree's snippets);
translators save drafts and send them through "Duyệt bản dịch", assigned to those snippet types.

Site tools (``MODEL_PERMISSIONS``): editors and leadership manage promoted search results and
redirects; leadership also edits the organization settings (which hold the legal footer).

Only leadership holds publish permission on pages (a user with it can publish over a running workflow).
"""

from django.apps import apps as global_apps

from editorial import roles

CONTENT_APPS = ("portal", "home", "news", "foreign_relations", "events", "galleries", "members", "related_sites")
NEWS_SECTION = ("news", "newssectionpage")
# Wagtail's stock groups grant publish on the root page; the portal's groups replace them.
STOCK_GROUPS = ("Editors", "Moderators")

PAGE_PERMISSIONS = {
    roles.EDITORS: ("add", "change", "lock"),
    roles.LEADERSHIP: ("add", "change", "publish", "bulk_delete", "lock", "unlock"),
    roles.TRANSLATORS: ("add", "change"),
    roles.COLLABORATORS: ("add",),
}
ALL_MEDIA = ("add", "change", "delete", "choose")

# The content apps' snippets a data migration grants rights on (historical models know no registry).
HISTORICAL_SNIPPETS = (
    ("portal", "department"),
    ("news", "topic"),
    ("foreign_relations", "sector"),
    ("foreign_relations", "documenttype"),
    ("foreign_relations", "issuingbody"),
    ("related_sites", "relatedsite"),
)

# (app_label, model, actions) granted to each group on models outside the page tree.
SITE_TOOLS = (
    ("wagtailsearchpromotions", "searchpromotion", ("add", "change", "delete", "view")),
    ("wagtailredirects", "redirect", ("add", "change", "delete", "view")),
)
MODEL_PERMISSIONS = {
    roles.EDITORS: SITE_TOOLS,
    roles.LEADERSHIP: SITE_TOOLS + (("portal", "organizationsettings", ("change", "view")),),
}


def apply_editorial_setup(apps=None):
    """Grant the groups their rights and attach the workflows. Idempotent; returns nothing."""
    Setup(apps or global_apps).run()


class Setup:
    def __init__(self, apps):
        self.apps = apps
        self.historical = apps is not global_apps
        self.Group = apps.get_model("auth", "Group")
        self.Permission = apps.get_model("auth", "Permission")
        self.ContentType = apps.get_model("contenttypes", "ContentType")
        self.Page = apps.get_model("wagtailcore", "Page")
        self.Locale = apps.get_model("wagtailcore", "Locale")

    def run(self):
        if not self.Page.objects.filter(depth=1).exists():
            return  # a flushed database: nothing to attach to
        self.groups = {name: self.Group.objects.get_or_create(name=name)[0] for name in roles.ALL_GROUPS}
        access_admin = self.permission("wagtailadmin", "admin", "access_admin", "Can access Wagtail admin")
        for group in self.groups.values():
            group.permissions.add(access_admin)
        self.remove_unused_stock_groups()
        self.page_permissions()
        self.collection_permissions()
        self.snippet_permissions()
        self.translation_permissions()
        self.model_permissions()
        self.workflows()

    # -- helpers ---------------------------------------------------------------------------------

    def content_type(self, app_label, model):
        return self.ContentType.objects.get_or_create(app_label=app_label, model=model)[0]

    def permission(self, app_label, model, codename, name=None):
        ct = self.content_type(app_label, model)
        perm = self.Permission.objects.filter(content_type=ct, codename=codename).first()
        if perm is None:
            perm = self.Permission.objects.create(content_type=ct, codename=codename, name=name or codename)
        return perm

    def homes(self):
        """``{language_code: home page}``: the Vietnamese root page of the default site and its translations."""
        Site = self.apps.get_model("wagtailcore", "Site")
        site = Site.objects.filter(is_default_site=True).first()
        root = self.Page.objects.filter(pk=site.root_page_id).first() if site else None
        if root is None:
            root = self.Page.objects.filter(depth=2, locale__language_code="vi").first()
        if root is None:
            return {}
        pages = self.Page.objects.filter(translation_key=root.translation_key, depth=root.depth)
        return {page.locale.language_code: page for page in pages.select_related("locale")}

    def news_sections(self, home):
        ct = self.ContentType.objects.filter(app_label=NEWS_SECTION[0], model=NEWS_SECTION[1]).first()
        if ct is None or home is None:
            return []
        return list(self.Page.objects.filter(content_type=ct, path__startswith=home.path, depth__gt=home.depth))

    def grant_page(self, group, page, actions):
        GroupPagePermission = self.apps.get_model("wagtailcore", "GroupPagePermission")
        for action in actions:
            perm = self.permission("wagtailcore", "page", f"{action}_page", f"Can {action} page")
            GroupPagePermission.objects.get_or_create(group=group, page=page, permission=perm)

    # -- steps -----------------------------------------------------------------------------------

    def remove_unused_stock_groups(self):
        for group in self.Group.objects.filter(name__in=STOCK_GROUPS):
            if not group.user_set.exists():
                group.delete()

    def page_permissions(self):
        homes = self.homes()
        vi, en = homes.get("vi"), homes.get("en")
        if vi is not None:
            self.grant_page(self.groups[roles.EDITORS], vi, PAGE_PERMISSIONS[roles.EDITORS])
            self.grant_page(self.groups[roles.LEADERSHIP], vi, PAGE_PERMISSIONS[roles.LEADERSHIP])
            for section in self.news_sections(vi):
                self.grant_page(self.groups[roles.COLLABORATORS], section, PAGE_PERMISSIONS[roles.COLLABORATORS])
        if en is not None:
            self.grant_page(self.groups[roles.TRANSLATORS], en, PAGE_PERMISSIONS[roles.TRANSLATORS])
            self.grant_page(self.groups[roles.LEADERSHIP], en, PAGE_PERMISSIONS[roles.LEADERSHIP])

    def collection_permissions(self):
        Collection = self.apps.get_model("wagtailcore", "Collection")
        GroupCollectionPermission = self.apps.get_model("wagtailcore", "GroupCollectionPermission")
        root = Collection.objects.filter(depth=1).first()
        if root is None:
            return
        own = Collection.objects.filter(depth=2, name=roles.COLLABORATORS_COLLECTION).first()
        if own is None:
            own = self.add_collection(Collection, root, roles.COLLABORATORS_COLLECTION)

        def grant(group, collection, actions):
            for app_label, model in (("wagtailimages", "image"), ("wagtaildocs", "document")):
                for action in actions:
                    perm = self.permission(app_label, model, f"{action}_{model}", f"Can {action} {model}")
                    GroupCollectionPermission.objects.get_or_create(group=group, collection=collection, permission=perm)

        grant(self.groups[roles.EDITORS], root, ALL_MEDIA)
        grant(self.groups[roles.LEADERSHIP], root, ALL_MEDIA)
        grant(self.groups[roles.COLLABORATORS], own, ("add",))
        grant(self.groups[roles.COLLABORATORS], root, ("choose",))
        grant(self.groups[roles.TRANSLATORS], root, ("choose",))

    def add_collection(self, Collection, parent, name):
        """Add a child collection (treebeard paths by hand: historical models have no tree methods)."""
        from wagtail.models import Collection as TreeCollection

        last = Collection.objects.filter(path__startswith=parent.path, depth=parent.depth + 1).order_by("-path").first()
        position = TreeCollection._str2int(last.path[-TreeCollection.steplen :]) + 1 if last else 1
        path = TreeCollection._get_path(parent.path, parent.depth + 1, position)
        collection = Collection.objects.create(name=name, path=path, depth=parent.depth + 1, numchild=0)
        Collection.objects.filter(pk=parent.pk).update(numchild=parent.numchild + 1)
        return collection

    def snippet_models(self):
        """The content apps' snippets: every registered snippet now, those named in
        ``HISTORICAL_SNIPPETS`` (when their app's migrations have run) in a migration."""
        if self.historical:
            found = []
            for app_label, name in HISTORICAL_SNIPPETS:
                try:
                    found.append(self.apps.get_model(app_label, name))
                except LookupError:
                    continue
            return found
        from wagtail.snippets.models import get_snippet_models

        return [m for m in get_snippet_models() if m._meta.app_label in CONTENT_APPS]

    @staticmethod
    def has_field(model, name):
        return any(f.name == name for f in model._meta.get_fields())

    def reviewed_snippet_models(self):
        """Translatable snippets with drafts: their changes go live by publishing or through review."""
        return [m for m in self.snippet_models() if self.has_field(m, "translation_key") and self.has_field(m, "live")]

    def snippet_permissions(self):
        for model in self.snippet_models():
            app_label, name = model._meta.app_label, model._meta.model_name
            translatable = self.has_field(model, "translation_key")
            draftable = self.has_field(model, "live")

            def perms(actions, app_label=app_label, name=name):
                return [self.permission(app_label, name, f"{a}_{name}", f"Can {a} {name}") for a in actions]

            # Editors and leadership publish snippets directly, as they saved them live before snippets
            # had drafts; translators never publish (they send their drafts for review).
            staff = ("add", "change", "delete", "view") + (("publish",) if draftable else ())
            self.groups[roles.EDITORS].permissions.add(*perms(staff))
            self.groups[roles.LEADERSHIP].permissions.add(*perms(staff))
            self.groups[roles.COLLABORATORS].permissions.add(*perms(("view",)))
            if translatable:
                self.groups[roles.TRANSLATORS].permissions.add(*perms(("add", "change", "view")))

    def translation_permissions(self):
        submit = self.permission("wagtail_localize", "translation", "submit_translation", "Can submit translations")
        self.groups[roles.TRANSLATORS].permissions.add(submit)
        self.groups[roles.LEADERSHIP].permissions.add(submit)

    def model_permissions(self):
        for group_name, grants in MODEL_PERMISSIONS.items():
            for app_label, model, actions in grants:
                self.groups[group_name].permissions.add(
                    *(self.permission(app_label, model, f"{a}_{model}", f"Can {a} {model}") for a in actions)
                )

    def workflows(self):
        homes = self.homes()
        editors, leadership = self.groups[roles.EDITORS], self.groups[roles.LEADERSHIP]
        review = self.task(roles.EDITOR_REVIEW_TASK, editors)
        approval = self.task(roles.LEADERSHIP_APPROVAL_TASK, leadership)
        translation_approval = self.task(roles.TRANSLATION_APPROVAL_TASK, leadership)
        news = self.workflow(roles.NEWS_WORKFLOW, [review, approval])
        translation = self.workflow(roles.TRANSLATION_WORKFLOW, [translation_approval])
        WorkflowPage = self.apps.get_model("wagtailcore", "WorkflowPage")
        for code, workflow in (("vi", news), ("en", translation)):
            # A home page without a workflow gets the board's; a workflow chosen by an administrator stays.
            if homes.get(code) is not None and not WorkflowPage.objects.filter(page=homes[code]).exists():
                WorkflowPage.objects.create(page=homes[code], workflow=workflow)
        # Snippet workflows attach to a type, not a language: holders of the publish permission
        # (editors and leadership) publish over it; translators can only send drafts through it.
        WorkflowContentType = self.apps.get_model("wagtailcore", "WorkflowContentType")
        for model in self.reviewed_snippet_models():
            content_type = self.content_type(model._meta.app_label, model._meta.model_name)
            if not WorkflowContentType.objects.filter(content_type=content_type).exists():
                WorkflowContentType.objects.create(content_type=content_type, workflow=translation)

    def task(self, name, group):
        ModerationTask = self.apps.get_model("editorial", "ModerationTask")
        task = ModerationTask.objects.filter(name=name).first()
        if task is None:
            task = ModerationTask.objects.create(
                name=name, active=True, content_type=self.content_type("editorial", "moderationtask")
            )
            task.groups.add(group)
        return task

    def workflow(self, name, tasks):
        Workflow = self.apps.get_model("wagtailcore", "Workflow")
        WorkflowTask = self.apps.get_model("wagtailcore", "WorkflowTask")
        workflow = Workflow.objects.filter(name=name).first()
        if workflow is None:
            workflow = Workflow.objects.create(name=name, active=True)
            for order, task in enumerate(tasks):
                WorkflowTask.objects.create(workflow=workflow, task_id=task.pk, sort_order=order)
        return workflow
