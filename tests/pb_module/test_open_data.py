"""Open data in API v1: public proposals, published results and analytics, as JSON and as CSV.

Only shymkent-2027 is published here (through the service); the other demo cycles may or may not have
a published result, so every check is against the database, never against fixed counts.
"""

import csv
import hashlib
import io
import json
from datetime import datetime
from urllib.parse import parse_qs, urlparse

import pytest
from django.core.cache import cache
from django.utils import translation

from pb_module import services
from pb_module.models import Ballot, Proposal, ProposalPage, TallyResult, Territory
from pb_module.rules.statuses import Status

from .conftest import cycle_page, territory
from .test_results import close_voting

pytestmark = pytest.mark.django_db

NEW_PATHS = {
    "/api/v1/proposals/",
    "/api/v1/cycles/{id}/results/",
    "/api/v1/cycles/{id}/analytics/",
    "/api/v1/analytics/",
}


@pytest.fixture(autouse=True)
def fresh_cache():
    cache.clear()  # the API keeps cycles for 30 s; tests roll back, so nothing may outlive one
    yield
    cache.clear()


@pytest.fixture
def shymkent(db):
    return cycle_page("shymkent-2027")


@pytest.fixture
def published(shymkent, moderator):
    return services.results.publish_results(cycle=close_voting(shymkent), user=moderator)


def api(client, path, lang="en", **params):
    return client.get(path, params, HTTP_ACCEPT_LANGUAGE=lang)


def all_proposals(client, lang="en", **params) -> list[dict]:
    """Every item, following the `next` links."""
    page = api(client, "/api/v1/proposals/", lang, limit=30, **params).json()
    items = page["results"]
    while page["next"]:
        link = urlparse(page["next"])
        page = client.get(f"{link.path}?{link.query}", HTTP_ACCEPT_LANGUAGE=lang).json()
        items += page["results"]
    assert len(items) == page["count"] == len({item["id"] for item in items})
    return items


def public_in_db(**filters) -> set[int]:
    return set(Proposal.objects.exclude(status=Status.SUBMITTED).filter(**filters).values_list("pk", flat=True))


def read_csv(response) -> list[dict]:
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].startswith("attachment; filename=")
    return list(csv.DictReader(io.StringIO(response.content.decode("utf-8"))))


def cell(value) -> str:
    return "" if value is None else ("true" if value else "false") if isinstance(value, bool) else str(value)


def counted_lines() -> dict[int, dict]:
    """Proposal pk -> its line in whichever results are published now."""
    return {line["proposal"]: line for result in TallyResult.objects.all() for line in result.lines}


def translated(lang, message):
    with translation.override(lang):
        return translation.gettext(message)


# --- the list of proposals ------------------------------------------------------------------------


def test_lists_the_public_proposals_of_every_cycle_and_never_submitted_ones(client):
    submitted = Proposal.objects.filter(status=Status.SUBMITTED)
    assert submitted.exists()  # the demo has one waiting for a moderator
    items = all_proposals(client)
    assert {item["id"] for item in items} == public_in_db()
    assert not {item["id"] for item in items} & set(submitted.values_list("pk", flat=True))
    assert {item["status"] for item in items} <= {s.value for s in Status} - {"submitted"}
    by_pk = {p.pk: p for p in Proposal.objects.filter(pk__in=[item["id"] for item in items])}
    for item in items:
        proposal = by_pk[item["id"]]
        assert (item["cycle"], item["status"], item["cost"], item["district_id"]) == (
            proposal.cycle_id,
            proposal.status,
            proposal.cost,
            proposal.district_id,
        )
    # A proposal a moderator has not yet seen stays out, whatever the filters.
    for params in ({}, {"cycle": cycle_page("almaty-bostandyq-2027").pk}):
        assert submitted.first().pk not in {item["id"] for item in all_proposals(client, **params)}


