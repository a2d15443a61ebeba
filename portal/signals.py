from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import post_page_move

from portal.i18n import RESTRICTED_PATHS_CACHE_KEY


@receiver(post_save, sender=PageViewRestriction)
@receiver(post_delete, sender=PageViewRestriction)
def forget_restricted_paths(sender, **kwargs):
    cache.delete(RESTRICTED_PATHS_CACHE_KEY)


@receiver(post_page_move)
@receiver(post_delete, sender=Page)
def forget_restricted_paths_on_page_delete(sender, **kwargs):
    # Paths are reused after deletions and moves; a restriction cascades away with its page.
    cache.delete(RESTRICTED_PATHS_CACHE_KEY)
