"""Admin and rendering hooks every app shares."""

from wagtail import hooks

from portal.image_embeds import PublicImageEmbedHandler


@hooks.register("register_rich_text_features", order=100)  # after Wagtail's own image embed handler
def public_pictures_in_rich_text(features):
    features.register_embed_type(PublicImageEmbedHandler)
