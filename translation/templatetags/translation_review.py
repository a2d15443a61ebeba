from django import template

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
