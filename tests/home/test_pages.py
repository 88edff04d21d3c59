"""What a reader sees on the CMS pages, in each language."""

import re

import pytest
from wagtail.models import Locale, Page

from home.models import (
    ConceptDocumentPage,
    DocumentIndexPage,
    HomePage,
    NewsIndexPage,
    NewsPage,
    PublicCentreIndexPage,
    StandardPage,
)

from .. import pages as fx

pytestmark = pytest.mark.django_db
LANGS = ["kk", "ru", "en"]


@pytest.fixture(scope="module")
def site_ids(module_db):
    """The site's pages (tests/pages.py): the home page, news, a document, public centres, built once for the
    module (see `module_db`); their ids. The document's PDF, written under MEDIA_ROOT, is deleted when the module
    ends (the rollback removes its row, not its file)."""
    with module_db():
        pages = fx.site()
    yield fx.ids(pages)
    with module_db():
        fx.remove_files(pages)


@pytest.fixture
def site(db, site_ids):
    """The site's pages as `fx.site()` returns them, read afresh for the test (which runs in its own savepoint)."""
    return fx.from_ids(site_ids)


@pytest.fixture
def home(site):
    """The home page, in Kazakh with its Russian and English translations (tests/pages.py), from the module's site."""
    return site["home"]


def html_lang(response):
    return re.search(r'<html lang="([^"]+)"', response.content.decode()).group(1)


@pytest.mark.parametrize("lang", LANGS)
def test_home_page_in_each_language(client, home, lang):
    response = client.get(f"/{lang}/")
    assert response.status_code == 200
    assert html_lang(response) == lang
    page = home.get_translation(Locale.objects.get(language_code=lang))
    assert f"<h1>{page.title}</h1>" in response.content.decode()
    if lang != "kk":  # the translation's own title, not the Kazakh one
        assert page.title == fx.HOME_TITLES[lang]


def test_home_page_shows_key_figures_written_per_language(client, site):
    kk = client.get("/kk/").content.decode()
    en = client.get("/en/").content.decode()
    assert "2\u202f468" in kk and "1\u202f357" in kk and "97" in kk
    assert "2,468" in en and "1,357" in en
    for _value, label in fx.FIGURES:  # each figure's label in the page's language
        assert label["kk"] in kk and label["en"] in en and label["kk"] not in en


def test_home_page_lists_latest_news_of_its_language(client, site):
    en = client.get("/en/").content.decode()
    ru_news = NewsPage.objects.filter(locale__language_code="ru").order_by("-date").first()
    assert ru_news.title == fx.in_language(site["news"][0], "ru").title  # the newest, translated into Russian only
    assert ru_news.title in client.get("/ru/").content.decode()
    assert ru_news.title not in en


def test_root_redirects_to_the_visitors_language(client, home):
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="ru-RU,ru;q=0.9").headers["Location"] == "/ru/"
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="en-GB,en;q=0.8").headers["Location"] == "/en/"
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="de-DE").headers["Location"] == "/kk/"


def test_unknown_language_prefix_gives_the_sites_404_page(client, home):
    response = client.get("/xx/", follow=True)
    assert response.status_code == 404
    body = response.content.decode()
    assert "skip-link" in body and "Qatysu" in body
    assert html_lang(response) == "kk"


@pytest.mark.parametrize("lang", LANGS)
def test_missing_page_404_is_translated(client, home, lang):
    response = client.get(f"/{lang}/no-such-page/")
    assert response.status_code == 404
    assert html_lang(response) == lang
    english = "There is no page at this address"
    assert (english in response.content.decode()) == (lang == "en")


def test_language_switcher_and_hreflang_keep_the_reader_on_the_same_page(client, site):
    item = site["news"][0]
    ru = item.get_translation(Locale.objects.get(language_code="ru"))
    body = client.get(item.url).content.decode()
    assert f'href="{ru.url}" hreflang="ru"' in body
    assert f'<link rel="alternate" hreflang="ru" href="http://testserver{ru.url}">' in body
    assert 'hreflang="x-default"' in body
    assert ru.url.startswith(f"/ru/{site['news_index'].slug}/")


def test_untranslated_page_shows_a_clear_fallback(client, site):
    en = Locale.objects.get(language_code="en")
    alias = NewsPage.objects.get(locale=en, alias_of__isnull=False)
    assert alias.alias_of_id == site["news"][0].pk  # the news item translated into Russian only
    response = client.get(alias.url)
    assert response.status_code == 200
    body = response.content.decode()
    assert html_lang(response) == "en"
    assert "has not yet been translated" in body
    assert '<div lang="kk">' in body


def test_page_without_any_version_in_a_language_is_flagged_in_the_switcher(client, site):
    en = Locale.objects.get(language_code="en")
    alias = NewsPage.objects.get(locale=en, alias_of__isnull=False)
    source = alias.alias_of.specific
    alias.delete()
    body = client.get(source.url).content.decode()
    assert re.search(r'<a href="/en/" hreflang="en" lang="en">English <small lang="kk">[^<]+</small>', body)
    assert client.get(source.url.replace("/kk/", "/en/", 1)).status_code == 404


