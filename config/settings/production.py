"""Production settings: everything from the environment; refuses insecure defaults."""

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import (
    INSECURE_PB_DATA_KEY,
    INSECURE_PB_VOTER_HASH_KEY,
    INSECURE_SECRET_KEY,
    PB_DATA_KEY,
    PB_SMS_BACKEND,
    PB_VOTER_HASH_KEY,
    SECRET_KEY,
    SILENCED_SYSTEM_CHECKS,
)

DEBUG = False

if not SECRET_KEY or SECRET_KEY == INSECURE_SECRET_KEY or len(SECRET_KEY) < 50:
    raise ImproperlyConfigured(
        "SECRET_KEY must be set in the environment to a random value of 50+ characters "
        "(python -c 'import secrets; print(secrets.token_urlsafe(64))')."
    )

if not PB_DATA_KEY or PB_DATA_KEY == INSECURE_PB_DATA_KEY or len(PB_DATA_KEY) < 32:
    raise ImproperlyConfigured("PB_DATA_KEY must be set in the environment to a random value of 32+ characters.")

if not PB_VOTER_HASH_KEY or PB_VOTER_HASH_KEY == INSECURE_PB_VOTER_HASH_KEY or len(PB_VOTER_HASH_KEY) < 32:
    raise ImproperlyConfigured("PB_VOTER_HASH_KEY must be set in the environment to a random value of 32+ characters.")
if PB_SMS_BACKEND == "fixed":
    raise ImproperlyConfigured("PB_SMS_BACKEND=fixed is for load tests only: production must send real codes.")

STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage",
}

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = os.environ.get("SECURE_SSL_REDIRECT", "true").lower() == "true"  # noqa: F405
SECURE_REDIRECT_EXEMPT = [r"^healthz/$"]
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", str(60 * 60 * 24 * 365)))  # noqa: F405
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
# Wagtail's live preview shows the page in a same-origin iframe, so DENY would break it.
X_FRAME_OPTIONS = "SAMEORIGIN"
SILENCED_SYSTEM_CHECKS = [*SILENCED_SYSTEM_CHECKS, "security.W019"]
