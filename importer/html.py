"""An old site's article HTML turned into the portal's body blocks.

Only what the portal's editor allows survives (``portal.blocks.RICH_TEXT_FEATURES``: paragraphs,
h2/h3, bold, italic, lists, links, document links, quotes), plus image, gallery and table blocks. Scripts,
styles, forms, frames, inline event handlers, classes and styles, tracking pixels and Word/Office
markup (``<o:p>``, ``mso-`` spans, conditional comments) are dropped; text is NFC.

Pictures, documents and links to other imported articles are resolved through a ``resolver``
(see :class:`Resolver`), which is where files are found and pages looked up.
"""

import re
from html import escape
from urllib.parse import urljoin, urlsplit

from bs4 import BeautifulSoup, Comment, NavigableString, Tag
from bs4.element import CData, Declaration, Doctype, ProcessingInstruction
from wagtail.rich_text import RichText

from portal.text import nfc

DROP = {
    "script", "style", "noscript", "iframe", "frame", "frameset", "object", "embed", "applet", "form",
    "input", "button", "select", "textarea", "option", "svg", "math", "head", "meta", "link", "title",
    "template", "canvas", "audio", "video", "source", "track", "map", "area", "base", "nav",
}  # fmt: skip
HEADINGS = {"h1": "h2", "h2": "h2", "h3": "h3", "h4": "h3", "h5": "h3", "h6": "h3"}
BOLD = {"b", "strong"}
ITALIC = {"i", "em", "cite", "dfn"}
BLOCKS = {
    "p", "div", "section", "article", "main", "header", "footer", "aside", "center", "address", "figure",
    "figcaption", "ul", "ol", "li", "dl", "dt", "dd", "blockquote", "pre", "table", "thead", "tbody", "tfoot",
    "tr", "td", "th", "caption", "hr", "body", "html", *HEADINGS,
}  # fmt: skip
DOCUMENT_EXTENSIONS = {"pdf", "doc", "docx", "odt", "xls", "xlsx", "ods", "ppt", "pptx", "zip", "rar", "txt", "csv"}
UNSAFE_SCHEMES = ("javascript:", "vbscript:", "data:", "file:")
# Counters and web beacons: pictures from these hosts or paths carry no content.
TRACKER = re.compile(
    r"(google-analytics\.com|googletagmanager\.com|doubleclick\.net|facebook\.com/tr|stats\.wp\.com|"
    r"pixel\.wp\.com|statcounter\.com|histats\.com|/pixel\.(gif|png)|/beacon|/track(ing)?\.(gif|png)|"
    r"/counter\.(gif|png)|/blank\.gif|/spacer\.gif)",
    re.IGNORECASE,
)
_SPACE = re.compile(r"[\s\u00a0\u200b\ufeff]+")
_SHORTCODE_CAPTION = re.compile(r"\[caption[^\]]*\](.*?)\[/caption\]", re.DOTALL | re.IGNORECASE)
# WordPress's own shortcodes and the page builders' most common ones; other bracketed text stays.
_SHORTCODE = re.compile(
    r"\[/?(?:caption|wp_caption|gallery|embed|video|audio|playlist|vc_\w+|et_pb_\w+|fusion_\w+)\b[^\]]*\]"
)
_EMPTY_INLINE = re.compile(r"<(b|i|a)(?: [^>]*)?>(\s*)</\1>")
_SPACE_RUN = re.compile(r"  +")
_LEADING_SPACE = re.compile(r"^((?:<[a-z][^>]*>)*)\s+")
_TRAILING_SPACE = re.compile(r"\s+((?:</[a-z]+>)*)$")
_BLOCK_TAG = re.compile(r"<(p|div|h[1-6]|ul|ol|table|blockquote|figure|section|article)[\s>]", re.IGNORECASE)


class Resolver:
    """What the cleaner asks about a body's pictures and links. The importer supplies one."""

    def image(self, url, alt="", caption=""):
        """The Wagtail image for the picture at ``url``, or None when it cannot be had."""
        return None

    def document(self, url, text=""):
        """The Wagtail document for the file at ``url``, or None when it is not a known file."""
        return None

    def page(self, url):
        """The id of the imported page that was at ``url`` on the old site, or None."""
        return None


class Outcome:
    """Counts of what was dropped, for the import's report."""

    def __init__(self):
        self.dropped = {}

    def drop(self, what):
        self.dropped[what] = self.dropped.get(what, 0) + 1


