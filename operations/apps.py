from django.apps import AppConfig


class OperationsConfig(AppConfig):
    """Running the site: backup and restore, translation coverage of the catalogues."""

    name = "operations"
    verbose_name = "Operations"
