"""Every admin route of wagtail-localize is classified (translation/routes.py), and the guarded
ones resolve to the portal's guard, not to wagtail-localize's view."""

from django.urls import URLPattern, URLResolver, get_resolver, resolve, reverse

from translation import localize_compat
from translation.routes import LOCALIZE_ROUTES, PAGE_ROUTES, SNIPPET_ROUTES

SAMPLE_ARGS = {
    "page_id": 1,
    "translation_source_id": 1,
    "translation_id": 1,
    "string_segment_id": 1,
    "overridable_segment_id": 1,
    "app_label": "news",
    "model_name": "topic",
    "pk": 1,
    "mode": "default",
}


def named_patterns(namespaces):
    """(full name, pattern) of every named URL in the given namespaces of the installed URLconf."""
    found = []

    def walk(resolver, namespace):
        for pattern in resolver.url_patterns:
            if isinstance(pattern, URLResolver):
                walk(
                    pattern, ":".join(filter(None, [namespace, pattern.namespace])) if pattern.namespace else namespace
                )
            elif isinstance(pattern, URLPattern) and pattern.name and namespace in namespaces:
                found.append((f"{namespace}:{pattern.name}", pattern))

    walk(get_resolver(), "")
    return found


def installed_names(namespaces):
    return {name for name, _pattern in named_patterns(namespaces)}


def test_every_wagtail_localize_route_is_classified():
    installed = installed_names({"wagtail_localize", "wagtaillocales"})
    assert installed, "wagtail-localize registers no admin URL: is it still installed?"
    unclassified = installed - set(LOCALIZE_ROUTES)
    assert not unclassified, f"classify these wagtail-localize routes in translation/routes.py: {sorted(unclassified)}"
    gone = set(LOCALIZE_ROUTES) - installed
    assert not gone, f"these routes no longer exist: {sorted(gone)}"


def test_every_page_admin_route_that_changes_the_live_site_is_listed():
    installed = installed_names({"wagtailadmin_pages"}) | {"wagtail_bulk_action"}
    assert set(PAGE_ROUTES) <= installed | installed_names({"wagtailadmin_api:pages"})
    # The admin API's page routes: only "action" changes anything.
    assert installed_names({"wagtailadmin_api:pages"}) == {
        "wagtailadmin_api:pages:listing",
        "wagtailadmin_api:pages:detail",
        "wagtailadmin_api:pages:find",
        "wagtailadmin_api:pages:action",
    }
    # Wagtail's page routes not in the table change nothing readers see (views, histories, choosers):
    # a new route that could (its name says so) must be added to the table.
    risky = {"publish", "unpublish", "move", "copy", "revert", "delete", "privacy", "alias", "position", "schedule"}
    unlisted = {name for name in installed - set(PAGE_ROUTES) if any(word in name for word in risky)}
    assert not unlisted, f"classify these page routes in translation/routes.py: {sorted(unlisted)}"


def test_guarded_routes_resolve_to_the_guards():
    guard_module = localize_compat.__name__
    for name, pattern in named_patterns({"wagtail_localize"}):
        route = LOCALIZE_ROUTES[name]
        kwargs = {key: SAMPLE_ARGS[key] for key in pattern.pattern.converters}
        match = resolve(reverse(name, kwargs=kwargs))
        if route.guarded:
            assert match.func.__module__ == guard_module, f"{name} is not shadowed by a guard"
        else:
            assert match.func.__module__ != guard_module and match.url_name == pattern.name, name


def test_every_route_of_the_reviewed_snippets_is_classified():
    """Each translatable snippet type with drafts has Wagtail's snippet routes: a new one fails here
    until it is classified in translation/routes.py."""
    from django.apps import apps
    from wagtail.models import DraftStateMixin, TranslatableMixin
    from wagtail.snippets.models import get_snippet_models

    reviewed = [
        model
        for model in get_snippet_models()
        if issubclass(model, DraftStateMixin) and issubclass(model, TranslatableMixin)
    ]
    assert apps.get_model("news", "Topic") in reviewed
    for model in reviewed:
        namespace = f"wagtailsnippets_{model._meta.app_label}_{model._meta.model_name}"
        installed = {name.split(":", 1)[1] for name in installed_names({namespace})}
        assert installed, namespace
        unclassified = installed - set(SNIPPET_ROUTES)
        assert not unclassified, f"classify these snippet routes in translation/routes.py: {sorted(unclassified)}"


def test_every_route_says_who_and_why():
    for name, route in {**LOCALIZE_ROUTES, **PAGE_ROUTES, **SNIPPET_ROUTES}.items():
        assert route.who and route.why, name
