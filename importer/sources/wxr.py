"""WordPress export files (WXR: Tools → Export in WordPress), read with defusedxml."""

import re

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import ParseError, fromstring
from django.utils.translation import gettext as _

from importer.dates import parse_date
from importer.html import plain_text

from . import Attachment, Item, Media, SourceError, decode, element_lines

KIND = "wxr"
IMAGE_EXTENSIONS = ("jpg", "jpeg", "png", "gif", "webp")


def looks_like(text):
    return "<rss" in text[:2000] and "wordpress.org/export/" in text[:5000]


def parse_xml(text, filename, tag):
    """The root element of ``text``; a malformed file names the line, column and the item there."""
    try:
        return fromstring(text)
    except ParseError as error:
        line, column = error.position
        message = _("%(file)s, line %(line)s, column %(column)s: the XML is malformed (%(reason)s)") % {
            "file": filename,
            "line": line,
            "column": column,
            "reason": str(error).split(":")[0],
        }
        starts = [start for start in element_lines(text, tag) if start <= line]
        if starts:
            title = _title_after(text, starts[-1])
            message += " " + _("in the item that starts at line %(line)s%(title)s") % {
                "line": starts[-1],
                "title": f" («{title}»)" if title else "",
            }
        raise SourceError(message) from error
    except DefusedXmlException as error:
        raise SourceError(
            _("%(file)s: the file declares XML entities or a DTD, which are refused for safety (%(reason)s)")
            % {"file": filename, "reason": error}
        ) from error


def _title_after(text, line):
    rest = "\n".join(text.split("\n")[line - 1 : line + 30])
    match = re.search(r"<title>\s*(?:<!\[CDATA\[)?(.*?)(?:\]\]>)?\s*</title>", rest, re.DOTALL)
    return plain_text(match.group(1))[:80] if match else ""


def _local(tag):
    return tag.rsplit("}", 1)[-1]


def _ns(tag):
    uri = tag[1:].split("}", 1)[0] if tag.startswith("{") else ""
    if "wordpress.org/export" in uri:
        return "excerpt" if uri.rstrip("/").endswith("excerpt") else "wp"
    if "purl.org/rss/1.0/modules/content" in uri:
        return "content"
    if "purl.org/dc/elements" in uri:
        return "dc"
    return ""


def _fields(element):
    """{"wp:post_id": text, "title": text, …} for the direct children of ``element``."""
    fields = {}
    for child in element:
        prefix = _ns(child.tag)
        key = f"{prefix}:{_local(child.tag)}" if prefix else _local(child.tag)
        fields.setdefault(key, (child.text or "").strip() if key != "content:encoded" else (child.text or ""))
    return fields


def read(data, filename, encoding=None):
    """(items, attachments by id, base address) of a WXR file."""
    text = decode(data, filename, encoding)
    root = parse_xml(text, filename, "item")
    channel = root.find("channel")
    if channel is None or _local(root.tag) != "rss":
        raise SourceError(_("%(file)s: not a WordPress export (no <rss><channel>)") % {"file": filename})
    channel_fields = _fields(channel)
    base_url = channel_fields.get("wp:base_site_url") or channel_fields.get("link") or ""
    authors = {}
    for element in channel:
        if _ns(element.tag) == "wp" and _local(element.tag) == "author":
            fields = _fields(element)
            name = " ".join(
                part for part in (fields.get("wp:author_first_name"), fields.get("wp:author_last_name")) if part
            )
            authors[fields.get("wp:author_login", "")] = plain_text(fields.get("wp:author_display_name") or name)
    lines = element_lines(text, "item")
    attachments, items = {}, []
    for number, element in enumerate(channel.findall("item")):
        line = lines[number] if number < len(lines) else 0
        fields = _fields(element)
        meta = {}
        for child in element:
            if _ns(child.tag) == "wp" and _local(child.tag) == "postmeta":
                meta_fields = _fields(child)
                meta[meta_fields.get("wp:meta_key", "")] = meta_fields.get("wp:meta_value", "")
        post_type = fields.get("wp:post_type", "post")
        post_id = fields.get("wp:post_id", "")
        if post_type == "attachment":
            url = fields.get("wp:attachment_url") or fields.get("guid", "")
            attachments[post_id] = Attachment(
                source_id=f"{KIND}:{fields.get('guid') or url}",
                url=url,
                title=plain_text(fields.get("title", "")),
                alt=plain_text(meta.get("_wp_attachment_image_alt", "")),
                caption=plain_text(fields.get("excerpt:encoded", "")),
            )
            continue
        if post_type not in ("post", "page"):
            continue  # menus, revisions, custom post types of plugins
        categories, tags = [], []
        for child in element.findall("category"):
            name = plain_text(child.text or "")
            slug = child.get("nicename") or ""
            if child.get("domain") == "category":
                categories.append((slug, name))
            elif child.get("domain") == "post_tag":
                tags.append((slug, name))
        status = fields.get("wp:status", "publish")
        guid = fields.get("guid") or fields.get("link") or f"{base_url}/?p={post_id}"
        date = _wp_date(fields.get("wp:post_date_gmt"), utc=True) or _wp_date(fields.get("wp:post_date"))
        date = date or parse_date(fields.get("pubDate"))
        modified = _wp_date(fields.get("wp:post_modified_gmt"), utc=True) or _wp_date(fields.get("wp:post_modified"))
        link = fields.get("link", "")
        old_urls = [url for url in (link, guid, f"{base_url.rstrip('/')}/?p={post_id}" if post_id else "") if url]
        item = Item(
            source_id=f"{KIND}:{guid}",
            title=plain_text(fields.get("title", "")),
            line=line,
            file=filename,
            kind="page" if post_type == "page" else "post",
            status={
                "publish": "publish",
                "future": "publish",
                "draft": "draft",
                "pending": "draft",
                "private": "draft",
            }.get(status, "skip:" + status),
            link=link,
            old_urls=list(dict.fromkeys(old_urls)),
            body_html=fields.get("content:encoded", ""),
            excerpt=plain_text(fields.get("excerpt:encoded", "")),
            date=date,
            modified=modified,
            author=authors.get(fields.get("dc:creator", ""), plain_text(fields.get("dc:creator", ""))),
            categories=categories,
            tags=tags,
            base_url=link or base_url,
        )
        thumbnail = meta.get("_thumbnail_id")
        if thumbnail:
            item.featured = thumbnail  # resolved below, when every attachment is known
        items.append(item)
    for item in items:
        if item.featured:
            attachment = attachments.get(item.featured)
            item.featured = (
                Media(url=attachment.url, alt=attachment.alt, caption=attachment.caption, title=attachment.title)
                if attachment
                else None
            )
            if attachment is None:
                item.warnings.append(_("its featured image is not in the export"))
    return items, attachments, base_url


def _wp_date(value, utc=False):
    if not value or value.startswith("0000"):
        return None
    return parse_date(value + ("+00:00" if utc else ""))


def is_image(url):
    return url.rsplit(".", 1)[-1].lower() in IMAGE_EXTENSIONS
