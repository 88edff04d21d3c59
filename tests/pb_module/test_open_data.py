"""Open data in API v1: public proposals, published results and analytics, as JSON and as CSV.

The module builds its own cycles once (`world`, see `module_db`): one whose results are published, one in
discussion (2025), one whose vote is open and unpublished (2027: the tests' `published` publishes it) and one
collecting proposals. Every check is against the database, never against fixed counts.
"""

import csv
import hashlib
import io
import json
from datetime import date, datetime
from types import SimpleNamespace
from urllib.parse import parse_qs, urlparse

import pytest
from django.core.cache import cache
from django.utils import translation

from pb_module import roles, services
from pb_module.models import Ballot, PBCyclePage, Proposal, ProposalPage, TallyResult, Territory
from pb_module.rules.statuses import Status

from .. import factories as f
from ._fx_proposal_translation import translate_proposal

pytestmark = pytest.mark.django_db

NEW_PATHS = {
    "/api/v1/proposals/",
    "/api/v1/cycles/{id}/results/",
    "/api/v1/cycles/{id}/analytics/",
    "/api/v1/analytics/",
}
S = Status
M = 1_000_000


def _on_ballot(voting, costs, districts, moderator):
    return [
        f.ProposalFactory(cycle=voting, status=S.ON_BALLOT, estimated_cost=cost, district=place, moderator=moderator)
        for cost, place in zip(costs, districts, strict=True)
    ]


def _ballots(voting, proposals, choices, districts):
    """One ballot per list of indices in `choices`: every other one online, the others at a public centre;
    voters of different ages and both sexes, living in `districts` in turn."""
    operator = f.UserFactory(role=roles.OPERATORS)
    for n, chosen in enumerate(choices):
        f.BallotFactory(
            cycle=voting,
            proposals=[proposals[i] for i in chosen],
            birth_date=date(1950 + 12 * n, 1 + n, 10),
            sex=("female", "male")[n % 2],
            district=districts[n % len(districts)],
            operator=operator if n % 2 else None,
        )


def build_world() -> dict:
    moderator = f.make_moderator()
    kind = Territory.Kind
    region = f.TerritoryFactory(name="Fx облысы", kind=kind.REGION, settlement_category="", translations=True)
    city = f.TerritoryFactory(name="Fx қаласы", kind=kind.CITY, parent=region, translations=True)
    micro = [
        f.TerritoryFactory(
            name=f"Fx {n}-шағын аудан", kind=kind.MICRODISTRICT, settlement_category="", parent=city, translations=True
        )
        for n in (1, 2)
    ]

    # Published: greedy on a budget of 8 M, scores 3, 3, 1: the 5 M and 3 M proposals are selected, the 4 M one
    # is not. The first is then carried out; one more was rejected by the moderator.
    done = f.cycle(
        schedule="voting", territory=city, year=2024, total_budget=8 * M, title="Fx жарияланған", slug="fx-done-2024"
    )
    f.ProposalFactory(cycle=done, status=S.REJECTED, district=micro[0], moderator=moderator)
    balloted = _on_ballot(done, [5 * M, 4 * M, 3 * M], [city, *micro], moderator)
    _ballots(done, balloted, [[0], [0, 1], [0, 1, 2], [1]], [city, *micro])
    f.publish_results(done, moderator)
    for status in (S.IN_IMPLEMENTATION, S.COMPLETED):
        services.proposals.change_status(proposal=balloted[0], new_status=status, user=moderator)

    # 2025, in discussion, not voted on: one proposal translated into Russian and English by a translator.
    talk = f.cycle(schedule="discussion", year=2025, title="Fx талқылау", slug="fx-talk-2025")
    discussed = f.ProposalFactory(cycle=talk, status=S.IN_DISCUSSION, moderator=moderator)
    translate_proposal(discussed)
    for status in (S.ON_BALLOT, S.REJECTED, S.REJECTED, S.IN_MODERATION, S.SUBMITTED):
        f.ProposalFactory(cycle=talk, status=status, moderator=moderator)

    # 2027, voting open, nothing published.
    voting = f.cycle(schedule="voting", year=2027, total_budget=10 * M, title="Fx дауыс беру", slug="fx-vote-2027")
    proposals = _on_ballot(voting, [4 * M, 3 * M, 3 * M, 2 * M], [voting.territory] * 4, moderator)
    _ballots(voting, proposals, [[0, 1], [0], [1, 2], [0, 3], [2]], [voting.territory])

    # Collecting proposals: one waits for a moderator.
    collecting = f.cycle(schedule="collecting", year=2027, title="Fx жинау", slug="fx-collect-2027")
    waiting = f.ProposalFactory(cycle=collecting, status=S.SUBMITTED)
    for _ in range(2):
        f.ProposalFactory(cycle=collecting, status=S.IN_MODERATION, moderator=moderator)
    return {
        "region": region.pk,
        "city": city.pk,
        "done": done.pk,
        "talk": talk.pk,
        "voting": voting.pk,
        "collecting": collecting.pk,
        "waiting": waiting.pk,
        "translated": discussed.pk,
    }


