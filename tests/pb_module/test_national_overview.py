"""The national overview (issue 18): the seed paper's Table 4 computed from the cities of the territory tree and the
MRP table, in kk/ru/en, with other assumptions a visitor may try; the published cycles by region; the public
councils' composition; the same figures as open data."""

import csv
import io
import json

import pytest

from pb_module.models import CouncilComposition, NationalOverviewPage, Proposal, Territory
from tests.factories import (
    PBIndexPageFactory,
    TerritoryFactory,
    cycle,
    funded_proposal,
    publish_results,
    translate,
    voting_cycle,
)

pytestmark = pytest.mark.django_db
PAPER_CITIES = {Territory.Category.REPUBLICAN: 3, Territory.Category.OBLAST: 38, Territory.Category.DISTRICT: 48}


@pytest.fixture(scope="module")
def overview_id(module_db):
    """The paper's 89 cities (under one region each of their kind), and the overview page for 2024: built once for
    the module (see `module_db`), the page's id."""
    with module_db():
        region = TerritoryFactory(
            name="Fx облыс", kind=Territory.Kind.REGION, settlement_category="", translations=True
        )
        for category, count in PAPER_CITIES.items():
            for n in range(count):
                TerritoryFactory(name=f"Fx {category} {n}", settlement_category=category, parent=region)
        # Places that are not cities of a category do not count: a village, a district of a city.
        TerritoryFactory(name="Fx ауыл", kind=Territory.Kind.VILLAGE, settlement_category="rural", parent=region)
        TerritoryFactory(name="Fx аудан", kind=Territory.Kind.DISTRICT, settlement_category="", parent=region)
        section = PBIndexPageFactory()
        page = NationalOverviewPage(title="Fx ұлттық шолу", slug="fx-overview", default_year=2024)
        section.add_child(instance=page)
        page.save_revision().publish()
        translate(page, {"ru": "Fx национальный обзор", "en": "Fx national overview"})
        return page.pk


@pytest.fixture
def overview(db, overview_id):
    """The overview page for 2024 over the paper's 89 cities, read afresh for each test."""
    return NationalOverviewPage.objects.get(pk=overview_id)


def _locale(lang):
    from wagtail.models import Locale

    return Locale.objects.get(language_code=lang)


def _get(client, page, lang, **params):
    url = page.get_translation(_locale(lang)).url
    return client.get(url, params).content.decode()


@pytest.mark.parametrize(
    "lang, figures",
    [
        ("kk", ["680", "5,5", "21,0", "1,3", "27,9", "27\u202f911\u202f520\u202f000", "3\u202f692"]),
        ("ru", ["680", "5,5", "21,0", "1,3", "27,9", "27\u202f911\u202f520\u202f000", "3\u202f692"]),
        ("en", ["680", "5.5", "21.0", "1.3", "27.9", "27,911,520,000", "3,692"]),
    ],
)
def test_table_4_for_2024_in_every_language(client, overview, lang, figures):
    html = _get(client, overview, lang)
    for figure in figures:
        assert f">{figure}<" in html or figure in html, figure
    assert ">89<" in html and ">380<" in html and ">240<" in html and ">60<" in html
    words = {
        "kk": "Республикалық маңызы бар қалалар",
        "ru": "Города республиканского значения",
        "en": "Cities of republican significance",
    }
    assert words[lang] in html


def test_a_visitor_tries_other_averages_and_another_year(client, overview):
    html = _get(client, overview, "en", year=2025, average_oblast=2, average_district="")
    # 3 x 20 x 25 000 + 38 x 2 x 15 000 + 48 x 5 x 1 500 MRP at the 2025 MRP of 3 932 tenge
    assert ">376<" in html and "Estimate for 2025, at an MCI of 3,932 tenge" in html
    assert f"{(3 * 20 * 25_000 + 38 * 2 * 15_000 + 48 * 5 * 1_500) * 3_932:,}" in html
    assert 'value="2"' in html  # the typed average is kept in its box


