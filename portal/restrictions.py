"""Pages without a view restriction, in the same query as the pages themselves.

Wagtail's ``PageQuerySet.public()`` first reads every restriction (one query per call); a box
shown on every article or on the home page can instead exclude restricted pages with a correlated
``NOT EXISTS`` in its own query: a page is restricted when a restricted page's path is a prefix of
its path (itself or an ancestor).
"""

from django.db.models import Exists, F, OuterRef
from wagtail.models import PageViewRestriction


def without_view_restrictions(queryset):
    """``queryset`` (of pages) without the pages under a view restriction, in one SQL query."""
    restricted = PageViewRestriction.objects.annotate(outer_path=OuterRef("path")).filter(
        outer_path__startswith=F("page__path")
    )
    return queryset.filter(~Exists(restricted))
