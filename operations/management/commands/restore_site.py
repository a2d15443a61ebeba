from django.core.management.base import BaseCommand, CommandError

from operations.backup import BackupError, restore


class Command(BaseCommand):
    help = (
        "Restore an archive written by backup_site into this installation. The database and the "
        "media storage must be empty (a fresh, migrated install is fine) unless --force is given."
    )

    def add_arguments(self, parser):
        parser.add_argument("archive", help="Path of a portal-backup-*.tar.gz archive.")
        parser.add_argument("--force", action="store_true", help="Replace the existing database and media files.")

    def handle(self, *args, archive, force=False, **options):
        try:
            restore(archive, force=force, stdout=self.stdout)
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(self.style.SUCCESS("Restore finished. Run `manage.py migrate` if the code is newer."))
