"""For `pb_loadtest` only: production-like (DEBUG off) but with the fixed-code SMS backend from the environment."""

from .base import *  # noqa: F403

DEBUG = False
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "testserver"]
WHITENOISE_USE_FINDERS = True
