"""Upload validation for documents. Images are checked by Wagtail itself (size, pixel count,
extension against the decoded format; SVG is not in ``WAGTAILIMAGES_EXTENSIONS``); documents only
get an extension allow-list from Wagtail, so the portal also checks their size and that the
content is what the extension claims."""

import os
import zipfile

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from wagtail.documents.forms import BaseDocumentForm

OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # legacy Office (doc, xls, ppt)
ZIP = b"PK\x03\x04"
OOXML_PARTS = {"docx": "word/", "xlsx": "xl/", "pptx": "ppt/"}
ODF_TYPES = {"odt": "application/vnd.oasis.opendocument.text", "ods": "application/vnd.oasis.opendocument.spreadsheet"}
MARKUP_STARTS = (b"<!doctype", b"<html", b"<svg", b"<?xml", b"<script", b"<head", b"<body", b"<iframe")
SNIFF_BYTES = 8192


def max_document_size():
    return getattr(settings, "PORTAL_DOCUMENT_MAX_UPLOAD_SIZE", 20 * 1024 * 1024)


def _read_head(f, size=SNIFF_BYTES):
    position = f.tell() if hasattr(f, "tell") else 0
    f.seek(0)
    head = f.read(size)
    f.seek(position)
    return head


def _zip_names(f):
    f.seek(0)
    try:
        with zipfile.ZipFile(f) as archive:
            names = archive.namelist()
            mimetype = archive.read("mimetype").decode("ascii", "replace").strip() if "mimetype" in names else ""
    except (zipfile.BadZipFile, OSError, KeyError, RuntimeError, ValueError):
        return None, None
    finally:
        f.seek(0)
    return names, mimetype


def content_matches_extension(f, extension):
    """True when the bytes of ``f`` are a file of type ``extension``."""
    head = _read_head(f)
    if extension == "pdf":
        return head[:1024].lstrip().startswith(b"%PDF-")
    if extension in ("doc", "xls", "ppt"):
        return head.startswith(OLE2)
    if extension in OOXML_PARTS or extension in ODF_TYPES or extension == "zip":
        if not head.startswith(ZIP):
            return False
        names, mimetype = _zip_names(f)
        if names is None:
            return False
        if extension in OOXML_PARTS:
            return "[Content_Types].xml" in names and any(n.startswith(OOXML_PARTS[extension]) for n in names)
        if extension in ODF_TYPES:
            return mimetype == ODF_TYPES[extension]
        return True
    if extension in ("txt", "csv"):
        if b"\x00" in head:
            return False
        try:
            text = head.decode("utf-8")
        except UnicodeDecodeError as exc:
            if exc.start < len(head) - 4:  # a multi-byte character cut at the end of the sample is fine
                return False
            text = head[: exc.start].decode("utf-8")
        return not text.lstrip("\ufeff \t\r\n").lower().encode().startswith(MARKUP_STARTS)
    return False


def validate_document_file(f):
    """Raise ``ValidationError`` unless ``f`` is an allowed, honest, small enough document."""
    name = getattr(f, "name", "") or ""
    extension = os.path.splitext(name)[1].lower().lstrip(".")
    allowed = [e.lower() for e in getattr(settings, "WAGTAILDOCS_EXTENSIONS", None) or []]
    if allowed and not extension:
        raise ValidationError(
            _("This file name has no extension (such as .pdf). Allowed: %(allowed)s.")
            % {"allowed": ", ".join(allowed)},
            code="document_extension",
        )
    if allowed and extension not in allowed:
        raise ValidationError(
            _("Files of type .%(extension)s are not accepted. Allowed: %(allowed)s.")
            % {"extension": extension or "?", "allowed": ", ".join(allowed)},
            code="document_extension",
        )
    limit = max_document_size()
    if limit and f.size > limit:
        raise ValidationError(
            _("This file is too big (%(size)s). Maximum file size: %(limit)s.")
            % {"size": filesizeformat(f.size), "limit": filesizeformat(limit)},
            code="document_too_large",
        )
    if not f.size:
        raise ValidationError(_("The file is empty."), code="document_empty")
    if not content_matches_extension(f, extension):
        raise ValidationError(
            _("The content of this file is not a .%(extension)s document.") % {"extension": extension},
            code="document_content_mismatch",
        )


class DocumentForm(BaseDocumentForm):
    """Wagtail's document form (``WAGTAILDOCS_DOCUMENT_FORM_BASE``) with the checks above; used by
    the single and multiple upload views and the chooser's upload tab."""

    def clean_file(self):
        f = self.cleaned_data.get("file")
        if f and "file" in self.changed_data:
            validate_document_file(f)
        return f

    def add_error(self, field, error):
        """One message per refused file: Wagtail's model check of the extension runs after the form's
        own and, seeing no file (the form refused it), would add "File extension “” is not allowed"."""
        if self.has_error("file"):
            if field == "file":
                return
            if field is None and isinstance(error, ValidationError) and hasattr(error, "error_dict"):
                others = {name: errors for name, errors in error.error_dict.items() if name != "file"}
                if not others:
                    return
                error = ValidationError(others)
        super().add_error(field, error)
