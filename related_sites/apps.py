from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RelatedSitesConfig(AppConfig):
    name = "related_sites"
    verbose_name = _("Links to related sites")
