"""Delivery: how published pages reach readers fast, and stay fresh, on public APIs only.

- ``middleware.PageCacheMiddleware``: anonymous page views served from the shared cache.
- ``signals``: what moves the publish generation (``portal.generation``), and CDN purges.
- ``{% fragment_cache as fc %}`` (``delivery_tags``): the keys of Django's ``{% cache %}`` tag.
- ``backends.ResilientRedisCache``: Redis being away never breaks a page.

Content apps name what they show (``portal.generation.remember``, fragment keys); they do not
import this app.
"""
