"""Pages without a view restriction, in the same query as the pages themselves.

Wagtail's ``PageQuerySet.public()`` first reads every restriction (one query per call); a box
shown on every article or on the home page can instead exclude restricted pages with a correlated
``NOT EXISTS`` in its own query: a page is restricted when a restricted page's path is a prefix of
its path (itself or an ancestor).
"""

from django.db.models import Exists, OuterRef
from django.db.models.functions import Length, Substr
from wagtail.models import PageViewRestriction


def without_view_restrictions(queryset):
    """``queryset`` (of pages) without the pages under a view restriction, in one SQL query."""
    restricted = PageViewRestriction.objects.filter(page__path=Substr(OuterRef("path"), 1, Length("page__path")))
    return queryset.filter(~Exists(restricted))
