from django.core.management.base import BaseCommand
from django.db import transaction

from portal.generation import invalidate
from search.index import rebuild


class Command(BaseCommand):
    help = "Rebuild the site search index from the live pages (publishing keeps it up to date)."

    def handle(self, *args, **options):
        with transaction.atomic():
            rebuild(stdout=self.stdout)
            invalidate()  # searches remembered for the publish generation (search.views) are stale