def test_pagination_by_limit_and_offset(client, django_assert_max_num_queries):
    total = len(public_in_db())
    first = api(client, "/api/v1/proposals/", limit=7).json()
    assert (first["count"], len(first["results"]), first["previous"]) == (total, 7, None)
    assert parse_qs(urlparse(first["next"]).query) == {"limit": ["7"], "offset": ["7"]}
    second = api(client, "/api/v1/proposals/", limit=7, offset=7).json()
    assert parse_qs(urlparse(second["previous"]).query) == {"limit": ["7"]}
    assert not {i["id"] for i in first["results"]} & {i["id"] for i in second["results"]}
    ids = [i["id"] for i in api(client, "/api/v1/proposals/", limit=1000).json()["results"]]
    assert ids[7:14] == [i["id"] for i in second["results"]] and ids == sorted(ids)
    last = api(client, "/api/v1/proposals/", limit=7, offset=total - 1).json()
    assert (len(last["results"]), last["next"]) == (1, None)
    assert api(client, "/api/v1/proposals/", offset=total).json()["results"] == []
    default = api(client, "/api/v1/proposals/").json()
    assert len(default["results"]) == min(total, 100)
    with django_assert_max_num_queries(12):  # the same few queries for any number of rows
        assert len(api(client, "/api/v1/proposals/", "ru", limit=1000).json()["results"]) == total
    # Filters stay in the links.
    aktau = cycle_page("aktau-2024").pk
    linked = api(client, "/api/v1/proposals/", cycle=aktau, limit=2).json()["next"]
    assert parse_qs(urlparse(linked).query)["cycle"] == [str(aktau)]


def test_filters_by_cycle_status_and_year(client):
    aktau, aksu = cycle_page("aktau-2024"), cycle_page("aksu-2025")
    items = all_proposals(client, cycle=aktau.pk)
    assert {i["id"] for i in items} == public_in_db(cycle=aktau) and {i["cycle"] for i in items} == {aktau.pk}
    # The cycle's page in another language names the same cycle.
    assert {i["id"] for i in all_proposals(client, cycle=cycle_page("aktau-2024", "ru").pk)} == public_in_db(
        cycle=aktau
    )
    for status in ("on_ballot", "rejected", "completed"):
        assert {i["id"] for i in all_proposals(client, status=status)} == public_in_db(status=status)
    assert {i["id"] for i in all_proposals(client, year=2025)} == public_in_db(cycle__year=2025)
    assert {i["id"] for i in all_proposals(client, year=2025)} == public_in_db(cycle=aksu)
    assert all_proposals(client, year=1999) == []
    both = all_proposals(client, cycle=aksu.pk, status="rejected")
    assert {i["id"] for i in both} == public_in_db(cycle=aksu, status="rejected")
    assert all_proposals(client, cycle=aksu.pk, year=2024) == []


def test_district_filter_takes_in_the_places_within_it(client):
    city = territory("Ақтау")
    places = set(Territory.objects.filter(parent=city).values_list("pk", flat=True))
    assert places  # the microdistricts
    items = all_proposals(client, district=city.pk)
    expected = public_in_db(district__in=places | {city.pk})
    assert {i["id"] for i in items} == expected
    assert expected - public_in_db(district=city)  # more than the city's own proposals
    # A microdistrict: only its own proposals; any language's id of a place works.
    place = Territory.objects.get(pk=min(places))
    assert {i["id"] for i in all_proposals(client, district=place.pk)} == public_in_db(district=place)
    russian = Territory.objects.get(translation_key=city.translation_key, locale__language_code="ru")
    assert {i["id"] for i in all_proposals(client, district=russian.pk)} == expected
    # The region takes in the city and its microdistricts.
    assert {i["id"] for i in all_proposals(client, district=city.parent_id)} >= expected


@pytest.mark.parametrize(
    "params, field, message",
    [
        ({"cycle": "abc"}, "cycle", "Give a cycle by its id, a whole number."),
        ({"cycle": 987654}, "cycle", "There is no public cycle with this id."),
        ({"district": "Ақтау"}, "district", "Give a district by its id, a whole number."),
        ({"district": 987654}, "district", "There is no territory with this id."),
        ({"year": "2O25"}, "year", "Give the year as a number, e.g. 2025."),
        ({"limit": 0}, "limit", "The limit is a whole number from 1 to 1000."),
        ({"limit": 5000}, "limit", "The limit is a whole number from 1 to 1000."),
        ({"offset": -1}, "offset", "The offset is a whole number, 0 or more."),
    ],
)
@pytest.mark.parametrize("lang", ["ru", "en"])
def test_a_bad_filter_is_a_400_with_a_translated_message(client, db, params, field, message, lang):
    response = api(client, "/api/v1/proposals/", lang, **params)
    assert response.status_code == 400
    assert response["Content-Language"] == lang
    body = response.json()
    assert body["code"] == "invalid_filter"
    assert body["message"] == translated(lang, message)
    assert body["errors"] == {field: [translated(lang, message)]}


