"""Links in rich text that lead to a page in another language carry the reader's language
(``portal.language_notice``), in every app's rich text."""

from wagtail import hooks

from portal.language_notice import CrossLanguagePageLinkHandler


@hooks.register("register_rich_text_features", order=100)  # after Wagtail's own page link handler
def register_cross_language_page_links(features):
    features.register_link_type(CrossLanguagePageLinkHandler)
