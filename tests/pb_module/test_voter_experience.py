"""Issue 13, trustworthy voting as a resident meets it: eligibility from the IIN's date, "you have already voted"
right after the code, a code step that survives a reload, the session ended after an API ballot, receipt codes
however they are typed, and plain words instead of "not valid"."""

import re
from datetime import UTC, date, datetime, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone
from wagtail.models import Locale

from pb_module import roles, services
from pb_module.integrations.identity import IdentityResult
from pb_module.integrations.sms import LocmemBackend
from pb_module.models import Ballot, PBCyclePage, Proposal, VerificationChallenge
from pb_module.rules import iin as iin_rules
from pb_module.rules.iin import make_iin
from pb_module.services.voting import RESEND_AFTER_SECONDS, normalize_receipt_code

from .. import factories as f

pytestmark = pytest.mark.django_db
BORN = date(1990, 5, 17)
IIN = make_iin(BORN, "female", 4321)
PHONE = "+7 701 987 65 43"
TOO_YOUNG = "Residents aged 16 and over on the first day of voting can vote."


@pytest.fixture(autouse=True)
def clean_outbox_and_counters():
    from django.core.cache import cache

    LocmemBackend.outbox.clear()
    cache.clear()


@pytest.fixture(scope="module")
def voting_ids(module_db):
    """A cycle whose vote is open (approval ballot, a cast ballot is final) and the three proposals on its ballot,
    no ballot cast yet; built once for the module (see `module_db`): their ids."""
    with module_db():
        cycle, proposals = f.voting_cycle([3_000_000, 2_000_000, 1_000_000], title="Fx дауыс беру", slug="fx-voting")
        return cycle.pk, [proposal.pk for proposal in proposals]


@pytest.fixture
def voting(db, voting_ids):
    """The cycle and its proposals (`voting_ids`), read afresh for the test."""
    cycle, proposals = voting_ids
    return PBCyclePage.objects.get(pk=cycle), [Proposal.objects.get(pk=pk) for pk in proposals]


def first_voting_day(cycle):
    return next(p.starts_on for p in cycle.phase_dates if p.phase == "voting")


def young_iin(cycle, serial=5):
    """A valid IIN whose digits say the holder is 10 on the first day of voting, and that date of birth."""
    first = first_voting_day(cycle)
    born = date(first.year - 10, 6, 1)
    return make_iin(born, "male", serial), born


def last_code():
    return re.search(r"\b(\d{6})\b", LocmemBackend.outbox[-1][1]).group(1)


def vote_url(cycle, lang="en"):
    return cycle.get_translation(Locale.objects.get(language_code=lang)).url + "vote/"


def en_district(cycle):
    return cycle.territory.get_translation(Locale.objects.get(language_code="en")).pk


def web_verify(client, cycle, iin=IIN, born=BORN, phone=PHONE, **extra):
    return client.post(
        vote_url(cycle),
        {
            "step": "verify",
            "iin": iin,
            "birth_date": str(born),
            "district": en_district(cycle),
            "phone": phone,
            **extra,
        },
    )


def web_confirm(client, cycle, code=None):
    return client.post(vote_url(cycle), {"step": "code", "code": code or last_code()})


def api_headers(client):
    client.get("/api/v1/cycles/")  # the csrftoken cookie, as a browser gets it
    return {"HTTP_X_CSRFTOKEN": client.cookies["csrftoken"].value, "HTTP_ACCEPT_LANGUAGE": "en"}


def api_start(client, cycle, iin=IIN, born=BORN, phone=PHONE, **extra):
    return client.post(
        "/api/v1/voting/verify/start",
        {
            "cycle": cycle.pk,
            "iin": iin,
            "birth_date": str(born),
            "district": cycle.territory.pk,
            "phone": phone,
            **extra,
        },
        content_type="application/json",
        **api_headers(client),
    )


def api_confirm(client, cycle, iin=IIN):
    return client.post(
        "/api/v1/voting/verify/confirm",
        {"cycle": cycle.pk, "iin": iin, "code": last_code()},
        content_type="application/json",
        **api_headers(client),
    )


def api_cast(client, cycle, proposal_ids):
    return client.post(
        f"/api/v1/cycles/{cycle.pk}/ballot",
        {"items": [{"proposal": p} for p in proposal_ids]},
        content_type="application/json",
        **api_headers(client),
    )