def wpautop(text, shortcodes=True):
    """WordPress stores posts without <p>: blank lines separate paragraphs (its ``wpautop``).

    With ``shortcodes``, ``[caption]`` becomes a figure and the other shortcodes WordPress and its
    page builders leave ([embed], [vc_row]…) are dropped, as they mean nothing here; a WordPress
    export's reader has already turned each ``[gallery]`` it can resolve into gallery markup
    (``importer.sources.wxr``), and one it could not is dropped with the rest.
    """
    if shortcodes:
        text = _SHORTCODE_CAPTION.sub(_caption_figure, text)
        text = _SHORTCODE.sub("", text)
    if _BLOCK_TAG.search(text) and "\n\n" not in text.replace("\r\n", "\n"):
        return text
    chunks = re.split(r"\n\s*\n", text.replace("\r\n", "\n"))
    out = []
    for chunk in chunks:
        chunk = chunk.strip()
        if not chunk:
            continue
        if _BLOCK_TAG.match(chunk):
            out.append(chunk)
        else:
            out.append("<p>" + chunk.replace("\n", "<br>") + "</p>")
    return "\n".join(out)


def _caption_figure(match):
    inner = match.group(1)
    img = re.search(r"<img[^>]*>", inner, re.IGNORECASE)
    if not img:
        return inner
    link = re.search(r"<a[^>]*>\s*" + re.escape(img.group(0)) + r"\s*</a>", inner, re.IGNORECASE)
    figure_img = img.group(0)
    caption = inner.replace(link.group(0) if link else figure_img, "", 1).strip()
    return f"<figure>{figure_img}<figcaption>{caption}</figcaption></figure>"


def clean(html, resolver, base_url="", skip_image=None, outcome=None):
    """StreamField data ``[(block_type, value), …]`` for ``html``.

    ``skip_image`` is an image not to repeat in the body (the article's main photo).
    """
    builder = _Builder(resolver, base_url, skip_image, outcome or Outcome())
    soup = BeautifulSoup(html or "", "html.parser")
    builder.block(soup)
    builder.flush()
    return builder.blocks


def plain_text(html):
    """Text of an HTML fragment (an excerpt, a title), whitespace collapsed, NFC."""
    if not html:
        return ""
    if "<" not in html and "&" not in html:
        return nfc(_SPACE.sub(" ", html).strip())
    soup = BeautifulSoup(html, "html.parser")
    for tag in soup.find_all(DROP):
        tag.decompose()
    return nfc(_SPACE.sub(" ", soup.get_text(" ")).strip())


