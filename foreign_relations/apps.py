from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ForeignRelationsConfig(AppConfig):
    name = "foreign_relations"
    verbose_name = _("Foreign relations")
