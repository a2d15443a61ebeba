"""The abstract base pages: ``BasePage`` (SEO, social and listing fields), which every public page
inherits, and ``IndexPage``, the one listing page of a kind under a language's home page."""

import hashlib

from django.db import models
from django.http import HttpRequest
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page, PageViewRestriction
from wagtail.search import index

from portal.blocks import RICH_TEXT_FEATURES
from portal.generation import remember
from portal.private_images import first_public_image_of
from portal.text import fold, nfc, slugify_vi


class FoldedSearchMixin:
    """Adds an accent-folded copy of the searchable text to the search index.

    Database search backends do not fold Vietnamese diacritics (nor đ), so every page indexes
    ``search_text_folded`` and the search view folds the query the same way.
    """

    search_fold_fields = ("title",)

    def get_search_fold_parts(self):
        for name in self.search_fold_fields:
            value = getattr(self, name, None)
            if value is None:
                continue
            if callable(value):
                value = value()
            yield _plain_text(value)

    @property
    def search_text_folded(self):
        return fold(" ".join(part for part in self.get_search_fold_parts() if part))


def _plain_text(value):
    """Text of a char, rich text or StreamField value, for indexing."""
    from django.utils.html import strip_tags

    if hasattr(value, "stream_block"):  # StreamValue
        return strip_tags(" ".join(str(v) for v in _stream_texts(value)))
    return strip_tags(str(value))


def _stream_texts(stream_value):
    for block in stream_value:
        yield from _block_texts(block.block, block.value)


def _block_texts(block, value):
    from wagtail import blocks

    if isinstance(block, blocks.StructBlock):
        for name, child in block.child_blocks.items():
            yield from _block_texts(child, value.get(name))
    elif isinstance(block, blocks.ListBlock):
        for item in value or []:
            yield from _block_texts(block.child_block, getattr(item, "value", item))
    elif isinstance(block, blocks.StreamBlock):
        for child in value or []:
            yield from _block_texts(child.block, child.value)
    elif isinstance(block, (blocks.CharBlock, blocks.TextBlock, blocks.RichTextBlock)):
        if value:
            yield str(getattr(value, "source", value))


class BasePage(FoldedSearchMixin, Page):
    """Fields and behaviour shared by every public page of the portal."""

    listing_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("listing image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Shown in lists and cards; the social image is used when this is empty."),
    )
    listing_summary = models.TextField(
        _("listing summary"),
        blank=True,
        max_length=400,
        help_text=_("One or two sentences shown in lists and search results."),
    )
    social_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("social image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Shown when the page is shared on social networks (1200×630 recommended)."),
    )

    promote_panels = Page.promote_panels + [
        MultiFieldPanel(
            [FieldPanel("listing_image"), FieldPanel("listing_summary"), FieldPanel("social_image")],
            heading=_("Listing and sharing"),
        ),
    ]

    search_fields = Page.search_fields + [
        index.SearchField("listing_summary"),
        index.SearchField("search_text_folded"),
        index.FilterField("locale_id"),
    ]
    search_fold_fields = ("title", "listing_summary", "search_description")

    class Meta:
        abstract = True

    def full_clean(self, *args, **kwargs):
        # Slugs are ASCII folded from the Vietnamese title (đ → d), never percent-encoded.
        if self.title and not self.slug:
            self.slug = slugify_vi(self.title) or "trang"
        elif self.slug and not self.slug.isascii():
            self.slug = slugify_vi(self.slug, max_length=255) or "trang"
        return super().full_clean(*args, **kwargs)

    def save(self, *args, **kwargs):
        normalise_text_fields(self)
        return super().save(*args, **kwargs)

    def get_view_restrictions(self):
        # Wagtail asks on every view (two queries): a page outside the subtrees restrictions may
        # cover has none. Those are remembered for the generation, which restriction changes move.
        roots = remember(None, "view-restriction-roots", view_restriction_roots)
        if not any(self.path.startswith(root) for root in roots):
            return PageViewRestriction.objects.none()
        return super().get_view_restrictions()

    def get_url_parts(self, request=None):
        # Remembered for the publish generation (publishes and moves move it), per tree path, language
        # and host. Wagtail also passes other objects as ``request`` (a frontend-cache purge batch).
        if not isinstance(request, HttpRequest) or self.pk is None:
            return super().get_url_parts(request)
        host = request.META.get("HTTP_HOST") or request.META.get("SERVER_NAME", "")
        host = hashlib.md5(host.encode("utf-8", "surrogateescape"), usedforsecurity=False).hexdigest()
        key = f"url-parts:{self.pk}:{self.url_path}:{get_language()}:{host}"
        return remember(request, key, lambda: super(BasePage, self).get_url_parts(request))

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # The page's absolute URL, once: canonical link, social tags and share links use it.
        context["canonical_url"] = self.get_full_url(request)
        return context

    @property
    def summary(self):
        return self.listing_summary or self.search_description

    # The pictures public pages, feeds and the API show: never one of a restricted collection.
    listing_image_fields = ("listing_image", "social_image")
    social_image_fields = ("social_image", "listing_image")

    def get_listing_image(self):
        return first_public_image_of(self, *self.listing_image_fields)

    def get_social_image(self):
        return first_public_image_of(self, *self.social_image_fields)


class IndexPage(BasePage):
    """The listing of one kind of page (events, partners, albums…): an introduction above the list,
    one per parent. Subclasses name their parent and child page types."""

    intro = RichTextField(_("introduction"), blank=True, features=RICH_TEXT_FEATURES)

    content_panels = BasePage.content_panels + [FieldPanel("intro")]
    search_fold_fields = BasePage.search_fold_fields + ("intro",)
    max_count_per_parent = 1

    class Meta:
        abstract = True


def view_restriction_roots():
    """Tree paths of the subtrees view restrictions may cover: each restricted page, and each alias
    of one, recursively (Wagtail checks an alias's source page instead of the alias)."""
    roots = dict(Page.objects.filter(view_restrictions__isnull=False).values_list("pk", "path"))
    sources = set(roots)
    while sources:
        aliases = dict(Page.objects.filter(alias_of__in=sources).exclude(pk__in=roots).values_list("pk", "path"))
        roots.update(aliases)
        sources = set(aliases)
    return tuple(roots.values())


def normalise_text_fields(instance):
    """Store every text field of ``instance`` in NFC (Vietnamese typed on some systems is NFD)."""
    for field in instance._meta.concrete_fields:
        if isinstance(field, (models.CharField, models.TextField, RichTextField)) and not isinstance(
            field, StreamField
        ):
            value = getattr(instance, field.attname, None)
            if isinstance(value, str):
                setattr(instance, field.attname, nfc(value))
    if getattr(instance, "draft_title", None):
        instance.draft_title = nfc(instance.draft_title)
