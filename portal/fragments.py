"""Rendered fragments memoised by what they show.

A card in a listing (a news card, a partner's card) is a pure function of a handful of values:
its link, its title, its date, its picture… ``{% fragment "name" key %}…{% endfragment %}`` keeps
the HTML of its body in this process under those values (and the language and host of the
request), so a card is rendered once and then reused by every listing that shows it, across
publishes: nothing needs invalidating, since a card whose values change gets a key of its own.

The key must hold every value the fragment shows (see ``news_card_key`` and
``partner_card_key``), and the fragment must not depend on anything else: not on the user, the
CSRF token or a CSP nonce. ``PORTAL_FRAGMENT_MEMO_SIZE`` bounds the number of fragments kept in
each process (least recently used first out); 0 turns the memo off.

A picture is part of the key by its file and focal point (``image_signature``): a new file or
focal point makes new renditions and a new key. Purging renditions by hand
(``wagtail_update_image_renditions --purge-only``) calls for a restart of the workers, as the
renditions cache kept in each process (``CACHES["renditions"]``) does.
"""

import hashlib

from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from portal.memo import Memo

_MEMO = Memo("PORTAL_FRAGMENT_MEMO_SIZE", 4096)


def fragment_key(name, values, request=None):
    """A short key for ``values`` as shown to ``request``'s host and scheme, in the current language."""
    where = (request.scheme, request.get_host()) if request is not None else ("", "")
    text = repr((name, get_language(), where, values))
    return hashlib.sha1(text.encode("utf-8"), usedforsecurity=False).hexdigest()


def render_fragment(key, render):
    """The HTML kept for ``key``, or ``render()``'s, kept for next time."""
    if _MEMO.size() <= 0:
        return render()
    html = _MEMO.get(key)
    if html is None:
        html = mark_safe(render())
        _MEMO.put(key, html)
    return html


def forget_fragments():
    _MEMO.clear()


def image_signature(image):
    """What a picture's renditions are made from: another file or focal point, another key."""
    if image is None:
        return None
    return (
        image.pk,
        image.file.name,
        image.width,
        image.height,
        image.focal_point_x,
        image.focal_point_y,
        image.focal_point_width,
        image.focal_point_height,
    )
