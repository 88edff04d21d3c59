from datetime import datetime, time

from django.contrib.syndication.views import Feed
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.translation import get_language

FEED_TYPES = {"rss": Rss201rev2Feed, "atom": Atom1Feed}


class LanguageFeed(Feed):
    """The base of the site's feeds: RSS 2.0 or Atom 1.0 (`kind`), in the language of the URL.

    Subclasses give `title`, `link`, `description`, `items` and the `item_*` methods as Django's `Feed` asks.
    """

    def __init__(self, kind: str = "rss"):
        super().__init__()
        self.feed_type = FEED_TYPES[kind]

    def feed_language(self) -> str:
        return get_language()

    def subtitle(self, obj):
        # Atom has a subtitle where RSS has a description.
        return self._get_dynamic_attr("description", obj)

    def item_updateddate(self, item):
        # Every Atom entry needs <updated>; by default it is the publication date.
        return self._get_dynamic_attr("item_pubdate", item)

    def get_feed(self, obj, request):
        feed = super().get_feed(obj, request)
        feed.feed["language"] = self.feed_language()
        return feed


class NewsFeed(LanguageFeed):
    """Feed of one news index, in that index's language."""

    def __init__(self, news_index, kind: str = "rss"):
        super().__init__(kind)
        self.news_index = news_index

    def feed_language(self) -> str:
        return self.news_index.locale.language_code

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