@pytest.mark.parametrize("status", ["submitted", "approved"])
def test_an_unknown_or_unpublic_status_is_refused(client, db, status):
    body = api(client, "/api/v1/proposals/", "ru", status=status).json()
    assert body["code"] == "invalid_filter" and list(body["errors"]) == ["status"]
    assert body["message"].startswith(translated("ru", "Unknown status “%(status)s”: use one of %(statuses)s.")[:10])
    assert status in body["message"] and "on_ballot" in body["message"]


def test_an_unknown_format_is_a_400_in_json(client, db):
    response = api(client, "/api/v1/proposals/", format="xml")
    assert response.status_code == 400
    assert response.json()["code"] == "invalid_format"
    # Errors of a CSV download are JSON too.
    response = api(client, "/api/v1/proposals/", format="csv", year="soon")
    assert (response.status_code, response["Content-Type"]) == (400, "application/json")
    assert response.json()["errors"] == {"year": ["Give the year as a number, e.g. 2025."]}


@pytest.mark.parametrize("lang", ["kk", "ru", "en"])
def test_titles_and_district_names_follow_accept_language(client, shymkent, lang):
    items = all_proposals(client, lang, cycle=cycle_page("aksu-2025").pk)
    assert items
    for item in items:
        proposal = Proposal.objects.select_related("district").get(pk=item["id"])
        page = ProposalPage.objects.get(proposal=proposal, locale__language_code=lang)
        assert (item["title"], item["summary"]) == (page.title, page.summary)
        assert item["url"] == "http://testserver" + page.url
        assert item["district"] == (
            Territory.objects.get(translation_key=proposal.district.translation_key, locale__language_code=lang).name
        )


def test_a_proposal_without_a_page_in_the_language_falls_back_to_the_source_page(client):
    english = (
        ProposalPage.objects.live()
        .filter(locale__language_code="en", alias_of__isnull=True)
        .exclude(proposal__language="en")
        .exclude(proposal__status=Status.SUBMITTED)
        .select_related("proposal")
        .first()
    )
    proposal = english.proposal
    english.unpublish()
    item = next(i for i in all_proposals(client, "en", cycle=proposal.cycle_id) if i["id"] == proposal.pk)
    assert item["title"] == proposal.source_page.title
    assert item["url"] == "http://testserver" + proposal.source_page.url


# --- the embargo ----------------------------------------------------------------------------------


def test_no_counts_before_publication(client, shymkent):
    assert not TallyResult.objects.filter(cycle=shymkent).exists()
    counted = counted_lines()  # other demo cycles may be published; their counts may show
    for lang in ("kk", "en"):
        for item in all_proposals(client, lang):
            assert ("votes" in item) == ("selected" in item) == (item["id"] in counted)
    response = api(client, "/api/v1/proposals/", cycle=shymkent.pk)
    assert response.json()["count"] == len(public_in_db(cycle=shymkent)) > 0
    assert '"votes"' not in response.content.decode() and '"selected"' not in response.content.decode()
    rows = read_csv(api(client, "/api/v1/proposals/", cycle=shymkent.pk, format="csv"))
    assert len(rows) == len(public_in_db(cycle=shymkent)) and "votes" not in rows[0] and "selected" not in rows[0]

    for what in ("results", "analytics"):
        for lang in ("ru", "en"):
            response = api(client, f"/api/v1/cycles/{shymkent.pk}/{what}/", lang)
            assert response.status_code == 404
            body = response.json()
            assert body["code"] == "not_published"
            assert body["message"] == translated(lang, "The results of this cycle are not published yet.")
            assert "score" not in response.content.decode()
        assert api(client, f"/api/v1/cycles/{shymkent.pk}/{what}/", format="csv").status_code == 404
        assert api(client, f"/api/v1/cycles/987654/{what}/").json()["code"] == "not_found"
    comparison = api(client, "/api/v1/analytics/").json()
    assert shymkent.pk not in {row["cycle"] for row in comparison}
    assert {row["cycle"] for row in comparison} == set(TallyResult.objects.values_list("cycle_id", flat=True))


