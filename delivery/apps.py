from django.apps import AppConfig


class DeliveryConfig(AppConfig):
    """Pages to readers: the page cache, its invalidation, frontend-cache purges, fragment keys."""

    name = "delivery"
    verbose_name = "Delivery"

    def ready(self):
        from delivery import signals

        signals.connect_delete_handlers()
