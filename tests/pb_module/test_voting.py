"""Verified voters, ballots, receipts, assisted ballots and the embargo."""

import json
import re
import threading
from datetime import date, timedelta
from io import StringIO

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management import call_command
from django.db import connection
from django.utils import timezone, translation
from wagtail.models import Locale

from pb_module import services
from pb_module.integrations.sms import LocmemBackend
from pb_module.models import Ballot, PBCyclePage, Proposal, VerificationChallenge
from pb_module.rules.iin import make_iin

from .. import factories as f

pytestmark = pytest.mark.django_db
BORN = date(1990, 5, 17)
IIN = make_iin(BORN, "female", 4321)
PHONE = "+7 701 987 65 43"
# Five proposals on a knapsack ballot of 150 000 000 tenge (148 500 000 in all).
COSTS = [58_000_000, 24_000_000, 36_000_000, 18_500_000, 12_000_000]


def knapsack_vote():
    """A cycle voting now on COSTS, with three ballots already recorded at a public centre."""
    return f.voting_cycle(
        COSTS,
        ballots=[[0, 1], [1, 2, 3], [3, 4]],
        ballot_type="knapsack",
        total_budget=150_000_000,
        tally_rule="equalshares/add1",
    )


@pytest.fixture(scope="module")
def built_vote(module_db):
    with module_db():
        cycle, proposals = knapsack_vote()
    return cycle.pk, [p.pk for p in proposals]


@pytest.fixture
def voting(db, built_vote):
    """The knapsack vote, built once for the module; fresh rows for each test."""
    cycle, proposals = built_vote
    return PBCyclePage.objects.get(pk=cycle), [Proposal.objects.get(pk=pk) for pk in proposals]


@pytest.fixture(autouse=True)
def clean_outbox_and_counters():
    from django.core.cache import cache

    LocmemBackend.outbox.clear()
    cache.clear()


def last_code():
    return re.search(r"\b(\d{6})\b", LocmemBackend.outbox[-1][1]).group(1)


def api_verify(client, cycle, iin=IIN, born=BORN, phone=PHONE, lang="en"):
    client.get("/api/v1/cycles/")  # the csrftoken cookie, as a browser gets it
    headers = {"HTTP_X_CSRFTOKEN": client.cookies["csrftoken"].value, "HTTP_ACCEPT_LANGUAGE": lang}
    district = cycle.territory.pk
    start = client.post(
        "/api/v1/voting/verify/start",
        {"cycle": cycle.pk, "iin": iin, "birth_date": str(born), "district": district, "phone": phone},
        content_type="application/json",
        **headers,
    )
    return start, headers


def api_confirm(client, cycle, headers, code=None, iin=IIN):
    return client.post(
        "/api/v1/voting/verify/confirm",
        {"cycle": cycle.pk, "iin": iin, "code": code or last_code()},
        content_type="application/json",
        **headers,
    )


def api_cast(client, cycle, headers, proposal_ids):
    return client.post(
        f"/api/v1/cycles/{cycle.pk}/ballot",
        {"items": [{"proposal": p} for p in proposal_ids]},
        content_type="application/json",
        **headers,
    )


def test_web_flow_without_javascript_from_verification_to_receipt(client, voting):
    cycle, proposals = voting
    url = cycle.url.replace("/kk/", "/ru/", 1) + "vote/"
    assert 'name="iin"' in client.get(url).content.decode()
    response = client.post(
        url,
        {
            "step": "verify",
            "iin": IIN,
            "birth_date": "1990-05-17",
            "district": cycle.territory.get_translation(Locale.objects.get(language_code="ru")).pk,
            "phone": PHONE,
        },
    )
    assert response.status_code == 200 and 'name="code"' in response.content.decode()
    assert LocmemBackend.outbox[-1][0] == "77019876543"
    client.post(url, {"step": "code", "code": last_code()})
    ballot_page = client.get(url).content.decode()
    assert all(f'value="{p.pk}"' in ballot_page for p in proposals) and 'id="ballot"' in ballot_page
    chosen = [proposals[1].pk, proposals[3].pk]
    summary = client.post(url, {"step": "review", "proposal": chosen})
    assert summary.status_code == 200 and 'step" value="cast"' in summary.content.decode()
    receipt_page = client.post(url, {"step": "cast", "proposal": chosen})
    assert receipt_page.status_code == 201
    code = re.search(r'class="receipt-code">([A-Z0-9-]+)<', receipt_page.content.decode()).group(1)
    ballot = Ballot.objects.get(cycle=cycle, channel="online")
    assert sorted(ballot.items.values_list("proposal_id", flat=True)) == sorted(chosen)
    assert (ballot.age_band, ballot.sex) == ("35-44", "female")
    check = client.get("/ru/pb/receipts/", {"code": code}).content.decode()
    assert "Учтён" in check or "учтён" in check.lower()


