from .base import *  # noqa: F403

DEBUG = True
ALLOWED_HOSTS = ["*"]
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
# Static files straight from the app folders, no collectstatic needed.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
# A developer editing templates sees them at once; PAGE_CACHE_SECONDS=600 tries the page cache.
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "0"))  # noqa: F405
PART_CACHE_SECONDS = int(os.environ.get("PART_CACHE_SECONDS", "0"))  # noqa: F405
# Maps draw plain tiles served by the site itself (config/tiles.py) unless a tile server is configured.
PB_MAP_TILE_STUB = True
PB_MAP_TILES_URL = os.environ.get("PB_MAP_TILES_URL", "/map-tiles/{z}/{x}/{y}.png")  # noqa: F405
