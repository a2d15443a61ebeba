"""WordPress export files (WXR: Tools → Export in WordPress), read with defusedxml."""

import re
from html import escape

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import ParseError, fromstring
from django.utils.translation import gettext as _

from importer.dates import parse_date
from importer.html import plain_text

from . import Attachment, Item, Media, SourceError, decode, element_lines

KIND = "wxr"
IMAGE_EXTENSIONS = ("jpg", "jpeg", "png", "gif", "webp")
# Where multilingual plugins leave an item's language and its group of translations in an export:
# WPML (its "Export and Import" add-on, or its own post meta) and Polylang (taxonomy terms).
LANGUAGE_META = ("_wpml_import_language_code", "wpml_language", "_icl_lang_code", "_wpml_language")
GROUP_META = ("_wpml_import_translation_group", "_icl_trid", "wpml_translation_group", "_wpml_trid")
_GALLERY = re.compile(r"\[gallery\b([^\]]*)\]", re.IGNORECASE)
_ATTRIBUTE = re.compile(r"""(\w+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"']+))""")


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
    attachments, items, post_ids = {}, [], []
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
                parent=fields.get("wp:post_parent", "0"),
                order=_number(fields.get("wp:menu_order")),
            )
            continue
        if post_type not in ("post", "page"):
            continue  # menus, revisions, custom post types of plugins
        categories, tags = [], []
        language = next((meta[key] for key in LANGUAGE_META if meta.get(key)), "")
        group = next((f"wpml:{meta[key]}" for key in GROUP_META if meta.get(key)), "")
        for child in element.findall("category"):
            name = plain_text(child.text or "")
            slug = child.get("nicename") or ""
            domain = child.get("domain")
            if domain == "category":
                categories.append((slug, name))
            elif domain == "post_tag":
                tags.append((slug, name))
            elif domain == "language" and slug:  # Polylang
                language = language or slug
            elif domain == "post_translations" and slug:  # Polylang's group of translations
                group = group or f"pll:{slug}"
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
            language=language.strip().lower().replace("_", "-"),
            translation_group=group,
        )
        if post_type == "page" and post_id:
            item.old_urls = list(dict.fromkeys([*item.old_urls, f"{base_url.rstrip('/')}/?page_id={post_id}"]))
        item.parent = fields.get("wp:post_parent", "0") if post_type == "page" else "0"
        thumbnail = meta.get("_thumbnail_id")
        if thumbnail:
            item.featured = thumbnail  # resolved below, when every attachment is known
        items.append(item)
        post_ids.append(post_id)
    by_post_id = dict(zip(post_ids, (item.source_id for item in items), strict=True))
    gallery_files = {}  # post id → its pictures, in their gallery order
    for attachment_id, attachment in sorted(attachments.items(), key=lambda pair: (pair[1].order, _number(pair[0]))):
        if is_image(attachment.url):
            gallery_files.setdefault(attachment.parent, []).append((attachment_id, attachment))
    for item, post_id in zip(items, post_ids, strict=True):
        item.parent = by_post_id.get(item.parent, "") if item.parent not in ("", "0") else ""
        if "[gallery" in item.body_html.lower():
            item.body_html = _GALLERY.sub(
                lambda match, item=item, post_id=post_id: _gallery(
                    match, item, attachments, gallery_files.get(post_id)
                ),
                item.body_html,
            )
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


def _gallery(match, item, attachments, own_files):
    """The pictures of a ``[gallery]`` shortcode as gallery markup the body's cleaner turns into a
    gallery block: ``ids`` (or the older ``include``) in their order, else the post's own pictures."""
    attributes = {}
    for found in _ATTRIBUTE.finditer(match.group(1)):
        attributes[found.group(1).lower()] = next(value for value in found.groups()[1:] if value is not None)
    wanted = attributes.get("ids") or attributes.get("include") or ""
    if wanted:
        chosen = []
        for attachment_id in (part.strip() for part in wanted.split(",")):
            if attachment_id in attachments:
                chosen.append(attachments[attachment_id])
            elif attachment_id:
                item.warnings.append(_("picture %(id)s of a [gallery] is not in the export") % {"id": attachment_id})
    else:
        excluded = {part.strip() for part in attributes.get("exclude", "").split(",")}
        chosen = [attachment for attachment_id, attachment in own_files or [] if attachment_id not in excluded]
    figures = "".join(
        f'<figure><img src="{escape(a.url, quote=True)}" alt="{escape(a.alt, quote=True)}"/>'
        + (f"<figcaption>{escape(a.caption)}</figcaption>" if a.caption else "")
        + "</figure>"
        for a in chosen
        if is_image(a.url)
    )
    return f'\n\n<div class="gallery">{figures}</div>\n\n' if figures else ""


def _number(value):
    try:
        return int(value or 0)
    except ValueError:
        return 0


def _wp_date(value, utc=False):
    if not value or value.startswith("0000"):
        return None
    return parse_date(value + ("+00:00" if utc else ""))


def is_image(url):
    return url.rsplit(".", 1)[-1].lower() in IMAGE_EXTENSIONS
