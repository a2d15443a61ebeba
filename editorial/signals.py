"""Keep permissions and workflows attached as the page tree grows."""

from editorial.setup import NEWS_SECTION, apply_editorial_setup


def setup_after_migrate(sender, using="default", **kwargs):
    # Snippets and pages of apps migrated after this one get their permissions here.
    apply_editorial_setup()


def setup_after_publish(sender, instance, **kwargs):
    """A new home page (a translation) or news section gets its groups and workflow."""
    if kwargs.get("raw"):
        return
    if instance.depth == 2 or (instance._meta.app_label, instance._meta.model_name) == NEWS_SECTION:
        apply_editorial_setup()
