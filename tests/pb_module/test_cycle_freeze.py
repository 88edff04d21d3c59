"""Nobody, an official included, can read counts before voting is over or change the rules of a running vote."""

import re
from datetime import timedelta

import pytest
from bs4 import BeautifulSoup
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone, translation
from wagtail.users.models import UserProfile

from pb_module import services
from pb_module.models import Ballot, CyclePhase, CycleScheduleChange, PBCyclePage, Proposal
from pb_module.rules.statuses import Status
from pb_module.selectors.voting import ballot_proposals, voting_open

from .. import factories as f
from .test_voting import knapsack_vote

pytestmark = pytest.mark.django_db


def cycle_page(cycle):
    """`cycle` as the database has it now."""
    return PBCyclePage.objects.get(pk=cycle.pk)


@pytest.fixture(scope="module")
def shymkent_once(module_db):
    with module_db():
        return knapsack_vote()[0].pk


@pytest.fixture
def shymkent(db, shymkent_once):
    """Voting is open and three assisted ballots are cast (built once for the module; fresh rows for each test)."""
    cycle = PBCyclePage.objects.get(pk=shymkent_once)
    assert voting_open(cycle) and Ballot.objects.filter(cycle=cycle).exists()
    return cycle


@pytest.fixture
def admin_moderator(client, moderator):
    """A moderator (not a superuser) logged into the admin, which speaks English to them."""
    assert not moderator.is_superuser
    UserProfile.objects.update_or_create(user=moderator, defaults={"preferred_language": "en"})
    client.force_login(moderator)
    return moderator


def edit_form(client, page):
    """What the admin's edit form of `page` would post unchanged: every field as the browser sends it."""
    response = client.get(f"/admin/pages/{page.pk}/edit/")
    assert response.status_code == 200
    form = BeautifulSoup(response.content, "html.parser").find("form", id="page-edit-form")
    data = {}
    for field in form.find_all(["input", "select", "textarea"]):
        name = field.get("name")
        if not name or field.has_attr("disabled"):
            continue
        if field.name == "select":
            chosen = field.find("option", selected=True)
            data[name] = chosen["value"] if chosen else ""
        elif field.name == "textarea":
            data[name] = field.text
        elif field.get("type") in ("checkbox", "radio"):
            if field.has_attr("checked"):
                data[name] = field.get("value", "on")
        elif field.get("type") not in ("submit", "button", "file"):
            data[name] = field.get("value", "")
    return data


def voting_row(data) -> str:
    return next(k for k, v in data.items() if re.fullmatch(r"phases-\d+-phase", k) and v == "voting")[: -len("-phase")]


def publish(client, page, data):
    return client.post(f"/admin/pages/{page.pk}/edit/", {**data, "action-publish": "action-publish"})


def voting_end(cycle):
    return CyclePhase.objects.get(cycle=cycle, phase="voting").ends_on


def test_moderator_cannot_move_the_voting_end_into_the_past_and_read_the_count(client, shymkent, admin_moderator):
    """The attack of the issue: end voting yesterday, publish, read the preview, move the date back."""
    end = voting_end(shymkent)
    data = edit_form(client, shymkent)
    row = voting_row(data)
    data[f"{row}-ends_on"] = (timezone.localdate() - timedelta(days=1)).isoformat()
    data["phase_change_reason"] = "Just checking"
    response = publish(client, shymkent, data)
    assert response.status_code == 200  # the form comes back with the reason, nothing is saved
    assert "voting can only be extended" in response.content.decode()
    assert voting_end(shymkent) == end
    assert voting_open(cycle_page(shymkent))
    assert not CycleScheduleChange.objects.exists()
    # The count preview is not shown while voting runs: no table of votes, only the reason.
    preview = client.get(f"/admin/pb/results/{shymkent.pk}/").content.decode()
    assert "has not closed yet" in preview and 'table class="listing"' not in preview


def test_the_model_refuses_a_shortened_or_removed_voting_phase_whoever_saves_it(shymkent):
    page = PBCyclePage.objects.get(pk=shymkent.pk)
    phases = list(page.phases.all())
    for phase in phases:
        if phase.phase == "voting":
            phase.ends_on = timezone.localdate() - timedelta(days=1)
    page.phases = phases
    with translation.override("en"), pytest.raises(ValidationError, match="can only be extended"):
        page.save_revision().publish()
    page = PBCyclePage.objects.get(pk=shymkent.pk)
    page.phases = [p for p in page.phases.all() if p.phase != "voting"]
    with translation.override("en"), pytest.raises(ValidationError, match="cannot be removed"):
        page.save_revision()
    assert voting_open(cycle_page(shymkent))


