"""Signal handlers that keep the search index in step with publishing."""

from django.db.models.signals import post_save
from django.dispatch import receiver
from wagtail.models import Page
from wagtail.signals import page_unpublished, post_page_move

from search import index


@receiver(post_save)
def index_saved_page(sender, instance, update_fields=None, raw=False, **kwargs):
    """A full save of a page is its live content (publishing, unpublishing, translation publish).

    Saving a draft revision saves only bookkeeping fields (``update_fields``): the live row stays.
    """
    if raw or not isinstance(instance, Page):
        return
    if update_fields is not None and "live" not in update_fields:
        return
    index.index_page(instance)


@receiver(page_unpublished)
def unindex_unpublished_page(sender, instance, **kwargs):
    index.unindex_page(instance)


@receiver(post_page_move)
def reindex_moved_pages(sender, instance, url_path_before=None, url_path_after=None, **kwargs):
    index.refresh_paths(instance.path)
