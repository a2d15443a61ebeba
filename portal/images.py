"""Rendition prefetching: one query for every image a page shows, whatever their number."""

from wagtail.images import get_image_model


def prefetch_renditions(images, specs=None):
    """Load the stored renditions of ``images`` (those of ``specs`` only, when given) in one query
    and attach them to each image.

    Wagtail then finds every rendition a template asks for without a query of its own, and
    only generates one that does not exist yet (a spec missing from ``specs`` is looked up in
    the renditions cache, then the database).
    """
    images = [image for image in images if image is not None and getattr(image, "pk", None)]
    pending = [image for image in images if getattr(image, "prefetched_renditions", None) is None]
    if not pending:
        return
    Rendition = get_image_model().get_rendition_model()
    renditions = Rendition.objects.filter(image_id__in={image.pk for image in pending})
    if specs is not None:
        renditions = renditions.filter(filter_spec__in=specs)
    by_image = {}
    for rendition in renditions:
        by_image.setdefault(rendition.image_id, []).append(rendition)
    for image in pending:
        renditions = by_image.get(image.pk, [])
        for rendition in renditions:
            rendition.image = image  # the tags read the image's alt text through the rendition
        image.prefetched_renditions = renditions
