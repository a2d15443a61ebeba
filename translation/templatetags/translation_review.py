from django import template
from wagtail.models import Page

from translation.editor_dates import localise_editor_props
from translation.localize_compat import can_publish_instance, is_reviewed_snippet
from translation.review import incomplete_warning, untranslated_segments

register = template.Library()


@register.simple_tag
def untranslated_warning(translation):
    """The warning shown above "Send translation for review", or "" when every segment is translated."""
    missing, total = untranslated_segments(translation)
    return incomplete_warning(missing, total) if missing else ""


@register.simple_tag
def untranslated_count(translation):
    return untranslated_segments(translation)[0]


@register.simple_tag(takes_context=True)
def sends_for_review(context, instance):
    """Whether the translation editor offers "Send translation for review" instead of "Publish": a
    page or a snippet with drafts that the user may not publish."""
    if not (isinstance(instance, Page) or is_reviewed_snippet(instance)):
        return False
    return not can_publish_instance(context["request"].user, instance)


@register.filter
def localised_dates(props):
    """The translation editor's props with its dates in the user's language (translation.editor_dates)."""
    return localise_editor_props(props)


@register.simple_tag
def translation_editor_labels(heading, more_actions):
    """The translation editor's hard-coded English labels in the user's language, for json_script."""
    return {"heading": str(heading), "moreActions": str(more_actions)}
