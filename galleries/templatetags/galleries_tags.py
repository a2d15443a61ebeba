"""Albums and videos attached to a page (an article, an event), listed on that page."""

from django import template

from galleries.models import attached_media

register = template.Library()


@register.inclusion_tag("galleries/includes/attached.html", takes_context=True)
def attached_albums_and_videos(context, page):
    request = context.get("request")
    albums, videos = attached_media(page, request) if getattr(page, "pk", None) else ([], [])
    return {"albums": albums, "videos": videos}
