"""Generated demo images (no downloads): a coloured card with a caption, saved as Wagtail images."""

import io

from django.core.files.images import ImageFile
from PIL import Image as PILImage
from PIL import ImageDraw
from wagtail.images import get_image_model

PALETTE = ["#a3121b", "#1f5f8b", "#2e7d32", "#8d6e00", "#5e35b1", "#00695c", "#ad1457", "#37474f"]


def demo_image(title, label=None, color=None, size=(1200, 800), collection=None):
    """The Wagtail image called ``title``, generated once as a PNG (idempotent by title)."""
    Image = get_image_model()
    existing = Image.objects.filter(title=title).first()
    if existing is not None:
        return existing
    color = color or PALETTE[sum(map(ord, title)) % len(PALETTE)]
    canvas = PILImage.new("RGB", size, color)
    draw = ImageDraw.Draw(canvas)
    w, h = size
    draw.rectangle([w * 0.05, h * 0.05, w * 0.95, h * 0.95], outline="#f2c94c", width=max(4, w // 150))
    text = label or title
    # Pillow's default font has no Vietnamese glyphs at every size: keep generated labels ASCII-safe.
    from portal.text import fold

    draw.text((w * 0.08, h * 0.45), fold(text)[:60], fill="#ffffff", font_size=max(16, w // 30))
    buffer = io.BytesIO()
    canvas.save(buffer, format="PNG", optimize=True)
    from portal.text import slugify_vi

    image = Image(title=title)
    if collection is not None:
        image.collection = collection
    image.file = ImageFile(buffer, name=f"{slugify_vi(title)[:60] or 'demo'}.png")
    image.save()
    return image