def test_after_publication_votes_are_the_counts_in_the_database(client, shymkent, published):
    votes = dict(Proposal.objects.filter(cycle=shymkent).with_vote_counts().values_list("pk", "votes"))
    items = all_proposals(client, cycle=shymkent.pk)
    assert {item["id"]: item["votes"] for item in items} == votes
    assert sum(votes.values()) > 0
    selected = set(Proposal.objects.filter(cycle=shymkent, status=Status.SELECTED).values_list("pk", flat=True))
    assert {item["id"] for item in items if item["selected"]} == selected
    assert {item["status"] for item in items} <= {"selected", "not_selected"}
    # Still nothing counted for a cycle without a result.
    assert all("votes" not in i for i in all_proposals(client, cycle=cycle_page("almaty-bostandyq-2027").pk))


def test_results_of_a_published_cycle(client, shymkent, published):
    for lang in ("kk", "ru", "en"):
        local = cycle_page("shymkent-2027", lang)
        response = api(client, f"/api/v1/cycles/{local.pk}/results/", lang)  # any language's id
        assert response.status_code == 200
        data = response.json()
        assert data["cycle"] == shymkent.pk and data["title"] == local.title
        assert (data["rule"], data["params"], data["budget"], data["spent"]) == (
            published.rule,
            published.params,
            published.budget,
            published.spent,
        )
        assert data["left"] == published.budget - published.spent
        assert data["ballot_count"] == Ballot.objects.filter(cycle=shymkent).count()
        assert data["ballots_sha256"] == published.ballots_sha256
        # The moment, given in the site's time zone (its date is the local one).
        assert datetime.fromisoformat(data["published_at"]) == published.published_at
        assert data["published_at"].endswith("+05:00")
        assert data["ballots_url"] == f"http://testserver{local.url}results/ballots/"
        votes = dict(Proposal.objects.filter(cycle=shymkent).with_vote_counts().values_list("pk", "votes"))
        assert [line["proposal"] for line in data["lines"]] == [line["proposal"] for line in published.lines]
        for line in data["lines"]:
            assert line["score"] == votes[line["proposal"]]
            assert line["title"] == ProposalPage.objects.get(proposal=line["proposal"], locale=local.locale).title
        assert {line["proposal"] for line in data["lines"] if line["selected"]} == set(
            Proposal.objects.filter(cycle=shymkent, status=Status.SELECTED).values_list("pk", flat=True)
        )
    # The hash is the hash of what the download gives.
    download = client.get(urlparse(data["ballots_url"]).path)
    assert download.status_code == 200
    assert hashlib.sha256(download.content).hexdigest() == data["ballots_sha256"]


def buckets(counts) -> list[int]:
    """The paper's Table 3 columns, counted here independently: 0-10, 11-50, 51-100, over 100 votes."""
    edges = [(0, 10), (11, 50), (51, 100), (101, 10**9)]
    return [sum(1 for v in counts if low <= v <= high) for low, high in edges]


