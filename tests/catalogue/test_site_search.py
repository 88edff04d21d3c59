"""Site search: every type of page in the reader's language, the type shown, a filter by type. The pages are the
module's own (tests/catalogue/_fx_catalogue.py): cycles of the city "Fx Талдықорған" and others, their proposals
translated into Russian and English, and a page of another kind ("Fx About the participatory budget")."""

import re

import pytest
from wagtail.models import Page

from pb_module.models import PBCyclePage, ProposalPage


def result_links(body):
    return re.findall(r'<li><p class="meta">([^<]+)</p><h2><a href="([^"]+)"', body)


def facet_counts(body):
    return {key: int(n) for key, n in re.findall(r'type=(\w+)"[^>]*>[^<(]+\((\d+)\)</a>', body)}


@pytest.mark.parametrize(
    "lang, word, in_proposals",
    [("kk", "Талдықорған", "аудандағы"), ("ru", "Талдыкорган", "микрорайоне"), ("en", "Taldykorgan", "microdistrict")],
)
def test_results_show_their_type_and_can_be_narrowed_to_one(client, world, lang, word, in_proposals):
    body = client.get(f"/{lang}/search/", {"q": word}).content.decode()
    counts = facet_counts(body)
    assert counts["cycles"] >= 1
    cycles = client.get(f"/{lang}/search/", {"q": word, "type": "cycles"}).content.decode()
    links = result_links(cycles)
    assert len(links) == counts["cycles"]
    expected = {p.url for p in PBCyclePage.objects.live().filter(locale__language_code=lang)}
    assert {href for _label, href in links} <= expected
    labels = {label for label, _href in links}
    assert len(labels) == 1  # one type, named in the reader's language
    counts = facet_counts(client.get(f"/{lang}/search/", {"q": in_proposals}).content.decode())
    proposals = client.get(f"/{lang}/search/", {"q": in_proposals, "type": "proposals"}).content.decode()
    urls = {href for _label, href in result_links(proposals)}
    assert urls and urls <= {p.url for p in ProposalPage.objects.live().filter(locale__language_code=lang)}
    # The whole state is in the address: the next page keeps the type.
    if counts["proposals"] > 10:
        assert "type=proposals&amp;page=2" in proposals


def test_unknown_type_shows_every_type_with_a_message(client, world):
    body = client.get("/en/search/", {"q": "Taldykorgan", "type": "<script>"}).content.decode()
    assert "There is no such type of page" in body
    assert "<script>" not in body
    everything = client.get("/en/search/", {"q": "Taldykorgan"}).content.decode()
    assert len(result_links(body)) == len(result_links(everything)) > 0


def test_other_pages_are_labelled_as_pages(client, world):
    about = Page.objects.live().get(
        translation_key=Page.objects.get(pk=world.ids["about"]).translation_key, locale__language_code="en"
    )
    assert about.title == "Fx About the participatory budget"
    body = client.get("/en/search/", {"q": about.title}).content.decode()
    assert ("Page", about.url) in result_links(body)


@pytest.mark.parametrize(
    "lang, query, expected",
    [
        ("kk", "саябақ", "-шағын аудандағы аула саябағы"),  # саябағы: the possessive of саябақ
        ("kk", "аудан саябақ", "-шағын аудандағы аула саябағы"),  # аудандағы: "in the district"
        ("ru", "микрорайон", "микрорайоне"),
        ("en", "pocket parks", "A pocket park in microdistrict"),
    ],
)
def test_site_search_finds_other_word_forms(client, world, lang, query, expected):
    body = client.get(f"/{lang}/search/", {"q": query, "type": "proposals"}).content.decode()
    titles = re.findall(r'<h2><a href="[^"]+">([^<]+)</a></h2>', body)
    assert any(expected in title for title in titles), titles[:5]
    assert query.split()[-1] not in " ".join(titles).lower().split() or lang == "kk"


@pytest.mark.parametrize("q", ['NEAR( "парк" * OR -', "%_\\'; DROP TABLE", "😀", "ж" * 10_000, "***"])
def test_any_query_gives_a_normal_page(client, world, q):
    response = client.get("/ru/search/", {"q": q})
    assert response.status_code == 200
    assert "<h1>" in response.content.decode()