class _Builder:
    def __init__(self, resolver, base_url, skip_image, outcome):
        self.resolver = resolver
        self.base_url = base_url
        self.skip_image = skip_image
        self.outcome = outcome
        self.blocks = []
        self.rich = []  # block-level rich text elements not yet made a paragraph block
        self.inline = []  # inline HTML of the paragraph being read (text outside any <p>)
        self.open = []  # inline elements open around what is being read: [(tag, attributes)]

    # --- output ------------------------------------------------------------------------------

    def end_paragraph(self, tag="p"):
        closing = "".join(f"</{name}>" for name, _ in reversed(self.open))
        html = "".join(self.inline).strip() + closing
        # Bold, italic and links still open continue in the next paragraph.
        self.inline = [f"<{name}{attributes}>" for name, attributes in self.open]
        previous = None
        while previous != html:
            previous, html = html, _EMPTY_INLINE.sub("", html)
        html = _SPACE_RUN.sub(" ", html)
        html = _LEADING_SPACE.sub(r"\1", _TRAILING_SPACE.sub(r"\1", html))
        html = re.sub(r"^(<br/>\s*)+|(\s*<br/>)+$", "", html).strip()
        if html and _SPACE.sub("", re.sub(r"<[^>]+>", "", html)):
            self.rich.append(f"<{tag}>{html}</{tag}>")

    def flush(self):
        self.end_paragraph()
        if self.rich:
            self.blocks.append(("paragraph", RichText("".join(self.rich))))
            self.rich = []

    def add_block(self, block_type, value):
        self.flush()
        self.blocks.append((block_type, value))

    # --- block level -------------------------------------------------------------------------

    def block(self, node):
        for child in list(node.children):
            self.node(child)

    def node(self, child):
        if isinstance(child, (Comment, Declaration, Doctype, ProcessingInstruction)):
            return
        if isinstance(child, NavigableString):
            self.inline.append(self.text(child))
            return
        if not isinstance(child, Tag):
            return
        name = child.name.lower()
        if name in DROP:
            self.outcome.drop(name)
            return
        if name in HEADINGS:
            self.end_paragraph()
            self.inline_of(child)
            self.end_paragraph(HEADINGS[name])
        elif name == "p" or name == "pre" or name == "address":
            self.end_paragraph()
            self.inline_of(child)
            self.end_paragraph()
        elif name in ("ul", "ol"):
            self.end_paragraph()
            items = []
            for li in child.find_all("li"):
                for nested in li.find_all(["ul", "ol"]):
                    nested.extract()  # nested lists: each item once, at one level
                self.inline_of(li)
                self.end_paragraph("li")
                if self.rich and self.rich[-1].startswith("<li>"):
                    items.append(self.rich.pop())
            if items:
                self.rich.append(f"<{name}>{''.join(items)}</{name}>")
        elif name == "blockquote":
            self.end_paragraph()
            parts = child.find_all(["p", "div"]) or [child]
            for part in parts:
                self.inline_of(part)
                self.end_paragraph("blockquote")
        elif name == "table":
            self.table(child)
        elif _is_gallery(child):
            self.gallery(child)
        elif name == "figure" or (name == "div" and "wp-caption" in (child.get("class") or [])):
            self.figure(child)
        elif name == "img":
            self.image(child)
        elif name == "br":
            self.inline.append("<br/>")
        elif name == "hr":
            self.end_paragraph()
        elif name in BLOCKS:
            self.end_paragraph()
            self.block(child)
            self.end_paragraph()
        else:  # inline element outside a paragraph (span, b, a, font, o:p…)
            self.inline_of(child, wrap=True)

    def figure(self, node):
        images = node.find_all("img")
        if len(images) > 1:
            return self.gallery(node)
        caption_node = node.find(["figcaption"]) or node.find(class_="wp-caption-text")
        caption = plain_text(str(caption_node)) if caption_node else ""
        if not images:
            if caption_node:
                caption_node.extract()
            self.end_paragraph()
            self.block(node)
            self.end_paragraph()
            return
        self.image(images[0], caption=caption)

    def gallery(self, node):
        """A WordPress gallery (the [gallery] shortcode, a Gutenberg gallery, a theme's tiled one)
        or a figure of several pictures: one gallery block with each picture's caption."""
        self.end_paragraph()
        title_node = node.find(class_="blocks-gallery-caption") or node.find("figcaption", recursive=False)
        title = plain_text(str(title_node))[:255] if title_node else ""
        values = []
        for img in node.find_all("img"):
            caption = ""
            for container in img.parents:
                if container is node:
                    break
                if container.name in ("figure", "li", "dl") or "gallery-item" in (container.get("class") or []):
                    found = container.find(["figcaption", "dd"]) or container.find(
                        class_=["wp-caption-text", "gallery-caption"]
                    )
                    caption = plain_text(str(found)) if found else ""
                    break
            value = self.picture(img, caption)
            if value is not None:
                values.append(value)
        if len(values) == 1 and not title:
            self.add_block("image", values[0])
        elif values:
            self.add_block("gallery", {"title": title, "images": values})

    def image(self, img, caption=""):
        value = self.picture(img, caption)
        if value is None:
            return
        if self.skip_image is not None and value["image"].pk == self.skip_image.pk:
            self.skip_image = None  # the main photo, shown above the text already: once is enough
            return
        self.add_block("image", value)

    def picture(self, img, caption=""):
        """The image block value for ``img``, or None (a tracking pixel, a file that cannot be had)."""
        src = (img.get("src") or img.get("data-src") or "").strip()
        if not src or src.lower().startswith(UNSAFE_SCHEMES):
            self.outcome.drop("img")
            return None
        url = urljoin(self.base_url, src)
        if _is_pixel(img, url):
            self.outcome.drop("tracking pixel")
            return None
        alt = nfc(_SPACE.sub(" ", img.get("alt") or "").strip())[:255]
        caption = caption or nfc(_SPACE.sub(" ", img.get("title") or "").strip())
        image = self.resolver.image(url, alt=alt, caption=caption)
        if image is None:
            return None
        return {"image": image, "caption": caption[:500], "credit": "", "alt_text": alt}

    def table(self, node):
        rows = []
        for tr in node.find_all("tr"):
            if tr.find_parent("table") is not node:
                continue
            rows.append([plain_text(str(cell)) for cell in tr.find_all(["td", "th"], recursive=False)])
        width = max((len(row) for row in rows), default=0)
        if width <= 1 or len(rows) <= 1:  # a layout table (Word and old CMSs use them to place text)
            for cell in node.find_all(["td", "th"]):
                self.end_paragraph()
                self.block(cell)
                self.end_paragraph()
            return
        data = [row + [""] * (width - len(row)) for row in rows]
        header = bool(node.find("th")) or bool(node.find("thead"))
        self.add_block(
            "table",
            {"data": data, "first_row_is_table_header": header, "first_col_is_header": False, "table_caption": ""},
        )

    # --- inline level ------------------------------------------------------------------------

    def text(self, string):
        if isinstance(string, CData):
            string = str(string)
        return escape(nfc(_SPACE.sub(" ", str(string))), quote=False)

    def inline_of(self, node, wrap=False):
        """Write ``node``'s content (or ``node`` itself when ``wrap``) into the current paragraph.

        A picture inside ends the paragraph and becomes a block; bold, italic and links open
        around it are closed before and opened again after it.
        """
        for child in [node] if wrap else list(node.children):
            if isinstance(child, (Comment, Declaration, Doctype, ProcessingInstruction)):
                continue
            if isinstance(child, NavigableString):
                self.inline.append(self.text(child))
                continue
            if not isinstance(child, Tag):
                continue
            name = child.name.lower()
            if name in DROP:
                self.outcome.drop(name)
            elif name == "img":
                self.end_paragraph()
                self.image(child)
            elif _is_gallery(child):
                self.end_paragraph()
                self.gallery(child)
            elif name == "figure":
                self.end_paragraph()
                self.figure(child)
            elif name == "br":
                self.inline.append("<br/>")
            elif name in BOLD or name in ITALIC:
                self.wrapped("b" if name in BOLD else "i", "", child)
            elif name == "a":
                self.link(child)
            elif name in ("ul", "ol", "table", "blockquote", "p") or name in HEADINGS:
                self.node(child)
            else:
                # span, font, u, sup, o:p, st1:place…: the text stays, the markup goes
                if name in ("div", "li", "tr", "dd", "dt", "td", "th"):
                    self.inline.append(" ")
                self.inline_of(child)

    def wrapped(self, tag, attributes, node):
        self.open.append((tag, attributes))
        self.inline.append(f"<{tag}{attributes}>")
        self.inline_of(node)
        self.inline.append(f"</{tag}>")
        self.open.pop()

    def link(self, a):
        href = (a.get("href") or "").strip()
        if not href or href.startswith("#") or href.lower().startswith(UNSAFE_SCHEMES):
            return self.inline_of(a)
        if href.lower().startswith(("mailto:", "tel:")):
            return self.wrapped("a", f' href="{escape(href)}"', a)
        url = urljoin(self.base_url, href)
        if urlsplit(url).scheme not in ("http", "https"):
            return self.inline_of(a)
        page_id = self.resolver.page(url)
        if page_id is not None:
            return self.wrapped("a", f' linktype="page" id="{page_id}"', a)
        if extension(url) in DOCUMENT_EXTENSIONS:
            document = self.resolver.document(url, plain_text(str(a)))
            if document is not None:
                return self.wrapped("a", f' linktype="document" id="{document.pk}"', a)
        if extension(url) in ("jpg", "jpeg", "png", "gif", "webp"):
            return self.inline_of(a)  # a link to the picture's own file, which the picture block replaces
        return self.wrapped("a", f' href="{escape(url)}"', a)


def extension(url):
    path = urlsplit(url).path
    name = path.rsplit("/", 1)[-1]
    return name.rsplit(".", 1)[-1].lower() if "." in name else ""


_GALLERY_CLASSES = {"gallery", "wp-block-gallery", "tiled-gallery", "blocks-gallery-grid", "gallery-grid"}


def _is_gallery(tag):
    return tag.name in ("div", "figure", "ul", "section") and bool(_GALLERY_CLASSES & set(tag.get("class") or []))


def _is_pixel(img, url):
    if TRACKER.search(url):
        return True
    sizes = []
    for attr in ("width", "height"):
        value = re.match(r"\s*(\d+)", str(img.get(attr) or ""))
        if value:
            sizes.append(int(value.group(1)))
    style = img.get("style") or ""
    sizes += [int(v) for v in re.findall(r"(?:width|height)\s*:\s*(\d+)px", style)]
    if "display:none" in style.replace(" ", "").lower():
        return True
    return bool(sizes) and min(sizes) <= 2
