from django.conf import settings
from django.middleware.locale import LocaleMiddleware as DjangoLocaleMiddleware
from django.utils import translation
from django.utils.cache import patch_vary_headers
from django.utils.translation import get_language

# Paths outside the language prefixes whose 404s must stay 404s (JSON for the API), not become redirects; so must
# MEDIA_URL's (a missing file).
UNPREFIXED = ("/api/", "/admin/", "/django-admin/", "/documents/", "/healthz/", "/csrf/")


class AdminLanguageMiddleware:
    """The admin in the signed-in user's language (Account -> Preferences) from the start of the request: Wagtail
    switches to it only inside its views, so a refusal ("Sorry, you do not have permission…") was written in the
    browser's language."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path_info.startswith("/admin/") and request.user.is_authenticated:
            from wagtail.users.models import UserProfile

            language = UserProfile.get_for_user(request.user).get_preferred_language()
            translation.activate(language)
            request.LANGUAGE_CODE = language
        return self.get_response(request)


class LocaleMiddleware(DjangoLocaleMiddleware):
    """Django's LocaleMiddleware, except that it never redirects a 404 of the API or the admin."""

    def process_response(self, request, response):
        media = settings.MEDIA_URL or ""
        if request.path_info.startswith(UNPREFIXED) or (media.startswith("/") and request.path_info.startswith(media)):
            patch_vary_headers(response, ("Accept-Language",))
            response.headers.setdefault("Content-Language", get_language())
            return response
        return super().process_response(request, response)
