"""Wagtail's search index (the admin's search) during an import: in bulk, once per batch of items.

Wagtail indexes a page, image or document on every save, each time on its own: writing an article
saves the page two or three times and each of its pictures once, and PostgreSQL's backend follows
every single insertion with a pass over the whole index (the average title length it ranks with).
Measured on 200 articles with two pictures each, that was over a quarter of the import's time.

While a batch of items is written, the receiver that Wagtail's search (``modelsearch``) connects
to ``post_save`` is disconnected for the models the import writes, with Django's public
``Signal.disconnect``; it is connected again when the batch ends, and what the batch saved is then
indexed with each backend's ``add_bulk``, as ``update_index`` does. Only what committed is
indexed (a failed item's objects are never handed over). An import stopped in the middle of a
batch leaves that batch out of the admin's search until ``manage.py update_index``; the public
search (the ``search`` app) is kept per page as it is saved, and is not affected.
"""

from contextlib import contextmanager

from django.db.models.signals import post_save
from modelsearch.signal_handlers import post_save_signal_handler
from wagtail.search.backends import get_search_backends
from wagtail.search.index import class_is_indexed, get_indexed_instance


class Batch:
    """Objects to index when the batch ends, by model."""

    def __init__(self):
        self.pending = {}  # model → {pk: instance}

    def add(self, instances):
        for instance in instances:
            indexed = get_indexed_instance(instance, check_exists=False)
            if indexed is not None and indexed.pk is not None and class_is_indexed(type(indexed)):
                self.pending.setdefault(type(indexed), {})[indexed.pk] = indexed

    def flush(self):
        pending, self.pending = self.pending, {}
        for model, objects in pending.items():
            # As ``update_index`` does: only what the model's indexed objects hold, read back with
            # the related objects its search fields index (an image's tags, a page's topics)
            # fetched in one query each, instead of one query per object and field.
            found = list(model.get_indexed_objects().filter(pk__in=list(objects)))
            if not found:
                continue
            for backend in get_search_backends(with_auto_update=True):
                backend.add_bulk(model, found)


@contextmanager
def deferred(models):
    """Within the block, saves of ``models`` (and their subclasses) do not touch the search index;
    what is handed to the yielded :class:`Batch` is indexed in bulk when the block ends."""
    senders = _indexed_subclasses(models)
    disconnected = [model for model in senders if post_save.disconnect(post_save_signal_handler, sender=model)]
    batch = Batch()
    try:
        yield batch
    finally:
        for model in disconnected:
            post_save.connect(post_save_signal_handler, sender=model)
        batch.flush()


def _indexed_subclasses(models):
    from django.apps import apps

    return [
        model
        for model in apps.get_models()
        if any(issubclass(model, base) for base in models) and class_is_indexed(model)
    ]
