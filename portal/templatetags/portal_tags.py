"""Template tags for the site chrome: language switcher, hreflang, navigation, dates."""

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils.html import format_html_join
from django.utils.translation import get_language
from wagtail.images import get_image_model
from wagtail.models import Site

from portal.cache import chrome, request_generation
from portal.fragments import fragment_key, render_fragment
from portal.i18n import home_for_language, live_translations, menu_pages, with_x_default
from portal.images import shared_filter
from portal.models import OrganizationSettings
from portal.routing import find_site
from portal.text import format_date

register = template.Library()

LOGO_FILTER = "height-64"  # as in templates/includes/header.html


@register.filter
def vn_date(value, language=None):
    """A date in the current language's style: 20/09/2022 or 20 September 2022."""
    return format_date(value, language)


@register.simple_tag(takes_context=True)
def organization(context):
    """The organization's identity in the current language (cached on the request)."""
    request = context.get("request")
    cache = getattr(request, "_portal_org", None) if request else None
    if cache is None:
        if request is not None:
            site = find_site(request)
            org = chrome(request, f"organization:{site.pk if site else 0}", lambda: _load_organization(request))
        else:
            site = Site.objects.filter(is_default_site=True).first()
            org = OrganizationSettings.for_site(site) if site else OrganizationSettings()
        cache = {"obj": org, **org.localized()}
        if request is not None:
            request._portal_org = cache
    return cache


@register.simple_tag(takes_context=True)
def language_links(context, page=None):
    """One link per language: the live translation of the page, or that language's home.

    Returns dicts with ``code``, ``name``, ``url``, ``current`` and ``translated``.
    """
    request = context.get("request")
    current = get_language()
    if not getattr(page, "pk", None):  # a view that is not a page (search) has no ``page``
        page = None
    # A view with filters or a sub-route (``?topic=``, ``seeking-funding/``) gives the same view in
    # the other languages in ``alternate_urls`` ({language: path}).
    alternates = context.get("alternate_urls") or {}
    translations = live_translations(page, request) if page is not None else {}
    links = []
    for code, name in settings.LANGUAGES:
        link = {"code": code, "name": name, "current": code == current, "translated": True}
        if code in alternates:
            link["url"] = alternates[code]
        elif page is not None:
            if code in translations:
                link["url"] = translations[code].get_url(request)
            else:
                home = home_for_language(code, request)
                link["url"] = (home.get_url(request) if home else f"/{code}/") + "?untranslated=1"
                link["translated"] = False
        else:
            link["url"] = translate_url(request.get_full_path(), code) if request else f"/{code}/"
        links.append(link)
    return links


@register.simple_tag(takes_context=True)
def hreflang_links(context, page):
    """``(language, absolute URL)`` for every live translation of ``page``, itself included, then
    ``x-default`` (the Vietnamese original) when there is more than one language."""
    request = context.get("request")
    alternates = context.get("alternate_urls")
    if alternates:
        links = [(code, request.build_absolute_uri(url)) for code, url in alternates.items()]
    else:
        links = [(code, p.get_full_url(request)) for code, p in live_translations(page, request).items()]
    return with_x_default(links)


@register.simple_tag(takes_context=True)
def main_menu(context):
    """The current language's home page children shown in menus."""
    return menu_pages(get_language(), context.get("request"))


@register.simple_tag(takes_context=True)
def current_home(context):
    return home_for_language(get_language(), context.get("request"))


def _load_organization(request):
    """The settings with the header's logo rendition prefetched, fit for the shared cache."""
    org = OrganizationSettings.for_request(request)
    if org.logo_id:
        logo = get_image_model().objects.filter(pk=org.logo_id).first()
        if logo is not None:
            logo.get_rendition(shared_filter(LOGO_FILTER))  # created once, then prefetched below
            org.logo = get_image_model().objects.filter(pk=logo.pk).prefetch_renditions(LOGO_FILTER).first()
    return org


