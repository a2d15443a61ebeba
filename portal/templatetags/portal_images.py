"""Wagtail's ``image``, ``srcset_image`` and ``picture`` tags, with their filters parsed once.

Wagtail builds a new ``Filter`` each time a tag renders, and parsing a filter spec inspects the
signature of every operation: a card's two-size ``srcset_image`` cost more than the rest of the
card. A compiled template keeps its nodes, so each node here keeps its filters (a filter is
immutable: its spec and the operations parsed from it). Same syntax, same output. Load this
library after ``wagtailimages_tags``::

    {% load wagtailimages_tags portal_images %}
"""

from django import template
from wagtail.images.templatetags import wagtailimages_tags as wagtail_tags

register = template.Library()


class _FiltersParsedOnce:
    def get_filter(self):
        if getattr(self, "_portal_filter", None) is None:
            self._portal_filter = super().get_filter()
        return self._portal_filter

    def get_filters(self):
        if getattr(self, "_portal_filters", None) is None:
            self._portal_filters = super().get_filters()
        return self._portal_filters


class ImageNode(_FiltersParsedOnce, wagtail_tags.ImageNode):
    pass


class SrcsetImageNode(_FiltersParsedOnce, wagtail_tags.SrcsetImageNode):
    pass


class PictureNode(_FiltersParsedOnce, wagtail_tags.PictureNode):
    pass


NODES = {
    wagtail_tags.ImageNode: ImageNode,
    wagtail_tags.SrcsetImageNode: SrcsetImageNode,
    wagtail_tags.PictureNode: PictureNode,
}


def image(parser, token):
    node = wagtail_tags.image(parser, token)  # Wagtail's parsing and its error messages
    node.__class__ = NODES[type(node)]
    return node


register.tag("image", image)
register.tag("srcset_image", image)
register.tag("picture", image)
