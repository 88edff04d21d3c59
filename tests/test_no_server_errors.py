"""Odd input gets the normal answer (a translated message, a 400 or a 404), never a 500.

Each test names the input that used to crash: digits `str.isdigit()` accepts but `int()` refuses, OPTIONS on the
CSV downloads, search syntax and NUL characters, ids past what a database integer holds, requests over the size
limit and CSRF failures. They run on SQLite and on PostgreSQL (DATABASE_URL), which fail on different input. The
cycles and proposals behind the input are built once for the module (tests/factories.py, see `module_db`), each
test reading them afresh; what a single test needs besides (a proposal, a news list) it builds itself.
"""

from datetime import date

import pytest
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.db import connection
from django.http import QueryDict
from django.test import Client, RequestFactory
from django.utils import timezone

from home.models import NewsIndexPage, NewsPage
from home.views import csrf_failure
from pb_module import roles
from pb_module.models import Ballot, PBCyclePage, Proposal, Territory
from pb_module.rules.iin import make_iin
from pb_module.rules.statuses import Status
from pb_module.web.forms import ballot_items_from

from . import factories as f

pytestmark = pytest.mark.django_db
ODD_DIGITS = ["²", "1²", "①", "١٢", "12\u200b"]  # superscript, circled, Arabic-Indic, zero-width space after
BIG = "99999999999999999999"  # above 2**63 - 1, the largest bigint


@pytest.fixture(autouse=True)
def fresh_cache():
    cache.clear()  # the API keeps cycles for 30 s; tests roll back, so nothing may outlive one
    yield
    cache.clear()


@pytest.fixture(scope="module")
def collecting_id(module_db):
    with module_db():
        city = f.TerritoryFactory(name="Fx қала", translations=True)
        f.TerritoryFactory(name="Fx аудан", kind=Territory.Kind.DISTRICT, parent=city, translations=True)
        return f.cycle(territory=city).pk


@pytest.fixture
def collecting(db, collecting_id):
    """A cycle collecting proposals, in a city with a district (where a proposal is placed); built once."""
    return PBCyclePage.objects.get(pk=collecting_id)


@pytest.fixture(scope="module")
def voting_id(module_db):
    with module_db():
        return f.cycle(schedule="voting").pk


@pytest.fixture
def voting(db, voting_id):
    """A cycle whose vote is open (built once)."""
    return PBCyclePage.objects.get(pk=voting_id)


@pytest.fixture
def client():
    """A client that gets the 500 page for a crash, as a browser does, instead of the exception."""
    return Client(raise_request_exception=False)


def is_api_error(response, status, code=None):
    body = response.json()
    assert response.status_code == status, body
    assert set(body) == {"code", "message", "errors"} and body["message"]
    return code is None or body["code"] == code


# --- digits that are not numbers --------------------------------------------------------------------------------


def submit_data(cycle, **overrides):
    district = Territory.objects.get(pk=cycle.territory.pk).descendants()[-1]
    return {
        "title": "Веложол",
        "summary": "Қауіпсіз веложол.",
        "description": "Жол бойында велосипед жолағы.",
        "district": district.pk,
        "estimated_cost": "12 500 000",
        "author_name": "Айгүл С.",
        "author_contact": "+7 701 555 44 33",
        **overrides,
    }


@pytest.mark.parametrize("cost", ODD_DIGITS)
def test_a_cost_in_odd_digits_is_explained_and_kept(client, collecting, cost):
    before = Proposal.objects.count()
    url = collecting.url.replace("/kk/", "/en/", 1) + "submit/"
    response = client.post(url, submit_data(collecting, estimated_cost=cost))
    assert response.status_code == 400
    body = response.content.decode()
    assert "Enter the estimated cost in tenge as a whole number greater than zero." in body
    assert f'value="{cost}"' in body  # the typing is kept
    assert Proposal.objects.count() == before


@pytest.mark.parametrize("points", [*ODD_DIGITS, "9" * 5000])
def test_odd_points_on_a_cumulative_ballot_are_not_positive_points(points):
    data = QueryDict(mutable=True)
    data["points_7"] = points
    assert ballot_items_from(data, {7}, "cumulative") == {7: -1}


def test_odd_proposal_ids_on_a_ballot_are_ignored():
    data = QueryDict(mutable=True)
    data.setlist("proposal", ["²", "①", "7", "9" * 5000])
    assert ballot_items_from(data, {7}, "approval") == {7: 1}


