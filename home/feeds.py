from datetime import datetime, time

from django.contrib.syndication.views import Feed
from django.utils import timezone
from django.utils.feedgenerator import Rss201rev2Feed


class NewsFeed(Feed):
    """RSS 2.0 feed of one news index, in that index's language."""

    feed_type = Rss201rev2Feed

    def __init__(self, news_index):
        super().__init__()
        self.news_index = news_index

    def title(self):
        return self.news_index.title

    def link(self):
        return self.news_index.url

    def description(self):
        return self.news_index.intro

    def items(self):
        return self.news_index.news_items[:20]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.intro

    def item_link(self, item):
        return item.url

    def item_pubdate(self, item):
        return timezone.make_aware(datetime.combine(item.date, time(9, 0)))

    def item_categories(self, item):
        return [tag.name for tag in item.tags.all()]

    def get_feed(self, obj, request):
        feed = super().get_feed(obj, request)
        feed.feed["language"] = self.news_index.locale.language_code
        return feed
