from .directives import DirectiveIndexPage, DirectivePage, DirectiveRelatedPage
from .partners import PartnerIndexPage, PartnerPage, PartnerRelatedPage, PartnerType
from .projects import AidProjectPage, ProjectIndexPage, ProjectRelatedPage, ProjectStatus
from .snippets import DocumentType, IssuingBody, Sector

__all__ = [
    "AidProjectPage",
    "DirectiveIndexPage",
    "DirectivePage",
    "DirectiveRelatedPage",
    "DocumentType",
    "IssuingBody",
    "PartnerIndexPage",
    "PartnerPage",
    "PartnerRelatedPage",
    "PartnerType",
    "ProjectIndexPage",
    "ProjectRelatedPage",
    "ProjectStatus",
    "Sector",
]