@pytest.fixture(scope="module")
def cumulative_ids(module_db):
    with module_db():
        cycle, proposals = f.voting_cycle(
            [1_000_000, 2_000_000], ballot_type="cumulative", ballot_max_points=10, ballot_max_points_per_proposal=None
        )
        return cycle.pk, [proposal.pk for proposal in proposals]


@pytest.fixture
def cumulative(db, cumulative_ids):
    """A cycle whose vote is open, a cumulative ballot of 10 points (in every language), no ballot cast yet, and
    the two proposals on its ballot (built once, read afresh)."""
    cycle = PBCyclePage.objects.get(pk=cumulative_ids[0])
    proposals = [Proposal.objects.get(pk=pk) for pk in cumulative_ids[1]]
    versions = PBCyclePage.objects.filter(translation_key=cycle.translation_key)
    assert set(versions.values_list("ballot_type", "ballot_max_points")) == {("cumulative", 10)}
    assert versions.count() == 3 and not Ballot.objects.filter(cycle=cycle).exists()
    return cycle, proposals


@pytest.mark.parametrize("points", ["²", "①"])
def test_an_operator_typing_odd_points_sees_the_ballot_again(client, cumulative, django_user_model, points):
    cycle, proposals = cumulative
    operator = django_user_model.objects.create_user("operator", "operator@example.kz", "pw")
    operator.groups.add(Group.objects.get(name=roles.OPERATORS))
    client.force_login(operator)
    response = client.post(
        "/admin/pb/assisted/",
        {
            "cycle": cycle.pk,
            "iin": make_iin(date(1950, 1, 2), "male", 11),
            "birth_date": "1950-01-02",
            "district": cycle.territory.pk,
            f"points_{proposals[0].pk}": points,
        },
    )
    assert response.status_code == 400
    assert not Ballot.objects.filter(cycle=cycle).exists()


@pytest.mark.parametrize("points", ["²", "①"])
def test_a_voter_typing_odd_points_sees_the_ballot_again(client, cumulative, points):
    from tests.pb_module.test_voting import api_confirm, api_verify

    cycle, proposals = cumulative
    start, headers = api_verify(client, cycle)
    assert start.status_code == 202 and api_confirm(client, cycle, headers).status_code == 200
    url = cycle.url.replace("/kk/", "/en/", 1) + "vote/"
    for step in ("review", "cast"):
        data = {"step": step, f"points_{proposals[0].pk}": points, f"points_{proposals[1].pk}": "2"}
        assert client.post(url, data).status_code == 400
    assert not Ballot.objects.filter(cycle=cycle).exists()


# --- OPTIONS on the CSV downloads -------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def published_id(module_db):
    """A cycle whose results are published (one proposal, one ballot), built once: its id."""
    with module_db():
        voting, _ = f.voting_cycle([1_000_000], ballots=[[0]])
        return f.publish_results(voting).cycle_id


@pytest.mark.parametrize(
    "path",
    ["/api/v1/proposals/", "/api/v1/cycles/{id}/results/", "/api/v1/cycles/{id}/analytics/", "/api/v1/analytics/"],
)
@pytest.mark.parametrize("csv", [{"format": "csv"}, {}])
def test_options_on_open_data_describes_the_view_in_json(client, published_id, path, csv):
    headers = {} if csv else {"HTTP_ACCEPT": "text/csv"}
    response = client.options(path.format(id=published_id) + ("?format=csv" if csv else ""), **headers)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json") and "Content-Disposition" not in response
    assert "text/csv" in response.json()["renders"]


# --- search syntax and NUL characters ---------------------------------------------------------------------------


def result_links(response) -> list[str]:
    import re

    return re.findall(r'<h2><a href="([^"]+)"', response.content.decode())


@pytest.mark.parametrize("q", ['"park', 'park"', '"', '""', '"саябақ', "саябақ\x00", "\x00", "a\x01b\x7f"])
@pytest.mark.parametrize("path", ["/en/search/", "/kk/search/", "/kk/projects/"])
def test_quotes_and_control_characters_in_a_search_give_a_normal_page(client, path, q):
    response = client.get(path, {"q": q})
    assert response.status_code == 200
    assert "<h1>" in response.content.decode()


