from django.db import DatabaseError, connection
from django.http import HttpResponse, JsonResponse
from django.template import loader
from django.utils import translation
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET


@never_cache
@require_GET
def healthz(request):
    """200 while the database answers, 503 when it does not (for load balancers)."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        try:
            connection.close()
        except DatabaseError:
            pass
        return JsonResponse({"status": "unavailable", "database": "down"}, status=503)
    return JsonResponse({"status": "ok", "database": "up"})


@require_GET
def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /vi/search/",
        "Disallow: /en/search/",
        f"Sitemap: {request.build_absolute_uri('/sitemap.xml')}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


def bench_trivial(request):
    """The benchmark's baseline: the full middleware stack, no database, no template.
    Routed only when PORTAL_BENCH is on (bench/run.py)."""
    return HttpResponse("ok\n", content_type="text/plain; charset=utf-8")


def sitemap(request):
    """Every live page of both languages with hreflang alternates (portal/sitemaps.py)."""
    from portal.sitemaps import sitemap_response

    return sitemap_response(request)


def _language_from_path(request):
    code = request.path.lstrip("/").split("/", 1)[0]
    return code if code in ("vi", "en") else translation.get_language() or "vi"


def page_not_found(request, exception=None):
    if request.path.startswith("/api/"):
        return JsonResponse({"message": "Not found."}, status=404)
    with translation.override(_language_from_path(request)):
        body = loader.render_to_string("404.html", {"request_path": request.path}, request)
    return HttpResponse(body, status=404)


def server_error(request):
    """Rendered without the database or context processors: it must work when PostgreSQL is down.

    A database outage answers 503 with ``Retry-After`` (load balancers and crawlers retry later)."""
    import sys

    database_down = isinstance(sys.exc_info()[1], DatabaseError)
    if request.path.startswith("/api/"):
        response = JsonResponse({"message": "Server error."}, status=503 if database_down else 500)
        if database_down:
            response["Retry-After"] = "30"
        return response
    with translation.override(_language_from_path(request)):
        body = loader.get_template("500.html").render({"LANGUAGE_CODE": translation.get_language()})
    if database_down:
        response = HttpResponse(body, status=503)
        response["Retry-After"] = "30"
        return response
    return HttpResponse(body, status=500)


def sitemap_page(request):
    """The site map for people (``/vi/so-do-trang/``, ``/en/sitemap/``): the sections of the current
    language's site and their sub-pages, the news feeds, and the sitemap for search engines.

    Under each section it lists the pages that have pages of their own (news sections) or are
    of the section's own kind (sub-pages of "About"), not every article, partner or project."""
    from django.shortcuts import render

    from portal.i18n import home_for_language, only_public

    home = home_for_language(translation.get_language(), request)
    tree = []
    if home is not None:
        pages = only_public(home.get_descendants().live().filter(depth__lte=home.depth + 2).order_by("path"), request)
        top = [p for p in pages if p.depth == home.depth + 1]
        for parent in top:
            children = [
                p
                for p in pages
                if p.path.startswith(parent.path)
                and p.depth == parent.depth + 1
                and (p.numchild > 0 or p.content_type_id == parent.content_type_id)
            ]
            tree.append((parent, children))
    return render(request, "portal/sitemap_page.html", {"home": home, "tree": tree})