@pytest.mark.parametrize(
    "lang, message", [("kk", "Толық санды енгізіңіз"), ("ru", "Введите целое число"), ("en", "Enter a whole number")]
)
def test_bad_input_is_explained_and_kept(client, overview, lang, message):
    html = _get(client, overview, lang, average_oblast="5000", average_district="abc")
    assert 'role="alert"' in html and message in html
    assert 'value="5000"' in html and 'value="abc"' in html
    assert ">680<" in html  # the page's own assumptions are shown meanwhile
    assert "Select a valid choice" in _get(client, overview, "en", year=1999)


def test_only_published_results_count_by_region(client, overview):
    region = Territory.objects.get(name="Fx облыс")
    city = Territory.objects.filter(parent=region, settlement_category="oblast").first()
    shown, (a, b) = voting_cycle([1_000, 2_000], ballots=[[0], [0, 1], [1]], territory=city)
    publish_results(shown)
    hidden, _ = voting_cycle([500], ballots=[[0]], territory=city)  # still voting: under embargo
    done = funded_proposal(cycle=cycle(schedule="voting", territory=city), estimated_cost=700)
    html = _get(client, overview, "en")
    data = json.loads(client.get("/api/v1/overview/", HTTP_ACCEPT_LANGUAGE="en").content)
    rows = {r["region"]: r for r in data["regions"]}
    assert set(rows) == {"Fx облыс [en]"}
    row = rows["Fx облыс [en]"]
    assert (row["cycles"], row["proposals"], row["voters"]) == (2, 3, 4)
    assert row["allocated_tenge"] == 3_000 + 700
    assert (row["funded"], row["completed"], row["completed_percent"]) == (3, 0, 0.0)
    assert "Fx облыс [en]" in html and ">3,700<" in html
    assert Proposal.objects.filter(pk__in=[a.pk, b.pk], status="selected").count() == 2
    assert done.status == "in_implementation" and hidden.ballots.count() == 1


def test_open_data_json_and_csv(client, overview):
    data = json.loads(client.get("/api/v1/overview/", {"year": 2024}).content)
    assert (data["year"], data["mrp_tenge"], data["projects"], data["settlements"]) == (2024, 3692, 680, 89)
    assert [r["projects"] for r in data["rows"]] == [60, 380, 240]
    assert (data["total_tenge"], data["total_bn_tenge"]) == (27_911_520_000, 27.9)
    response = client.get("/api/v1/overview/", {"year": 2024, "format": "csv", "average_republican": 10})
    assert response["Content-Type"].startswith("text/csv") and "attachment" in response["Content-Disposition"]
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert [r["category"] for r in rows] == ["republican", "oblast", "district", "total"]
    assert rows[0]["projects"] == "30" and rows[-1]["projects"] == "650"
    bad = client.get("/api/v1/overview/", {"year": 1999, "average_oblast": -1}, HTTP_ACCEPT_LANGUAGE="ru")
    assert bad.status_code == 400
    assert json.loads(bad.content)["code"] == "invalid_filter"


def test_public_councils_composition_by_region(client, overview):
    region = Territory.objects.get(name="Fx облыс")
    other = TerritoryFactory(
        name="Fx екінші облыс", kind=Territory.Kind.REGION, settlement_category="", translations=True
    )
    CouncilComposition.objects.create(
        region=region,
        year=2021,
        councils=12,
        ngo=60,
        business=40,
        experts=30,
        media=10,
        citizens=20,
        source="Министерство культуры и информации РК",
    )
    CouncilComposition.objects.create(
        region=other, year=2021, councils=9, ngo=50, business=20, experts=20, media=5, citizens=5
    )
    CouncilComposition.objects.create(region=other, year=2019, councils=1, ngo=1)  # an older year is not shown
    html = _get(client, overview, "kk")
    assert "Fx облыс [kk]" not in html  # the source language's own name
    assert html.index("Fx облыс") < html.index("Fx екінші облыс")  # most members first: 160, then 100
    assert ">160<" in html and ">100<" in html and ">260<" in html and ">21<" in html
    assert 'lang="ru"' in html and "Министерство культуры" in html
    en = _get(client, overview, "en")
    assert "Fx облыс [en]" in en and "Members of public councils by sector, 2021" in en