def test_an_odd_quote_does_not_lose_the_results(client, voting):
    proposal = f.ProposalFactory(cycle=voting, status=Status.ON_BALLOT, title="Fx саябақ жөндеу")
    found = result_links(client.get("/kk/search/", {"q": "саябақ"}))
    assert proposal.page_in("kk").url in found and result_links(client.get("/kk/search/", {"q": '"саябақ'})) == found
    assert result_links(client.get("/kk/search/", {"q": "саябақ\x00"})) == found


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL refuses a NUL character in any text")
@pytest.mark.parametrize(
    "path, params",
    [
        ("/kk/search/", {"q": "\x00"}),
        ("/kk/search/", {"q": "парк\x00", "type": "proposals\x00", "page": "\x00"}),
        ("/kk/projects/", {"q": "\x00"}),
        ("/kk/projects/", {"q": "парк", "tag": "\x00", "status": "\x00", "sort": "\x00", "page": "2\x00"}),
        ("/kk/pb/receipts/", {"code": "ABCD\x00"}),
        ("/api/v1/proposals/", {"status": "\x00"}),
        ("/api/v1/cycles/", {"phase": "\x00"}),
    ],
)
def test_nul_characters_on_postgresql_give_a_normal_answer(client, path, params):
    response = client.get(path, params)
    assert response.status_code in (200, 400), response.status_code
    if path.startswith("/api/"):
        is_api_error(response, 400)


# --- ids past a bigint ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "path",
    [
        f"/api/v1/cycles/{BIG}/",
        f"/api/v1/cycles/{BIG}/proposals/",
        f"/api/v1/cycles/{BIG}/ballot",
        f"/api/v1/cycles/{BIG}/results/",
        f"/api/v1/cycles/{BIG}/results/?format=csv",
        f"/api/v1/cycles/{BIG}/analytics/",
        f"/api/v1/cycles/{BIG}/analytics/?format=csv",
        f"/api/v1/cycles/{'9' * 5000}/",
        "/api/v1/no-such-thing/",
    ],
)
def test_api_paths_with_ids_past_a_bigint_are_not_found(client, path):
    assert is_api_error(client.get(path), 404, "not_found")


@pytest.mark.parametrize(
    "params, field",
    [
        ({"cycle": BIG}, "cycle"),
        ({"district": BIG}, "district"),
        ({"offset": BIG}, "offset"),
        ({"limit": BIG}, "limit"),
    ],
)
@pytest.mark.parametrize("csv", [False, True])
def test_open_data_filters_past_a_bigint_are_invalid_filters(client, params, field, csv):
    response = client.get(
        "/api/v1/proposals/", {**params, **({"format": "csv"} if csv else {})}, HTTP_ACCEPT_LANGUAGE="en"
    )
    assert is_api_error(response, 400, "invalid_filter")
    assert list(response.json()["errors"]) == [field]


@pytest.mark.parametrize("csv", [False, True])
def test_the_largest_offset_is_an_empty_page(client, csv):
    response = client.get(
        "/api/v1/proposals/", {"offset": 2**63 - 1, "limit": 1000, **({"format": "csv"} if csv else {})}
    )
    assert response.status_code == 200
    if not csv:
        assert response.json()["results"] == [] and response.json()["next"] is None


def test_api_bodies_with_ids_past_a_bigint_are_refused(client, voting):
    cycle = voting
    body = {"iin": make_iin(date(1990, 5, 17), "female", 1), "birth_date": "1990-05-17", "phone": "+77019876543"}
    start = "/api/v1/voting/verify/start"
    too_big_cycle = client.post(start, {**body, "cycle": int(BIG), "district": cycle.territory.pk}, "application/json")
    assert is_api_error(too_big_cycle, 404, "not_found")
    too_big_district = client.post(start, {**body, "cycle": cycle.pk, "district": int(BIG)}, "application/json")
    assert is_api_error(too_big_district, 400, "district")
    confirm = client.post("/api/v1/voting/verify/confirm", {**body, "cycle": int(BIG), "code": "1"}, "application/json")
    assert is_api_error(confirm, 404, "not_found")


@pytest.mark.parametrize("feed", ["cycle", "proposal", "news"])
@pytest.mark.parametrize("kind", ["rss", "atom"])
@pytest.mark.parametrize("number", [BIG, "9" * 5000, "0"])
def test_feeds_of_ids_past_a_bigint_are_the_404_page(client, feed, kind, number):
    response = client.get(f"/en/feeds/{feed}-{number}.{kind}")
    assert response.status_code == 404
    assert "Page not found" in response.content.decode()