@register.simple_tag(takes_context=True)
def breadcrumbs(context, page):
    """Ancestors below the language's home page, ending with the page itself."""
    if page is None or page.depth <= 2:
        return []
    request = context.get("request")
    chain = getattr(request, "_portal_route_chain", None)
    if chain and chain[-1].pk == page.pk and chain[0].depth == 2:
        # The pages the router already fetched for this URL (portal.routing).
        return [p for p in chain[:-1] if p.live] + [page]
    ancestors = chrome(request, f"ancestors:{page.pk}", lambda: list(page.get_ancestors().filter(depth__gt=1).live()))
    return ancestors + [page]


def _parse_fragment(parser, token, node_class, least_values):
    bits = token.split_contents()
    if len(bits) < 2 + least_values:
        raise template.TemplateSyntaxError(f"'{bits[0]}' takes a name and at least {least_values} value(s)")
    nodelist = parser.parse((f"end{bits[0]}",))
    parser.delete_first_token()
    return node_class(nodelist, parser.compile_filter(bits[1]), [parser.compile_filter(bit) for bit in bits[2:]])


@register.tag("fragment")
def do_fragment(parser, token):
    """``{% fragment "name" key %}…{% endfragment %}``: the body rendered once per key (portal.fragments)."""
    return _parse_fragment(parser, token, FragmentNode, 1)


class FragmentNode(template.Node):
    def __init__(self, nodelist, name, values):
        self.nodelist, self.name, self.values = nodelist, name, values

    def render(self, context):
        values = tuple(value.resolve(context) for value in self.values)
        key = fragment_key(self.name.resolve(context), values, context.get("request"))
        return render_fragment(key, lambda: self.nodelist.render(context))


@register.simple_tag
def select_options(choices, selected=None, value=None, label=None):
    """The ``<option>`` elements of a filter's ``<select>``, the ``selected`` value marked.

    ``choices`` are ``(value, label)`` pairs, plain strings (value and label alike) or objects
    whose ``value`` and ``label`` attributes are named. Built here rather than by a template loop:
    a directory's hundred countries cost 3.8 ms through ``{% for %}``, a tenth of that here.
    """
    chosen = "" if selected is None else str(selected)
    options = []
    for choice in choices:
        if value is not None:
            option, text = getattr(choice, value), getattr(choice, label or value)
        elif isinstance(choice, (tuple, list)):
            option, text = choice
        else:
            option = text = choice
        option = str(option)
        options.append((option, " selected" if chosen and option == chosen else "", text))
    return format_html_join("", '<option value="{}"{}>{}</option>', options)


@register.tag("chromefragment")
def do_chromefragment(parser, token):
    """``{% chromefragment "name" value… %}…{% endchromefragment %}``: the body rendered once per
    chrome generation (it moves on every publish, settings or menu change) and values."""
    return _parse_fragment(parser, token, ChromeFragmentNode, 0)


class ChromeFragmentNode(FragmentNode):
    def render(self, context):
        request = context.get("request")
        generation = request_generation(request) if request is not None else None
        if generation is None or getattr(request, "is_preview", False):
            return self.nodelist.render(context)  # no shared generation to tell when it goes stale
        values = (generation, *(value.resolve(context) for value in self.values))
        key = fragment_key(self.name.resolve(context), values, request)
        return render_fragment(key, lambda: self.nodelist.render(context))


@register.simple_tag
def menu_state(page, home, items):
    """Which item of the main menu is the page (``"page"``) or holds it (``"true"``): the key of
    the menu's fragment, worked out as includes/header.html marks ``aria-current``."""
    if page is None or not getattr(page, "pk", None):
        return ()
    if home is not None and page.pk == home.pk:
        return ("home",)
    for item in items:
        if page.pk == item.pk:
            return ("page", item.pk)
        if page.path[:12] == item.path:  # the template's page.path|slice:":12"
            return ("true", item.pk)
    return ()
