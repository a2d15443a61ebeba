from .base import *  # noqa: F403
from .base import env, env_bool

DEBUG = env_bool("DEBUG", True)
# `make demo` serves as production does (DEBUG off unless DEBUG=1): the portal's own error pages,
# static files collected, hashed and compressed, served by WhiteNoise; media files by Django.
PORTAL_SERVE_MEDIA = True
if not DEBUG:
    STORAGES = {
        **STORAGES,  # noqa: F405
        "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
    }
SECRET_KEY = env("SECRET_KEY", "dev-only-insecure-key-do-not-use-in-production")
EMAIL_BACKEND = env("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
# Links in the admin's e-mails lead to the port the demo is served at (`PORT=8123 make demo`).
WAGTAILADMIN_BASE_URL = env("WAGTAILADMIN_BASE_URL", f"http://127.0.0.1:{env('PORT', '8000')}")