@pytest.fixture(scope="module")
def world_ids(module_db):
    with module_db():
        return build_world()


@pytest.fixture
def world(db, world_ids) -> SimpleNamespace:
    """The module's cycles (Kazakh pages), places and proposals, read afresh for each test."""
    cycles = {name: PBCyclePage.objects.get(pk=world_ids[name]) for name in ("done", "talk", "voting", "collecting")}
    return SimpleNamespace(
        **cycles,
        region=Territory.objects.get(pk=world_ids["region"]),
        city=Territory.objects.get(pk=world_ids["city"]),
        waiting=Proposal.objects.get(pk=world_ids["waiting"]),
        translated=Proposal.objects.get(pk=world_ids["translated"]),
    )


@pytest.fixture(autouse=True)
def fresh_cache():
    cache.clear()  # the API keeps cycles for 30 s; tests roll back, so nothing may outlive one
    yield
    cache.clear()


@pytest.fixture
def voting(world):
    """The cycle whose vote is open (2027), unpublished."""
    return world.voting


@pytest.fixture
def published(voting):
    """The open vote closed and its results published by a moderator."""
    return f.publish_results(voting)


def in_language(cycle, lang) -> PBCyclePage:
    return cycle if lang == f.SOURCE else cycle.get_translation(f.locale(lang))


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


def test_lists_the_public_proposals_of_every_cycle_and_never_submitted_ones(client, world):
    submitted = Proposal.objects.filter(status=Status.SUBMITTED)
    assert world.waiting in submitted  # one waits for a moderator in the cycle collecting proposals
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
    for params in ({}, {"cycle": world.collecting.pk}):
        assert world.waiting.pk not in {item["id"] for item in all_proposals(client, **params)}


def test_pagination_by_limit_and_offset(client, world, django_assert_max_num_queries):
    total = len(public_in_db())
    assert total > 14  # more than two pages of 7
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
    done = world.done.pk
    linked = api(client, "/api/v1/proposals/", cycle=done, limit=2).json()["next"]
    assert parse_qs(urlparse(linked).query)["cycle"] == [str(done)]


def test_filters_by_cycle_status_and_year(client, world):
    done, talk = world.done, world.talk
    items = all_proposals(client, cycle=done.pk)
    assert {i["id"] for i in items} == public_in_db(cycle=done) and {i["cycle"] for i in items} == {done.pk}
    assert public_in_db(cycle=done) < public_in_db()  # the other cycles' proposals are left out
    # The cycle's page in another language names the same cycle.
    assert {i["id"] for i in all_proposals(client, cycle=in_language(done, "ru").pk)} == public_in_db(cycle=done)
    for status in ("on_ballot", "rejected", "completed"):
        assert {i["id"] for i in all_proposals(client, status=status)} == public_in_db(status=status) != set()
    assert {i["id"] for i in all_proposals(client, year=2025)} == public_in_db(cycle__year=2025)
    assert {i["id"] for i in all_proposals(client, year=2025)} == public_in_db(cycle=talk)
    assert all_proposals(client, year=1999) == []
    both = all_proposals(client, cycle=talk.pk, status="rejected")
    assert {i["id"] for i in both} == public_in_db(cycle=talk, status="rejected")
    assert len(both) == 2 < len(public_in_db(cycle=talk))
    assert all_proposals(client, cycle=talk.pk, year=2024) == []


def test_district_filter_takes_in_the_places_within_it(client, world):
    city = world.city
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
    assert city.parent == world.region
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
def test_titles_and_district_names_follow_accept_language(client, world, lang):
    items = all_proposals(client, lang, cycle=world.talk.pk)
    assert world.translated.pk in {item["id"] for item in items}  # its own text in each language
    for item in items:
        proposal = Proposal.objects.select_related("district").get(pk=item["id"])
        page = ProposalPage.objects.get(proposal=proposal, locale__language_code=lang)
        assert (item["title"], item["summary"]) == (page.title, page.summary)
        assert item["url"] == "http://testserver" + page.url
        assert item["district"] == (
            Territory.objects.get(translation_key=proposal.district.translation_key, locale__language_code=lang).name
        )


