from django.http import HttpResponseServerError
from django.shortcuts import get_object_or_404, render
from django.template import loader

from .feeds import NewsFeed
from .models import NewsIndexPage


def news_feed(request, index_id, kind="rss"):
    """RSS or Atom feed of one news index (the URL ends in .rss or .atom so feed readers and crawlers know it)."""
    index = get_object_or_404(NewsIndexPage.objects.live().public(), pk=index_id)
    return NewsFeed(index, kind)(request)


def page_not_found(request, exception=None):
    return render(request, "404.html", status=404)


def server_error(request):
    # No context processors or database queries: the error may come from them.
    return HttpResponseServerError(loader.get_template("500.html").render())