@pytest.fixture
def operator(make_user):
    return make_user("centre-operator", roles.OPERATORS)


def assisted(cycle, operator, items, iin=IIN, born=BORN, **extra):
    return services.voting.cast_assisted_ballot(
        cycle=cycle, operator=operator, iin=iin, birth_date=born, district=cycle.territory, items=items, **extra
    )


# 1. Eligibility is decided on the date the IIN encodes; a typed date only ever gives a warning.


def test_eligibility_date_prefers_the_registry_then_the_iin_then_the_typed_date():
    encoded = date(2015, 6, 1)
    iin = make_iin(encoded, "female", 12)
    typed = date(1980, 1, 1)
    assert iin_rules.eligibility_birth_date(iin, typed) == encoded
    assert iin_rules.eligibility_birth_date(iin, typed, registry=date(1970, 2, 3)) == date(1970, 2, 3)
    no_date = "000000" + iin[6:]  # the digits do not form a date: only the typed date is left
    assert iin_rules.eligibility_birth_date(no_date, typed) == typed


@pytest.mark.parametrize("confirm", [False, True])
def test_minor_typing_an_adult_date_is_refused_on_the_web(client, voting, confirm):
    cycle, _ = voting
    iin, _born = young_iin(cycle)
    extra = {"confirm_date_mismatch": "on"} if confirm else {}
    response = web_verify(client, cycle, iin=iin, born=date(1980, 1, 1), **extra)
    html = response.content.decode()
    assert response.status_code == 400 and TOO_YOUNG in html
    assert 'name="code"' not in html and 'value="' + iin + '"' in html  # the typing is kept
    assert not LocmemBackend.outbox and not VerificationChallenge.objects.exists()


def test_minor_typing_an_adult_date_is_refused_by_the_api(client, voting):
    cycle, _ = voting
    iin, _born = young_iin(cycle)
    for confirm in (False, True):
        response = api_start(client, cycle, iin=iin, born=date(1980, 1, 1), confirm_date_mismatch=confirm)
        body = response.json()
        assert response.status_code == 400 and body["code"] == "too_young" and body["message"] == TOO_YOUNG
        assert "birth_date" in body["errors"]
    assert not LocmemBackend.outbox


def test_minor_is_refused_at_the_assisted_ballot(client, voting, operator):
    cycle, proposals = voting
    iin, _born = young_iin(cycle, serial=8)
    with pytest.raises(ValidationError) as error:
        assisted(cycle, operator, {proposals[0].pk: 1}, iin=iin, born=date(1980, 1, 1), confirm_date_mismatch=True)
    assert error.value.error_dict["birth_date"][0].code == "too_young"
    client.force_login(operator)
    response = client.post(
        "/admin/pb/assisted/",
        {
            "cycle": cycle.pk,
            "iin": iin,
            "birth_date": "1980-01-01",
            "confirm_date_mismatch": "on",
            "district": cycle.territory.pk,
            "proposal": [proposals[0].pk],
        },
    )
    assert response.status_code == 400
    assert not Ballot.objects.filter(cycle=cycle, operator=operator).exists()


def test_an_adult_whose_typed_date_is_young_may_vote_and_the_age_band_follows_the_iin(voting, operator):
    cycle, proposals = voting
    typed_young = date(first_voting_day(cycle).year - 10, 1, 1)
    result = assisted(cycle, operator, {proposals[0].pk: 1}, born=typed_young, confirm_date_mismatch=True)
    assert result.ballot.age_band == "35-44"  # born 1990, as the IIN says, not 10 years old as typed


class RegistryBackend:
    """An identity provider (eGov) that vouches for a date of birth: here always 1 January 1960."""

    def check(self, iin, birth_date):
        return IdentityResult(None, registry_birth_date=date(1960, 1, 1), sex="female")


def test_a_registry_date_of_birth_decides_before_the_iin_digits(settings, voting, operator):
    settings.PB_IDENTITY_BACKEND = f"{__name__}.RegistryBackend"
    cycle, proposals = voting
    iin, _born = young_iin(cycle, serial=9)  # the digits say 10 years old; the registry says born in 1960
    result = assisted(cycle, operator, {proposals[0].pk: 1}, iin=iin, born=date(1960, 1, 1))
    assert result.ballot.age_band == "65+"


