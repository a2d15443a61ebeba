"""The page chooser shows a live page's live title to users who may not edit the page.

Wagtail's chooser titles a page with ``get_admin_display_title()``, its latest draft's title: a
collaborator choosing a related page would read the title someone else is preparing for a live
article. ``construct_page_chooser_queryset`` (``editorial.privacy_hooks``) already keeps other
people's unpublished pages out of the lists; these subclasses of Wagtail's chooser views (served at
Wagtail's own addresses, ``editorial/chooser_urls.py``) title the live pages a user may not edit
with their live title, in the browse and search lists, their parent and "explore" links, and the
"chosen" answer of a multiple choice, and the breadcrumbs (``editorial_chooser``, in Wagtail's own
browse template, ``templates/wagtailadmin/chooser/_browse_results.html``). The chosen-page box of
the page edit forms likewise (``PageChooserSeenBy``, set by ``editorial.page_views``). Editors of the
page keep seeing its draft title.
"""

from django.urls import reverse
from wagtail.admin.ui.tables import pages as page_tables
from wagtail.admin.views import chooser
from wagtail.admin.widgets import AdminPageChooser
from wagtail.models import Page

from editorial.privacy_hooks import require_visible, visible_pages


def as_seen_by(page, user):
    """``page``, titled for ``user``: a live page whose draft has another title keeps its live
    title for those who may not edit it. The instance is only displayed, never saved."""
    if (
        page is not None
        and page.live
        and page.draft_title
        and page.draft_title != page.title
        and not page.permissions_for_user(user).can_edit()
    ):
        page.draft_title = page.title
    return page


class SeenByUserMixin:
    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user


class PageTitleColumn(SeenByUserMixin, chooser.PageTitleColumn):
    def get_cell_context_data(self, instance, parent_context):
        return super().get_cell_context_data(as_seen_by(instance, self.user), parent_context)


class ParentPageColumn(SeenByUserMixin, chooser.ParentPageColumn):
    def get_value(self, instance):
        return as_seen_by(super().get_value(instance), self.user)


class PageNavigateToChildrenColumn(SeenByUserMixin, chooser.PageNavigateToChildrenColumn):
    def get_value(self, instance):
        return as_seen_by(super().get_value(instance), self.user)


class ListingParentPageColumn(SeenByUserMixin, page_tables.ParentPageColumn):
    """The "parent" column of the explorer's search and of the type listings."""

    def get_value(self, instance):
        return as_seen_by(super().get_value(instance), self.user)


COLUMN_CLASSES = {
    chooser.PageTitleColumn: PageTitleColumn,
    chooser.ParentPageColumn: ParentPageColumn,
    chooser.PageNavigateToChildrenColumn: PageNavigateToChildrenColumn,
    page_tables.ParentPageColumn: ListingParentPageColumn,
}


def columns_seen_by(columns, user):
    """Wagtail's chooser and listing columns, those that show a page's title replaced by ours."""
    replaced = []
    for column in columns:
        ours = COLUMN_CLASSES.get(type(column))
        if ours is not None:
            options = {
                "label": column.label,
                "accessor": column.accessor,
                "classname": column.classname,
                "sort_key": column.sort_key,
                "width": column.width,
            }
            if isinstance(column, chooser.PageTitleColumn):
                options["is_multiple_choice"] = column.is_multiple_choice
            column = ours(column.name, user=user, **options)
        replaced.append(column)
    return replaced


class BrowseView(chooser.BrowseView):
    @property
    def columns(self):
        return columns_seen_by(super().columns, self.request.user)

    def get(self, request, parent_page_id=None):
        """Browsing into a page the chooser does not offer the user (another person's draft) is not found."""
        require_visible(parent_page_id, request.user)
        return super().get(request, parent_page_id)


class SearchView(chooser.SearchView):
    @property
    def columns(self):
        return columns_seen_by(super().columns, self.request.user)


class ChosenMultipleView(chooser.ChosenMultipleView):
    """The pages of a multiple choice, among those the chooser offers the user."""

    def get(self, request):
        pks = request.GET.getlist("id")
        pages = visible_pages(Page.objects.filter(pk__in=pks), request.user).specific()
        result = [
            {
                "id": page.pk,
                "parentId": page.get_parent().pk,
                "adminTitle": as_seen_by(page, request.user).get_admin_display_title(),
                "editUrl": reverse("wagtailadmin_pages:edit", args=(page.pk,)),
                "url": page.url,
            }
            for page in pages
        ]
        return self.render_chosen_response(result)


class PageChooserSeenBy(AdminPageChooser):
    """The chosen-page box of an edit form (a related page, a partner…), titled for the form's user."""

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    @classmethod
    def replacing(cls, widget, user):
        return cls(
            target_models=widget.target_models,
            can_choose_root=widget.can_choose_root,
            user_perms=widget.user_perms,
            attrs=widget.attrs,
            user=user,
        )

    def get_display_title(self, instance):
        return as_seen_by(instance, self.user).get_admin_display_title()


def page_choosers_seen_by(form, user):
    """Give every page chooser of ``form`` and of its inline forms (related pages…) the titles ``user``
    may read. Called before the form is rendered."""
    if form is None:
        return
    for field in form.fields.values():
        if isinstance(field.widget, AdminPageChooser) and not isinstance(field.widget, PageChooserSeenBy):
            field.widget = PageChooserSeenBy.replacing(field.widget, user)
    for formset in getattr(form, "formsets", {}).values():
        for child in formset.forms:
            page_choosers_seen_by(child, user)
