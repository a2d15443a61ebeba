"""Pictures of listings: the card's image of many pages in one query, and what a picture's
renditions are made from (part of a cached card's key)."""

from wagtail.images import get_image_model

from portal.private_images import is_public_image


def attach_pictures(pages, fields=("listing_image", "hero_image", "social_image"), renditions=()):
    """Set on each of ``pages`` the pictures its card may show, in one query: its image ``fields``
    in order, up to the first one that is set and public (``portal.private_images``); the next
    fields are read, in one more query, only for pages whose first picture is private. Listings
    read pages without joining the image table (three joins cost PostgreSQL more to plan than to
    run). ``renditions``: filter specs for Wagtail's ``prefetch_renditions``. Returns the public
    images.
    """
    pages = list(pages)
    found = {}
    remaining = {id(page): list(fields) for page in pages}
    while True:
        wanted = {}
        for page in pages:
            names = remaining[id(page)]
            while names:
                name = names.pop(0)
                image_id = getattr(page, f"{name}_id", None)
                if image_id is None:
                    continue
                if image_id in found:
                    setattr(page, name, found[image_id])
                    if is_public_image(found[image_id]):
                        names.clear()
                    continue
                wanted.setdefault(image_id, []).append((page, name))
                break
        if not wanted:
            break
        images = get_image_model().objects.filter(pk__in=list(wanted)).order_by()
        if renditions:
            images = images.prefetch_renditions(*renditions)
        loaded = {image.pk: image for image in images}
        for image_id, uses in wanted.items():
            image = loaded.get(image_id)
            found[image_id] = image
            for page, name in uses:
                setattr(page, name, image)  # None: deleted since the page was read
                if is_public_image(image):
                    remaining[id(page)].clear()
    return [image for image in found.values() if is_public_image(image)]


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
