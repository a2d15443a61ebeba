"""Read-only Wagtail API v2 at /api/v2/."""

from django.apps import apps
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet

api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", PagesAPIViewSet)


def typed_pages_endpoint(name, model_label):
    """A pages endpoint limited to one page type (``?locale=en`` filters it by language, as on
    ``pages``), or None when that app is not installed. ``?fields=*`` lists every API field."""
    try:
        model = apps.get_model(model_label)
    except LookupError:
        return None
    return type(f"{model.__name__}APIViewSet", (PagesAPIViewSet,), {"model": model, "name": name})


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
api_router.register_endpoint("images", ImagesAPIViewSet)
api_router.register_endpoint("documents", DocumentsAPIViewSet)
