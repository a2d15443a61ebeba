"""Settings shared by every environment. Every deployment value comes from the environment."""

import os
from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env(name, default=None):
    return os.environ.get(name, default)


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def local_caches(env):
    """The cache kept in each process (Django's local-memory cache; ``FRAGMENT_CACHE=false``: none).

    ``local``: rendered fragments and remembered values (the ``delivery`` app), keyed by the publish
    generation read from the shared cache, so a publish on any server makes them stale at once.
    Wagtail's image renditions use the default cache (a process-local cache of their own bought
    under 10 % on every page in ``make bench``).
    """
    dummy = "django.core.cache.backends.dummy.DummyCache"
    locmem = "django.core.cache.backends.locmem.LocMemCache"
    return {
        "local": {
            "BACKEND": locmem if env_bool("FRAGMENT_CACHE", True) else dummy,
            "LOCATION": "local",
            "OPTIONS": {"MAX_ENTRIES": int(env("FRAGMENT_CACHE_ENTRIES", "20000"))},
        },
    }


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


SECRET_KEY = env("SECRET_KEY", "")
DEBUG = env_bool("DEBUG", False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    # Project apps first so their templates and translations win.
    "portal",
    "delivery",
    "home",
    "news",
    "foreign_relations",
    "members",
    "events",
    "galleries",
    "related_sites",
    "editorial",
    "translation",  # before wagtail_localize: its guards shadow some of its views
    "search",
    "importer",
    "demo",
    "operations",
    # Wagtail
    "wagtail_localize",
    "wagtail_localize.locales",  # replaces wagtail.locales
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.search_promotions",
    "wagtail.contrib.frontend_cache",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.table_block",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail.api.v2",
    "wagtail",
    "modelcluster",
    "taggit",
    "rest_framework",
    "django_countries",
    "axes",
    "csp",
    # Django
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.humanize",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "portal.security.SecurityHeadersMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "portal.language_prefix.LanguagePrefixMiddleware",  # Django's, keeping 404s of unprefixed views
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "portal.security.PasswordResetThrottleMiddleware",
    "axes.middleware.AxesMiddleware",
    "delivery.middleware.PageCacheMiddleware",  # last: serves anonymous page views from the shared cache
]

ROOT_URLCONF = "portal.urls"
WSGI_APPLICATION = "portal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

