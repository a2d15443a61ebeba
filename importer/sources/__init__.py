"""Readers of old sites' content. Each yields :class:`Item` objects; none touches the database."""

import dataclasses
import re

from django.utils.translation import gettext as _


class SourceError(Exception):
    """Input the import cannot read, with where it is (file, line, item) in the message."""


@dataclasses.dataclass
class Media:
    """A picture or file the old site linked to: its address and what was said about it."""

    url: str
    alt: str = ""
    caption: str = ""
    title: str = ""


@dataclasses.dataclass
class Item:
    """One article or page of the old site, as read from the source."""

    source_id: str
    title: str
    line: int = 0  # where the item starts in its file, for messages
    file: str = ""
    kind: str = "post"  # "post" (an article) or "page" (a standard page)
    status: str = "publish"  # "publish" or "draft"
    link: str = ""  # the old address
    old_urls: list = dataclasses.field(default_factory=list)  # more old addresses (?p=123, index.html)
    body_html: str = ""
    excerpt: str = ""
    date: object = None
    modified: object = None
    author: str = ""
    categories: list = dataclasses.field(default_factory=list)  # [(slug, name)]
    tags: list = dataclasses.field(default_factory=list)  # [(slug, name)]
    featured: Media | None = None
    base_url: str = ""  # what relative links in the body are relative to
    parent: str = ""  # source id of the page this page sits under on the old site (WordPress pages)
    language: str = ""  # language code the old site gave the item ("vi", "en"), when it has several
    translation_group: str = ""  # items of one group are the same article in different languages
    warnings: list = dataclasses.field(default_factory=list)

    def label(self):
        name = self.title or self.source_id
        if self.line:
            return _("“%(name)s” (%(file)s, line %(line)s)") % {"name": name, "file": self.file, "line": self.line}
        return _("“%(name)s” (%(file)s)") % {"name": name, "file": self.file} if self.file else f"“{name}”"


@dataclasses.dataclass
class Attachment:
    """A file the old site kept in its media library (a WordPress attachment)."""

    source_id: str
    url: str
    title: str = ""
    alt: str = ""
    caption: str = ""
    mime: str = ""
    parent: str = ""  # id of the post the file was uploaded to (a [gallery] without ids shows those)
    order: int = 0  # its place in that post's gallery


_CDATA = re.compile(r"<!\[CDATA\[.*?\]\]>", re.DOTALL)


def element_lines(text, tag):
    """Line numbers where each ``<tag>`` element starts, in document order, ignoring CDATA text
    (ElementTree keeps no line numbers)."""
    blanked = _CDATA.sub(lambda m: "\n" * m.group(0).count("\n"), text)
    pattern = re.compile(r"<" + re.escape(tag) + r"[\s>/]")
    return [blanked.count("\n", 0, m.start()) + 1 for m in pattern.finditer(blanked)]


def decode(data, filename, encoding=None):
    """``data`` (bytes) as text: the given encoding, else the one declared, else UTF-8.

    Bytes that are not valid in that encoding give a :class:`SourceError` naming the line.
    """
    declared = encoding
    if not declared:
        head = data[:400].decode("ascii", "replace")
        match = re.search(r"""encoding=["']([\w.-]+)["']""", head) or re.search(
            r"""<meta[^>]+charset=["']?([\w.-]+)""", data[:4000].decode("ascii", "replace"), re.IGNORECASE
        )
        declared = match.group(1) if match else "utf-8"
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode(declared)
    except LookupError as error:
        raise SourceError(
            _("%(file)s: unknown encoding “%(encoding)s”") % {"file": filename, "encoding": declared}
        ) from error
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        raise SourceError(
            _(
                "%(file)s, line %(line)s: the file is not valid %(encoding)s (byte 0x%(byte)02x); "
                "save it as UTF-8 or give its real encoding with --encoding (e.g. --encoding cp1258)"
            )
            % {"file": filename, "line": line, "encoding": declared, "byte": data[error.start]}
        ) from error
