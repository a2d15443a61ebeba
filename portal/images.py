"""Pictures of listings: the card's image of many pages in one query, and what a picture's
renditions are made from (part of a cached card's key)."""

from wagtail.images import get_image_model


def attach_pictures(pages, fields=("listing_image", "hero_image", "social_image"), renditions=()):
    """Load in one query the picture each of ``pages`` shows on a card: the first of ``fields`` set.

    Listings read their pages without joining the image table (three joins of it cost PostgreSQL
    more to plan than to run); the chosen image is then set on its field, so ``get_listing_image()``
    reads it without a query. With ``renditions`` (filter specs), Wagtail's
    ``prefetch_renditions`` reads those renditions in one more query. Returns the images.
    """
    wanted = {}
    for page in pages:
        for name in fields:
            image_id = getattr(page, f"{name}_id", None)
            if image_id is not None:
                wanted.setdefault(image_id, []).append((page, name))
                break
    if not wanted:
        return []
    images = get_image_model().objects.filter(pk__in=list(wanted)).order_by()
    if renditions:
        images = images.prefetch_renditions(*renditions)
    found = {image.pk: image for image in images}
    for image_id, uses in wanted.items():
        for page, name in uses:
            setattr(page, name, found.get(image_id))  # None: deleted since the page was read
    return list(found.values())


def image_signature(image):
    """What a picture's renditions are made from: another file or focal point, another key."""
    if image is None:
        return None
    return (
        image.pk,
        image.file.name,
        image.width,
        image.height,
        image.focal_point_x,
        image.focal_point_y,
        image.focal_point_width,
        image.focal_point_height,
    )
