"""Response headers, the production deployment check and the error pages."""

import os
import re
import subprocess
import sys
from unittest import mock

import pytest
from django.conf import settings
from django.db import OperationalError
from django.test import Client
from wagtail.models import Page

pytestmark = pytest.mark.django_db

PUBLIC_PATHS = [
    "/vi/",
    "/en/",
    "/vi/gioi-thieu/",
    "/en/about/",
    "/vi/lien-he/",
    "/en/contact/",
    "/vi/search/?q=hữu+nghị",
]


def directives(header):
    return {part.split()[0]: part.split()[1:] for part in header.split(";") if part.strip()}


@pytest.mark.parametrize("path", PUBLIC_PATHS)
def test_public_pages_send_strict_security_headers(client, path):
    response = client.get(path)
    assert response.status_code == 200
    csp = directives(response["Content-Security-Policy"])
    assert csp["default-src"] == ["'self'"]
    assert csp["script-src"] == ["'self'"]
    assert csp["style-src"] == ["'self'"]
    assert csp["object-src"] == ["'none'"]
    assert csp["frame-ancestors"] == ["'none'"]
    assert csp["base-uri"] == ["'self'"] and csp["form-action"] == ["'self'"]
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["X-Frame-Options"] == "DENY"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    assert "camera=()" in response["Permissions-Policy"] and "geolocation=()" in response["Permissions-Policy"]


def test_admin_gets_the_admin_policy(user_client):
    response = user_client("admin").get("/admin/")
    assert response.status_code == 200
    csp = directives(response["Content-Security-Policy"])
    assert "'unsafe-inline'" in csp["script-src"] and "'self'" in csp["script-src"]
    assert csp["object-src"] == ["'none'"]
    assert csp["frame-ancestors"] == ["'self'"]  # previews are framed by the admin itself


INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*type=\"application/(?:ld\+)?json\")[^>]*>", re.I)
INLINE_STYLE = re.compile(r"<style\b|\sstyle=\"|\son[a-z]+=\"", re.I)


def public_sample_paths():
    """Fixed pages plus one live page of every page type the site has (news, partners…)."""
    paths = list(PUBLIC_PATHS) + ["/vi/khong-co-trang-nay/"]
    seen = set()
    for page in Page.objects.live().filter(depth__gte=2).select_related("content_type").order_by("path"):
        if page.content_type_id in seen:
            continue
        seen.add(page.content_type_id)
        url = page.specific.url
        if url:
            paths.append(url)
    return paths


def test_public_pages_need_no_inline_script_or_style(client):
    """Public pages work under ``script-src 'self'; style-src 'self'``: no inline code at all."""
    for path in public_sample_paths():
        response = client.get(path)
        assert response.status_code in (200, 404), path
        html = response.content.decode()
        assert not INLINE_SCRIPT.search(html), (path, INLINE_SCRIPT.search(html).group(0))
        match = INLINE_STYLE.search(html)
        assert not match, (path, html[max(0, match.start() - 80) : match.end() + 80])


def test_public_pages_load_only_self_hosted_assets(client):
    external = re.compile(r"<(?:script|link|img)[^>]+(?:src|href)=\"(?:https?:)?//(?!127\.0\.0\.1|testserver)", re.I)
    for path in public_sample_paths():
        html = client.get(path).content.decode()
        assert not external.search(html), (path, external.search(html).group(0))


def test_production_settings_pass_the_deployment_check():
    env = {
        **{k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"},  # set by the browser tests
        "SECRET_KEY": "ci-" + "k7Qz9xW2" * 8,
        "ALLOWED_HOSTS": "portal.example.org",
        "DJANGO_SETTINGS_MODULE": "portal.settings.production",
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_settings_refuse_to_start_without_a_secret_key():
    env = {k: v for k, v in os.environ.items() if k != "SECRET_KEY"}
    env["DJANGO_SETTINGS_MODULE"] = "portal.settings.production"
    result = subprocess.run(
        [sys.executable, "manage.py", "check"],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


def failing_execute(*args, **kwargs):
    raise OperationalError("could not connect to server: Connection refused")


@pytest.mark.parametrize(
    ("path", "language", "text"),
    [
        ("/en/about/", "en", "Service temporarily unavailable"),
        ("/vi/gioi-thieu/", "vi", "Dịch vụ tạm thời gián đoạn"),
    ],
)
def test_error_page_renders_in_the_visitors_language_with_the_database_down(path, language, text):
    client = Client(raise_request_exception=False)
    with (
        mock.patch("django.db.backends.utils.CursorWrapper.execute", failing_execute),
        mock.patch("django.db.backends.utils.CursorWrapper.executemany", failing_execute),
    ):
        response = client.get(path)
    assert response.status_code == 503  # a database outage: retry later
    assert response["Retry-After"]
    assert f'<html lang="{language}">' in response.text
    assert text in response.text
    assert "Traceback" not in response.text and "OperationalError" not in response.text


def test_other_errors_give_the_500_page_in_the_visitors_language(rf, django_assert_num_queries):
    from portal.views import server_error

    with django_assert_num_queries(0):
        response = server_error(rf.get("/en/anything/"))
    assert response.status_code == 500
    assert '<html lang="en">' in response.content.decode()
