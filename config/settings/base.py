"""Settings shared by every environment.

All configuration comes from the environment (see README.md, docker-compose.yml):
DATABASE_URL, REDIS_URL, ELASTICSEARCH_URL, SECRET_KEY, ALLOWED_HOSTS, CSRF_TRUSTED_ORIGINS,
MEDIA_ROOT or AWS_STORAGE_BUCKET_NAME (S3-compatible media), AWS_S3_ENDPOINT_URL.
"""

import os
from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent.parent

# Used by production.py to refuse starting with it.
INSECURE_SECRET_KEY = "django-insecure-qatysu-development-only"  # noqa: S105 - a known dev value, refused in production
SECRET_KEY = os.environ.get("SECRET_KEY", INSECURE_SECRET_KEY)
DEBUG = False
ALLOWED_HOSTS = [h.strip() for h in os.environ.get("ALLOWED_HOSTS", "localhost,127.0.0.1").split(",") if h.strip()]
CSRF_TRUSTED_ORIGINS = [o.strip() for o in os.environ.get("CSRF_TRUSTED_ORIGINS", "").split(",") if o.strip()]

INSTALLED_APPS = [
    "home",
    "pb_module",
    "search",
    "demo",
    "wagtail_localize",
    "wagtail_localize.locales",  # replaces wagtail.locales
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.settings",
    "wagtail.contrib.search_promotions",  # "promoted search results", shown first on the site's search
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "rest_framework",
    "drf_spectacular",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Anonymous pages from the cache before any session, CSRF or database work (home/page_cache.py).
    "home.page_cache.PageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # Before CommonMiddleware, or i18n_patterns does not switch languages.
    "config.middleware.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "config.middleware.AdminLanguageMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # A page's route, the site and the menu from the parts kept for its path (home/routing.py).
    "home.routing.KeptRouteMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "site" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=int(os.environ.get("CONN_MAX_AGE", "60")),
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
# The catalogue's covering indexes (search.CatalogueEntry: INCLUDE columns) are for PostgreSQL; SQLite builds them
# as plain indexes on their keys, which is what it needs, and Django warns about it on every command.
SILENCED_SYSTEM_CHECKS = ["models.W040"] if DATABASES["default"]["ENGINE"].endswith("sqlite3") else []

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Cache and sessions: Redis when REDIS_URL is set, local memory otherwise.
REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": os.environ.get("CACHE_KEY_PREFIX", "qatysu"),
            "OPTIONS": {"CLIENT_CLASS": "django_redis.client.DefaultClient"},
        }
    }
    SESSION_ENGINE = "django.contrib.sessions.backends.cache"
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# The anonymous full-page cache (home/page_cache.py): seconds a public page is kept in the cache above; 0 turns
# it off. Pages are purged exactly when what they show changes, so this is only an upper bound.
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "600"))
PAGE_CACHE_ALIAS = "default"
# Parts of pages kept under the same purges (routes, cards: home/page_cache.py `kept`), for what the page cache
# does not keep. 0 turns them off.
PART_CACHE_SECONDS = int(os.environ.get("PART_CACHE_SECONDS", "3600"))
# A CDN or Varnish in front, purged by Wagtail's frontend cache when one of these is set (see README):
# FRONTEND_CACHE_PURGE_URL (HTTP PURGE, e.g. Varnish), CLOUDFLARE_ZONE_ID + CLOUDFLARE_API_TOKEN, or
# CLOUDFRONT_DISTRIBUTION_ID. It may keep a page for CDN_CACHE_SECONDS (s-maxage), never past local midnight.
CDN_CACHE_SECONDS = int(os.environ.get("CDN_CACHE_SECONDS", "3600"))
WAGTAILFRONTENDCACHE = {}
if os.environ.get("FRONTEND_CACHE_PURGE_URL"):
    WAGTAILFRONTENDCACHE["http"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
        "LOCATION": os.environ["FRONTEND_CACHE_PURGE_URL"],
    }
