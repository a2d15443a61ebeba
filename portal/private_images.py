"""Pictures of restricted collections stay out of the public media location.

Wagtail's collection privacy (``CollectionViewRestriction``) guards documents, but an image's
original and renditions are plain media files: anyone with the URL gets them. Here a picture in a
restricted collection (or under one) is stored under ``PRIVATE_MEDIA_ROOT`` instead of
``MEDIA_ROOT``, and its URLs go through ``serve``, which checks the viewer's rights.

A stored name is private when its file name starts with ``PRIVATE_PREFIX``. Wagtail names a
rendition after its original's file name, so the renditions of a private original are private
from the moment they are written; the media storage (``MediaStorage``, the default storage) keeps
such names under the private root and gives them the checking view's URL. When an image enters or
leaves a restricted collection, or a collection's restriction is added or removed, the original is
renamed (moved between the roots) and its renditions are deleted; Wagtail makes them again, in
the right place, when a page asks for them.

Public pages, feeds and the API never show such a picture, to anyone (so no cached page differs by
visitor): everything they render asks ``is_public_image`` / ``public_image`` (templates through the
``public_image`` filter, listings through ``public_images_q``). The test is the stored name, so it
costs no query and holds for any storage the names live in.
"""

import mimetypes
import os
import posixpath

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.core.files.storage import FileSystemStorage
from django.db import transaction
from django.db.models import Q
from django.db.models.signals import post_delete, post_save
from django.http import FileResponse, Http404
from django.urls import reverse
from django.utils.cache import patch_cache_control
from django.utils.functional import cached_property
from wagtail.images import get_image_model
from wagtail.models import Collection, CollectionViewRestriction
from wagtail.permissions import policy_registry

from portal import generation

PRIVATE_PREFIX = "private-"
# A stored name whose file name (after the last "/") starts with the prefix, for database filters.
PRIVATE_NAME_REGEX = r"(^|/)private-[^/]*$"


def is_private_name(name):
    return posixpath.basename(name or "").startswith(PRIVATE_PREFIX)


def is_public_image(image):
    """``image`` may be shown on public pages, feeds and the API: it has a file, and that file is
    not one of a restricted collection."""
    return image is not None and bool(image.file) and not is_private_name(image.file.name)


def public_image(image):
    """``image`` when public pages may show it, else None."""
    return image if is_public_image(image) else None


def first_public_image(*images):
    """The first of ``images`` that public pages may show (a card's picture falls back in order)."""
    return next((image for image in images if is_public_image(image)), None)


def first_public_image_of(instance, *fields):
    """The first image of ``instance``'s image fields (names, in order) that public pages may show.
    Read one by one: a field after a public picture is never loaded."""
    for name in fields:
        if getattr(instance, f"{name}_id", None) is None:
            continue
        image = getattr(instance, name)
        if is_public_image(image):
            return image
    return None


def public_images_q(prefix=""):
    """A filter keeping the images public pages may show; ``prefix`` reaches them through a
    relation (``"image__"``)."""
    return ~Q(**{f"{prefix}file__regex": PRIVATE_NAME_REGEX}) & ~Q(**{f"{prefix}file": ""})


class MediaStorage(FileSystemStorage):
    """Media files on disk: public ones under MEDIA_ROOT (served at MEDIA_URL), private ones
    (``is_private_name``) under PRIVATE_MEDIA_ROOT, reachable only through ``serve``."""

    @cached_property
    def private_files(self):
        return FileSystemStorage(location=settings.PRIVATE_MEDIA_ROOT)

    def path(self, name):
        if is_private_name(name):
            return self.private_files.path(name)
        return super().path(name)

    def _save(self, name, content):
        # Django's custom-storage contract: the file is written here, and the name returned.
        if is_private_name(name):
            return self.private_files.save(name, content)
        return super()._save(name, content)

    def url(self, name):
        if is_private_name(name):
            return reverse("private_image", args=[name])
        return super().url(name)

    def listdir(self, path):
        """Both roots' entries under ``path`` (backups walk the storage with this)."""
        directories, files = set(), set()
        for storage in (super(), self.private_files):
            try:
                entries = list(os.scandir(storage.path(path)))
            except FileNotFoundError:
                continue
            for entry in entries:
                (directories if entry.is_dir() else files).add(entry.name)
        return sorted(directories), sorted(files)


def is_restricted(collection):
    return collection is not None and collection.get_view_restrictions().exists()


