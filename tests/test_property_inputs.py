"""Property: whatever a visitor or a program sends in the public query parameters and API inputs, the answer is
never a server error (5xx); an API error is in the API's format {"code", "message", "errors"}.

Values mix what people type (any text, numbers past a bigint, "²", "1e30", NUL, search syntax) with real ids of
cycles, places and proposals the module builds once (`real`), so both the checks and what lies behind them are
reached.
Bounded: about 50 examples a property.
"""

import json
from datetime import date
from urllib.parse import quote

import pytest
from django.core.cache import cache
from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pb_module.models import PBCyclePage, Proposal, TallyResult, Territory
from pb_module.rules.iin import make_iin
from pb_module.rules.statuses import Status

from . import factories as f

pytestmark = pytest.mark.django_db
BOUNDED = settings(
    max_examples=50,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture, HealthCheck.data_too_large],
)
LANGUAGES = st.sampled_from(["kk", "ru", "en"])
TEXT = st.text(st.characters(exclude_categories=("Cs",)), max_size=30)  # what a URL or a form can carry
ODD = st.sampled_from(
    ["", " ", "0", "-1", "1e30", "1.5", "-0", "NaN", "Infinity", "²", "1²", "①", "١٢", "0x1f", "1_000", "\x00", "\t"]
    + ['"', '"park', "park*", "NEAR(a b)", "a OR", "-b", "^c", "{x}", "(", ":", "%", "%s", "\\", "'", "‮"]
    + ["99999999999999999999", str(2**63 - 1), str(2**63), str(-(2**63) - 1), "9" * 5000]
)
BIG_INTEGERS = st.integers(min_value=-(2**80), max_value=2**80)


def numbers_and_text(*real):
    return st.one_of(ODD, BIG_INTEGERS.map(str), TEXT, *[st.sampled_from(r).map(str) for r in real if r])


@pytest.fixture(autouse=True)
def fresh_cache():
    cache.clear()  # the API keeps cycles for 30 s; tests roll back, so nothing may outlive one
    yield
    cache.clear()


@pytest.fixture
def client():
    """A client that gets the 500 page for a crash, as a browser does, instead of the exception."""
    return Client(raise_request_exception=False)


@pytest.fixture(scope="module")
def published_id(module_db):
    """A cycle collecting proposals in a city with a district, a cycle whose vote is open (with ballots) and a cycle
    whose results are published, with proposals submitted, rejected, on a ballot, selected and not selected; built
    once for the module (see `module_db`): the id of the published cycle."""
    with module_db():
        city = f.TerritoryFactory(name="Fx қала", translations=True)
        district = f.TerritoryFactory(name="Fx аудан", kind=Territory.Kind.DISTRICT, parent=city, translations=True)
        collecting = f.cycle(territory=city)
        f.ProposalFactory(cycle=collecting, district=district, title="Fx саябақ")
        f.ProposalFactory(cycle=collecting, status=Status.REJECTED, title="Fx жол")
        f.voting_cycle([1_000_000, 2_000_000], ballots=[[0], [0, 1]])
        published, _ = f.voting_cycle([3_000_000, 90_000_000], ballots=[[0], [0], [1]], total_budget=50_000_000)
        f.publish_results(published)
        return published.pk


@pytest.fixture
def real(db, published_id):
    """Real ids to mix in, read for the test from the cycles of `published_id` (the only ones in the database)."""
    found = {
        "cycles": list(PBCyclePage.objects.values_list("pk", flat=True)),
        "published": list(TallyResult.objects.values_list("cycle_id", flat=True)),
        "places": list(Territory.objects.values_list("pk", flat=True)),
        "proposals": list(Proposal.objects.values_list("pk", flat=True)),
        "statuses": [s.value for s in Status],
    }
    # Three cycles and four places (the cities and the district), each in three languages.
    assert len(found["cycles"]) == 3 * 3 and found["published"] == [published_id] and len(found["places"]) == 4 * 3
    assert set(Proposal.objects.values_list("status", flat=True)) == {
        Status.SUBMITTED,
        Status.REJECTED,
        Status.ON_BALLOT,
        Status.SELECTED,
        Status.NOT_SELECTED,
    }
    return found


def no_server_error(response):
    assert response.status_code < 500, (response.status_code, response.request)
    if response.request["PATH_INFO"].startswith("/api/") and response.status_code >= 400:
        assert set(response.json()) == {"code", "message", "errors"}, response.content[:300]


def test_catalogue_filters(client, real):
    keys = ["q", "district", "place", "cycle", "year", "status", "tag", "cost_min", "cost_max", "funded", "sort"]
    keys.append("page")
    values = numbers_and_text(real["cycles"], real["places"], real["statuses"], ["yes", "no", "votes", "-cost"])

    @BOUNDED
    @given(lang=LANGUAGES, params=st.dictionaries(st.sampled_from(keys), values, max_size=6))
    def check(lang, params):
        no_server_error(client.get(f"/{lang}/projects/", params))

    check()


