"""The catalogue of projects: filters, the territory hierarchy, facet counts, sorting, paging, bad input. The
projects are the catalogue of tests/catalogue/conftest.py: a published vote of 2024, cycles in discussion
in 2025, an open vote of 2027 whose count is not published."""

import re

import pytest

from pb_module.models import Proposal, ProposalPage, Territory
from pb_module.rules.statuses import PUBLIC
from search.catalogue.state import PER_PAGE
from search.models import CatalogueEntry

from . import _fx_catalogue as fx


def found(body):
    return re.findall(r'<h3><a href="([^"]+)">', body)


def count(body):
    heading = re.search(r'<h2 id="found-heading">([^<]*)</h2>', body).group(1)
    return int(re.sub(r"\D", "", heading))


def option_count(body, name, value):
    select = re.search(rf'<select id="id_{name}" name="{name}">(.*?)</select>', body, re.S).group(1)
    match = re.search(rf'<option value="{value}"[^>]*>[^<]*\(([\d\u202f,]+)\)</option>', select)
    return int(match.group(1).replace("\u202f", "").replace(",", "")) if match else None


def pages(lang, **filters):
    public = ProposalPage.objects.live().filter(
        locale__language_code=lang, proposal__status__in=[s.value for s in PUBLIC]
    )
    return public.filter(**filters)


@pytest.mark.parametrize("lang", ["kk", "ru", "en"])
def test_catalogue_lists_every_public_proposal_in_the_readers_language(client, world, lang):
    body = client.get(f"/{lang}/projects/").content.decode()
    assert count(body) == pages(lang).count() > PER_PAGE
    assert all(url.startswith(f"/{lang}/") for url in found(body))
    assert len(found(body)) == PER_PAGE == 20  # one page


def test_city_includes_its_districts_and_a_district_only_itself(client, world):
    city = world.place("taldy")
    body = client.get("/kk/projects/", {"district": city.pk}).content.decode()
    in_city = pages("kk", proposal__district__translation_key__in=city.descendant_keys)
    assert count(body) == in_city.count() > in_city.filter(proposal__district=city).count() > 0
    child = Territory.objects.filter(parent=city).first()
    assert (
        option_count(body, "district", child.pk)
        == pages("kk", proposal__district__translation_key=child.translation_key).count()
    )
    body = client.get("/kk/projects/", {"district": child.pk}).content.decode()
    assert count(body) == pages("kk", proposal__district__translation_key=child.translation_key).count() > 0


def test_year_status_funded_and_cost_filters(client, world):
    body = client.get("/en/projects/", {"year": fx.TALK_YEAR}).content.decode()
    assert count(body) == pages("en", proposal__cycle__year=fx.TALK_YEAR).count() > 0
    voted = pages("en", proposal__cycle__year=fx.PUBLISHED_YEAR).count()
    assert option_count(body, "year", fx.PUBLISHED_YEAR) == voted > 0
    body = client.get("/en/projects/", {"funded": "yes"}).content.decode()
    funded = ["selected", "in_implementation", "completed", "stalled"]
    assert count(body) == pages("en", proposal__status__in=funded).count() > 0
    body = client.get("/en/projects/", {"status": "not_selected"}).content.decode()
    assert count(body) == pages("en", proposal__status="not_selected").count() > 0
    cheap = [p for p in pages("en") if p.proposal.cost <= 10_000_000]
    body = client.get("/en/projects/", {"cost_max": 10_000_000}).content.decode()
    assert count(body) == len(cheap) > 0 and len(cheap) < pages("en").count()


def test_words_are_found_in_other_forms(client, world):
    body = client.get("/ru/projects/", {"q": "микрорайон освещение"}).content.decode()
    assert count(body) > 0
    by_url = {page.url: page for page in pages("ru")}
    for url in found(body):
        # A project's words are its page's and its place's ("Fx 5-й микрорайон"): both stems are among them.
        words = CatalogueEntry.objects.get(page=by_url[url]).search_text.split()
        assert "микрорайон" in words and "освещ" in words
    # Titles that have the words only in other forms ("Освещение улиц в 7-м микрорайоне") are found.
    titles = re.findall(r'<h3><a href="[^"]+">([^<]+)</a></h3>', body)
    assert any("микрорайоне" in title and "Освещение" in title for title in titles)


def test_sorting_by_votes_uses_only_published_counts(client, world):
    body = client.get("/en/projects/", {"sort": "votes", "year": fx.PUBLISHED_YEAR}).content.decode()
    first = found(body)[0]
    voted = Proposal.objects.filter(cycle__year=fx.PUBLISHED_YEAR, published_votes__isnull=False)
    top = voted.order_by("-published_votes").first()
    assert top.published_votes > voted.exclude(pk=top.pk).order_by("-published_votes").first().published_votes
    assert first == top.page_in("en").url or first == top.pages.filter(locale__language_code="en").first().url
    assert f"{top.published_votes} votes" in body
    # The 2027 ballot (ballots cast) is not published: no vote count appears for its proposals.
    body = client.get("/en/projects/", {"year": fx.OPEN_VOTE_YEAR, "sort": "votes"}).content.decode()
    listing = body[body.index('id="found-heading"') :]
    assert found(listing) and " votes<" not in listing and " vote<" not in listing


@pytest.mark.parametrize(
    "params, message",
    [
        ({"district": 999999}, "There is no such place"),
        ({"cost_min": -5}, "Cost from"),
        ({"cost_min": 10, "cost_max": 5}, "The upper cost is below the lower one"),
        ({"page": 9999}, "That page does not exist"),
        ({"status": "submitted"}, "Status"),
        ({"year": "abc"}, "Year"),
    ],
)
def test_bad_input_gives_a_normal_page_with_a_message(client, world, params, message):
    response = client.get("/en/projects/", params)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert count(response.content.decode()) > 0


@pytest.mark.parametrize("q", ["ж" * 10_000, 'NEAR( "парк" * OR -', "%_\\'; DROP TABLE", "😀"])
def test_any_query_gives_a_normal_page(client, world, q):
    assert client.get("/kk/projects/", {"q": q}).status_code == 200


def test_the_address_keeps_the_state_across_pages(client, world):
    body = client.get("/en/projects/", {"year": fx.TALK_YEAR, "sort": "cost"}).content.decode()
    assert count(body) > PER_PAGE  # a second page
    assert f"year={fx.TALK_YEAR}&amp;sort=cost&amp;page=2" in body


def test_a_kazakh_query_in_the_readers_language_finds_inflected_titles(client, world):
    titles = [p.title for p in pages("kk") if "аудандағы" in p.title and "жарықтандыру" in p.title]
    assert titles, "the catalogue has a Kazakh title with both words"
    body = client.get("/kk/projects/", {"q": "аудан жарық"}).content.decode()
    listed = re.findall(r'<h3><a href="[^"]+">([^<]+)</a></h3>', body)
    assert count(body) >= len(titles) and set(titles) & set(listed)
    assert count(client.get("/kk/projects/", {"q": "аудандағы жарықтандыру"}).content.decode()) >= len(titles)