def test_a_proposal_without_a_page_in_the_language_falls_back_to_the_source_page(client, world):
    proposal = world.translated  # written in Kazakh, translated into English
    english = ProposalPage.objects.live().get(proposal=proposal, locale__language_code="en", alias_of__isnull=True)
    item = next(i for i in all_proposals(client, "en", cycle=proposal.cycle_id) if i["id"] == proposal.pk)
    assert (item["title"], item["url"]) == (english.title, "http://testserver" + english.url)
    assert english.title != proposal.source_page.title
    english.unpublish()
    item = next(i for i in all_proposals(client, "en", cycle=proposal.cycle_id) if i["id"] == proposal.pk)
    assert item["title"] == proposal.source_page.title
    assert item["url"] == "http://testserver" + proposal.source_page.url


# --- the embargo ----------------------------------------------------------------------------------


def test_no_counts_before_publication(client, voting):
    assert not TallyResult.objects.filter(cycle=voting).exists()
    counted = counted_lines()  # another cycle is published: its counts show
    assert counted and not set(counted) & public_in_db(cycle=voting)
    for lang in ("kk", "en"):
        for item in all_proposals(client, lang):
            assert ("votes" in item) == ("selected" in item) == (item["id"] in counted)
    response = api(client, "/api/v1/proposals/", cycle=voting.pk)
    assert response.json()["count"] == len(public_in_db(cycle=voting)) > 0
    assert '"votes"' not in response.content.decode() and '"selected"' not in response.content.decode()
    rows = read_csv(api(client, "/api/v1/proposals/", cycle=voting.pk, format="csv"))
    assert len(rows) == len(public_in_db(cycle=voting)) and "votes" not in rows[0] and "selected" not in rows[0]

    for what in ("results", "analytics"):
        for lang in ("ru", "en"):
            response = api(client, f"/api/v1/cycles/{voting.pk}/{what}/", lang)
            assert response.status_code == 404
            body = response.json()
            assert body["code"] == "not_published"
            assert body["message"] == translated(lang, "The results of this cycle are not published yet.")
            assert "score" not in response.content.decode()
        assert api(client, f"/api/v1/cycles/{voting.pk}/{what}/", format="csv").status_code == 404
        assert api(client, f"/api/v1/cycles/987654/{what}/").json()["code"] == "not_found"
    comparison = api(client, "/api/v1/analytics/").json()
    assert voting.pk not in {row["cycle"] for row in comparison}
    assert {row["cycle"] for row in comparison} == set(TallyResult.objects.values_list("cycle_id", flat=True))


def test_after_publication_votes_are_the_counts_in_the_database(client, world, voting, published):
    votes = dict(Proposal.objects.filter(cycle=voting).with_vote_counts().values_list("pk", "votes"))
    items = all_proposals(client, cycle=voting.pk)
    assert {item["id"]: item["votes"] for item in items} == votes
    assert sum(votes.values()) > 0
    selected = set(Proposal.objects.filter(cycle=voting, status=Status.SELECTED).values_list("pk", flat=True))
    assert {item["id"] for item in items if item["selected"]} == selected
    assert {item["status"] for item in items} <= {"selected", "not_selected"}
    # Still nothing counted for a cycle without a result.
    assert all("votes" not in i for i in all_proposals(client, cycle=world.collecting.pk))


