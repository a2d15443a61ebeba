"""Rendering hooks every app's rich text shares."""

from wagtail import hooks

from portal.image_embeds import PublicImageEmbedHandler
from portal.language_notice import CrossLanguagePageLinkHandler


@hooks.register("register_rich_text_features", order=100)  # after Wagtail's own page link handler
def register_cross_language_page_links(features):
    """Links in rich text that lead to a page in another language carry the reader's language
    (``portal.language_notice``)."""
    features.register_link_type(CrossLanguagePageLinkHandler)


@hooks.register("register_rich_text_features", order=100)  # after Wagtail's own image embed handler
def public_pictures_in_rich_text(features):
    """Pictures of restricted collections are never shown in public rich text."""
    features.register_embed_type(PublicImageEmbedHandler)