if os.environ.get("CLOUDFLARE_ZONE_ID"):
    WAGTAILFRONTENDCACHE["cloudflare"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
        "ZONEID": os.environ["CLOUDFLARE_ZONE_ID"],
        "BEARER_TOKEN": os.environ.get("CLOUDFLARE_API_TOKEN", ""),
    }
if os.environ.get("CLOUDFRONT_DISTRIBUTION_ID"):
    WAGTAILFRONTENDCACHE["cloudfront"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudfrontBackend",
        "DISTRIBUTION_ID": os.environ["CLOUDFRONT_DISTRIBUTION_ID"],
    }

# Search: Elasticsearch when ELASTICSEARCH_URL is set, Wagtail's database backend otherwise.
ELASTICSEARCH_URL = os.environ.get("ELASTICSEARCH_URL", "")
ELASTICSEARCH_INDEX = os.environ.get("ELASTICSEARCH_INDEX", "qatysu")
# The project catalogue's own index (search/catalogue/es.py): an alias over a dated index that
# `manage.py catalogue_reindex` rebuilds; used, and kept current, only when ELASTICSEARCH_URL is set.
ELASTICSEARCH_CATALOGUE_INDEX = os.environ.get("ELASTICSEARCH_CATALOGUE_INDEX", f"{ELASTICSEARCH_INDEX}-catalogue")
if ELASTICSEARCH_URL:
    WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": "wagtail.search.backends.elasticsearch8",
            "URLS": [ELASTICSEARCH_URL],
            "INDEX": ELASTICSEARCH_INDEX,
            "TIMEOUT": 5,
            "OPTIONS": {},
            "INDEX_SETTINGS": {},
        }
    }
else:
    WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}

# Languages: Kazakh first and default; every URL carries its prefix.
LANGUAGE_CODE = "kk"
LANGUAGES = [
    ("kk", "Қазақша"),
    ("ru", "Русский"),
    ("en", "English"),
]
# The site's own catalogue first; then the Kazakh catalogue of the admin (Wagtail, wagtail-localize, Django), which
# Wagtail and wagtail-localize do not ship (`locales/po.py admin` lists what is missing).
LOCALE_PATHS = [BASE_DIR / "locales", BASE_DIR / "locales" / "admin"]
USE_I18N = True
USE_TZ = True
TIME_ZONE = "Asia/Almaty"
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
# The admin in the three languages (Account -> Preferences); Kazakh, the default, from locales/admin.
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
WAGTAIL_LOCALIZE_DEFAULT_TRANSLATION_MODE = "synced"

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [BASE_DIR / "site" / "static"]
MEDIA_URL = os.environ.get("MEDIA_URL", "/media/")
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# Media on S3-compatible storage when a bucket is named.
AWS_STORAGE_BUCKET_NAME = os.environ.get("AWS_STORAGE_BUCKET_NAME", "")
if AWS_STORAGE_BUCKET_NAME:
    STORAGES["default"] = {"BACKEND": "storages.backends.s3.S3Storage"}
    AWS_S3_ENDPOINT_URL = os.environ.get("AWS_S3_ENDPOINT_URL") or None
    AWS_S3_REGION_NAME = os.environ.get("AWS_S3_REGION_NAME") or None
    AWS_S3_CUSTOM_DOMAIN = os.environ.get("AWS_S3_CUSTOM_DOMAIN") or None
    AWS_QUERYSTRING_AUTH = False
    AWS_DEFAULT_ACL = None

WAGTAIL_SITE_NAME = "Qatysu"
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAILDOCS_EXTENSIONS = ["pdf", "doc", "docx", "odt", "xls", "xlsx", "ods", "csv", "txt", "zip"]
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp"]
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

SITE_TITLE = _("Qatysu")

