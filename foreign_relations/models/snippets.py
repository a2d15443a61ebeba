"""Translatable snippets of the foreign-relations library: sectors, document types, issuing bodies."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import TranslatableMixin
from wagtail.search import index
from wagtail.snippets.models import register_snippet
from wagtail_localize.fields import SynchronizedField, TranslatableField

from portal.models.snippets import ReviewedSnippet
from portal.text import nfc


class NamedSnippet(ReviewedSnippet, index.Indexed):
    """A translatable name with a short code shared by every language (used in filter URLs)."""

    name = models.CharField(_("name"), max_length=255)
    code = models.SlugField(
        _("code"),
        max_length=60,
        help_text=_("Short ASCII identifier used in addresses, the same in every language, e.g. 'giao-duc'."),
    )

    panels = [FieldPanel("name"), FieldPanel("code")]
    translatable_fields = [TranslatableField("name"), SynchronizedField("code")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta(TranslatableMixin.Meta):
        abstract = True
        ordering = ["name"]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.name = nfc(self.name)
        return super().save(*args, **kwargs)


@register_snippet
class Sector(NamedSnippet):
    """A field of cooperation: health, education, environment…"""

    class Meta(NamedSnippet.Meta):
        verbose_name = _("sector")
        verbose_name_plural = _("sectors")


@register_snippet
class DocumentType(NamedSnippet):
    """Kind of an official document: Chỉ thị, Nghị quyết, Quyết định, Kế hoạch…"""

    class Meta(NamedSnippet.Meta):
        verbose_name = _("document type")
        verbose_name_plural = _("document types")


@register_snippet
class IssuingBody(NamedSnippet):
    """The body that issued a document: Ban Bí thư Trung ương Đảng, Chủ tịch Liên hiệp…"""

    class Meta(NamedSnippet.Meta):
        verbose_name = _("issuing body")
        verbose_name_plural = _("issuing bodies")