def news_index_with_an_item() -> NewsIndexPage:
    """A published news list under the home page with one published news item."""
    index = NewsIndexPage(title="Fx жаңалықтар", slug="fx-news")
    f.home_page().add_child(instance=index)
    index.save_revision().publish()
    item = NewsPage(title="Fx жаңалық", slug="fx-news-item", intro="Fx қысқаша.", date=timezone.localdate())
    index.add_child(instance=item)
    item.save_revision().publish()
    return index


def test_feeds_of_real_ids_still_answer(client, voting):
    proposal = f.ProposalFactory(cycle=voting, status=Status.ON_BALLOT, title="Fx фидтегі ұсыныс")
    news = news_index_with_an_item()
    cycle_feed = client.get(f"/kk/feeds/cycle-{voting.pk}.rss")
    assert cycle_feed.status_code == 200 and str(proposal) in cycle_feed.content.decode()
    news_feed = client.get(f"/kk/feeds/news-{news.pk}.atom")
    assert news_feed.status_code == 200 and "Fx жаңалық" in news_feed.content.decode()


@pytest.mark.parametrize(
    "params, notice",
    [
        ({"cycle": BIG}, "There is no such cycle; all cycles are shown."),
        ({"cycle": "1e30"}, "There is no such cycle; all cycles are shown."),
        ({"cycle": "1.5"}, "There is no such cycle; all cycles are shown."),
        ({"district": BIG}, "There is no such place; all places are shown."),
        ({"district": "-" + BIG}, "There is no such place; all places are shown."),
        ({"district": "1e30", "cycle": BIG}, "There is no such place; all places are shown."),
        ({"year": BIG}, None),
        ({"cost_min": BIG, "cost_max": BIG + "0"}, None),
        ({"page": BIG}, None),
        ({"place": BIG, "cycle": BIG, "year": BIG}, "There is no such cycle; all cycles are shown."),
    ],
)
def test_catalogue_filters_past_a_bigint_give_the_catalogue(client, params, notice):
    response = client.get("/en/projects/", params)
    assert response.status_code == 200
    if notice:
        assert notice in response.content.decode()


# --- requests over the size limit, CSRF failures ----------------------------------------------------------------


@pytest.mark.parametrize("content_type", ["application/json", "application/x-www-form-urlencoded"])
def test_an_api_request_over_the_size_limit_is_a_json_413(client, settings, voting, content_type):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1000
    cycle = voting
    if content_type == "application/json":
        data = {"cycle": cycle.pk, "iin": "1" * 2000}
    else:
        data = f"cycle={cycle.pk}&iin={'1' * 2000}"
    response = client.post("/api/v1/voting/verify/start", data, content_type, HTTP_ACCEPT_LANGUAGE="en")
    assert is_api_error(response, 413, "too_large")
    assert response.json()["message"] == "The request is too large."


def test_a_form_over_the_size_limit_is_a_translated_page(client, settings, collecting):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1000
    before = Proposal.objects.count()
    url = collecting.url.replace("/kk/", "/en/", 1) + "submit/"
    response = client.post(url, submit_data(collecting, description="ж" * 2000))
    assert response.status_code == 413
    body = response.content.decode()
    assert "What you sent is too large" in body and '<html lang="en">' in body and "site-header" in body
    assert Proposal.objects.count() == before


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_a_form_without_its_csrf_token_is_a_translated_403_page(lang):
    client = Client(enforce_csrf_checks=True, raise_request_exception=False)
    response = client.post(f"/{lang}/accounts/login/", {"username": "x", "password": "y"})
    assert response.status_code == 403
    body = response.content.decode()
    assert f'<html lang="{lang}">' in body and "site-header" in body  # the site's layout, the reader's language
    if lang == "en":
        assert "The form could not be sent" in body
        assert "The security token is missing or out of date. Reload the page." in body
    assert 'value="y"' not in body  # a sign-in form is never offered again with its password


def test_a_csrf_failure_under_the_api_is_json():
    request = RequestFactory().post("/api/v1/anything")
    response = csrf_failure(request, reason="CSRF cookie not set.")
    assert response.status_code == 403
    assert response["Content-Type"] == "application/json"


def test_the_api_write_without_csrf_token_stays_json(client):
    client = Client(enforce_csrf_checks=True)
    response = client.post("/api/v1/voting/verify/start", {}, "application/json")
    assert is_api_error(response, 403, "csrf_failed")
