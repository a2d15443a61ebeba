"""Topics (chủ đề): a translatable snippet that cuts across the news sections."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import TranslatableMixin
from wagtail.search import index
from wagtail.snippets.models import register_snippet

from portal.models.snippets import ReviewedSnippet
from portal.text import nfc, slugify_vi


@register_snippet
class Topic(ReviewedSnippet, index.Indexed):
    name = models.CharField(_("name"), max_length=120)
    slug = models.SlugField(
        _("slug"),
        max_length=120,
        blank=True,
        allow_unicode=False,
        help_text=_("Used in addresses such as ?topic=…; filled in from the name when left empty."),
    )
    description = models.TextField(_("description"), blank=True)

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("description")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name"), index.FilterField("locale_id")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("topic")
        verbose_name_plural = _("topics")
        ordering = ["name"]
        constraints = [models.UniqueConstraint(fields=["locale", "slug"], name="news_topic_unique_slug_per_locale")]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.name = nfc(self.name)
        self.description = nfc(self.description)
        if not self.slug:
            self.slug = slugify_vi(self.name)[:120] or "chu-de"
        return super().save(*args, **kwargs)
