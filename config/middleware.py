from django.conf import settings
from django.middleware.locale import LocaleMiddleware as DjangoLocaleMiddleware
from django.utils.cache import patch_vary_headers
from django.utils.translation import get_language

# Paths outside the language prefixes whose 404s must stay 404s (JSON for the API), not become redirects; so must
# MEDIA_URL's (a missing file).
UNPREFIXED = ("/api/", "/admin/", "/django-admin/", "/documents/", "/healthz/", "/csrf/")


class LocaleMiddleware(DjangoLocaleMiddleware):
    """Django's LocaleMiddleware, except that it never redirects a 404 of the API or the admin."""

    def process_response(self, request, response):
        media = settings.MEDIA_URL or ""
        if request.path_info.startswith(UNPREFIXED) or (media.startswith("/") and request.path_info.startswith(media)):
            patch_vary_headers(response, ("Accept-Language",))
            response.headers.setdefault("Content-Language", get_language())
            return response
        return super().process_response(request, response)