def test_knapsack_ballot_over_budget_is_explained_and_nothing_is_cast(client, voting):
    cycle, proposals = voting
    start, headers = api_verify(client, cycle)
    assert start.status_code == 202
    assert api_confirm(client, cycle, headers).status_code == 200
    Ballot.objects.filter(cycle=cycle).delete()  # the budget is frozen once ballots exist (test_cycle_freeze)
    cycle.total_budget = 60_000_000
    cycle.save_revision().publish()
    response = api_cast(client, cycle, headers, [p.pk for p in proposals])
    assert response.status_code == 400
    body = response.json()
    assert body["code"] == "over_budget" and "budget" in body["message"]
    assert not Ballot.objects.filter(cycle=cycle, channel="online").exists()


def test_api_flow_receipt_and_own_ballot(client, voting):
    cycle, proposals = voting
    start, headers = api_verify(client, cycle)
    assert start.json() == {"status": "code_sent", "expires_in": 300}
    assert api_cast(client, cycle, headers, [proposals[0].pk]).json()["code"] == "not_verified"
    api_confirm(client, cycle, headers)
    cast = api_cast(client, cycle, headers, [proposals[0].pk, proposals[4].pk])
    assert cast.status_code == 201
    receipt = cast.json()["receipt"]
    assert client.get(f"/api/v1/cycles/{cycle.pk}/ballot").json()["code"] == "not_verified"  # the session ended
    _, headers = api_verify(client, cycle, phone="+7 701 987 65 44")
    api_confirm(client, cycle, headers)
    own = client.get(f"/api/v1/cycles/{cycle.pk}/ballot").json()
    assert sorted(i["proposal"] for i in own["items"]) == sorted([proposals[0].pk, proposals[4].pk])
    check = client.get(f"/api/v1/receipts/{receipt}").json()
    assert check["counted"] is True and check["cycle"] == cycle.pk and set(check) == {"counted", "cast_at", "cycle"}
    assert client.get("/api/v1/receipts/AAAA-BBBB-CCCC").json()["code"] == "unknown_receipt"


def test_api_writes_need_the_csrf_token(client, voting):
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)
    cycle, _ = voting
    response = strict.post("/api/v1/voting/verify/start", {"cycle": cycle.pk}, content_type="application/json")
    assert response.status_code == 403 and response.json()["code"] == "csrf_failed"


def test_final_ballot_cannot_be_cast_twice(client, voting):
    cycle, proposals = voting
    _, headers = api_verify(client, cycle)
    api_confirm(client, cycle, headers)
    assert api_cast(client, cycle, headers, [proposals[0].pk]).status_code == 201
    _, headers = api_verify(client, cycle)  # the ballot ended the verified session: the voter verifies again
    api_confirm(client, cycle, headers)
    again = api_cast(client, cycle, headers, [proposals[1].pk])
    assert again.status_code == 400 and again.json()["code"] == "already_voted"
    assert Ballot.objects.filter(cycle=cycle, channel="online").count() == 1


def test_replaceable_ballot_keeps_only_the_last(client, voting):
    cycle, proposals = voting
    Ballot.objects.filter(cycle=cycle).delete()  # the setting is frozen once ballots are cast (the fixture's)
    cycle.ballot_final = False
    cycle.save_revision().publish()
    _, headers = api_verify(client, cycle)
    api_confirm(client, cycle, headers)
    first = api_cast(client, cycle, headers, [proposals[0].pk]).json()["receipt"]
    _, headers = api_verify(client, cycle)  # the ballot ended the verified session: the voter verifies again
    api_confirm(client, cycle, headers)
    second = api_cast(client, cycle, headers, [proposals[2].pk, proposals[3].pk]).json()
    assert second["replaced"] is True
    ballot = Ballot.objects.get(cycle=cycle, channel="online")
    assert sorted(ballot.items.values_list("proposal_id", flat=True)) == [proposals[2].pk, proposals[3].pk]
    assert ballot.times_replaced == 1
    assert client.get(f"/api/v1/receipts/{first}").json()["counted"] is False
    assert client.get(f"/api/v1/receipts/{second['receipt']}").json()["counted"] is True


def test_wrong_codes_lock_the_iin_and_phone_for_15_minutes(client, voting):
    cycle, _ = voting
    _, headers = api_verify(client, cycle)
    good = last_code()
    bad = "000000" if good != "000000" else "111111"
    codes = [api_confirm(client, cycle, headers, code=bad).json()["code"] for _ in range(5)]
    assert codes == ["wrong_code"] * 4 + ["locked"]
    assert api_confirm(client, cycle, headers, code=good).json()["code"] == "locked"
    again, _ = api_verify(client, cycle)  # a new code cannot be had either, for the IIN or the phone
    assert again.json()["code"] == "locked"
    other_iin, _ = api_verify(client, cycle, iin=make_iin(BORN, "male", 77))
    assert other_iin.json()["code"] == "locked"


