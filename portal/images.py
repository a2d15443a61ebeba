"""Rendition prefetching: at most one query for every image a page shows, whatever their number."""

from functools import lru_cache

from wagtail.images import get_image_model
from wagtail.images.models import Filter


@lru_cache(maxsize=256)
def _filter(spec):
    # A filter is immutable once parsed; parsing inspects every operation's signature.
    return Filter(spec=spec)


def prefetch_renditions(images, specs=None):
    """Attach to each of ``images`` its stored renditions (those of ``specs`` only, when given).

    Wagtail then finds every rendition a template asks for without a query of its own, and
    only generates one that does not exist yet. With ``specs``, the renditions already in the
    renditions cache (``CACHES["renditions"]``, kept in each process) are taken from there, and
    one query reads the others; without, one query reads every rendition of the images (a spec
    a template asks for beyond ``specs`` is looked up in the cache, then the database).
    """
    images = [image for image in images if image is not None and getattr(image, "pk", None)]
    pending = [image for image in images if getattr(image, "prefetched_renditions", None) is None]
    if not pending:
        return
    Rendition = get_image_model().get_rendition_model()
    found = {}
    if specs:
        keys = {
            (image.pk, spec): Rendition.construct_cache_key(image, _filter(spec).get_cache_key(image), spec)
            for image in pending
            for spec in specs
        }
        cached = Rendition.cache_backend.get_many(list(keys.values()))
        for image in pending:
            renditions = [cached.get(keys[image.pk, spec]) for spec in specs]
            if all(renditions):
                found[image.pk] = renditions
    missing = [image for image in pending if image.pk not in found]
    if missing:
        renditions = Rendition.objects.filter(image_id__in={image.pk for image in missing})
        if specs:
            renditions = renditions.filter(filter_spec__in=specs)
        for rendition in renditions:
            found.setdefault(rendition.image_id, []).append(rendition)
        if specs:
            # Wagtail does not write prefetched renditions back to the cache: do it, for next time.
            fresh = {
                keys[rendition.image_id, rendition.filter_spec]: rendition
                for image in missing
                for rendition in found.get(image.pk, [])
                if rendition.focal_point_key == _filter(rendition.filter_spec).get_cache_key(image)
            }
            if fresh:
                Rendition.cache_backend.set_many(fresh)
    for image in pending:
        renditions = found.get(image.pk, [])
        for rendition in renditions:
            rendition.image = image  # the tags read the image's alt text through the rendition
        image.prefetched_renditions = renditions
