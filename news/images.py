"""Pictures of the news templates."""

from portal.images import prefetch_renditions

__all__ = ["CARD_SPECS", "FEATURED_SPECS", "prefetch_renditions"]

# The renditions the news templates ask for (news/includes/card.html, news/tags/featured.html):
# prefetching only these keeps an image's other renditions (hero sizes, social cards) unread.
CARD_SPECS = ("fill-400x250|format-webp", "fill-800x500|format-webp")
FEATURED_SPECS = ("fill-640x400|format-webp", "fill-1200x750|format-webp")