def may_view(request, image):
    """The collection's restrictions let this request in, or the user manages the picture."""
    restrictions = image.collection.get_view_restrictions()
    if all(restriction.accept_request(request) for restriction in restrictions):
        return True
    user = request.user
    policy = policy_registry.get_by_type(type(image))
    return user.is_authenticated and policy.user_has_any_permission_for_instance(user, ["change", "choose"], image)


def serve(request, name):
    """An original or rendition of a private picture, for those allowed to see it."""
    if not is_private_name(name):
        raise Http404
    Image = get_image_model()
    image = Image.objects.filter(file=name).select_related("collection").first()
    if image is None:
        rendition = Image.get_rendition_model().objects.filter(file=name).select_related("image__collection").first()
        if rendition is None:
            raise Http404
        image = rendition.image
    if not may_view(request, image):
        raise PermissionDenied
    storage = image.file.storage
    try:
        handle = storage.open(name, "rb")
    except FileNotFoundError as error:
        raise Http404 from error
    response = FileResponse(handle, content_type=mimetypes.guess_type(name)[0] or "application/octet-stream")
    patch_cache_control(response, private=True, no_store=True)
    return response


def move_file(storage, name, to_private):
    """Store ``name``'s content under its private (or public) name; the old file goes on commit."""
    directory, base = posixpath.split(name)
    base = PRIVATE_PREFIX + base if to_private else base[len(PRIVATE_PREFIX) :]
    with storage.open(name, "rb") as handle:
        new_name = storage.save(posixpath.join(directory, base), handle)
    transaction.on_commit(lambda: storage.delete(name))
    return new_name


def sync_image(image):
    """Move ``image``'s original to where its collection's privacy says; drop its renditions."""
    want_private = is_restricted(image.collection)
    if not image.file or want_private == is_private_name(image.file.name):
        return False
    if not image.file.storage.exists(image.file.name):
        return False
    new_name = move_file(image.file.storage, image.file.name, want_private)
    type(image).objects.filter(pk=image.pk).update(file=new_name)
    image.file.name = new_name
    for rendition in image.renditions.all():
        rendition.delete()  # Wagtail removes the file and the cached rendition
    return True


def sync_rendition(rendition):
    """A rendition whose name lost the private prefix (a very long filter spec) is moved too."""
    image = rendition.image
    if is_private_name(rendition.file.name) or not is_private_name(image.file.name):
        return
    new_name = move_file(rendition.file.storage, rendition.file.name, True)
    type(rendition).objects.filter(pk=rendition.pk).update(file=new_name)
    rendition.file.name = new_name
    rendition.purge_from_cache()


def sync_collection(collection):
    """Move the pictures of ``collection`` and those under it where their privacy says; returns
    how many moved."""
    moved = 0
    for image in get_image_model().objects.filter(collection__in=collection.get_descendants(inclusive=True)):
        moved += bool(sync_image(image))
    return moved


def on_image_saved(sender, instance, raw=False, **kwargs):
    if not raw:
        sync_image(instance)


def on_rendition_saved(sender, instance, created=False, raw=False, **kwargs):
    if created and not raw:
        sync_rendition(instance)


def on_restriction_changed(sender, instance, raw=False, **kwargs):
    if raw:
        return
    collection = Collection.objects.filter(pk=instance.collection_id).first()
    if collection is not None:
        sync_collection(collection)
    # Pages, cards and feeds cached with the pictures' former addresses are stale.
    generation.invalidate()


def on_collection_saved(sender, instance, raw=False, **kwargs):
    """A collection moved under (or out of) a restricted one: Wagtail's edit view saves it, then
    moves it, in one transaction; its pictures follow once that commits."""
    if raw:
        return
    pk = instance.pk

    def sync():
        collection = Collection.objects.filter(pk=pk).first()
        if collection is not None and sync_collection(collection):
            generation.invalidate()

    transaction.on_commit(sync)


def connect():
    Image = get_image_model()
    post_save.connect(on_image_saved, sender=Image, dispatch_uid="private_images_image")
    post_save.connect(on_rendition_saved, sender=Image.get_rendition_model(), dispatch_uid="private_images_rendition")
    post_save.connect(on_restriction_changed, sender=CollectionViewRestriction, dispatch_uid="private_images_saved")
    post_delete.connect(on_restriction_changed, sender=CollectionViewRestriction, dispatch_uid="private_images_deleted")
    post_save.connect(on_collection_saved, sender=Collection, dispatch_uid="private_images_collection")
