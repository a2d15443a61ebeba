from .pages import BasePage, FoldedSearchMixin, IndexPage
from .settings import OrganizationSettings
from .snippets import Department

__all__ = ["BasePage", "Department", "FoldedSearchMixin", "IndexPage", "OrganizationSettings"]
