"""RSS 2.0 and Atom feeds saved as files (what many provincial portals offer instead of an export)."""

import re

from django.utils.translation import gettext as _

from importer.dates import parse_date
from importer.html import plain_text
from portal.text import slugify_vi

from . import Item, Media, SourceError, decode
from .wxr import _fields, _local, parse_xml

ATOM = "{http://www.w3.org/2005/Atom}"
MEDIA = "{http://search.yahoo.com/mrss/}"
IMAGE_TYPES = ("image/jpeg", "image/png", "image/gif", "image/webp", "image/jpg")


def looks_like(text):
    head = text[:3000]
    return "<rss" in head or "<feed" in head


def read(data, filename, encoding=None):
    text = decode(data, filename, encoding)
    head = text[:3000]
    if "<feed" in head and "<rss" not in head:
        root = parse_xml(text, filename, "entry")
        if root.tag != f"{ATOM}feed":
            raise SourceError(_("%(file)s: not an RSS 2.0 or Atom feed") % {"file": filename})
        return _atom(root, text, filename)
    root = parse_xml(text, filename, "item")
    channel = root.find("channel")
    if _local(root.tag) != "rss" or channel is None:
        raise SourceError(_("%(file)s: not an RSS 2.0 or Atom feed") % {"file": filename})
    return _rss(channel, text, filename)


def _rss(channel, text, filename):
    from . import element_lines

    base_url = (channel.findtext("link") or "").strip()
    lines = element_lines(text, "item")
    items = []
    for number, element in enumerate(channel.findall("item")):
        fields = _fields(element)
        link = fields.get("link", "")
        guid = fields.get("guid") or link
        if not guid:
            raise SourceError(
                _(
                    "%(file)s, line %(line)s: the item has neither <guid> nor <link>, so it cannot be imported twice safely"
                )
                % {"file": filename, "line": lines[number] if number < len(lines) else 0}
            )
        body = fields.get("content:encoded") or fields.get("description", "")
        excerpt = plain_text(fields.get("description", "")) if fields.get("content:encoded") else ""
        categories = [
            (slugify_vi(plain_text(c.text or "")), plain_text(c.text or "")) for c in element.findall("category")
        ]
        author = fields.get("dc:creator") or fields.get("author", "")
        if "(" in author and author.endswith(")"):  # "email@example.org (Name)"
            author = author[author.index("(") + 1 : -1]
        featured = None
        enclosure = element.find("enclosure")
        if enclosure is not None and (enclosure.get("type") or "").lower() in IMAGE_TYPES:
            featured = Media(url=enclosure.get("url", ""))
        for tag in (f"{MEDIA}content", f"{MEDIA}thumbnail"):
            found = element.find(tag)
            if featured is None and found is not None and found.get("url"):
                if found.get("medium", "image") == "image":
                    featured = Media(
                        url=found.get("url"), caption=plain_text(found.findtext(f"{MEDIA}description") or "")
                    )
        items.append(
            Item(
                source_id=f"feed:{guid}",
                title=plain_text(fields.get("title", "")),
                line=lines[number] if number < len(lines) else 0,
                file=filename,
                link=link,
                old_urls=[link] if link else [],
                body_html=body,
                excerpt=excerpt,
                date=parse_date(fields.get("pubDate") or fields.get("dc:date")),
                author=plain_text(author),
                categories=categories[:1],
                tags=categories[1:],
                featured=featured,
                base_url=link or base_url,
            )
        )
    return items, {}, base_url


def _atom(root, text, filename):
    from . import element_lines

    lines = element_lines(text, "entry")
    base_url = ""
    for link in root.findall(f"{ATOM}link"):
        if link.get("rel", "alternate") == "alternate":
            base_url = link.get("href", "")
    items = []
    for number, entry in enumerate(root.findall(f"{ATOM}entry")):
        line = lines[number] if number < len(lines) else 0
        entry_id = (entry.findtext(f"{ATOM}id") or "").strip()
        link, featured = "", None
        for element in entry.findall(f"{ATOM}link"):
            rel = element.get("rel", "alternate")
            if rel == "alternate" and not link:
                link = element.get("href", "")
            elif rel == "enclosure" and (element.get("type") or "").lower() in IMAGE_TYPES and featured is None:
                featured = Media(url=element.get("href", ""))
        if not entry_id and not link:
            raise SourceError(
                _(
                    "%(file)s, line %(line)s: the entry has neither <id> nor a link, so it cannot be imported twice safely"
                )
                % {"file": filename, "line": line}
            )
        content = entry.find(f"{ATOM}content")
        summary = entry.find(f"{ATOM}summary")
        body = _atom_text(content) if content is not None else _atom_text(summary)
        excerpt = plain_text(_atom_text(summary)) if content is not None and summary is not None else ""
        author = entry.findtext(f"{ATOM}author/{ATOM}name") or root.findtext(f"{ATOM}author/{ATOM}name") or ""
        categories = [
            (slugify_vi(c.get("term", "")), plain_text(c.get("label") or c.get("term", "")))
            for c in entry.findall(f"{ATOM}category")
        ]
        thumbnail = entry.find(f"{MEDIA}thumbnail")
        if featured is None and thumbnail is not None and thumbnail.get("url"):
            featured = Media(url=thumbnail.get("url"))
        items.append(
            Item(
                source_id=f"feed:{entry_id or link}",
                title=plain_text(_atom_text(entry.find(f"{ATOM}title"))),
                line=line,
                file=filename,
                link=link,
                old_urls=[link] if link else [],
                body_html=body,
                excerpt=excerpt,
                date=parse_date(entry.findtext(f"{ATOM}published") or entry.findtext(f"{ATOM}updated")),
                modified=parse_date(entry.findtext(f"{ATOM}updated")),
                author=plain_text(author),
                categories=categories[:1],
                tags=categories[1:],
                featured=featured,
                base_url=link or base_url,
            )
        )
    return items, {}, base_url


def _atom_text(element):
    """The HTML of an Atom text construct (type text, html or xhtml)."""
    if element is None:
        return ""
    kind = element.get("type", "text")
    if kind == "xhtml":
        from xml.etree.ElementTree import tostring

        div = next(iter(element), None)
        if div is None:
            return element.text or ""
        html = (div.text or "") + "".join(tostring(child, encoding="unicode") for child in div)
        html = re.sub(r"(</?)[\w]+:", r"\1", html)
        return re.sub(r'\s+xmlns(:\w+)?="[^"]*"', "", html)
    if kind == "text":
        from html import escape

        return escape(element.text or "")
    return element.text or ""