def test_results_of_a_published_cycle(client, voting, published):
    for lang in ("kk", "ru", "en"):
        local = in_language(voting, lang)
        response = api(client, f"/api/v1/cycles/{local.pk}/results/", lang)  # any language's id
        assert response.status_code == 200
        data = response.json()
        assert data["cycle"] == voting.pk and data["title"] == local.title
        assert (data["rule"], data["params"], data["budget"], data["spent"]) == (
            published.rule,
            published.params,
            published.budget,
            published.spent,
        )
        assert data["left"] == published.budget - published.spent
        assert data["ballot_count"] == Ballot.objects.filter(cycle=voting).count()
        assert data["ballots_sha256"] == published.ballots_sha256
        # The moment, given in the site's time zone (its date is the local one).
        assert datetime.fromisoformat(data["published_at"]) == published.published_at
        assert data["published_at"].endswith("+05:00")
        assert data["ballots_url"] == f"http://testserver{local.url}results/ballots/"
        votes = dict(Proposal.objects.filter(cycle=voting).with_vote_counts().values_list("pk", "votes"))
        assert [line["proposal"] for line in data["lines"]] == [line["proposal"] for line in published.lines]
        for line in data["lines"]:
            assert line["score"] == votes[line["proposal"]]
            assert line["title"] == ProposalPage.objects.get(proposal=line["proposal"], locale=local.locale).title
        assert {line["proposal"] for line in data["lines"] if line["selected"]} == set(
            Proposal.objects.filter(cycle=voting, status=Status.SELECTED).values_list("pk", flat=True)
        )
    # The hash is the hash of what the download gives.
    download = client.get(urlparse(data["ballots_url"]).path)
    assert download.status_code == 200
    assert hashlib.sha256(download.content).hexdigest() == data["ballots_sha256"]


def buckets(counts) -> list[int]:
    """The paper's Table 3 columns, counted here independently: 0-10, 11-50, 51-100, over 100 votes."""
    edges = [(0, 10), (11, 50), (51, 100), (101, 10**9)]
    return [sum(1 for v in counts if low <= v <= high) for low, high in edges]


def test_analytics_and_comparison_of_a_published_cycle(client, voting, published):
    response = api(client, f"/api/v1/cycles/{voting.pk}/analytics/", "ru")
    assert response.status_code == 200
    data = response.json()
    votes = dict(Proposal.objects.filter(cycle=voting).with_vote_counts().values_list("pk", "votes"))
    counted = [votes[line["proposal"]] for line in published.lines]
    population = voting.territory.population_16_plus
    ballots = Ballot.objects.filter(cycle=voting)
    assert data["title"] == in_language(voting, "ru").title
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
    mine = next(row for row in comparison if row["cycle"] == voting.pk)
    assert {k: mine[k] for k in ("table2", "table3", "ballots", "turnout_percent", "title")} == {
        k: data[k] for k in ("table2", "table3", "ballots", "turnout_percent", "title")
    }
    assert [row["year"] for row in comparison] == sorted(row["year"] for row in comparison)


# --- CSV ------------------------------------------------------------------------------------------


def test_proposals_csv_has_the_rows_of_the_json(client, world, published):
    for lang, params in (("ru", {}), ("en", {"district": world.city.pk}), ("kk", {"status": "not_selected"})):
        items = all_proposals(client, lang, **params)
        assert items
        response = api(client, "/api/v1/proposals/", lang, format="csv", **params)
        assert response["Content-Disposition"] == 'attachment; filename="proposals.csv"'
        rows = read_csv(response)
        columns = ["id", "cycle", "title", "summary", "district_id", "district", "status", "cost", "url"]
        columns += ["latitude", "longitude"]
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


def test_results_csv_has_the_lines_of_the_json(client, voting, published):
    data = api(client, f"/api/v1/cycles/{voting.pk}/results/", "kk").json()
    response = api(client, f"/api/v1/cycles/{voting.pk}/results/", "kk", format="csv")
    assert response["Content-Disposition"] == 'attachment; filename="fx-vote-2027-results.csv"'
    rows = read_csv(response)
    assert list(rows[0]) == ["cycle", "proposal", "project_id", "title", "url", "cost", "score", "selected"]
    assert rows == [{"cycle": str(voting.pk), **{k: cell(v) for k, v in line.items()}} for line in data["lines"]]


def test_analytics_csv_has_the_figures_of_the_json(client, voting, published):
    data = api(client, f"/api/v1/cycles/{voting.pk}/analytics/").json()
    rows = read_csv(api(client, f"/api/v1/cycles/{voting.pk}/analytics/", format="csv"))
    assert list(rows[0]) == ["cycle", "table", "key", "label", "value", "percent"]
    assert {row["cycle"] for row in rows} == {str(voting.pk)}
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
    response = api(client, f"/api/v1/cycles/{voting.pk}/analytics/", format="csv")
    assert response["Content-Disposition"] == 'attachment; filename="fx-vote-2027-analytics.csv"'


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
        geojson = {"application/geo+json"} if path == "/api/v1/proposals/" else set()
        assert set(operation["responses"]["200"]["content"]) == {"application/json", "text/csv"} | geojson
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
