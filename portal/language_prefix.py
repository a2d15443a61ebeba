"""Django's LocaleMiddleware, except that it leaves alone the answers of views routed outside the
language prefixes.

Django answers a 404 without a language prefix by redirecting to the same path under ``/vi/``
whenever that path resolves, and under ``/vi/`` Wagtail serves every path. So a JSON 404 of the
API (``/api/v2/pages/99999/``) or of the documents view became a 302 to an HTML "page not found".
A view that was routed (``request.resolver_match`` is set) and answered 404 meant it: its answer
stands. Unrouted paths (``/tin-tuc/``) still get the language prefix.
"""

from django.middleware.locale import LocaleMiddleware
from django.utils.cache import patch_vary_headers
from django.utils.translation import get_language, get_language_from_path


class LanguagePrefixMiddleware(LocaleMiddleware):
    def process_response(self, request, response):
        if (
            response.status_code == 404
            and getattr(request, "resolver_match", None) is not None
            and not get_language_from_path(request.path_info)
        ):
            patch_vary_headers(response, ("Accept-Language",))
            response.headers.setdefault("Content-Language", get_language())
            return response
        return super().process_response(request, response)
