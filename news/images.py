"""Rendition prefetching: one query for every image a page shows, whatever their number."""

from wagtail.images import get_image_model


def prefetch_renditions(images):
    """Load the stored renditions of ``images`` in one query and attach them to each image.

    Wagtail then finds every rendition a template asks for without a query of its own, and
    only generates one that does not exist yet.
    """
    images = [image for image in images if image is not None and getattr(image, "pk", None)]
    pending = [image for image in images if getattr(image, "prefetched_renditions", None) is None]
    if not pending:
        return
    Rendition = get_image_model().get_rendition_model()
    by_image = {}
    for rendition in Rendition.objects.filter(image_id__in={image.pk for image in pending}):
        by_image.setdefault(rendition.image_id, []).append(rendition)
    for image in pending:
        renditions = by_image.get(image.pk, [])
        for rendition in renditions:
            rendition.image = image  # the tags read the image's alt text through the rendition
        image.prefetched_renditions = renditions
