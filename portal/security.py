"""Security plumbing shared by the whole site: client addresses, rate limits, response headers,
log-in throttling (django-axes) and throttled password resets."""

import hashlib
import ipaddress
import time

from axes.backends import AxesStandaloneBackend
from csp.middleware import CSPMiddleware, PolicyParts
from django.conf import settings
from django.core.cache import cache
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


def client_ip(request):
    """The visitor's address: ``REMOTE_ADDR``, or the address the trusted proxies saw.

    ``PORTAL_TRUSTED_PROXY_COUNT`` (environment ``TRUSTED_PROXY_COUNT``) is the number of proxies
    in front of the app that append to ``X-Forwarded-For``; entries further left are written by
    the client and never trusted. Returns "" when no valid address is known.
    """
    address = _valid_ip(request.META.get("REMOTE_ADDR", ""))
    proxies = getattr(settings, "PORTAL_TRUSTED_PROXY_COUNT", 0)
    if proxies:
        forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
        if len(forwarded) >= proxies:
            address = _valid_ip(forwarded[-proxies]) or address
    return address


def _valid_ip(value):
    try:
        return str(ipaddress.ip_address(value.strip()))
    except ValueError:
        return ""


def rate_limit_exceeded(scope, identity, limit, window):
    """Count one hit for ``identity`` in ``scope``; True once more than ``limit`` hits fall in
    the current ``window`` seconds. Uses the shared cache, so it holds across app servers."""
    digest = hashlib.sha256(str(identity or "unknown").encode("utf-8")).hexdigest()[:32]
    key = f"portal:ratelimit:{scope}:{digest}:{int(time.time() // window)}"
    if cache.add(key, 1, window + 1):
        return 1 > limit
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add() and incr()
        cache.set(key, 1, window + 1)
        count = 1
    return count > limit


def too_many_requests(request, message=None, status=429):
    response = render(
        request,
        "portal/too_many_requests.html",
        {"message": message or _("Too many attempts. Please wait a few minutes and try again.")},
        status=status,
    )
    response["Retry-After"] = str(getattr(settings, "PORTAL_RETRY_AFTER_SECONDS", 900))
    return response


# --- Log-in throttling (django-axes) ---------------------------------------------------------


class AxesBackend(AxesStandaloneBackend):
    """django-axes' lock-out check, first in ``AUTHENTICATION_BACKENDS``.

    Every web log-in (Wagtail's admin log-in view is Django's ``LoginView``) passes the request and
    is throttled. ``authenticate()`` without a request (management commands, the test client's
    ``login()``) has no client to throttle and goes straight on to the next backend.
    """

    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is None:
            return None
        return super().authenticate(request, username=username, password=password, **kwargs)


def axes_lockout_response(request, original_response=None, credentials=None):
    return too_many_requests(
        request,
        _("Too many failed log-in attempts. Please wait %(minutes)s minutes and try again.")
        % {"minutes": getattr(settings, "PORTAL_LOGIN_COOLOFF_MINUTES", 15)},
    )


def axes_client_ip(request):
    return client_ip(request) or None


# --- Password reset throttling ---------------------------------------------------------------


class PasswordResetThrottleMiddleware:
    """Limits password-reset requests per client address and per e-mail address.

    The limited answer is the same whether or not an account has that address, so it reveals
    nothing; Wagtail's own reset view already answers identically for known and unknown addresses.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self._path = None

    def __call__(self, request):
        if request.method == "POST":
            if self._path is None:
                self._path = reverse("wagtailadmin_password_reset")
            if request.path_info == self._path and self._limited(request):
                return too_many_requests(request)
        return self.get_response(request)

    def _limited(self, request):
        limit = getattr(settings, "PORTAL_PASSWORD_RESET_LIMIT", 5)
        window = getattr(settings, "PORTAL_PASSWORD_RESET_WINDOW", 3600)
        by_ip = rate_limit_exceeded("password-reset-ip", client_ip(request), limit, window)
        email = (request.POST.get("email") or "").strip().lower()
        by_email = bool(email) and rate_limit_exceeded("password-reset-email", email, max(1, limit // 2), window)
        return by_ip or by_email


# --- Response headers ------------------------------------------------------------------------


class SecurityHeadersMiddleware(CSPMiddleware):
    """django-csp's middleware with two policies: the strict public one from
    ``CONTENT_SECURITY_POLICY`` and ``PORTAL_ADMIN_CSP_DIRECTIVES`` for the Wagtail admin (its
    widgets and wagtail-localize's editor use inline scripts and styles). Also sets the
    ``Permissions-Policy`` header."""

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if not report_only and parts.config is None and _is_admin(request):
            return PolicyParts(
                config=dict(settings.PORTAL_ADMIN_CSP_DIRECTIVES),
                update=parts.update,
                replace=parts.replace,
                nonce=parts.nonce,
            )
        return parts

    def process_response(self, request, response):
        response = super().process_response(request, response)
        policy = getattr(settings, "PORTAL_PERMISSIONS_POLICY", "")
        if policy and "Permissions-Policy" not in response:
            response["Permissions-Policy"] = policy
        return response


def _is_admin(request):
    prefixes = getattr(settings, "PORTAL_ADMIN_PATH_PREFIXES", ("/admin/",))
    return request.path_info.startswith(tuple(prefixes))


# --- Passwords -------------------------------------------------------------------------------


class MixedCharactersValidator:
    """A password mixes at least ``min_classes`` of: letters, digits, other characters
    (punctuation or spaces), so a long run of letters only ("qwertyuiopas") is refused."""

    def __init__(self, min_classes=2):
        self.min_classes = min_classes

    def validate(self, password, user=None):
        from django.core.exceptions import ValidationError

        classes = (
            any(ch.isalpha() for ch in password)
            + any(ch.isdigit() for ch in password)
            + any(not ch.isalnum() for ch in password)
        )
        if classes < self.min_classes:
            raise ValidationError(self.get_help_text(), code="password_too_simple")

    def get_help_text(self):
        return _("Your password must mix letters with digits or other characters (punctuation, spaces).")
