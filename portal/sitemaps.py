"""``/sitemap.xml``: every live, public page of every language, with hreflang alternates.

Wagtail's own sitemap lists one language tree; this one lists all of them and links each page to
its live translations (``xhtml:link rel="alternate" hreflang=…``), as search engines expect.
"""

from collections import defaultdict
from functools import reduce
from operator import or_

from django.db.models import Q
from django.http import HttpResponse
from django.utils.xmlutils import SimplerXMLGenerator
from wagtail.models import Page

from portal.i18n import homes, only_public, with_x_default

SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
XHTML_NS = "http://www.w3.org/1999/xhtml"


def sitemap_pages(request):
    """Live, public pages under every language's home page, in tree order."""
    roots = list(homes(request).values())
    if not roots:
        return []
    within = reduce(or_, (Q(path__startswith=root.path) for root in roots))
    pages = Page.objects.live().filter(within).select_related("locale").order_by("path")
    return only_public(pages, request)


def sitemap_entries(request):
    """``[(url, lastmod, [(language, url)…])]``; alternates only when a page has a live translation."""
    pages = sitemap_pages(request)
    urls = {page.pk: page.get_full_url(request) for page in pages}
    translations = defaultdict(list)
    for page in pages:
        translations[page.translation_key].append(page)
    entries = []
    for page in pages:
        url = urls[page.pk]
        if not url:
            continue
        siblings = translations[page.translation_key]
        alternates = []
        if len(siblings) > 1:
            alternates = with_x_default([(p.locale.language_code, urls[p.pk]) for p in siblings if urls[p.pk]])
        entries.append((url, page.last_published_at, alternates))
    return entries


def sitemap_response(request):
    response = HttpResponse(content_type="application/xml; charset=utf-8")
    xml = SimplerXMLGenerator(response, "utf-8")
    xml.startDocument()
    xml.startElement("urlset", {"xmlns": SITEMAP_NS, "xmlns:xhtml": XHTML_NS})
    for url, lastmod, alternates in sitemap_entries(request):
        xml.startElement("url", {})
        xml.addQuickElement("loc", url)
        if lastmod:
            xml.addQuickElement("lastmod", lastmod.date().isoformat())
        for language, href in alternates:
            xml.addQuickElement("xhtml:link", attrs={"rel": "alternate", "hreflang": language, "href": href})
        xml.endElement("url")
    xml.endElement("urlset")
    xml.endDocument()
    return response
