from django.core.management.base import BaseCommand
from django.db import transaction

from search.index import rebuild


class Command(BaseCommand):
    help = "Rebuild the site search index from the live pages (publishing keeps it up to date)."

    def handle(self, *args, **options):
        with transaction.atomic():
            rebuild(stdout=self.stdout)
