"""Pictures in the read-only API: only those public pages may show (``portal.private_images``).

``PublicImageField`` serializes an image foreign key as Wagtail's API does (``id``, ``title``,
``meta`` with ``detail_url`` and ``download_url``), and as ``null`` when the picture belongs to a
restricted collection. ``/api/v2/images/`` (``portal.api``) lists and serves only
pictures of public collections, to every visitor alike (a restricted one is a JSON 404).
"""

import functools

from rest_framework import serializers
from wagtail.images import get_image_model
from wagtail.models import Collection, CollectionViewRestriction

from portal.private_images import public_image


@functools.cache
def nested_image_serializer():
    """The serializer Wagtail nests an image with (built once; Wagtail's image API reads the
    image model when imported, so not at import time of the models using the field)."""
    from wagtail.api.v2.serializers import get_serializer_class
    from wagtail.images.api.v2.serializers import ImageSerializer
    from wagtail.images.api.v2.views import ImagesAPIViewSet

    return get_serializer_class(
        get_image_model(),
        ImagesAPIViewSet.nested_default_fields,
        meta_fields=ImagesAPIViewSet.meta_fields,
        base=ImageSerializer,
    )


class PublicImageField(serializers.Field):
    """An image foreign key in the API: ``null`` for a picture of a restricted collection."""

    def __init__(self, **kwargs):
        kwargs.setdefault("read_only", True)
        super().__init__(**kwargs)

    def get_attribute(self, instance):
        return public_image(super().get_attribute(instance))

    def to_representation(self, value):
        return nested_image_serializer()(context=self.context).to_representation(value)


def restricted_collections():
    """Collections with a view restriction, and every collection under one."""
    paths = Collection.objects.filter(pk__in=CollectionViewRestriction.objects.values("collection_id")).values_list(
        "path", flat=True
    )
    collections = Collection.objects.none()
    for path in paths:
        collections = collections | Collection.objects.filter(path__startswith=path)
    return collections
