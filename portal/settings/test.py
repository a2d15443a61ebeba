from .base import *  # noqa: F403
from .base import env

DEBUG = False
SECRET_KEY = "test-only-key"
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "test"}}
CACHES.update(local_caches(env))  # noqa: F405
PORTAL_PAGE_CACHE = False  # tests/performance turns it on; other tests render every response
ALLOWED_HOSTS = ["*"]
WAGTAILADMIN_BASE_URL = "http://testserver"
MEDIA_ROOT = env("TEST_MEDIA_ROOT", "/tmp/portal-test-media")
PRIVATE_MEDIA_ROOT = env("TEST_PRIVATE_MEDIA_ROOT", f"{MEDIA_ROOT}-private")
STORAGES = {
    "default": {"BACKEND": "portal.private_images.MediaStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# The suite runs on PostgreSQL (scripts/test.sh starts a throwaway cluster and sets DATABASE_URL).
if DATABASES["default"]["ENGINE"] != "django.db.backends.postgresql":  # noqa: F405
    from django.core.exceptions import ImproperlyConfigured

    raise ImproperlyConfigured("Tests run on PostgreSQL: run `make test`, or set DATABASE_URL to a PostgreSQL server.")
DATABASES["default"]["CONN_MAX_AGE"] = 0  # noqa: F405
DATABASES["default"]["CONN_HEALTH_CHECKS"] = False  # noqa: F405
