"""The catalogue of projects: filters, the territory hierarchy, facet counts, sorting, paging, bad input."""

import re

import pytest

from pb_module.models import Proposal, ProposalPage, Territory
from pb_module.rules.statuses import PUBLIC


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
def test_catalogue_lists_every_public_proposal_in_the_readers_language(client, db, lang):
    body = client.get(f"/{lang}/projects/").content.decode()
    assert count(body) == pages(lang).count() > 40
    assert all(url.startswith(f"/{lang}/") for url in found(body))
    assert len(found(body)) == 20  # one page


def test_city_includes_its_districts_and_a_district_only_itself(client, db):
    aktau = Territory.objects.get(name="Ақтау", locale__language_code="kk")
    body = client.get("/kk/projects/", {"district": aktau.pk}).content.decode()
    assert count(body) == pages("kk", proposal__district__translation_key__in=aktau.descendant_keys).count() > 20
    child = Territory.objects.filter(parent=aktau).first()
    assert (
        option_count(body, "district", child.pk)
        == pages("kk", proposal__district__translation_key=child.translation_key).count()
    )
    body = client.get("/kk/projects/", {"district": child.pk}).content.decode()
    assert count(body) == pages("kk", proposal__district__translation_key=child.translation_key).count()


def test_year_status_funded_and_cost_filters(client, db):
    body = client.get("/en/projects/", {"year": 2025}).content.decode()
    assert count(body) == pages("en", proposal__cycle__year=2025).count() > 0
    assert option_count(body, "year", 2024) == pages("en", proposal__cycle__year=2024).count()
    body = client.get("/en/projects/", {"funded": "yes"}).content.decode()
    funded = ["selected", "in_implementation", "completed", "stalled"]
    assert count(body) == pages("en", proposal__status__in=funded).count() > 0
    body = client.get("/en/projects/", {"status": "not_selected"}).content.decode()
    assert count(body) == pages("en", proposal__status="not_selected").count()
    cheap = [p for p in pages("en") if p.proposal.cost <= 10_000_000]
    body = client.get("/en/projects/", {"cost_max": 10_000_000}).content.decode()
    assert count(body) == len(cheap) > 0


def test_words_are_found_in_other_forms(client, db):
    body = client.get("/ru/projects/", {"q": "микрорайон освещение"}).content.decode()
    assert count(body) > 0
    by_url = {page.url: page for page in pages("ru")}
    for url in found(body):
        page = by_url[url]
        assert "микрорайон" in page.search_text and "освещ" in page.search_text


def test_sorting_by_votes_uses_only_published_counts(client, db):
    body = client.get("/en/projects/", {"sort": "votes", "year": 2024}).content.decode()
    first = found(body)[0]
    top = Proposal.objects.filter(cycle__year=2024, published_votes__isnull=False).order_by("-published_votes").first()
    assert first == top.page_in("en").url or first == top.pages.filter(locale__language_code="en").first().url
    assert "331 votes" in body
    # Shymkent's ballot is not published: no vote count appears for its proposals.
    body = client.get("/en/projects/", {"year": 2027, "sort": "votes"}).content.decode()
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
def test_bad_input_gives_a_normal_page_with_a_message(client, db, params, message):
    response = client.get("/en/projects/", params)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert count(response.content.decode()) > 0


@pytest.mark.parametrize("q", ["ж" * 10_000, 'NEAR( "парк" * OR -', "%_\\'; DROP TABLE", "😀"])
def test_any_query_gives_a_normal_page(client, db, q):
    assert client.get("/kk/projects/", {"q": q}).status_code == 200


def test_the_address_keeps_the_state_across_pages(client, db):
    body = client.get("/en/projects/", {"year": 2024, "sort": "cost"}).content.decode()
    assert "year=2024&amp;sort=cost&amp;page=2" in body


def test_a_kazakh_query_in_the_readers_language_finds_inflected_titles(client, db):
    titles = [p.title for p in pages("kk") if "аудандағы" in p.title and "жарықтандыру" in p.title]
    assert titles, "the demo has a Kazakh title with both words"
    body = client.get("/kk/projects/", {"q": "аудан жарық"}).content.decode()
    listed = re.findall(r'<h3><a href="[^"]+">([^<]+)</a></h3>', body)
    assert count(body) >= len(titles) and set(titles) & set(listed)
    assert count(client.get("/kk/projects/", {"q": "аудандағы жарықтандыру"}).content.decode()) >= len(titles)