# 2. A resident who has already voted learns it right after the code, with the date and the receipt page.


def cast_earlier(cycle, operator, proposals, when):
    result = assisted(cycle, operator, {proposals[2].pk: 1})
    Ballot.objects.filter(pk=result.ballot.pk).update(cast_at=when)
    return result


LATE_EVENING_UTC = datetime(2027, 3, 10, 20, 30, tzinfo=UTC)  # 11 March, 01:30 in Almaty


def test_final_ballot_voter_learns_right_after_the_code_that_they_voted(client, voting, operator):
    cycle, proposals = voting
    assert cycle.ballot_final
    cast_earlier(cycle, operator, proposals, LATE_EVENING_UTC)
    web_verify(client, cycle)
    confirmed = web_confirm(client, cycle)
    assert confirmed.status_code == 302
    response = client.get(vote_url(cycle))
    html = response.content.decode()
    assert response.status_code == 200
    assert "You voted on 11 March 2027; check your receipt." in html
    assert 'href="/en/pb/receipts/"' in html
    assert 'id="ballot"' not in html and 'name="proposal"' not in html and 'name="step"' not in html
    assert proposals[2].pages.first().title not in html  # nothing of how they voted
    cast = client.post(vote_url(cycle), {"step": "cast", "proposal": [proposals[0].pk]})
    assert cast.status_code == 409 and "You voted on 11 March 2027" in cast.content.decode()
    assert Ballot.objects.filter(cycle=cycle, voter_hash=services.voting.voter_hash(IIN)).count() == 1


def test_replaceable_ballot_voter_is_told_a_new_ballot_replaces_the_earlier_one(client, voting, operator):
    cycle, proposals = voting
    # A cycle with replaceable ballots (the setting is frozen once ballots are cast: set before any is).
    assert not Ballot.objects.filter(cycle=cycle).exists()
    cycle.ballot_final = False
    cycle.save_revision().publish()
    cast_earlier(cycle, operator, proposals, LATE_EVENING_UTC)
    web_verify(client, cycle)
    web_confirm(client, cycle)
    html = client.get(vote_url(cycle)).content.decode()
    assert "You voted on 11 March 2027. A new ballot replaces the one you cast then" in html
    assert 'id="ballot"' in html and " checked" not in html  # the ballot, not filled in with the earlier choices


def test_a_new_voter_sees_no_such_notice(client, voting):
    cycle, _ = voting
    web_verify(client, cycle)
    web_confirm(client, cycle)
    html = client.get(vote_url(cycle)).content.decode()
    assert 'id="ballot"' in html and "You voted on" not in html


def test_api_confirmation_says_whether_and_when_the_voter_voted(client, voting, operator):
    cycle, proposals = voting
    api_start(client, cycle)
    assert api_confirm(client, cycle).json() == {
        "verified": True,
        "already_voted": False,
        "voted_at": None,
        "replaceable": False,
    }
    cast_earlier(cycle, operator, proposals, LATE_EVENING_UTC)
    api_start(client, cycle)
    body = api_confirm(client, cycle).json()
    assert body == {
        "verified": True,
        "already_voted": True,
        "voted_at": "2027-03-11T01:30:00+05:00",
        "replaceable": False,
    }


def test_receipt_page_gives_the_day_in_almaty(client, voting, operator):
    cycle, proposals = voting
    result = cast_earlier(cycle, operator, proposals, LATE_EVENING_UTC)
    from pb_module.models import Receipt

    Receipt.objects.filter(ballot=result.ballot).update(issued_at=LATE_EVENING_UTC)
    html = client.get("/en/pb/receipts/", {"code": result.receipt}).content.decode()
    assert "Counted: cast on 11 March 2027" in html


# 3. The code step survives a reload: masked number, a new code without the IIN, a countdown, "Change details".


def session_text(client):
    return str(dict(client.session.items()))