def test_site_search(client, real):
    words = st.lists(st.one_of(ODD, TEXT, st.sampled_from(["саябақ", "парк", "park", "жол"])), max_size=4)

    @BOUNDED
    @given(lang=LANGUAGES, words=words, kind=st.one_of(ODD, st.sampled_from(["news", "proposals", "stories"])))
    def check(lang, words, kind):
        no_server_error(client.get(f"/{lang}/search/", {"q": " ".join(words), "type": kind, "page": kind}))

    check()


def test_open_data_filters(client, real):
    keys = ["cycle", "district", "status", "year", "limit", "offset", "format"]
    values = numbers_and_text(real["cycles"], real["places"], real["statuses"], ["csv", "json", "2024", "1000"])

    @BOUNDED
    @given(params=st.dictionaries(st.sampled_from(keys), values, max_size=5), accept=st.sampled_from(["", "text/csv"]))
    def check(params, accept):
        no_server_error(client.get("/api/v1/proposals/", params, HTTP_ACCEPT=accept or "*/*"))

    check()


PATHS = [
    "/api/v1/cycles/{}/",
    "/api/v1/cycles/{}/proposals/",
    "/api/v1/cycles/{}/ballot",
    "/api/v1/cycles/{}/results/",
    "/api/v1/cycles/{}/results/?format=csv",
    "/api/v1/cycles/{}/analytics/",
    "/api/v1/cycles/{}/analytics/?format=csv",
    "/kk/feeds/cycle-{}.rss",
    "/ru/feeds/cycle-{}.atom",
    "/en/feeds/proposal-{}.rss",
    "/kk/feeds/news-{}.atom",
]


def test_ids_in_paths(client, real):
    ids = st.one_of(
        st.integers(min_value=0, max_value=2**80),
        st.sampled_from(real["cycles"] + real["published"] + real["proposals"] or [1]),
    )

    @BOUNDED
    @given(path=st.sampled_from(PATHS), number=ids, method=st.sampled_from(["get", "options", "head"]))
    def check(path, number, method):
        response = getattr(client, method)(path.format(number))
        assert response.status_code < 500, (path.format(number), response.status_code)

    check()


def test_receipt_codes(client):
    codes = st.one_of(ODD, TEXT, st.from_regex(r"[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}", fullmatch=True))

    @BOUNDED
    @given(code=codes, lang=LANGUAGES)
    def check(code, lang):
        no_server_error(client.get(f"/{lang}/pb/receipts/", {"code": code}))
        if code:
            no_server_error(client.get("/api/v1/receipts/" + quote(code, safe="")))

    check()


JSON = st.recursive(
    st.one_of(st.none(), st.booleans(), BIG_INTEGERS, st.floats(allow_nan=False), TEXT, ODD),
    lambda children: st.lists(children, max_size=3) | st.dictionaries(TEXT, children, max_size=3),
    max_leaves=8,
)


def test_api_bodies(client, db):
    from tests.pb_module.test_voting import api_confirm, api_verify

    cycle, _ = f.voting_cycle([1_000_000, 2_000_000, 3_000_000])
    on_ballot = list(Proposal.objects.filter(cycle=cycle, status=Status.ON_BALLOT).values_list("pk", flat=True))
    assert len(on_ballot) == 3
    iin, born = make_iin(date(1971, 2, 3), "male", 99), date(1971, 2, 3)
    start, headers = api_verify(client, cycle, iin=iin, born=born)
    assert start.status_code == 202  # a verified voter in the session, so ballots reach the counting rules
    assert api_confirm(client, cycle, headers, iin=iin).status_code == 200
    start = st.fixed_dictionaries(
        {},
        optional={
            "cycle": st.one_of(st.just(cycle.pk), JSON),
            "iin": st.one_of(st.just(make_iin(date(1990, 5, 17), "female", 7)), JSON),
            "birth_date": st.one_of(st.just("1990-05-17"), JSON),
            "district": st.one_of(st.just(cycle.territory_id), JSON),
            "phone": st.one_of(st.just("+7 701 987 65 43"), JSON),
            "code": JSON,
            "confirm_date_mismatch": JSON,
        },
    )
    items = st.lists(
        st.fixed_dictionaries({"proposal": st.one_of(st.sampled_from(on_ballot), JSON)}, optional={"points": JSON}),
        max_size=4,
    )
    ballot = st.one_of(st.fixed_dictionaries({"items": items}), JSON)

    @BOUNDED
    @given(
        what=st.sampled_from(["start", "confirm", "ballot"]),
        body=st.one_of(start, ballot, JSON),
        raw=st.one_of(st.none(), st.binary(max_size=40)),
        number=st.one_of(st.just(cycle.pk), st.integers(min_value=0, max_value=2**80)),
    )
    def check(what, body, raw, number):
        path = {
            "start": "/api/v1/voting/verify/start",
            "confirm": "/api/v1/voting/verify/confirm",
            "ballot": f"/api/v1/cycles/{number}/ballot",
        }[what]
        data = raw if raw is not None else json.dumps(body)
        no_server_error(client.post(path, data, content_type="application/json"))

    check()
