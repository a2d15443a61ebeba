"""What an import brought in, keyed by its identifier on the old site, so a second run updates
the same page, image or document instead of creating it again."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ImportedItem(models.Model):
    """An article or page of an old site (WordPress guid, feed entry id or page address)."""

    source_id = models.CharField(_("identifier on the old site"), max_length=1000, unique=True)
    page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("page"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    old_url = models.CharField(_("old address"), max_length=1000, blank=True)
    checksum = models.CharField(_("checksum of the imported content"), max_length=64)
    imported_at = models.DateTimeField(_("first imported"), auto_now_add=True)
    updated_at = models.DateTimeField(_("last updated by an import"), auto_now=True)

    class Meta:
        verbose_name = _("imported item")
        verbose_name_plural = _("imported items")

    def __str__(self):
        return self.source_id


class ImportedFile(models.Model):
    """A picture or document file of an old site, by its path under the media folder."""

    path = models.CharField(_("path on the old site"), max_length=1000, unique=True)
    image = models.ForeignKey(
        "wagtailimages.Image", verbose_name=_("image"), null=True, on_delete=models.CASCADE, related_name="+"
    )
    document = models.ForeignKey(
        "wagtaildocs.Document", verbose_name=_("document"), null=True, on_delete=models.CASCADE, related_name="+"
    )
    checksum = models.CharField(_("checksum of the file"), max_length=64)

    class Meta:
        verbose_name = _("imported file")
        verbose_name_plural = _("imported files")

    def __str__(self):
        return self.path