def test_voting_can_be_extended_with_a_reason_and_the_public_log_says_who_when_and_why(client, shymkent, moderator):
    from django.contrib.auth import get_user_model

    editor = get_user_model().objects.create_superuser("root", "root@example.kz", "pw", first_name="Әсел")
    UserProfile.objects.update_or_create(user=editor, defaults={"preferred_language": "en"})
    client.force_login(editor)
    end = voting_end(shymkent)
    data = edit_form(client, shymkent)
    row = voting_row(data)
    later = end + timedelta(days=3)
    data[f"{row}-ends_on"] = later.isoformat()
    for key, value in list(data.items()):  # the results phase moves after the new end
        if re.fullmatch(r"phases-\d+-phase", key) and value in ("results", "implementation"):
            prefix = key[: -len("-phase")]
            data[f"{prefix}-starts_on"] = (later + timedelta(days=1 if value == "results" else 30)).isoformat()
    data["phase_change_reason"] = ""
    refused = publish(client, shymkent, data)
    assert refused.status_code == 200 and "say why its phases change" in refused.content.decode()
    assert voting_end(shymkent) == end
    data["phase_change_reason"] = "Сайт екі күн жұмыс істемеді."
    response = publish(client, shymkent, data)
    assert response.status_code == 302, response.content.decode()[:3000]
    assert voting_end(shymkent) == later
    change = CycleScheduleChange.objects.get(cycle=shymkent, phase="voting")
    assert (change.old_ends_on, change.new_ends_on, change.changed_by) == (end, later, editor)
    assert change.reason == "Сайт екі күн жұмыс істемеді."
    client.logout()
    for lang in ("kk", "ru", "en"):
        page = PBCyclePage.objects.get(translation_key=shymkent.translation_key, locale__language_code=lang)
        html = client.get(page.url).content.decode()
        assert 'id="schedule-log-heading"' in html
        # Marked as Kazakh, with a visible note, on the pages of the other languages (home/people_text.py).
        marked = '<span lang="kk">Сайт екі күн жұмыс істемеді.</span> <span class="meta language-note">'
        assert marked in html if lang != "kk" else "Сайт екі күн жұмыс істемеді." in html and marked not in html
        assert "Әсел" in html
    with translation.override("en"):
        html = client.get(shymkent.url.replace("/kk/", "/en/", 1)).content.decode()
    assert "Changes to the schedule" in html


def test_frozen_settings_are_read_only_in_the_admin_and_refused_by_the_model_and_the_database(
    client, shymkent, admin_moderator
):
    response = client.get(f"/admin/pages/{shymkent.pk}/edit/")
    soup = BeautifulSoup(response.content, "html.parser")
    for name in ("min_voter_age", "total_budget", "ballot_type", "ballot_max_choices", "tally_rule"):
        assert soup.find(attrs={"name": name}).has_attr("disabled"), name
    assert "this setting is frozen" in response.content.decode()
    # Posting other values anyway keeps the stored ones.
    data = edit_form(client, shymkent)
    data.update(min_voter_age="14", total_budget="1", ballot_type="cumulative", tally_rule="greedy-no-skip")
    publish(client, shymkent, data)
    page = PBCyclePage.objects.get(pk=shymkent.pk)
    assert (page.min_voter_age, page.total_budget, page.ballot_type) == (
        shymkent.min_voter_age,
        shymkent.total_budget,
        shymkent.ballot_type,
    )
    # The model refuses them whatever saves the page.
    page.min_voter_age = 14
    page.ballot_max_choices = 1
    with pytest.raises(ValidationError) as error:
        page.save_revision().publish()
    assert set(error.value.message_dict) >= {"min_voter_age", "ballot_max_choices"}
    # And the database refuses a raw update.
    with pytest.raises(IntegrityError), transaction.atomic():
        PBCyclePage.objects.filter(pk=shymkent.pk).update(min_voter_age=14)
    assert PBCyclePage.objects.get(pk=shymkent.pk).min_voter_age == shymkent.min_voter_age


def test_settings_can_change_before_the_first_ballot(shymkent):
    Ballot.objects.filter(cycle=shymkent).delete()
    page = PBCyclePage.objects.get(pk=shymkent.pk)
    page.min_voter_age = 18
    page.save_revision().publish()
    assert PBCyclePage.objects.get(pk=shymkent.pk).min_voter_age == 18


def test_the_api_reports_the_frozen_rules(client, shymkent):
    data = client.get(f"/api/v1/cycles/{shymkent.pk}/").json()
    assert data["rules_frozen"] is True
    assert data["min_voter_age"] == shymkent.min_voter_age
    assert data["voting_closed_early_at"] is None
    collecting = f.cycle(schedule="collecting")
    assert not Ballot.objects.filter(cycle=collecting).exists()
    assert client.get(f"/api/v1/cycles/{collecting.pk}/").json()["rules_frozen"] is False