def test_codes_expire_after_5_minutes(client, voting):
    cycle, _ = voting
    _, headers = api_verify(client, cycle)
    VerificationChallenge.objects.update(expires_at=timezone.now() - timedelta(seconds=1))
    assert api_confirm(client, cycle, headers).json()["code"] == "code_expired"


def test_sends_are_rate_limited_per_phone_and_per_ip(client, voting, settings):
    cycle, _ = voting
    results = [api_verify(client, cycle)[0].status_code for _ in range(4)]
    assert results == [202, 202, 202, 400]
    settings.PB_SMS_PER_IP = (2, 3600)
    from django.core.cache import cache

    cache.clear()
    codes = [api_verify(client, cycle, phone=f"+7 702 000 00 0{n}")[0].json().get("code") for n in range(3)]
    assert codes == [None, None, "rate_limited"]


@pytest.mark.parametrize(
    ("iin", "born", "field", "code"),
    [
        ("123456789012", BORN, "iin", "bad_check_digit"),
        ("12345", BORN, "iin", "not_12_digits"),
        (IIN, date(1991, 5, 17), "birth_date", "date_mismatch"),
    ],
)
def test_identity_problems_are_explained(client, voting, iin, born, field, code):
    cycle, _ = voting
    response, _ = api_verify(client, cycle, iin=iin, born=born)
    body = response.json()
    assert response.status_code == 400 and body["code"] == code and field in body["errors"]
    assert not LocmemBackend.outbox


def test_date_mismatch_is_a_warning_the_voter_can_confirm(client, voting):
    cycle, _ = voting
    client.get("/api/v1/cycles/")
    response = client.post(
        "/api/v1/voting/verify/start",
        {
            "cycle": cycle.pk,
            "iin": IIN,
            "birth_date": "1991-05-17",
            "district": cycle.territory.pk,
            "phone": PHONE,
            "confirm_date_mismatch": True,
        },
        content_type="application/json",
        HTTP_X_CSRFTOKEN=client.cookies["csrftoken"].value,
    )
    assert response.status_code == 202


def test_age_is_decided_on_the_first_day_of_voting(client, voting):
    cycle, _ = voting
    first_day = next(p.starts_on for p in cycle.phase_dates if p.phase == "voting")
    sixteen_tomorrow = date(first_day.year - 16, first_day.month, first_day.day) + timedelta(days=1)
    young = make_iin(sixteen_tomorrow, "male", 5)
    response, _ = api_verify(client, cycle, iin=young, born=sixteen_tomorrow)
    assert response.json()["code"] == "too_young"
    just = sixteen_tomorrow - timedelta(days=1)
    response, _ = api_verify(client, cycle, iin=make_iin(just, "male", 6), born=just, phone="+7 705 111 22 33")
    assert response.status_code == 202


def test_assisted_ballot_counts_once_across_channels(client, voting, make_user):
    from pb_module import roles

    cycle, proposals = voting
    operator = make_user("operator", roles.OPERATORS)
    result = services.voting.cast_assisted_ballot(
        cycle=cycle, operator=operator, iin=IIN, birth_date=BORN, district=cycle.territory, items={proposals[0].pk: 1}
    )
    assert (result.ballot.channel, result.ballot.operator) == ("assisted", operator)
    _, headers = api_verify(client, cycle)
    api_confirm(client, cycle, headers)
    assert api_cast(client, cycle, headers, [proposals[1].pk]).json()["code"] == "already_voted"
    citizen = make_user("citizen")
    with pytest.raises(PermissionDenied):
        services.voting.cast_assisted_ballot(
            cycle=cycle,
            operator=citizen,
            iin=make_iin(BORN, "male", 9),
            birth_date=BORN,
            district=cycle.territory,
            items={proposals[0].pk: 1},
        )


def test_voting_outside_the_voting_phase_is_refused(client):
    past = f.cycle(schedule="past")
    assert "vote/" not in client.get(past.url).content.decode().split("<main")[1]
    with translation.override("en"), pytest.raises(ValidationError) as error:
        services.voting.cast_ballot(
            cycle=past, voter=services.voting.VoterIdentity("x" * 64, "25-34", "", past.territory.pk), items={1: 1}
        )
    assert error.value.messages == ["Voting in this cycle is not open now."]


