"""Pictures and documents of the old site, read from a local folder (never from the network).

An old address such as ``http://kufo.vn/wp-content/uploads/2022/09/anh.jpg`` is looked for as
``<media-dir>/wp-content/uploads/2022/09/anh.jpg`` (or under ``<media-dir>/kufo.vn/``, as
``wget --mirror`` saves it); WordPress's resized copies (``anh-300x200.jpg``) fall back to the
original. Each file becomes one Wagtail image or document, found again on the next run.
"""

import re
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files import File
from django.core.files.images import get_image_dimensions
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.utils.file import hash_filelike

from portal.text import fold, nfc, slugify_vi
from portal.uploads import validate_document_file

from .models import ImportedFile

_RESIZED = re.compile(r"-\d+x\d+(\.\w+)$")
_SCALED = re.compile(r"-(scaled|rotated)(\.\w+)$")


class MediaLibrary:
    def __init__(self, folders, collection=None, dry_run=False, user=None):
        self.folders = [Path(folder).resolve() for folder in folders]
        self.collection = collection
        self.dry_run = dry_run
        self.user = user
        self.missing = {}  # old address → the item that wanted it
        self.refused = {}  # old address → why the file was not taken
        self.created_images = 0
        self.created_documents = 0
        self.reused = 0
        self.new_objects = []  # images and documents saved since the caller last looked
        self._known = {}
        self._imported = None  # paths imported by earlier runs, read once
        self._by_hash = None  # SHA-1 of a file → the collection's image of it, read once
        if collection is None and not dry_run:
            from wagtail.models import Collection

            self.collection = Collection.get_first_root_node()  # relative path → image or document, for this run

    # --- finding files -----------------------------------------------------------------------

    def locate(self, url):
        """(relative path, absolute path) of the file for ``url``, or (relative path, None)."""
        parts = urlsplit(url)
        path = unquote(parts.path).lstrip("/")
        relative = str(PurePosixPath(path))
        if not path or ".." in PurePosixPath(path).parts:
            return relative, None
        names = [path]
        for pattern, replacement in ((_RESIZED, r"\1"), (_SCALED, r"\2")):
            if pattern.search(path):
                names.append(pattern.sub(replacement, path))
        for folder in self.folders:
            for name in names:
                for candidate in (folder / name, folder / parts.netloc / name):
                    try:
                        resolved = candidate.resolve()
                    except OSError:
                        continue
                    if resolved.is_file() and resolved.is_relative_to(folder):
                        return str(PurePosixPath(name)), resolved
        return relative, None

    def exists(self, url):
        return self.locate(url)[1] is not None

    # --- images and documents ----------------------------------------------------------------

    def image(self, url, alt="", caption="", item=None):
        relative, path = self.locate(url)
        if path is None:
            self.missing.setdefault(url, item)
            return None
        if relative in self._known:
            return self._known[relative]
        extension = path.suffix.lower().lstrip(".")
        allowed = [e.lower() for e in getattr(settings, "WAGTAILIMAGES_EXTENSIONS", ["gif", "jpg", "jpeg", "png"])]
        if extension not in allowed:
            self.refused[url] = f".{extension}"
            return None
        if self.dry_run:
            self._known[relative] = None
            return None
        checksum = _sha1(path)
        record = self._record(relative, "image")
        Image = get_image_model()
        if record is not None and record.image is not None:
            image = record.image
            if record.checksum != checksum:  # the old site's file changed: take the new one
                if not self._check_image(url, path):
                    return None
                with path.open("rb") as handle:
                    image.file = File(handle, name=_file_name(path))
                    image.file_hash, image.file_size = checksum, path.stat().st_size
                    image.save()
                self.new_objects.append(image)
                record.checksum = checksum
                record.save(update_fields=["checksum"])
            self.reused += 1
            self._known[relative] = image
            return image
        same = self._same_picture(checksum)
        if same is not None:  # the same file under another address (or uploaded before): one image
            self._remember(relative, record, same, checksum)
            self.reused += 1
            return same
        size = self._check_image(url, path)
        if not size:
            return None
        fields = {
            "title": nfc(alt or caption or path.stem.replace("-", " ").replace("_", " "))[:255],
            "uploaded_by_user": self.user,
            "width": size[0],
            "height": size[1],
            "file_size": path.stat().st_size,
            "file_hash": checksum,
        }
        if self.collection is not None:
            fields["collection"] = self.collection
        # The file is stored first, where the image's field would store it, and the image is made
        # with the stored name and the size read from the file's header: an image given an
        # uploaded file instead decodes the whole picture again to learn its size as it saves.
        file = Image(**fields).file
        with path.open("rb") as handle:
            name = file.field.generate_filename(file.instance, _file_name(path))
            stored = file.storage.save(name, File(handle), max_length=file.field.max_length)
        image = Image(file=stored, **fields)
        image.save()
        self.new_objects.append(image)
        self._by_hash[checksum] = image.pk
        self._remember(relative, record, image, checksum)
        self.created_images += 1
        return image

    def _remember(self, relative, record, image, checksum):
        if record is None:
            ImportedFile.objects.create(path=relative, image=image, checksum=checksum)
        else:
            record.image, record.document, record.checksum = image, None, checksum
            record.save()
        self._known[relative] = image

    def _same_picture(self, checksum):
        """The image of the import's collection whose file has this SHA-1 (Wagtail's ``file_hash``),
        or None. The collection's hashes are read once, in one query, when the first new file comes."""
        Image = get_image_model()
        if self._by_hash is None:
            images = Image.objects.filter(collection=self.collection).exclude(file_hash="").order_by("-pk")
            # The oldest image of a file wins.
            self._by_hash = dict(images.values_list("file_hash", "pk"))
        pk = self._by_hash.get(checksum)
        return Image.objects.filter(pk=pk).first() if pk is not None else None

    def forget(self, objects):
        """Forget files saved by an item whose transaction was rolled back."""
        gone = {(type(obj), obj.pk) for obj in objects}
        for relative, obj in list(self._known.items()):
            if obj is not None and (type(obj), obj.pk) in gone:
                del self._known[relative]
        Image = get_image_model()
        for checksum, pk in list((self._by_hash or {}).items()):
            if (Image, pk) in gone:
                del self._by_hash[checksum]

    def _record(self, relative, kind):
        if self._imported is None:
            self._imported = set(ImportedFile.objects.values_list("path", flat=True))
        if relative not in self._imported:
            return None
        return ImportedFile.objects.filter(path=relative).select_related(kind).first()

    def _check_image(self, url, path):
        """(width, height) of a picture the portal accepts, else None (the reason is noted)."""
        width, height = get_image_dimensions(str(path))
        if not width or not height:
            self.refused[url] = "not a picture"
            return None
        limit = getattr(settings, "WAGTAILIMAGES_MAX_IMAGE_PIXELS", None)
        if limit and width * height > limit:
            self.refused[url] = f"{width}×{height} pixels"
            return None
        return width, height

    def document(self, url, title="", item=None):
        relative, path = self.locate(url)
        if path is None:
            self.missing.setdefault(url, item)
            return None
        if relative in self._known:
            return self._known[relative]
        if self.dry_run:
            self._known[relative] = None
            return None
        checksum = _sha1(path)
        record = self._record(relative, "document")
        Document = get_document_model()
        with path.open("rb") as handle:
            upload = File(handle, name=_file_name(path))
            if record is not None and record.document is not None and record.checksum == checksum:
                self.reused += 1
                self._known[relative] = record.document
                return record.document
            try:
                validate_document_file(upload)
            except ValidationError as error:
                self.refused[url] = " ".join(error.messages)
                return None
            upload.seek(0)
            if record is not None and record.document is not None:
                document = record.document
                document.file = upload
                document.file_hash, document.file_size = checksum, path.stat().st_size
            else:
                document = Document(
                    title=nfc(title or path.stem)[:255],
                    uploaded_by_user=self.user,
                    file_hash=checksum,
                    file_size=path.stat().st_size,
                )
                if self.collection is not None:
                    document.collection = self.collection
                document.file = upload
                self.created_documents += 1
            document.save()
            self.new_objects.append(document)
        ImportedFile.objects.update_or_create(path=relative, defaults={"document": document, "checksum": checksum})
        self._known[relative] = document
        return document


def _sha1(path):
    """The file's SHA-1, as Wagtail computes it for its duplicate-upload check (``file_hash``)."""
    with path.open("rb") as handle:
        return hash_filelike(handle)


def _file_name(path):
    """An ASCII file name for storage: "Ảnh hội nghị.JPG" → "anh-hoi-nghi.jpg"."""
    stem = slugify_vi(fold(path.stem), max_length=60) or "tep"
    return f"{stem}{path.suffix.lower()}" if path.suffix else stem
