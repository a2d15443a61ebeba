"""Rendition prefetching: at most one query for every image a page shows, whatever their number."""

from functools import lru_cache

from wagtail.images import get_image_model
from wagtail.images.models import Filter


@lru_cache(maxsize=256)
def shared_filter(spec):
    """One ``Filter`` per spec in this process: a filter is immutable once parsed, and parsing
    inspects every operation's signature (a new ``Filter`` for each ``get_rendition("…")``)."""
    return Filter(spec=spec)


def attach_pictures(pages, fields=("listing_image", "hero_image", "social_image")):
    """Load in one query the picture each of ``pages`` shows on a card: the first of ``fields`` set.

    Listings read their pages without joining the image table (three joins of it cost PostgreSQL
    more to plan than to run, and Django more to compile); the chosen image is then attached to
    its field, so ``get_listing_image()`` reads it without a query. Returns the images.
    """
    pages = list(pages)
    wanted = {}
    for page in pages:
        for name in fields:
            image_id = getattr(page, f"{name}_id", None)
            if image_id is not None:
                if not page._meta.get_field(name).is_cached(page):
                    wanted.setdefault(image_id, []).append((page, name))
                break
    if not wanted:
        return []
    images = get_image_model().objects.filter(pk__in=list(wanted)).order_by()
    found = {image.pk: image for image in images}
    for image_id, uses in wanted.items():
        for page, name in uses:
            # None when the image went away since the page was read (its field is then nulled).
            page._meta.get_field(name).set_cached_value(page, found.get(image_id))
    return list(found.values())


def prefetch_renditions(images, specs=None):
    """Attach to each of ``images`` its stored renditions (those of ``specs`` only, when given).

    Wagtail then finds every rendition a template asks for without a query of its own, and
    only generates one that does not exist yet. With ``specs``, the renditions already in the
    renditions cache (``CACHES["renditions"]``, kept in each process) are taken from there, and
    one query reads the others; without, one query reads every rendition of the images (a spec
    a template asks for beyond ``specs`` is looked up in the cache, then the database).

    The reading waits until a template asks for the first of these renditions, and then reads
    them all: a card rendered from the fragment memo (portal.fragments) asks for none, and costs
    neither a cache lookup nor a query.
    """
    images = {id(image): image for image in images if image is not None and getattr(image, "pk", None)}.values()
    # An image shown twice (a card and the featured story) may have some of its renditions already.
    pending = [image for image in images if _lacks(image, specs)]
    if not pending:
        return
    batch = _Batch(pending, specs)
    for image in pending:
        had = getattr(image, "prefetched_renditions", None)
        if not isinstance(had, BatchedRenditions):
            had = image.prefetched_renditions = BatchedRenditions(had or ())
        had.promise(batch)


class BatchedRenditions(list):
    """An image's prefetched renditions, read with those of the other images of its batches the
    first time Wagtail looks at them."""

    def __init__(self, renditions=()):
        super().__init__(renditions)
        self._batches = []
        self.promised = {rendition.filter_spec for rendition in self}
        self.everything = False

    def promise(self, batch):
        self._batches.append(batch)
        if batch.specs:
            self.promised.update(batch.specs)
        else:
            self.everything = True

    def _load(self):
        while self._batches:
            self._batches.pop(0).load()

    def __iter__(self):
        self._load()
        return super().__iter__()

    def __len__(self):
        self._load()
        return super().__len__()

    def __getitem__(self, index):
        self._load()
        return super().__getitem__(index)

    def __bool__(self):
        self._load()
        return super().__len__() > 0

    def append(self, rendition):
        self._load()
        super().append(rendition)

    def add(self, renditions):
        """Renditions read by a batch (those of a spec already here are not added twice)."""
        have = {rendition.filter_spec for rendition in list.__iter__(self)}
        list.extend(self, (rendition for rendition in renditions if rendition.filter_spec not in have))


class _Batch:
    def __init__(self, images, specs):
        self.images, self.specs, self.loaded = list(images), specs, False

    def load(self):
        if self.loaded:
            return
        self.loaded = True
        found = _read_renditions(self.images, self.specs)
        for image in self.images:
            renditions = found.get(image.pk, [])
            for rendition in renditions:
                rendition.image = image  # the tags read the image's alt text through the rendition
            image.prefetched_renditions.add(renditions)


def _read_renditions(images, specs):
    """``{image pk: [renditions]}``: from the renditions cache first (with ``specs``), then one query."""
    Rendition = get_image_model().get_rendition_model()
    found = {}
    if specs:
        keys = {
            (image.pk, spec): Rendition.construct_cache_key(image, shared_filter(spec).get_cache_key(image), spec)
            for image in images
            for spec in specs
        }
        cached = Rendition.cache_backend.get_many(list(keys.values()))
        for image in images:
            renditions = [cached.get(keys[image.pk, spec]) for spec in specs]
            if all(renditions):
                found[image.pk] = renditions
    missing = [image for image in images if image.pk not in found]
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
                if rendition.focal_point_key == shared_filter(rendition.filter_spec).get_cache_key(image)
            }
            if fresh:
                Rendition.cache_backend.set_many(fresh)
    return found


def _lacks(image, specs):
    had = getattr(image, "prefetched_renditions", None)
    if had is None:
        return True
    if isinstance(had, BatchedRenditions):
        return not had.everything and (not specs or not set(specs) <= had.promised)
    return bool(specs) and not set(specs) <= {rendition.filter_spec for rendition in had}
