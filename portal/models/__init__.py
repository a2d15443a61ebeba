from .pages import BasePage, FoldedSearchMixin
from .settings import OrganizationSettings
from .snippets import Department

__all__ = ["BasePage", "Department", "FoldedSearchMixin", "OrganizationSettings"]