def test_the_list_of_proposals_on_the_ballot_is_frozen_once_ballots_exist(shymkent, moderator):
    on_ballot = Proposal.objects.filter(cycle=shymkent, status=Status.ON_BALLOT).first()
    with pytest.raises(ValidationError) as error:
        services.proposals.change_status(proposal=on_ballot, new_status=Status.NOT_SELECTED, user=moderator)
    assert error.value.code == "ballot_frozen"
    assert Proposal.objects.get(pk=on_ballot.pk).status == Status.ON_BALLOT
    # Nothing joins the ballot either.
    waiting = Proposal.objects.create(
        cycle=shymkent,
        district=on_ballot.district,
        status=Status.IN_MODERATION,
        estimated_cost=1_000_000,
        author_name="Test",
        author_contact_encrypted="",
        language="kk",
        tracking_token_hash="t" * 64,
    )
    with pytest.raises(ValidationError) as error:
        services.proposals.change_status(proposal=waiting, new_status=Status.ON_BALLOT, user=moderator)
    assert error.value.code == "ballot_frozen"
    assert (
        ballot_proposals(shymkent).count() == Proposal.objects.filter(cycle=shymkent, status=Status.ON_BALLOT).count()
    )
    assert not ballot_proposals(shymkent).filter(pk=waiting.pk).exists()


def test_close_voting_early_is_an_explicit_logged_action_and_voting_never_reopens(client, shymkent, admin_moderator):
    index = client.get("/admin/pb/results/").content.decode()
    assert f"/admin/pb/results/{shymkent.pk}/close/" in index
    url = f"/admin/pb/results/{shymkent.pk}/close/"
    refused = client.post(url, {"reason": "", "confirm": "on"})
    assert refused.status_code == 400 and "the reason is shown publicly" in refused.content.decode()
    assert voting_open(cycle_page(shymkent))
    response = client.post(url, {"reason": "Решение общественного совета от 1 декабря", "confirm": "on"})
    assert response.status_code == 302
    cycle = cycle_page(shymkent)
    assert cycle.voting_closed_at is not None and not voting_open(cycle)
    assert voting_end(cycle) == timezone.localdate()
    change = CycleScheduleChange.objects.get(cycle=cycle)
    assert (change.kind, change.changed_by, change.reason) == (
        "closed_early",
        admin_moderator,
        "Решение общественного совета от 1 декабря",
    )
    # Every language's cycle page shows it; the ballot box says it is closed.
    for lang in ("kk", "ru", "en"):
        page = PBCyclePage.objects.get(translation_key=cycle.translation_key, locale__language_code=lang)
        assert page.voting_closed_at is not None
        assert "Решение общественного совета от 1 декабря" in client.get(page.url).content.decode()
    assert "closed early" in client.get(cycle.url.replace("/kk/", "/en/", 1) + "vote/").content.decode()
    # Now, and only now, the count can be previewed.
    preview = client.get(f"/admin/pb/results/{cycle.pk}/").content.decode()
    assert "ballots will be counted" in preview
    # Reopening by extending the dates is refused: closed is for good.
    data = edit_form(client, cycle)
    data[f"{voting_row(data)}-ends_on"] = (timezone.localdate() + timedelta(days=5)).isoformat()
    data["phase_change_reason"] = "Reopen"
    response = publish(client, cycle, data)
    assert "it never reopens" in response.content.decode()
    assert not voting_open(cycle_page(shymkent))
    # Ballots are refused by the service too.
    voter = services.voting.VoterIdentity("f" * 64, "25-34", "", cycle.territory_id)
    proposal = Proposal.objects.filter(cycle=cycle, status=Status.ON_BALLOT).first()
    with pytest.raises(ValidationError) as error:
        services.voting.cast_ballot(cycle=cycle, voter=voter, items={proposal.pk: 1})
    assert error.value.code == "voting_closed"


def test_only_those_allowed_close_voting_and_only_while_it_is_open(shymkent, make_user, moderator):
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        services.cycles.close_voting_early(cycle=shymkent, user=make_user("editor", "Editors"), reason="x")
    with pytest.raises(ValidationError):
        services.cycles.close_voting_early(cycle=shymkent, user=moderator, reason="   ")
    assert voting_open(cycle_page(shymkent))
    aktau = f.cycle(schedule="past")
    with pytest.raises(ValidationError) as error:
        services.cycles.close_voting_early(cycle=aktau, user=moderator, reason="x")
    assert error.value.code == "not_open"


def test_a_cycle_without_a_voting_phase_never_shows_a_count(shymkent, moderator):
    CyclePhase.objects.filter(cycle__translation_key=shymkent.translation_key).exclude(phase="voting").delete()
    with translation.override("en"):
        # The trigger-free way an import might leave it: no voting phase at all, ballots present.
        CyclePhase.objects.filter(cycle=shymkent, phase="voting").delete()
        cycle = cycle_page(shymkent)
        assert services.results.publish_problem(cycle).startswith("This cycle has no voting phase")
    with pytest.raises(ValidationError):
        services.results.preview_results(cycle, "en")
