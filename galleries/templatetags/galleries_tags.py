"""Albums and videos attached to a page (an article, an event), listed on that page."""

from django import template

from galleries.models import attached_media

register = template.Library()


@register.inclusion_tag("galleries/includes/attached.html")
def attached_albums_and_videos(page):
    albums, videos = attached_media(page) if getattr(page, "pk", None) else ([], [])
    return {"albums": albums, "videos": videos}
