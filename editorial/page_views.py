"""Wagtail's page admin views, where they show pages to a user who may not edit them.

* The page explorer, page search and "pages of this type" listing list only the pages the user may
  see listed (``editorial.privacy_hooks``): live pages, pages they may edit or review, the way to
  their own work; exploring another person's draft by its number is not found.
* Their pages, the page explored and its breadcrumbs are titled as the user may read them: a live
  page whose draft someone else prepares keeps its live title (``TitlesSeenByUserMixin``,
  templates/editorial/pages/).
* The admin API that the explorer's side menu reads (``/admin/api/main/pages/``) answers only about
  those pages too (``construct_admin_api``): without it any admin user could read other people's
  drafts, fields included, by number or by search.
* The add and edit forms title the pages chosen in their page choosers (related pages, a project's
  partner…) with their live title when the user may not edit them
  (``editorial.chooser_views.page_choosers_seen_by``).

Registered as the page viewset of every page type (``register_admin_viewset``, after Wagtail's
default one), so Wagtail's own addresses and URL names serve them.
"""

from collections import OrderedDict

from wagtail.admin.api.views import PagesAdminAPIViewSet
from wagtail.admin.views.pages import create, edit, listing, search, usage
from wagtail.admin.viewsets.pages import PageViewSet
from wagtail.models import Page

from editorial.chooser_views import as_seen_by, columns_seen_by, page_choosers_seen_by
from editorial.privacy_hooks import VisiblePagesPolicy, require_visible

policy = VisiblePagesPolicy(Page)


class TitlesSeenByUserMixin:
    """A page listing's pages (and the page explored) titled for the user: a live page whose draft
    has another title keeps its live title for those who may not edit it."""

    def get_table(self, object_list):
        table = super().get_table(object_list)
        columns = columns_seen_by(table.columns.values(), self.request.user)
        table.columns = OrderedDict((column.name, column) for column in columns)
        return table

    def get_context_data(self, **kwargs):
        user = self.request.user
        parent_page = getattr(self, "parent_page", None)
        if parent_page is not None:
            as_seen_by(parent_page, user)
        context = super().get_context_data(**kwargs)
        for page in context.get("object_list") or []:
            as_seen_by(page, user)
            as_seen_by(getattr(page, "annotated_parent_page", None), user)
        return context


class ExplorableIndexView(TitlesSeenByUserMixin, listing.ExplorableIndexView):
    permission_policy = policy
    template_name = "editorial/pages/explorable_index.html"

    def get(self, request, parent_page_id=None):
        """Exploring a page one may not see listed (another person's draft) is not found."""
        require_visible(parent_page_id, request.user)
        return super().get(request, parent_page_id)


class SearchView(TitlesSeenByUserMixin, search.SearchView):
    permission_policy = policy


class ContentTypeUseView(TitlesSeenByUserMixin, usage.ContentTypeUseView):
    permission_policy = policy


class ChoosersSeenByUserMixin:
    """The form's page choosers title the chosen pages as the user may read them."""

    def get_context_data(self, **kwargs):
        page_choosers_seen_by(getattr(self, "form", None), self.request.user)
        return super().get_context_data(**kwargs)


class CreateView(ChoosersSeenByUserMixin, create.CreateView):
    pass


class EditView(ChoosersSeenByUserMixin, edit.EditView):
    pass


class PortalPageViewSet(PageViewSet):
    index_view_class = ExplorableIndexView
    search_view_class = SearchView
    content_type_use_view_class = ContentTypeUseView
    add_view_class = CreateView
    edit_view_class = EditView


class VisiblePagesAdminAPIViewSet(PagesAdminAPIViewSet):
    """The admin API's pages: only those the user may see listed, titled as the user may read them."""

    def get_base_queryset(self):
        return policy.explorable_instances(self.request.user)

    def paginate_queryset(self, queryset):
        pages = list(super().paginate_queryset(queryset))
        for page in pages:
            as_seen_by(page, self.request.user)
        return pages

    def get_object(self):
        return as_seen_by(super().get_object(), self.request.user)
