from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from django.utils.translation import gettext_lazy as _
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls

from portal import private_images, views
from portal.api import api_index, api_not_found, api_router
from search import views as search_views

urlpatterns = [
    path("admin/", include("editorial.report_exports")),  # Wagtail's reports, exported safely
    path("admin/", include("editorial.chooser_urls")),  # the page chooser: live titles of others' pages
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include("portal.documents")),  # Wagtail's serve view, text as UTF-8
    path("private-media/<path:name>", private_images.serve, name="private_image"),  # restricted collections
    path("healthz/", views.healthz, name="healthz"),
    path("robots.txt", views.robots_txt, name="robots_txt"),
    path("sitemap.xml", views.sitemap, name="sitemap"),
    path("api/v2/", api_index, name="api_index"),
    path("api/v2/", api_router.urls),
    re_path(r"^api/(?P<path>.*)$", api_not_found),
    path("i18n/", include("django.conf.urls.i18n")),
]

if settings.PORTAL_BENCH:
    urlpatterns.append(path("bench/trivial/", views.bench_trivial, name="bench_trivial"))

if (settings.DEBUG or settings.PORTAL_SERVE_MEDIA) and settings.MEDIA_URL.startswith("/"):
    from django.views.static import serve

    urlpatterns.append(
        re_path(rf"^{settings.MEDIA_URL.strip('/')}/(?P<path>.*)$", serve, {"document_root": settings.MEDIA_ROOT})
    )

urlpatterns += i18n_patterns(
    path("search/", search_views.search, name="search"),
    path(_("sitemap/"), views.sitemap_page, name="sitemap_page"),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)

handler404 = "portal.views.page_not_found"
handler500 = "portal.views.server_error"
