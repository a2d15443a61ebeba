"""Pictures of the news templates."""

from portal.images import attach_pictures

__all__ = [
    "ARTICLE_SPECS",
    "BODY_SPECS",
    "CARD_SPECS",
    "FEATURED_SPECS",
    "SOCIAL_SPECS",
    "attach_pictures",
]

# The renditions the news templates ask for (news/includes/card.html, news/tags/featured.html):
# prefetching only these keeps an image's other renditions (hero sizes, social cards) unread.
CARD_SPECS = ("fill-400x250|format-webp", "fill-800x500|format-webp")
FEATURED_SPECS = ("fill-640x400|format-webp", "fill-1200x750|format-webp")
# An article's own pictures (news/news_page.html, blocks/image_block.html): the hero's sizes, the
# social card (og:image and JSON-LD) and the body's images.
ARTICLE_SPECS = ("width-480|format-webp", "width-800|format-webp", "width-1200|format-webp")
SOCIAL_SPECS = ("fill-1200x630|format-jpeg",)
BODY_SPECS = ("width-1200|format-webp", "width-600|format-webp")