# Key for personal data of the PB module (encrypted contacts, keyed hashes); production refuses the default.
INSECURE_PB_DATA_KEY = "qatysu-development-data-key"  # noqa: S105 - a known dev value, refused in production
PB_DATA_KEY = os.environ.get("PB_DATA_KEY", INSECURE_PB_DATA_KEY)
PB_MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024
# Voters: the IIN is kept only as an HMAC under this key (production refuses the default).
INSECURE_PB_VOTER_HASH_KEY = "qatysu-development-voter-hash-key"  # noqa: S105 - a known dev value, refused in production
PB_VOTER_HASH_KEY = os.environ.get("PB_VOTER_HASH_KEY", INSECURE_PB_VOTER_HASH_KEY)
# One-time codes by SMS: console (dev), locmem (tests), http (a gateway at PB_SMS_GATEWAY_URL), fixed (load tests).
PB_SMS_BACKEND = os.environ.get("PB_SMS_BACKEND", "console")
PB_SMS_FIXED_CODE = os.environ.get("PB_SMS_FIXED_CODE", "")
PB_SMS_GATEWAY_URL = os.environ.get("PB_SMS_GATEWAY_URL", "")
PB_SMS_GATEWAY_TOKEN = os.environ.get("PB_SMS_GATEWAY_TOKEN", "")
# Who vouches for an IIN and date of birth; an eGov or digital-signature provider can replace the built-in one.
PB_IDENTITY_BACKEND = os.environ.get("PB_IDENTITY_BACKEND", "pb_module.integrations.identity.BuiltinIdentityBackend")
# Maps: the tile server (a URL template with {z}/{x}/{y}, e.g. https://tile.example.org/{z}/{x}/{y}.png) and the
# credit its licence asks for; unset, maps draw the proposals on a plain background. The local stub
# (config/tiles.py) serves plain tiles at /map-tiles/ in development and tests.
PB_MAP_TILES_URL = os.environ.get("PB_MAP_TILES_URL", "")
PB_MAP_TILES_ATTRIBUTION = os.environ.get("PB_MAP_TILES_ATTRIBUTION", "")
PB_MAP_TILE_STUB = False
# Finding an address on the map when a proposal is submitted (a Nominatim-compatible search URL); unset: not done.
PB_GEOCODER_URL = os.environ.get("PB_GEOCODER_URL", "")
PB_OTP_TTL_SECONDS = 5 * 60
PB_OTP_MAX_WRONG = 5
PB_OTP_LOCK_SECONDS = 15 * 60
PB_SMS_PER_PHONE = (3, 10 * 60)  # at most 3 codes to one phone in 10 minutes
# At most 20 codes from one address in an hour (a public centre's shared address may need more).
PB_SMS_PER_IP = (int(os.environ.get("PB_SMS_PER_IP_LIMIT", "20")), 60 * 60)
PB_VOTER_SESSION_SECONDS = 30 * 60
# Following a proposal by e-mail is confirmed through a link (double opt-in): the link works this many hours, and
# unconfirmed follows older than that are deleted by the daily pb_check_implementation.
PB_FOLLOW_CONFIRM_HOURS = 48
PB_FOLLOW_MAILS_PER_ADDRESS = (3, 24 * 60 * 60)  # at most 3 confirmation links to one address in a day
PB_FOLLOW_MAILS_PER_IP = (10, 60 * 60)  # at most 10 follow requests from one address in an hour
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Qatysu <noreply@qatysu.kz>")
EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
# A form sent without its CSRF token (or with an old one): a translated page in the site's layout, JSON for the API.
CSRF_FAILURE_VIEW = "home.views.csrf_failure"
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "/"
LOGOUT_REDIRECT_URL = "/"

REST_FRAMEWORK = {
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_AUTHENTICATION_CLASSES": [],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.AllowAny"],
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "EXCEPTION_HANDLER": "pb_module.api.voting.exception_handler",
    "UNAUTHENTICATED_USER": None,
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Qatysu participatory budget API",
    "DESCRIPTION": "Cycles, ballots and receipts; open data: proposals, published results and analytics "
    "(JSON or CSV). Vote counts are hidden until a cycle's results are published.",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "PREPROCESSING_HOOKS": ["pb_module.api.voting.only_public_api"],
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}
