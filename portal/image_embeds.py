"""Pictures embedded in rich text, rendered only when public pages may show them."""

from wagtail.images.formats import get_image_format
from wagtail.images.rich_text import ImageEmbedHandler

from portal.private_images import is_public_image


class PublicImageEmbedHandler(ImageEmbedHandler):
    """Pictures embedded in rich text (``<embed embedtype="image" …/>``) as Wagtail renders them,
    except a picture of a restricted collection, which is left out (and a missing one, for which
    Wagtail writes an ``<img>`` without ``src``). Registered in ``portal/wagtail_hooks.py``."""

    @classmethod
    def expand_db_attributes_many(cls, attrs_list):
        images = cls.get_many(attrs_list)
        return [
            get_image_format(attrs["format"]).image_to_html(image, attrs.get("alt", ""))
            if is_public_image(image)
            else ""
            for attrs, image in zip(attrs_list, images, strict=True)
        ]
