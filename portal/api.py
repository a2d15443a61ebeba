"""Read-only Wagtail API v2 at /api/v2/."""

from django.apps import apps
from django.conf import settings
from django.http import JsonResponse
from django.urls import reverse
from wagtail.api.v2.filters import LocaleFilter
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet

from portal.api_images import restricted_collections
from portal.private_images import public_images_q


class KnownLocaleFilter(LocaleFilter):
    """``?locale=fr`` is a bad request (400, naming the languages), not "no Locale matches" (404)."""

    def filter_queryset(self, request, queryset, view):
        code = request.GET.get("locale")
        languages = [code for code, _name in settings.LANGUAGES]
        if code is not None and code not in languages:
            raise BadRequestError(f"locale must be one of: {', '.join(languages)}")
        return super().filter_queryset(request, queryset, view)


class PublicImagesAPIViewSet(ImagesAPIViewSet):
    """``/api/v2/images/``: pictures of public collections only, whoever asks (Wagtail's own lets
    those a collection's restriction admits see its pictures; the API is for the public)."""

    def get_queryset(self):
        return (
            super()
            .get_queryset()
            .filter(public_images_q())
            .exclude(collection__in=restricted_collections().values("pk"))
        )


class PortalPagesAPIViewSet(PagesAPIViewSet):
    filter_backends = [KnownLocaleFilter if f is LocaleFilter else f for f in PagesAPIViewSet.filter_backends]


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", PortalPagesAPIViewSet)
# What /api/v2/ lists: each endpoint and what it serves.
ENDPOINTS = {"pages": "every live public page (?type=app.Model, ?locale=vi|en)"}


def typed_pages_endpoint(name, model_label):
    """A pages endpoint limited to one page type (``?locale=en`` filters it by language, as on
    ``pages``), or None when that app is not installed. ``?fields=*`` lists every API field."""
    try:
        model = apps.get_model(model_label)
    except LookupError:
        return None
    return type(f"{model.__name__}APIViewSet", (PortalPagesAPIViewSet,), {"model": model, "name": name})


# Typed endpoints: /api/v2/news/, /partners/, /projects/, /directives/. The generic endpoint does the
# same with ?type=news.NewsPage (or foreign_relations.PartnerPage…).
for _name, _label in [
    ("news", "news.NewsPage"),
    ("partners", "foreign_relations.PartnerPage"),
    ("projects", "foreign_relations.AidProjectPage"),
    ("directives", "foreign_relations.DirectivePage"),
    ("events", "events.EventPage"),
    ("albums", "galleries.AlbumPage"),
    ("videos", "galleries.VideoPage"),
    ("associations", "members.MemberPage"),
]:
    _viewset = typed_pages_endpoint(_name, _label)
    if _viewset is not None:
        api_router.register_endpoint(_name, _viewset)
        ENDPOINTS[_name] = f"{_label} pages (?locale=vi|en, ?fields=*)"
api_router.register_endpoint("images", PublicImagesAPIViewSet)  # public collections only
api_router.register_endpoint("documents", DocumentsAPIViewSet)
ENDPOINTS.update(images="images", documents="documents")


def api_error(message, status):
    return JsonResponse({"message": message}, status=status)


def api_index(request):
    """/api/v2/: the endpoints, with their absolute URLs."""
    if request.method not in ("GET", "HEAD"):
        response = api_error(f"Method {request.method} not allowed.", 405)
        response["Allow"] = "GET, HEAD"
        return response
    return JsonResponse(
        {
            "endpoints": {
                name: {
                    "url": request.build_absolute_uri(reverse(f"wagtailapi:{name}:listing")),
                    "content": content,
                }
                for name, content in ENDPOINTS.items()
            }
        },
        json_dumps_params={"ensure_ascii": False},
    )


def api_not_found(request, path=""):
    """Any other path under /api/: a JSON 404, never the HTML page of the site."""
    return api_error("Not found: no API endpoint at this address. The endpoints are listed at /api/v2/.", 404)
