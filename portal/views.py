from django.db import DatabaseError, connection
from django.http import HttpResponse, JsonResponse
from django.template import loader
from django.utils import translation
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET
from wagtail.contrib.sitemaps.views import sitemap as wagtail_sitemap


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


def sitemap(request):
    return wagtail_sitemap(request)


def _language_from_path(request):
    code = request.path.lstrip("/").split("/", 1)[0]
    return code if code in ("vi", "en") else translation.get_language() or "vi"


def page_not_found(request, exception=None):
    with translation.override(_language_from_path(request)):
        body = loader.render_to_string("404.html", {"request_path": request.path}, request)
    return HttpResponse(body, status=404)


def server_error(request):
    """Rendered without the database or context processors: it must work when PostgreSQL is down."""
    with translation.override(_language_from_path(request)):
        body = loader.get_template("500.html").render({"LANGUAGE_CODE": translation.get_language()})
    return HttpResponse(body, status=500)