# Database: DATABASE_URL, SQLite file by default (the demo needs no other service).
DATABASES = {
    "default": dj_database_url.parse(
        env("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=int(env("DB_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Cache: Redis when REDIS_URL is set (shared by every app server: pages, the publish generation,
# Wagtail's site root paths), local memory otherwise. While Redis cannot be reached, reads miss and
# writes are dropped (delivery.backends), so pages are rendered from the database.
if env("REDIS_URL"):
    CACHES = {
        "default": {
            "BACKEND": "delivery.backends.ResilientRedisCache",
            "LOCATION": env("REDIS_URL"),
            "KEY_PREFIX": env("CACHE_KEY_PREFIX", "portal"),
            "TIMEOUT": int(env("CACHE_TIMEOUT", "600")),
            # A Redis that does not answer costs a page a quarter of a second at most, not the worker.
            "OPTIONS": {"socket_connect_timeout": 0.25, "socket_timeout": 0.25},
        }
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "portal",
            "TIMEOUT": int(env("CACHE_TIMEOUT", "600")),
        }
    }
CACHES.update(local_caches(env))

# Page cache for anonymous visitors (delivery.middleware), invalidated on publish on every server.
PORTAL_PAGE_CACHE = env_bool("PAGE_CACHE", True)
PORTAL_PAGE_CACHE_TIMEOUT = int(env("PAGE_CACHE_TIMEOUT", env("CACHE_TIMEOUT", "600")))
PORTAL_PAGE_MAX_AGE = int(env("PAGE_MAX_AGE", "60"))  # browsers and CDNs; a CDN is purged on publish
PORTAL_PAGE_CACHE_URL_NAMES = ("wagtail_serve", "search", "sitemap", "robots_txt")
# Pages below a language home found in one query (home.routing); false: level by level, as Wagtail.
PORTAL_PATH_ROUTING = env_bool("PATH_ROUTING", True)
# Values remembered for the publish generation in each worker (portal.generation.remember).
PORTAL_REMEMBER = env_bool("REMEMBER", True)

# CDN purging (wagtail.contrib.frontend_cache), off unless configured: Cloudflare with
# CLOUDFLARE_ZONE_ID and CLOUDFLARE_BEARER_TOKEN, or any cache that accepts HTTP PURGE requests
# (Varnish, nginx) at FRONTEND_CACHE_PURGE_URL.
WAGTAILFRONTENDCACHE = {}
if env("CLOUDFLARE_ZONE_ID"):
    WAGTAILFRONTENDCACHE["cloudflare"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
        "ZONEID": env("CLOUDFLARE_ZONE_ID"),
        "BEARER_TOKEN": env("CLOUDFLARE_BEARER_TOKEN"),
    }
if env("FRONTEND_CACHE_PURGE_URL"):
    WAGTAILFRONTENDCACHE["http"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
        "LOCATION": env("FRONTEND_CACHE_PURGE_URL"),
    }
WAGTAILFRONTENDCACHE_LANGUAGES = []  # each language's pages have their own URLs, purged one by one

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
    {"NAME": "portal.security.MixedCharactersValidator"},
]

# Languages: Vietnamese is the source and default; English is the translation.
LANGUAGE_CODE = "vi"
LANGUAGES = [
    ("vi", "Tiếng Việt"),
    ("en", "English"),
]
# locale/: the portal's template strings (each app also has its own locale/ directory).
# locale_wagtail/: the portal's complete Vietnamese translation of the Wagtail and wagtail-localize
# admin; LOCALE_PATHS are read before the installed apps' own catalogues, so it wins.
LOCALE_PATHS = [BASE_DIR / "locale", BASE_DIR / "locale_wagtail" / "admin", BASE_DIR / "locale_wagtail" / "apps"]
LANGUAGE_COOKIE_NAME = "portal_language"
LANGUAGE_COOKIE_AGE = 365 * 24 * 3600
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_I18N = True
USE_TZ = True

WAGTAIL_I18N_ENABLED = True
# Content languages are named in the admin's language ("Tiếng Anh" in the Vietnamese admin): Django's
# own catalogue translates these names. LANGUAGES keeps each language's own name for the switcher.
WAGTAIL_CONTENT_LANGUAGES = [("vi", _("Vietnamese")), ("en", _("English"))]
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
WAGTAILADMIN_USER_LOGIN_FORM = "portal.admin_login.LoginForm"  # translated password label
WAGTAIL_ALLOW_UNICODE_SLUGS = False  # slugs are ASCII, folded from Vietnamese titles
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False  # new translations stay drafts
# Machine translation in the translation editor: off unless DEEPL_AUTH_KEY or LIBRETRANSLATE_URL is set.
from translation.machine_translation import machine_translator_setting  # noqa: E402

WAGTAILLOCALIZE_MACHINE_TRANSLATOR = machine_translator_setting(os.environ)
WAGTAIL_SITE_NAME = env("WAGTAIL_SITE_NAME", "Liên hiệp các Tổ chức Hữu nghị")
WAGTAILADMIN_BASE_URL = env("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAIL_DATE_FORMAT = "%d/%m/%Y"
WAGTAIL_DATETIME_FORMAT = "%d/%m/%Y %H:%M"
FORMAT_MODULE_PATH = ["portal.formats"]  # forms read back the day/month/year the date pickers write
# Wagtail's database search, diacritics folded on PostgreSQL (search.backends; migration
# search/0006 creates the configuration; run `manage.py update_index` after changing it).
WAGTAILSEARCH_BACKENDS = {
    "default": {
        "BACKEND": "search.backends",
        "SEARCH_CONFIG": "portal_folded",
        "AUTOCOMPLETE_CONFIG": "portal_folded",
    }
}
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp"]  # no SVG: it can carry scripts
WAGTAILIMAGES_MAX_UPLOAD_SIZE = int(env("WAGTAILIMAGES_MAX_UPLOAD_SIZE", str(10 * 1024 * 1024)))
WAGTAILIMAGES_MAX_IMAGE_PIXELS = int(env("WAGTAILIMAGES_MAX_IMAGE_PIXELS", str(40_000_000)))
WAGTAILDOCS_EXTENSIONS = ["pdf", "doc", "docx", "odt", "xls", "xlsx", "ods", "ppt", "pptx", "txt", "csv", "zip"]
WAGTAILDOCS_DOCUMENT_FORM_BASE = "portal.uploads.DocumentForm"  # size limit, content must match the extension
PORTAL_DOCUMENT_MAX_UPLOAD_SIZE = int(env("PORTAL_DOCUMENT_MAX_UPLOAD_SIZE", str(20 * 1024 * 1024)))
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILDOCS_INLINE_CONTENT_TYPES = ["application/pdf", "text/plain"]
WAGTAILEMBEDS_RESPONSIVE_HTML = True
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAILADMIN_COMMENTS_ENABLED = True

# Static and media files through Django storage.
STATIC_URL = "/static/"
STATIC_ROOT = Path(env("STATIC_ROOT", str(BASE_DIR / "staticfiles")))
WHITENOISE_ROOT = BASE_DIR / "portal" / "root_files"  # files served at the site's root: /favicon.ico
MEDIA_URL = env("MEDIA_URL", "/media/")
MEDIA_ROOT = Path(env("MEDIA_ROOT", str(BASE_DIR / "media")))
# Pictures of restricted collections: outside MEDIA_ROOT, served only through a view that checks
# the viewer's rights (portal.private_images). Never expose this directory through the web server.
PRIVATE_MEDIA_ROOT = Path(env("PRIVATE_MEDIA_ROOT", f"{MEDIA_ROOT}-private"))
STORAGES = {
    "default": {"BACKEND": "portal.private_images.MediaStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
if env("AWS_STORAGE_BUCKET_NAME"):
    # S3-compatible media storage (django-storages), configured entirely from the environment.
    # Pictures of restricted collections keep their URLs on the checking view (portal.s3_storage).
    STORAGES["default"] = {"BACKEND": "portal.s3_storage.S3MediaStorage"}
    AWS_S3_ENDPOINT_URL = env("AWS_S3_ENDPOINT_URL")
    AWS_PRIVATE_OBJECT_ACL = env("AWS_PRIVATE_OBJECT_ACL", "private")  # empty: buckets without ACLs
    AWS_QUERYSTRING_AUTH = env_bool("AWS_QUERYSTRING_AUTH", False)

# E-mail through Django's backends; SMTP settings from the environment.
EMAIL_BACKEND = env("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
EMAIL_HOST = env("EMAIL_HOST", "localhost")
EMAIL_PORT = int(env("EMAIL_PORT", "25"))
EMAIL_HOST_USER = env("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
EMAIL_USE_SSL = env_bool("EMAIL_USE_SSL", False)
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", "webmaster@localhost")
SERVER_EMAIL = env("SERVER_EMAIL", DEFAULT_FROM_EMAIL)
WAGTAILADMIN_NOTIFICATION_FROM_EMAIL = DEFAULT_FROM_EMAIL
WAGTAILADMIN_NOTIFICATION_USE_HTML = True

LOGIN_URL = "wagtailadmin_login"

# Security: headers, log-in throttling, rate limits (portal/security.py).
AUTHENTICATION_BACKENDS = ["portal.security.AxesBackend", "django.contrib.auth.backends.ModelBackend"]
PORTAL_TRUSTED_PROXY_COUNT = int(env("TRUSTED_PROXY_COUNT", "0"))  # proxies that append to X-Forwarded-For
PORTAL_LOGIN_COOLOFF_MINUTES = int(env("LOGIN_COOLOFF_MINUTES", "15"))
AXES_FAILURE_LIMIT = int(env("LOGIN_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = PORTAL_LOGIN_COOLOFF_MINUTES / 60  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_CLIENT_IP_CALLABLE = "portal.security.axes_client_ip"
AXES_LOCKOUT_CALLABLE = "portal.security.axes_lockout_response"
AXES_VERBOSE = False
PORTAL_PASSWORD_RESET_LIMIT = int(env("PASSWORD_RESET_LIMIT", "5"))  # per client address and hour
PORTAL_PASSWORD_RESET_WINDOW = 3600
PORTAL_FORM_SUBMISSION_LIMIT = int(env("FORM_SUBMISSION_LIMIT", "5"))  # public form posts per client and window
PORTAL_FORM_SUBMISSION_WINDOW = int(env("FORM_SUBMISSION_WINDOW", "600"))
PORTAL_RETRY_AFTER_SECONDS = 900

SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"  # Wagtail marks its preview views SAMEORIGIN itself
WAGTAIL_GRAVATAR_PROVIDER_URL = None  # no third-party avatar requests from the admin
PORTAL_PERMISSIONS_POLICY = (
    "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), "
    "payment=(), usb=(), browsing-topics=()"
)
# Content Security Policy (django-csp): public pages load only the site's own assets; embedded
# videos come from the providers in CSP_FRAME_SRC; media may live on an S3/CDN origin (CSP_MEDIA_SRC).
_CSP_MEDIA = env_list("CSP_MEDIA_SRC")
_CSP_FRAMES = env_list(
    "CSP_FRAME_SRC", "https://www.youtube.com,https://www.youtube-nocookie.com,https://player.vimeo.com"
)
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:", *_CSP_MEDIA],
        "media-src": ["'self'", *_CSP_MEDIA],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "frame-src": ["'self'", *_CSP_FRAMES],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}
# The Wagtail admin (and wagtail-localize's editor) needs inline scripts and styles.
PORTAL_ADMIN_CSP_DIRECTIVES = {
    "default-src": ["'self'"],
    "script-src": ["'self'", "'unsafe-inline'"],
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": ["'self'", "data:", "blob:", *_CSP_MEDIA],
    "media-src": ["'self'", "blob:", *_CSP_MEDIA],
    "font-src": ["'self'", "data:"],
    "connect-src": ["'self'"],
    "frame-src": ["'self'", *_CSP_FRAMES],
    "worker-src": ["'self'", "blob:"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'self'"],
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", "WARNING")},
}

# Portal-specific settings.
PORTAL_STALE_AFTER_DAYS = int(env("PORTAL_STALE_AFTER_DAYS", "30"))
PORTAL_BENCH = env_bool("PORTAL_BENCH", False)
PORTAL_SERVE_MEDIA = False  # the demo serves MEDIA_ROOT itself; production through its web server or S3  # routes /bench/trivial/ for `make bench` only

VERBOSE_LANGUAGE_NAMES = {"vi": _("Vietnamese"), "en": _("English")}
