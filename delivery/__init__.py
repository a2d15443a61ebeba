"""Delivery: how published pages reach readers fast, and stay fresh.

The interface, all on Django's and Wagtail's public APIs:

- ``delivery.middleware.PageCacheMiddleware`` serves anonymous page views from the shared
  cache (Django's cache framework) and stores them (see its docstring for what is stored).
- ``delivery.signals`` moves the *publish generation* on publish, unpublish, move, delete and on
  saves of what every page shows (settings, snippets, images, sites, locales, restrictions), and
  purges a configured frontend cache (``wagtail.contrib.frontend_cache``).
- Templates cache fragments with Django's ``{% cache %}`` tag, keyed by ``{% fragment_cache as
  fc %}``: ``fc.generation`` for what changes with any publish (menus, footer, language links),
  ``fc.site`` for what is keyed by its own values (a card keyed by its title, date, picture).
- The publish generation itself, and ``remember(request, name, compute)`` (a value computed once
  per generation in each process: the newest articles' ids, a directory's rows), live in
  ``portal.generation``, which every app may use: content apps name what they show, they do
  not import this app.

A cache outage never breaks a page: the backend (``delivery.backends``) reads a miss and drops
writes while Redis cannot be reached, and without a generation nothing is served from a cache.
"""