def test_coming_back_while_a_code_is_pending_shows_the_code_step(client, voting):
    cycle, _ = voting
    assert web_verify(client, cycle).status_code == 200
    response = client.get(vote_url(cycle))
    html = response.content.decode()
    assert response.status_code == 200 and 'name="code"' in html and 'name="iin"' not in html
    assert re.search(r'<input[^>]*name="code"[^>]*autofocus', html)
    assert "We sent a code to +7 7•• ••• •• 43." in html
    assert 'value="resend"' in html and 'value="restart"' in html and "Change details" in html
    assert "You can ask for a new code in 1:00." in html or "You can ask for a new code in 0:59." in html
    stored = session_text(client)
    assert IIN not in stored and "9876543" not in stored and "987 65 43" not in stored
    assert "+7 7•• ••• •• 43" in stored
    # The code typed after the reload works, and the ballot follows.
    assert web_confirm(client, cycle).status_code == 302
    assert 'id="ballot"' in client.get(vote_url(cycle)).content.decode()


def test_a_new_code_needs_the_phone_again_not_the_iin_and_waits_its_turn(client, voting):
    cycle, _ = voting
    web_verify(client, cycle)
    first_code = last_code()
    early = client.post(vote_url(cycle), {"step": "resend", "phone": PHONE})
    assert early.status_code == 400 and "You can ask for a new code in " in early.content.decode()
    assert len(LocmemBackend.outbox) == 1
    VerificationChallenge.objects.update(created_at=timezone.now() - timedelta(seconds=RESEND_AFTER_SECONDS + 1))
    page = client.get(vote_url(cycle)).content.decode()
    assert "You can ask for a new code in" not in page
    missing = client.post(vote_url(cycle), {"step": "resend", "phone": ""})
    assert missing.status_code == 400 and "Enter your mobile phone number." in missing.content.decode()
    resent = client.post(vote_url(cycle), {"step": "resend", "phone": "+7 702 111 22 99"})
    html = resent.content.decode()
    assert resent.status_code == 200 and "A new code is on its way." in html
    assert "We sent a code to +7 7•• ••• •• 99." in html
    assert len(LocmemBackend.outbox) == 2 and LocmemBackend.outbox[-1][0] == "77021112299"
    if last_code() != first_code:  # only the newest code works
        wrong = web_confirm(client, cycle, code=first_code)
        assert wrong.status_code == 400 and "Attempts left" in wrong.content.decode()
    assert web_confirm(client, cycle).status_code == 302
    assert 'id="ballot"' in client.get(vote_url(cycle)).content.decode()


def test_new_codes_keep_the_limit_per_phone_and_say_how_long_to_wait(client, voting, settings):
    settings.PB_SMS_PER_PHONE = (2, 600)
    cycle, _ = voting
    web_verify(client, cycle)
    VerificationChallenge.objects.update(created_at=timezone.now() - timedelta(seconds=RESEND_AFTER_SECONDS + 1))
    assert client.post(vote_url(cycle), {"step": "resend", "phone": PHONE}).status_code == 200
    VerificationChallenge.objects.update(created_at=timezone.now() - timedelta(seconds=RESEND_AFTER_SECONDS + 1))

    def wait_in(html):
        minutes, seconds = map(int, re.search(r"You can ask for a new code in (\d+):(\d\d)\.", html).groups())
        return minutes * 60 + seconds

    # The phone's 10-minute window, not the 1-minute gap between codes.
    assert 9 * 60 <= wait_in(client.get(vote_url(cycle)).content.decode()) <= 600
    refused = client.post(vote_url(cycle), {"step": "resend", "phone": PHONE})
    assert refused.status_code == 400 and 9 * 60 <= wait_in(refused.content.decode()) <= 600
    assert len(LocmemBackend.outbox) == 2


def test_change_details_starts_over(client, voting):
    cycle, _ = voting
    web_verify(client, cycle)
    restart = client.post(vote_url(cycle), {"step": "restart"})
    assert restart.status_code == 302
    html = client.get(vote_url(cycle)).content.decode()
    assert 'name="iin"' in html and 'name="code"' not in html


