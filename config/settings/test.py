from .base import *  # noqa: F403

DEBUG = False
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
SESSION_ENGINE = "django.contrib.sessions.backends.db"
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
MEDIA_ROOT = BASE_DIR / ".test-media"  # noqa: F405
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# Static files straight from the app folders, no collectstatic needed.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
PB_SMS_BACKEND = "locmem"
# Off in tests that do not say otherwise (tests/test_page_cache.py turns it on): most tests change rows directly.
PAGE_CACHE_SECONDS = 0
PART_CACHE_SECONDS = 0
# Maps draw plain tiles served by the site itself (config/tiles.py) unless a tile server is configured.
PB_MAP_TILE_STUB = True
PB_MAP_TILES_URL = os.environ.get("PB_MAP_TILES_URL", "/map-tiles/{z}/{x}/{y}.png")  # noqa: F405
