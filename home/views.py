from django.http import HttpResponseServerError, JsonResponse
from django.shortcuts import get_object_or_404, render
from django.template import loader
from django.utils.translation import gettext as _

from .feeds import NewsFeed
from .models import NewsIndexPage


def news_feed(request, index_id, kind="rss"):
    """RSS or Atom feed of one news index (the URL ends in .rss or .atom so feed readers and crawlers know it)."""
    index = get_object_or_404(NewsIndexPage.objects.live().public(), pk=index_id)
    return NewsFeed(index, kind)(request)


def is_api(request) -> bool:
    return request.path.startswith("/api/")


def api_error(code: str, message: str, status: int) -> JsonResponse:
    """An error in the API's format (pb_module/api.py), for what happens before or outside its views."""
    return JsonResponse({"code": code, "message": message, "errors": {}}, status=status)


def page_not_found(request, exception=None):
    if is_api(request):
        return api_error("not_found", _("Not found."), 404)
    return render(request, "404.html", status=404)


def server_error(request):
    # No context processors or database queries: the error may come from them.
    return HttpResponseServerError(loader.get_template("500.html").render())
