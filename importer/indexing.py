"""Search indexing of imported pages: once per article instead of once per save.

Wagtail indexes a page on every save, and writing an article through Wagtail's public API saves
it three times (created, revision saved, published): two thirds of that indexing was measured as
a third of the import's time. While an item is written, the receiver that Wagtail's search
(``modelsearch``) connects to ``post_save`` for the page models is disconnected, with Django's
public ``Signal.disconnect``, and connected again afterwards; the finished page is then indexed
once with ``insert_or_update_object``, as the receiver would have done.
"""

from contextlib import contextmanager

from django.db.models.signals import post_save
from modelsearch.signal_handlers import post_save_signal_handler
from wagtail.search.index import insert_or_update_object


@contextmanager
def indexed_once(models):
    """Within the block, saves of ``models`` do not update the search index; call :func:`index`."""
    disconnected = [model for model in models if post_save.disconnect(post_save_signal_handler, sender=model)]
    try:
        yield
    finally:
        for model in disconnected:
            post_save.connect(post_save_signal_handler, sender=model)


def index(instance):
    insert_or_update_object(instance)
