"""``{% fragment_cache as fc %}``: the keys of Django's ``{% cache %}`` tag.

    {% cache fc.timeout "site-footer" fc.generation using=fc.cache %}…{% endcache %}

``fc.generation``: the publish generation, language and site (scheme, host), for what changes
with any publish (menus, footer). ``fc.site``: language and site only, for fragments whose other
key values say all they show (a card keyed by its title, date, picture). ``fc.timeout`` is 0
(nothing stored) for a preview and while the shared cache is unreachable.
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
