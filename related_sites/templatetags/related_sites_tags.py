"""The footer's "Liên kết website" list."""

from django import template
from django.utils.translation import get_language

from related_sites.models import RelatedSite

register = template.Library()


@register.inclusion_tag("related_sites/footer_links.html")
def related_sites():
    """The related sites of the current language, in the editors' order (one query)."""
    sites = RelatedSite.objects.filter(locale__language_code=get_language(), live=True).order_by("sort_order", "name")
    return {"sites": list(sites)}
