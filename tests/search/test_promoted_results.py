"""Promoted search results: what editors pin to a query in the admin comes first on the site's search, in the
reader's language, and goes when they remove it."""

import pytest
from wagtail.contrib.search_promotions.models import Query, SearchPromotion

from home.models import NewsPage

from .. import pages as fx

pytestmark = pytest.mark.django_db


@pytest.fixture
def news(db):
    """A news item translated into Russian and English (any page: the words need not find it)."""
    return fx.news_item(fx.news_index(fx.home()), fx.NEWS[1])


def _promoted_section(body: str) -> str:
    start = body.find('class="search-promoted"')
    return body[start : body.find("</section>", start)] if start >= 0 else ""


def test_a_promoted_page_comes_first_in_each_language_and_goes_when_removed(client, news):
    pick = SearchPromotion.objects.create(query=Query.get("  Бюджет  "), page=news, sort_order=0)

    kk = client.get("/kk/search/", {"q": "бюджет"}).content.decode()
    assert "Редакторлар ұсынады" in _promoted_section(kk) and news.url in _promoted_section(kk)
    ru_news = NewsPage.objects.get(translation_key=news.translation_key, locale__language_code="ru")
    ru = client.get("/ru/search/", {"q": "БЮДЖЕТ"}).content.decode()
    assert "Рекомендуют редакторы" in _promoted_section(ru) and ru_news.url in _promoted_section(ru)
    assert _promoted_section(client.get("/kk/search/", {"q": "бюджет", "type": "news"}).content.decode()) == ""
    assert _promoted_section(client.get("/kk/search/", {"q": "мектеп"}).content.decode()) == ""

    pick.delete()
    assert _promoted_section(client.get("/kk/search/", {"q": "бюджет"}).content.decode()) == ""


def test_an_unpublished_promoted_page_is_not_shown(client, news):
    SearchPromotion.objects.create(query=Query.get("бюджет"), page=news, sort_order=0)
    news.unpublish()
    assert _promoted_section(client.get("/kk/search/", {"q": "бюджет"}).content.decode()) == ""
