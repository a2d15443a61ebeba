from django.utils.translation import gettext_lazy as _
from wagtail import hooks

IMPORT_ACTION = "importer.import"


@hooks.register("register_log_actions")
def register_import_action(actions):
    actions.register_action(IMPORT_ACTION, _("Import"), _("Imported from an old site"))
