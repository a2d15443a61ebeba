import importlib
from types import SimpleNamespace

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from demo.loaders import LOADERS


class Command(BaseCommand):
    help = "Load the bilingual demo site and demo accounts. Safe to run again: nothing is duplicated."

    def add_arguments(self, parser):
        parser.add_argument("--password", required=True, help="Password given to every demo account.")
        parser.add_argument("--hostname", default="127.0.0.1", help="Host name the demo site is served at.")
        parser.add_argument("--port", type=int, default=8000, help="Port the demo site is served at.")
        parser.add_argument("--skip-index", action="store_true", help="Do not rebuild the search index.")

    def handle(self, *args, password, hostname="127.0.0.1", port=8000, skip_index=False, **options):
        if len(password) < 8:
            raise CommandError("The demo password must have at least 8 characters.")
        ctx = SimpleNamespace(
            password=password, hostname=hostname, port=port, stdout=self.stdout, style=self.style, homes={}, users={}
        )
        with transaction.atomic():
            for dotted in LOADERS:
                module = importlib.import_module(dotted)
                module.load(ctx)
                self.stdout.write(f"  {dotted.rsplit('.', 1)[-1]}: ok")
        if not skip_index:
            call_command("update_index", verbosity=0)
        self.stdout.write(self.style.SUCCESS("Demo content loaded."))
