"""Organization identity: data, not code. Provinces merge and names change."""

from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, ObjectList, TabbedInterface
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting

BILINGUAL_FIELDS = (
    "name",
    "short_name",
    "governing_body",
    "address",
    "responsible_person",
    "licence_issuer",
    "tagline",
)


@register_setting(icon="site")
class OrganizationSettings(BaseSiteSetting):
    """The organization behind the site and the legal footer the licence requires."""

    name_vi = models.CharField(_("name (Vietnamese)"), max_length=255, blank=True)
    name_en = models.CharField(_("name (English)"), max_length=255, blank=True)
    short_name_vi = models.CharField(_("short name (Vietnamese)"), max_length=100, blank=True)
    short_name_en = models.CharField(_("short name (English)"), max_length=100, blank=True)
    tagline_vi = models.CharField(_("tagline (Vietnamese)"), max_length=255, blank=True)
    tagline_en = models.CharField(_("tagline (English)"), max_length=255, blank=True)
    governing_body_vi = models.CharField(_("governing body (Vietnamese)"), max_length=255, blank=True)
    governing_body_en = models.CharField(_("governing body (English)"), max_length=255, blank=True)
    address_vi = models.CharField(_("address (Vietnamese)"), max_length=255, blank=True)
    address_en = models.CharField(_("address (English)"), max_length=255, blank=True)
    responsible_person_vi = models.CharField(
        _("person responsible for content (Vietnamese)"), max_length=255, blank=True
    )
    responsible_person_en = models.CharField(_("person responsible for content (English)"), max_length=255, blank=True)
    licence_issuer_vi = models.CharField(_("licence issuer (Vietnamese)"), max_length=255, blank=True)
    licence_issuer_en = models.CharField(_("licence issuer (English)"), max_length=255, blank=True)

    phone = models.CharField(_("phone"), max_length=50, blank=True)
    fax = models.CharField(_("fax"), max_length=50, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    website = models.URLField(_("website"), blank=True)
    licence_number = models.CharField(_("licence number"), max_length=50, blank=True)
    licence_date = models.DateField(_("licence date"), null=True, blank=True)
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    edit_handler = TabbedInterface(
        [
            ObjectList(
                [
                    MultiFieldPanel([FieldPanel(f"{name}_vi") for name in BILINGUAL_FIELDS], heading=_("Vietnamese")),
                    MultiFieldPanel([FieldPanel(f"{name}_en") for name in BILINGUAL_FIELDS], heading=_("English")),
                ],
                heading=_("Identity"),
            ),
            ObjectList(
                [
                    FieldPanel("logo"),
                    FieldPanel("phone"),
                    FieldPanel("fax"),
                    FieldPanel("email"),
                    FieldPanel("website"),
                    FieldPanel("licence_number"),
                    FieldPanel("licence_date"),
                ],
                heading=_("Contacts and licence"),
            ),
        ]
    )

    class Meta:
        verbose_name = _("organization")
        verbose_name_plural = _("organization")

    def localized(self, language=None):
        """The bilingual fields in ``language`` (English falls back to Vietnamese when empty)."""
        language = (language or get_language() or "vi")[:2]
        values = {}
        for name in BILINGUAL_FIELDS:
            value = getattr(self, f"{name}_{language}", "") if language in ("vi", "en") else ""
            values[name] = value or getattr(self, f"{name}_vi", "")
        return values