def test_monitoring_report_verification_resumes_too(client, moderator):
    from pb_module.models import Milestone

    proposal = f.funded_proposal(moderator, title="Fx спорт алаңы")  # selected by a vote, then funded

    Milestone.objects.create(proposal=proposal, title_kk="Жабдық", title_en="Equipment", status="planned")
    url = proposal.page_in("en").url + "report/"
    cycle = proposal.cycle.specific
    response = client.post(
        url,
        {
            "step": "verify",
            "iin": IIN,
            "birth_date": str(BORN),
            "district": en_district(cycle),
            "phone": PHONE,
        },
    )
    assert response.status_code == 200
    again = client.get(url).content.decode()
    assert 'name="code"' in again and "+7 7•• ••• •• 43" in again and 'value="resend"' in again
    VerificationChallenge.objects.update(created_at=timezone.now() - timedelta(seconds=RESEND_AFTER_SECONDS + 1))
    assert client.post(url, {"step": "resend", "phone": PHONE}).status_code == 200
    assert "monitoring report" in LocmemBackend.outbox[-1][1]
    assert client.post(url, {"step": "code", "code": last_code()}).status_code == 302
    assert 'name="body"' in client.get(url).content.decode()


# 4. A ballot cast through the API ends the verified session.


def test_api_ballot_ends_the_verified_session(client, voting):
    cycle, proposals = voting
    api_start(client, cycle)
    api_confirm(client, cycle)
    assert client.get(f"/api/v1/cycles/{cycle.pk}/ballot").status_code == 404  # verified, no ballot yet
    assert api_cast(client, cycle, [proposals[0].pk]).status_code == 201
    after = client.get(f"/api/v1/cycles/{cycle.pk}/ballot", HTTP_ACCEPT_LANGUAGE="en")
    assert after.status_code == 403
    assert after.json() == {"code": "not_verified", "message": "Confirm who you are first.", "errors": {}}
    again = api_cast(client, cycle, [proposals[1].pk])
    assert again.status_code == 403 and again.json()["code"] == "not_verified"


# 5. Receipt codes however they are typed.


def test_receipt_codes_are_normalised():
    assert normalize_receipt_code("abcd efgh jklm") == "ABCD-EFGH-JKLM"
    assert normalize_receipt_code(" ABCDEFGHJKLM ") == "ABCD-EFGH-JKLM"
    assert normalize_receipt_code("abcd – efgh — jklm") == "ABCD-EFGH-JKLM"
    assert normalize_receipt_code("АВСD-EFGH-JKLM") == "ABCD-EFGH-JKLM"  # Cyrillic А, В, С typed by mistake
    assert normalize_receipt_code("ABCD-EFGH") == "ABCDEFGH"  # too short: matches nothing


def test_receipt_is_found_however_it_is_typed_on_the_site_and_the_api(client, voting, operator):
    cycle, proposals = voting
    code = assisted(cycle, operator, {proposals[0].pk: 1}).receipt
    raw = code.replace("-", "")
    typed = [code, code.lower(), raw, raw.lower(), f" {code[:4]} {code[5:9]} {code[10:]} ", code.replace("-", " - ")]
    for variant in typed:
        html = client.get("/en/pb/receipts/", {"code": variant}).content.decode()
        assert "Counted: cast on" in html, variant
        body = client.get(f"/api/v1/receipts/{variant}").json()
        assert body.get("counted") is True and body["cycle"] == cycle.pk, variant
    assert client.get("/api/v1/receipts/" + raw[:-1]).json()["code"] == "unknown_receipt"
    assert "No ballot has this receipt code." in client.get("/en/pb/receipts/", {"code": raw[:-1]}).content.decode()


# 6. Plain words instead of "not valid yet".


def test_ballot_errors_say_what_happened(client, voting):
    cycle, _ = voting
    web_verify(client, cycle)
    web_confirm(client, cycle)
    review = client.post(vote_url(cycle), {"step": "review"})
    html = review.content.decode()
    assert review.status_code == 400 and "Your choices do not fit the rules of this ballot yet" in html
    assert "not valid" not in html.lower()
    cast = client.post(vote_url(cycle), {"step": "cast"})
    assert cast.status_code == 400 and "Your ballot was not cast" in cast.content.decode()
    assert not Ballot.objects.filter(cycle=cycle, channel="online").exists()


def test_vote_page_before_voting_opens_says_when_it_opens(client):
    cycle = f.cycle(schedule="collecting", title="Fx жинау циклі", slug="fx-collecting")
    voting = next(p for p in cycle.phase_dates if p.phase == "voting")
    assert voting.starts_on > timezone.localdate()
    html = client.get(vote_url(cycle)).content.decode()
    assert "Voting has not started yet: it opens on" in html
    assert f"{voting.starts_on.day} " in html and str(voting.starts_on.year) in html
