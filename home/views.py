import re

from django.core.exceptions import RequestDataTooBig, TooManyFieldsSent, TooManyFilesSent
from django.http import HttpResponseServerError, JsonResponse
from django.middleware import csrf
from django.middleware.csrf import get_token
from django.shortcuts import get_object_or_404, render
from django.template import loader
from django.utils.translation import gettext as _
from django.views import defaults
from django.views.decorators.cache import never_cache

from .feeds import NewsFeed
from .models import NewsIndexPage


def news_feed(request, index_id, kind="rss"):
    """RSS or Atom feed of one news index (the URL ends in .rss or .atom so feed readers and crawlers know it)."""
    index = get_object_or_404(NewsIndexPage.objects.live().public(), pk=index_id)
    return NewsFeed(index, kind)(request)


def is_api(request) -> bool:
    return request.path.startswith("/api/")


def api_error(code: str, message: str, status: int) -> JsonResponse:
    """An error in the API's format (pb_module/api/voting.py), for what happens before or outside its views."""
    return JsonResponse({"code": code, "message": message, "errors": {}}, status=status)


def page_not_found(request, exception=None):
    if is_api(request):
        return api_error("not_found", _("Not found."), 404)
    return render(request, "404.html", status=404)


def too_large(request):
    """A request over DATA_UPLOAD_MAX_MEMORY_SIZE (or with too many fields): 413, translated."""
    if is_api(request):
        return api_error("too_large", _("The request is too large."), 413)
    return render(request, "413.html", status=413)


def bad_request(request, exception=None):
    """A request Django refuses (a SuspiciousOperation). Over the size limit: a translated page; anything else
    (a forbidden host name among them, where the site's layout cannot even be drawn): Django's plain 400."""
    if isinstance(exception, RequestDataTooBig | TooManyFieldsSent | TooManyFilesSent):
        return too_large(request)
    if is_api(request):
        return api_error("bad_request", _("The request could not be understood."), 400)
    return defaults.bad_request(request, exception)


@never_cache
def csrf_token(request):
    """This visitor's CSRF token, for a form on a page that the page cache shares between visitors (site.js)."""
    return JsonResponse({"token": get_token(request)})


# A form from a cached page sent without the script that fetches its token: no token or no cookie yet. Only the
# forms on cached pages (the follow form of a proposal page); never a sign-in form, whose password would be echoed.
RESEND_REASONS = {csrf.REASON_NO_CSRF_COOKIE, csrf.REASON_CSRF_TOKEN_MISSING}
RESEND_PATHS = re.compile(r"^/[a-z]{2}/.+/follow/$")


def csrf_failure(request, reason=""):
    """CSRF_FAILURE_VIEW: a form sent without its security token, or with an old one (403), in the site's layout and
    the reader's language; JSON for the API.

    A form of this site sent without a token (a page from the page cache, read without JavaScript) is offered again
    with a token and what the visitor typed, to be sent with one press; never a form with files, nor one that came
    from another site."""
    message = _("The security token is missing or out of date. Reload the page.")
    if is_api(request):
        return api_error("csrf_failed", message, 403)
    context = {"message": message}
    origin = request.headers.get("Origin")
    same_site = origin is None or origin == f"{request.scheme}://{request.get_host()}"
    resend = RESEND_PATHS.match(request.path) and reason in RESEND_REASONS and not request.FILES
    if request.method == "POST" and resend and same_site:
        context["resend"] = [
            (name, value) for name, values in request.POST.lists() if name != "csrfmiddlewaretoken" for value in values
        ]
        context["action"] = request.get_full_path()
    return render(request, "403_csrf.html", context, status=403)


def server_error(request):
    # No context processors or database queries: the error may come from them.
    return HttpResponseServerError(loader.get_template("500.html").render())
