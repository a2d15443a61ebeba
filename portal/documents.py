"""Document URLs: Wagtail's own serve view, with text documents declared as UTF-8.

Wagtail serves a ``.txt`` or ``.csv`` document as ``text/plain`` / ``text/csv`` without a charset,
and browsers then read Vietnamese text in a legacy encoding (mojibake). Uploads of those types are
checked to be UTF-8 (portal.uploads), so the response says so.
"""

from django.urls import path, re_path
from wagtail.documents.views import serve as wagtail_serve

TEXT_TYPES = ("text/plain", "text/csv")


def serve(request, document_id, document_filename):
    response = wagtail_serve.serve(request, document_id, document_filename)
    content_type = response.get("Content-Type", "")
    if content_type.split(";")[0].strip().lower() in TEXT_TYPES and "charset" not in content_type.lower():
        response["Content-Type"] = f"{content_type}; charset=utf-8"
    return response


# The same URL names as wagtail.documents.urls (document.url reverses "wagtaildocs_serve").
urlpatterns = [
    re_path(r"^(\d+)/(.*)$", serve, name="wagtaildocs_serve"),
    path(
        "authenticate_with_password/<int:restriction_id>/",
        wagtail_serve.authenticate_with_password,
        name="wagtaildocs_authenticate_with_password",
    ),
]