def test_analytics_and_comparison_of_a_published_cycle(client, shymkent, published):
    response = api(client, f"/api/v1/cycles/{shymkent.pk}/analytics/", "ru")
    assert response.status_code == 200
    data = response.json()
    votes = dict(Proposal.objects.filter(cycle=shymkent).with_vote_counts().values_list("pk", "votes"))
    counted = [votes[line["proposal"]] for line in published.lines]
    population = shymkent.territory.population_16_plus
    ballots = Ballot.objects.filter(cycle=shymkent)
    assert data["title"] == cycle_page("shymkent-2027", "ru").title
    table2 = data["table2"]
    assert (table2["population_16_plus"], table2["projects"], table2["max_votes"]) == (
        population,
        len(counted),
        max(counted),
    )
    if population:
        assert table2["projects_percent"] == pytest.approx(100 * len(counted) / population)
        assert table2["max_votes_percent"] == pytest.approx(100 * max(counted) / population)
        assert data["turnout_percent"] == pytest.approx(100 * ballots.count() / population)
    assert [b["count"] for b in data["table3"]] == buckets(counted)
    assert [(b["low"], b["high"]) for b in data["table3"]] == [(0, 10), (11, 50), (51, 100), (101, None)]
    with translation.override("ru"):
        assert data["table3"][0]["label"] == translation.gettext("%(low)s to %(high)s votes") % {"low": 0, "high": 10}
    assert sum(b["percent"] for b in data["table3"]) == pytest.approx(100)
    assert data["ballots"] == ballots.count()
    assert set(data["breakdowns"]) == {"district", "age", "sex", "channel"}
    for name, field in (("age", "age_band"), ("sex", "sex"), ("channel", "channel")):
        in_db = {}
        for value in ballots.values_list(field, flat=True):
            in_db[value] = in_db.get(value, 0) + 1
        assert {row["key"]: row["count"] for row in data["breakdowns"][name]} == in_db
        assert all(row["label"] for row in data["breakdowns"][name])
    assert sum(row["count"] for row in data["breakdowns"]["district"]) == ballots.count()

    comparison = api(client, "/api/v1/analytics/", "ru").json()
    assert {row["cycle"] for row in comparison} == set(TallyResult.objects.values_list("cycle_id", flat=True))
    mine = next(row for row in comparison if row["cycle"] == shymkent.pk)
    assert {k: mine[k] for k in ("table2", "table3", "ballots", "turnout_percent", "title")} == {
        k: data[k] for k in ("table2", "table3", "ballots", "turnout_percent", "title")
    }
    assert [row["year"] for row in comparison] == sorted(row["year"] for row in comparison)


# --- CSV ------------------------------------------------------------------------------------------


def test_proposals_csv_has_the_rows_of_the_json(client, published):
    for lang, params in (("ru", {}), ("en", {"district": territory("Ақтау").pk}), ("kk", {"status": "not_selected"})):
        items = all_proposals(client, lang, **params)
        response = api(client, "/api/v1/proposals/", lang, format="csv", **params)
        assert response["Content-Disposition"] == 'attachment; filename="proposals.csv"'
        rows = read_csv(response)
        columns = ["id", "cycle", "title", "summary", "district_id", "district", "status", "cost", "url"]
        counted = any("votes" in item for item in items)
        assert list(rows[0]) == columns + (["votes", "selected"] if counted else [])
        assert rows == [{c: cell(item.get(c)) for c in rows[0]} for item in items]
    # Accept: text/csv gives the same download; a limit gives the same page as the JSON.
    by_header = client.get("/api/v1/proposals/", {"year": 2027}, HTTP_ACCEPT="text/csv", HTTP_ACCEPT_LANGUAGE="en")
    assert read_csv(by_header) == read_csv(api(client, "/api/v1/proposals/", year=2027, format="csv"))
    page = api(client, "/api/v1/proposals/", limit=5, offset=3).json()["results"]
    assert [r["id"] for r in read_csv(api(client, "/api/v1/proposals/", limit=5, offset=3, format="csv"))] == [
        str(i["id"]) for i in page
    ]


def test_results_csv_has_the_lines_of_the_json(client, shymkent, published):
    data = api(client, f"/api/v1/cycles/{shymkent.pk}/results/", "kk").json()
    response = api(client, f"/api/v1/cycles/{shymkent.pk}/results/", "kk", format="csv")
    assert response["Content-Disposition"] == 'attachment; filename="shymkent-2027-results.csv"'
    rows = read_csv(response)
    assert list(rows[0]) == ["cycle", "proposal", "project_id", "title", "url", "cost", "score", "selected"]
    assert rows == [{"cycle": str(shymkent.pk), **{k: cell(v) for k, v in line.items()}} for line in data["lines"]]


