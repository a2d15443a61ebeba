"""StreamField blocks shared by the portal's pages. Small StructBlocks, one concern each."""

import copy
import re

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.contrib.table_block.blocks import TableBlock
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock
from wagtail_localize.segments import StringSegmentValue

from portal.private_images import is_public_image

# A restrained feature set: newsroom text, no colours or fonts pasted from Word.
RICH_TEXT_FEATURES = ["h2", "h3", "bold", "italic", "ol", "ul", "link", "document-link", "blockquote"]


class TranslatableTableBlock(TableBlock):
    """Wagtail's table, whose caption and cells reach translators: wagtail-localize extracts
    nothing from a ``TableBlock`` itself, and asks a block for these two methods."""

    caption_path = "caption"
    cell_path = re.compile(r"^cell-(\d+)-(\d+)$")

    def get_translatable_segments(self, value):
        """The caption and every non-empty cell (``cell-<row>-<column>``)."""
        if not value:
            return []
        segments = []
        caption = (value.get("table_caption") or "").strip()
        if caption:
            segments.append(StringSegmentValue(self.caption_path, caption))
        for row_index, row in enumerate(value.get("data") or []):
            for column_index, cell in enumerate(row or []):
                if isinstance(cell, str) and cell.strip():
                    segments.append(StringSegmentValue(f"cell-{row_index}-{column_index}", cell))
        return segments

    def restore_translated_segments(self, value, segments):
        """A copy of the table with the translated strings written back into their cells."""
        value = copy.deepcopy(dict(value or {}))
        data = value.get("data") or []
        for segment in segments:
            text = segment.render_text() if hasattr(segment, "render_text") else str(segment.data)
            if segment.path == self.caption_path:
                value["table_caption"] = text
                continue
            match = self.cell_path.match(segment.path)
            if match:
                row, column = int(match.group(1)), int(match.group(2))
                if row < len(data) and column < len(data[row] or []):
                    data[row][column] = text
        value["data"] = data
        return value


class ImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("Image"))
    caption = blocks.CharBlock(label=_("Caption"), required=False, max_length=500)
    credit = blocks.CharBlock(label=_("Credit"), required=False, max_length=255, help_text=_("Photo: …"))
    alt_text = blocks.CharBlock(
        label=_("Alternative text"),
        required=False,
        max_length=255,
        help_text=_("Describe the image for readers who cannot see it; the caption is used when empty."),
    )

    class Meta:
        icon = "image"
        label = _("Image")
        template = "blocks/image_block.html"


class GalleryBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), required=False, max_length=255)
    images = blocks.ListBlock(ImageBlock(), label=_("Images"), min_num=1)

    class Meta:
        icon = "image"
        label = _("Gallery")
        template = "blocks/gallery_block.html"

    def get_context(self, value, parent_context=None):
        # Pictures of restricted collections are left out; a gallery left with none is not shown.
        context = super().get_context(value, parent_context=parent_context)
        context["public_items"] = [item for item in value["images"] if is_public_image(item["image"])]
        return context


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(label=_("Quote"))
    attribution = blocks.CharBlock(label=_("Attribution"), required=False, max_length=255)

    class Meta:
        icon = "openquote"
        label = _("Quote")
        template = "blocks/quote_block.html"


class DocumentBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("Document"))
    title = blocks.CharBlock(label=_("Link text"), required=False, max_length=255)

    class Meta:
        icon = "doc-full"
        label = _("Document")
        template = "blocks/document_block.html"


class PersonBlock(blocks.StructBlock):
    name = blocks.CharBlock(label=_("Full name"), max_length=255)
    role = blocks.CharBlock(label=_("Role"), required=False, max_length=255, help_text=_("e.g. Head of the board"))
    position = blocks.CharBlock(
        label=_("Position"), required=False, max_length=255, help_text=_("Office held in the organization")
    )
    photo = ImageChooserBlock(label=_("Photo"), required=False)


class PeopleBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), required=False, max_length=255)
    people = blocks.ListBlock(PersonBlock(), label=_("People"), min_num=1)

    class Meta:
        icon = "group"
        label = _("People")
        template = "blocks/people_block.html"


class BaseStreamBlock(blocks.StreamBlock):
    heading = blocks.CharBlock(
        label=_("Heading"), form_classname="title", icon="title", template="blocks/heading_block.html"
    )
    paragraph = blocks.RichTextBlock(label=_("Paragraph"), features=RICH_TEXT_FEATURES)
    image = ImageBlock()
    gallery = GalleryBlock()
    quote = QuoteBlock()
    document = DocumentBlock()
    embed = EmbedBlock(label=_("Embed"), help_text=_("A YouTube or other oEmbed link."), icon="media")
    table = TranslatableTableBlock(label=_("Table"), template="blocks/table_block.html")
    people = PeopleBlock()