def test_embargo_hides_counts_until_results_are_published(client, voting, moderator, django_user_model):
    cycle, proposals = voting
    assert Ballot.objects.filter(cycle=cycle).exists()  # the fixture's assisted ballots
    listed = client.get(f"/api/v1/cycles/{cycle.pk}/proposals/").json()
    assert listed and all("votes" not in item for item in listed)
    for url in (cycle.url, proposals[0].pages.first().url):
        assert "votes" not in client.get(url).content.decode().lower()
    client.force_login(moderator)
    admin_list = client.get("/admin/pb/proposals/", {"cycle": cycle.pk}).content.decode()
    votes = re.findall(r'<td class="[^"]*">\s*(\d+)\s*</td>\s*</tr>', admin_list)
    assert votes == []
    # Publishing the result ends the embargo: the counts appear, equal to the ballots in the database.
    from .test_results import close_voting

    services.results.publish_results(cycle=close_voting(cycle), user=moderator)
    listed = client.get("/api/v1/proposals/", {"cycle": cycle.pk}).json()["results"]
    expected = dict(Proposal.objects.filter(cycle=cycle).with_vote_counts().values_list("pk", "votes"))
    assert {item["id"]: item["votes"] for item in listed} == {pk: expected[pk] for pk in [p.pk for p in proposals]}
    assert sum(item["votes"] for item in listed) > 0
    assert str(max(item["votes"] for item in listed)) in client.get(cycle.url + "results/").content.decode()


def test_database_dump_holds_no_iin_or_phone_in_clear(client, voting):
    cycle, proposals = voting
    _, headers = api_verify(client, cycle)
    api_confirm(client, cycle, headers)
    api_cast(client, cycle, headers, [proposals[0].pk])
    out = StringIO()
    call_command("dumpdata", stdout=out)
    dump = out.getvalue()
    assert IIN not in dump
    assert "9876543" not in dump and "987 65 43" not in dump
    assert json.loads(dump)  # a real dump was read


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the concurrency check needs PostgreSQL")
@pytest.mark.django_db(transaction=True)
def test_concurrent_ballots_same_and_different_voters():
    cycle, proposals = knapsack_vote()
    voters = [services.voting.VoterIdentity(f"{n:064d}", "25-34", "", cycle.territory.pk) for n in range(8)]
    receipts, errors = [], []

    def cast(voter):
        try:
            receipts.append(services.voting.cast_ballot(cycle=cycle, voter=voter, items={proposals[0].pk: 1}).receipt)
        except ValidationError as error:
            errors.append(error.messages)
        finally:
            connection.close()

    # Each voter tries 4 times at once: 8 ballots must be stored, 24 attempts refused.
    threads = [threading.Thread(target=cast, args=(voter,)) for voter in voters for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    hashes = [v.voter_hash for v in voters]
    assert Ballot.objects.filter(cycle=cycle, voter_hash__in=hashes).count() == 8
    assert len(receipts) == 8 and len(errors) == 24


def test_operator_records_an_assisted_ballot_in_the_admin(client, voting, make_user):
    from pb_module import roles

    cycle, proposals = voting
    operator = make_user("operator2", roles.OPERATORS)
    client.force_login(operator)
    assert str(cycle.title) in client.get("/admin/pb/assisted/").content.decode()
    response = client.post(
        "/admin/pb/assisted/",
        {
            "cycle": cycle.pk,
            "iin": make_iin(date(1950, 1, 2), "male", 11),
            "birth_date": "1950-01-02",
            "district": cycle.territory.pk,
            "proposal": [proposals[2].pk],
        },
    )
    assert response.status_code == 201
    assert re.search(r"[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}", response.content.decode())
    ballot = Ballot.objects.filter(cycle=cycle, operator=operator).get()
    assert (ballot.channel, ballot.age_band, list(ballot.items.values_list("proposal_id", flat=True))) == (
        "assisted",
        "65+",
        [proposals[2].pk],
    )
    moderator = make_user("not-an-operator", roles.MODERATORS)
    client.force_login(moderator)
    assert client.get("/admin/pb/assisted/").status_code == 302  # refused, back to the dashboard


def test_openapi_schema_documents_the_voting_api(client):
    response = client.get("/api/v1/schema/?format=json")
    assert response.status_code == 200
    schema = json.loads(response.content)
    assert schema["info"]["title"] == "Qatysu participatory budget API"
    assert set(schema["paths"]) >= {
        "/api/v1/cycles/",
        "/api/v1/cycles/{id}/",
        "/api/v1/cycles/{id}/proposals/",
        "/api/v1/cycles/{id}/ballot",
        "/api/v1/voting/verify/start",
        "/api/v1/voting/verify/confirm",
        "/api/v1/receipts/{code}",
    }
    assert set(schema["paths"]["/api/v1/cycles/{id}/ballot"]) == {"get", "post"}