def test_analytics_csv_has_the_figures_of_the_json(client, shymkent, published):
    data = api(client, f"/api/v1/cycles/{shymkent.pk}/analytics/").json()
    rows = read_csv(api(client, f"/api/v1/cycles/{shymkent.pk}/analytics/", format="csv"))
    assert list(rows[0]) == ["cycle", "table", "key", "label", "value", "percent"]
    assert {row["cycle"] for row in rows} == {str(shymkent.pk)}
    table = {(row["table"], row["key"]): row for row in rows}
    for key in ("population_16_plus", "projects", "max_votes"):
        assert table["table2", key]["value"] == cell(data["table2"][key])
    assert table["table2", "projects"]["percent"] == cell(data["table2"]["projects_percent"])
    assert [(r["key"], r["label"], r["value"], r["percent"]) for r in rows if r["table"] == "table3"] == [
        (f"{b['low']}-{b['high']}" if b["high"] else f"{b['low']}+", b["label"], str(b["count"]), cell(b["percent"]))
        for b in data["table3"]
    ]
    assert table["turnout", "ballots"]["value"] == str(data["ballots"])
    for name, shares in data["breakdowns"].items():
        assert [(r["key"], r["label"], r["value"], r["percent"]) for r in rows if r["table"] == name] == [
            (s["key"], s["label"], str(s["count"]), cell(s["percent"])) for s in shares
        ]
    response = api(client, f"/api/v1/cycles/{shymkent.pk}/analytics/", format="csv")
    assert response["Content-Disposition"] == 'attachment; filename="shymkent-2027-analytics.csv"'


def test_comparison_csv_has_a_row_per_published_cycle(client, published):
    data = api(client, "/api/v1/analytics/", "ru").json()
    response = api(client, "/api/v1/analytics/", "ru", format="csv")
    assert response["Content-Disposition"] == 'attachment; filename="analytics-comparison.csv"'
    rows = read_csv(response)
    assert [row["cycle"] for row in rows] == [str(item["cycle"]) for item in data]
    for row, item in zip(rows, data, strict=True):
        assert row["title"] == item["title"] and row["ballots"] == str(item["ballots"])
        assert all(row[k] == cell(v) for k, v in item["table2"].items())
        counts = [row["votes_0_10"], row["votes_11_50"], row["votes_51_100"], row["votes_101_plus"]]
        assert counts == [str(b["count"]) for b in item["table3"]]
        assert row["votes_101_plus_percent"] == cell(item["table3"][3]["percent"])


def test_csv_headers_without_rows(client, db):
    rows = api(client, "/api/v1/proposals/", year=1999, format="csv")
    assert rows.content.decode().splitlines()[0].startswith("id,cycle,title,summary")
    assert len(rows.content.decode().splitlines()) == 1


# --- the schema -----------------------------------------------------------------------------------


def test_the_schema_documents_the_open_data_api(client, db):
    schema = json.loads(client.get("/api/v1/schema/?format=json").content)
    assert NEW_PATHS <= set(schema["paths"])
    for path in NEW_PATHS:
        operation = schema["paths"][path]["get"]
        assert set(operation["responses"]["200"]["content"]) == {"application/json", "text/csv"}
        assert "format" in {p["name"] for p in operation["parameters"]}
    proposals = schema["paths"]["/api/v1/proposals/"]["get"]
    assert {p["name"] for p in proposals["parameters"]} == {
        "cycle",
        "district",
        "status",
        "year",
        "limit",
        "offset",
        "format",
    }
    assert "Limit/offset" in proposals["description"]
    for path in ("/api/v1/cycles/{id}/results/", "/api/v1/cycles/{id}/analytics/"):
        assert "not_published" in schema["paths"][path]["get"]["responses"]["404"]["description"]
    assert "id" in schema["components"]["schemas"]["Cycle"]["properties"]  # not emptied by CycleList's schema
    item = schema["components"]["schemas"]["OpenProposal"]
    assert "votes" not in item["required"] and "selected" not in item["required"]
    # The default answer is YAML with the same paths.
    yaml_text = client.get("/api/v1/schema/").content.decode()
    assert all(f"  {path}:" in yaml_text for path in NEW_PATHS)