def test_news_listing_paginates_and_filters_by_known_tags(client, site):
    index = site["news_index"]
    for n in range(12):
        page = NewsPage(title=f"Fx хабар {n}", slug=f"fx-extra-{n}", intro="Қысқаша.")
        index.add_child(instance=page)
        page.save_revision().publish()
    total = NewsPage.objects.live().child_of(index).count()
    first = client.get(index.url).content.decode()
    assert first.count('<article class="card">') == 10
    second = client.get(index.url + "?page=2").content.decode()
    assert second.count('<article class="card">') == total - 10
    assert client.get(index.url + "?page=banana").status_code == 200
    assert client.get(index.url + "?page=999").content.decode().count('<article class="card">') == total - 10

    tag = site["news"][0].tags.first()
    tagged = NewsPage.objects.live().child_of(index).filter(tags=tag).count()
    filtered = client.get(index.url, {"tag": tag.slug}).content.decode()
    assert filtered.count('<article class="card">') == tagged < total
    unknown = client.get(index.url, {"tag": "<script>"}).content.decode()
    assert unknown.count('<article class="card">') == 10
    assert "<script>" not in unknown.split("<main")[1]


@pytest.mark.parametrize("lang", LANGS)
def test_news_rss_feed(client, site, lang):
    index = NewsIndexPage.objects.get(locale__language_code=lang)
    assert index.translation_key == site["news_index"].translation_key
    response = client.get(f"/{lang}/feeds/news-{index.pk}.rss")
    assert f'href="/{lang}/feeds/news-{index.pk}.rss"' in client.get(index.url).content.decode()
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    xml = response.content.decode()
    assert f"<language>{lang}</language>" in xml
    newest = NewsPage.objects.live().child_of(index).order_by("-date", "-pk").first()
    assert f"<title>{newest.title}</title>" in xml


@pytest.mark.parametrize("lang", LANGS)
def test_concept_document_page(client, site, lang):
    page = ConceptDocumentPage.objects.get(locale__language_code=lang)
    assert page.translation_key == site["concept"].translation_key
    body = client.get(page.url).content.decode()
    assert html_lang(client.get(page.url)) == lang
    assert f"<h1>{fx.CONCEPT_TITLES[lang]}</h1>" in body
    assert "4512" in body
    assert {"kk": "2019 жылғы 7 наурыз", "ru": "7 марта 2019", "en": "7 March 2019"}[lang] in body
    assert 'href="https://example.kz/fx/concept-4512"' in body
    assert page.pdf and f'href="{page.pdf.url}"' in body
    assert [entry["text"] for entry in page.toc] == [text[lang] for _level, text in fx.CONCEPT_HEADINGS]
    for entry in page.toc:  # every table-of-contents link leads to a heading on the page
        assert f'href="#{entry["anchor"]}"' in body
        assert f'id="{entry["anchor"]}"' in body


def test_document_index_filters_by_status(client, site):
    index = fx.in_language(site["documents"], "en")
    concept = fx.in_language(site["concept"], "en")
    assert concept.title in client.get(index.url + "?status=in_force").content.decode()
    assert concept.title not in client.get(index.url + "?status=expired").content.decode()
    assert concept.title in client.get(index.url + "?status=bogus").content.decode()


@pytest.mark.parametrize("lang", LANGS)
def test_public_centres_page_lists_the_four_regions(client, site, lang):
    page = PublicCentreIndexPage.objects.get(locale__language_code=lang)
    assert page.translation_key == site["centres_page"].translation_key
    body = client.get(page.url).content.decode()
    assert body.count('<article class="card"') == 4
    for centre in site["centres"]:  # each centre in the page's language
        here = centre.get_translation(page.locale)
        assert here.name in body and here.address in body and here.region in body


@pytest.mark.parametrize("lang", LANGS)
def test_search_finds_pages_in_the_readers_language(client, site, lang):
    concept = fx.in_language(site["concept"], lang)
    others = ConceptDocumentPage.objects.exclude(locale__language_code=lang)
    assert others.count() == 2
    # A word of this language's title, and the document's number, which every language's version has.
    for word in (concept.title.split()[1], concept.number):
        body = client.get(f"/{lang}/search/", {"q": word}).content.decode()
        assert f'href="{concept.url}"' in body
        for other in others:
            assert f'href="{other.url}"' not in body


def test_search_handles_empty_and_huge_queries(client, home):
    assert client.get("/kk/search/").status_code == 200
    assert client.get("/kk/search/", {"q": "ж" * 5000}).status_code == 200
    assert client.get("/kk/search/", {"q": "zzzqqq"}).status_code == 200


def test_page_types_restrict_parents_and_children():
    assert HomePage.allowed_parent_page_models() == [Page]
    assert NewsPage.allowed_parent_page_models() == [NewsIndexPage]
    assert NewsIndexPage.allowed_subpage_models() == [NewsPage]
    assert ConceptDocumentPage.allowed_parent_page_models() == [DocumentIndexPage]
    assert DocumentIndexPage.allowed_subpage_models() == [ConceptDocumentPage]
    assert NewsPage.allowed_subpage_models() == []
    assert StandardPage in HomePage.allowed_subpage_models()
    assert not NewsPage.can_exist_under(HomePage())
