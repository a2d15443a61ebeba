"""What the news API (/api/v2/news/) gives a partner's newsroom about an article: its section and
topics in the article's language, its picture in a few sizes with absolute URLs, its author and
the source of a reposted article."""

from rest_framework import serializers

from portal.private_images import first_public_image_of

# The picture's sizes: the article's own (width-…), the social card (1200×630) and a list card.
PICTURE_RENDITIONS = {
    "large": "width-1200|format-jpeg",
    "medium": "width-800|format-jpeg",
    "social": "fill-1200x630|format-jpeg",
    "thumbnail": "fill-400x250|format-jpeg",
}


def _absolute(context, url):
    request = context.get("request")
    return request.build_absolute_uri(url) if request is not None and url else url


class _WholePageField(serializers.Field):
    def __init__(self, **kwargs):
        super().__init__(source="*", read_only=True, **kwargs)


class SectionField(_WholePageField):
    """``{"id", "title", "url"}`` of the section the article is published in."""

    def to_representation(self, page):
        section = page.get_parent()
        if section is None:
            return None
        return {
            "id": section.pk,
            "title": section.title,
            "url": section.get_full_url(self.context.get("request")),
        }


class TopicsField(_WholePageField):
    """``[{"id", "slug", "name"}]``: the article's topics in the article's own language."""

    def to_representation(self, page):
        from news.models import Topic

        keys = page.topics.values_list("translation_key", flat=True)
        topics = Topic.objects.filter(locale_id=page.locale_id, live=True, translation_key__in=keys).order_by("name")
        return [{"id": topic.pk, "slug": topic.slug, "name": topic.name} for topic in topics]


class PictureField(_WholePageField):
    """The main photo: caption, credit, alternative text and renditions with absolute URLs."""

    def to_representation(self, page):
        image = first_public_image_of(page, "hero_image", "listing_image")
        if image is None:
            return None
        try:
            renditions = image.get_renditions(*PICTURE_RENDITIONS.values())
        except (OSError, ValueError):  # the original file is missing or unreadable
            renditions = {}
        sizes = {}
        for name, spec in PICTURE_RENDITIONS.items():
            rendition = renditions.get(spec)
            if rendition is not None:
                sizes[name] = {
                    "url": _absolute(self.context, rendition.url),
                    "width": rendition.width,
                    "height": rendition.height,
                }
        return {
            "id": image.pk,
            "alt": page.hero_caption or image.default_alt_text,
            "caption": page.hero_caption,
            "credit": page.hero_credit,
            "renditions": sizes,
        }


class AuthorField(_WholePageField):
    """``{"name", "position"}``, or null for an unsigned article."""

    def to_representation(self, page):
        if not page.author_name:
            return None
        return {"name": page.author_name, "position": page.author_position}


class SourceField(_WholePageField):
    """``{"name", "url", "date"}`` of a reposted article, or null for the union's own."""

    def to_representation(self, page):
        if not (page.source_name or page.source_url):
            return None
        return {
            "name": page.source_name,
            "url": page.source_url,
            "date": page.source_date.isoformat() if page.source_date else None,
        }
