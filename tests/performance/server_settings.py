"""Settings of the app servers started by the two-server test: the test settings, with the shared
Redis cache, the page cache on, and a media directory both servers use."""

from portal.settings.test import *  # noqa: F403
from portal.settings.test import env

DEBUG = False
ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
CACHES = {
    "default": {
        "BACKEND": "delivery.backends.ResilientRedisCache",
        "LOCATION": env("REDIS_URL"),
        "KEY_PREFIX": env("CACHE_KEY_PREFIX", "portal-two-servers"),
        "OPTIONS": {"socket_connect_timeout": 0.25, "socket_timeout": 0.25},
    },
    **local_caches(env),  # noqa: F405
}
PORTAL_PAGE_CACHE = True
MEDIA_ROOT = env("MEDIA_ROOT")
DATABASES["default"]["CONN_MAX_AGE"] = 60  # noqa: F405
