"""``{% fragment_cache as fc %}``: what Django's ``{% cache %}`` tag needs to cache a fragment.

    {% load cache delivery_tags %}{% fragment_cache as fc %}
    {% cache fc.timeout "site-footer" fc.generation using=fc.cache %}…{% endcache %}
    {% cache fc.timeout "news-card" card_key fc.site using=fc.cache %}…{% endcache %}

``fc.generation`` holds the publish generation with the language and the site (scheme and host),
for fragments that change with any publish: menus, footer, language links. ``fc.site`` holds the
language and the site only, for fragments whose other key values say all they show (a card keyed
by its title, date and picture). ``fc.timeout`` is 0 (nothing stored) for a preview and while the
shared cache is unreachable, so a draft never lands in a cache.
"""

from dataclasses import dataclass

from django import template
from django.conf import settings
from django.utils.translation import get_language

from portal.generation import for_request

register = template.Library()


@dataclass(frozen=True)
class FragmentCache:
    timeout: int
    generation: str
    site: str
    cache: str


@register.simple_tag(takes_context=True)
def fragment_cache(context):
    request = context.get("request")
    alias = getattr(settings, "PORTAL_FRAGMENT_CACHE_ALIAS", "local")
    if request is None:
        return FragmentCache(0, "", "", alias)
    found = getattr(request, "fragment_cache", None)
    if found is None or found.site[: found.site.index("|")] != get_language():
        current = for_request(request)
        site = f"{get_language()}|{request.scheme}://{request.get_host()}"
        timeout = 0 if current is None else getattr(settings, "PORTAL_PAGE_CACHE_TIMEOUT", 600)
        found = request.fragment_cache = FragmentCache(timeout, f"{current}|{site}", site, alias)
    return found
