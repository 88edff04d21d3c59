"""Publishing a result: the frozen tally, the embargo's end, ballots that cannot change, the public pages."""

import hashlib
from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management import CommandError, call_command
from django.db import IntegrityError, transaction
from django.utils import timezone, translation

from pb_module import roles, services
from pb_module.models import Ballot, BallotItem, CyclePhase, PBCyclePage, Proposal, ProposalStatusChange, TallyResult
from pb_module.rules import pabulib, tally
from pb_module.rules.statuses import Status
from pb_module.selectors.voting import voting_open

from .. import factories as f
from .test_voting import knapsack_vote


def close_voting(cycle):
    """Voting closed early today by a moderator, through the logged action: the count can be published at once.

    (Moving the voting end into the past is refused once ballots are cast: see test_cycle_freeze.py.)"""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    user, created = get_user_model().objects.get_or_create(username="closer", defaults={"first_name": "Closer"})
    if created:
        user.groups.add(Group.objects.get(name=roles.MODERATORS))
    services.cycles.close_voting_early(cycle=cycle, user=user, reason="The vote is over.")
    return PBCyclePage.objects.get(pk=cycle.pk)


@pytest.fixture(scope="module")
def closed_once(module_db):
    with module_db():
        return close_voting(knapsack_vote()[0]).pk


@pytest.fixture
def closed(db, closed_once, moderator):
    """A knapsack vote closed early (built once for the module; fresh rows for each test)."""
    return PBCyclePage.objects.get(pk=closed_once), moderator


def test_publishing_is_refused_while_voting_is_open(moderator):
    cycle, _proposals = knapsack_vote()
    with translation.override("en"):
        assert services.results.publish_problem(cycle).startswith("Voting in this cycle has not closed yet")
    with translation.override("kk"):
        assert services.results.publish_problem(cycle).startswith("Бұл циклде дауыс беру")
    with pytest.raises(ValidationError) as error:
        services.results.publish_results(cycle=cycle, user=moderator)
    assert error.value.code == "cannot_publish"
    assert not TallyResult.objects.filter(cycle=cycle).exists()
    assert PBCyclePage.objects.get(pk=cycle.pk).results_published_at is None


def test_only_those_allowed_publish(closed, make_user):
    cycle, _ = closed
    with pytest.raises(PermissionDenied):
        services.results.publish_results(cycle=cycle, user=make_user("someone"))
    assert not TallyResult.objects.filter(cycle=cycle).exists()


def test_published_result_is_the_tally_of_the_frozen_ballots(closed, django_capture_on_commit_callbacks):
    cycle, moderator = closed
    on_ballot = set(Proposal.objects.filter(cycle=cycle, status=Status.ON_BALLOT).values_list("pk", flat=True))
    with django_capture_on_commit_callbacks(execute=True):
        result = services.results.publish_results(cycle=cycle, user=moderator)

    # The file is what was counted: its hash, and the tally of the file read back, are the published ones.
    assert result.ballots_sha256 == hashlib.sha256(result.ballots_file.encode()).hexdigest()
    election = pabulib.read(result.ballots_file)
    assert len(election.votes) == result.ballot_count == Ballot.objects.filter(cycle=cycle).count() == 3
    recount = tally.tally(election)
    by_project = {line["project_id"]: line for line in result.lines}
    assert [line["project_id"] for line in result.winners] == recount["selected"]
    assert result.spent == sum(line["cost"] for line in result.winners) <= result.budget == cycle.total_budget
    # Scores are the votes in the database; every proposal on the ballot has a line.
    votes = dict(Proposal.objects.filter(cycle=cycle).with_vote_counts().values_list("pk", "votes"))
    assert {line["proposal"]: line["score"] for line in result.lines} == {pk: votes[pk] for pk in on_ballot}
    assert all(by_project[pid]["selected"] for pid in recount["selected"])

    # Proposals left the ballot: winners selected, the others not, each change in the public log.
    statuses = dict(Proposal.objects.filter(pk__in=on_ballot).values_list("pk", "status"))
    assert {pk for pk, s in statuses.items() if s == Status.SELECTED} == {w["proposal"] for w in result.winners}
    assert {pk for pk, s in statuses.items() if s == Status.NOT_SELECTED} == on_ballot - set(statuses) | {
        o["proposal"] for o in result.others
    }
    assert ProposalStatusChange.objects.filter(proposal__in=on_ballot, changed_by=moderator).count() >= len(on_ballot)

    # The embargo ends in every language.
    for page in PBCyclePage.objects.filter(translation_key=cycle.translation_key):
        assert page.results_published


def test_publishing_twice_is_refused(closed):
    cycle, moderator = closed
    services.results.publish_results(cycle=cycle, user=moderator)
    with pytest.raises(ValidationError, match="already published"), translation.override("en"):
        services.results.publish_results(cycle=cycle, user=moderator)
    assert TallyResult.objects.filter(cycle=cycle).count() == 1


def test_ballots_and_result_cannot_change_after_publication(closed):
    cycle, moderator = closed
    result = services.results.publish_results(cycle=cycle, user=moderator)
    ballot = Ballot.objects.filter(cycle=cycle).first()
    item = BallotItem.objects.filter(ballot=ballot).first()
    other = Proposal.objects.filter(cycle=cycle).exclude(pk=item.proposal_id).first()
    attempts = [
        lambda: Ballot.objects.filter(pk=ballot.pk).update(age_band="18-24"),
        lambda: Ballot.objects.filter(pk=ballot.pk).delete(),
        lambda: BallotItem.objects.filter(pk=item.pk).update(points=5),
        lambda: BallotItem.objects.filter(pk=item.pk).delete(),
        lambda: BallotItem.objects.create(ballot=ballot, proposal=other),
        lambda: Ballot.objects.create(
            cycle=cycle, voter_hash="f" * 64, age_band="25-34", district=cycle.territory, cast_at=timezone.now()
        ),
        lambda: TallyResult.objects.filter(pk=result.pk).update(spent=0),
    ]
    for attempt in attempts:
        with pytest.raises(IntegrityError), transaction.atomic():
            attempt()
    assert BallotItem.objects.get(pk=item.pk).points == item.points
    assert TallyResult.objects.get(pk=result.pk).spent == result.spent
    assert Ballot.objects.filter(cycle=cycle).count() == 3


def test_ballots_of_other_cycles_still_change(closed):
    cycle, moderator = closed
    services.results.publish_results(cycle=cycle, user=moderator)
    elsewhere = f.cycle()  # collecting proposals
    other = Ballot.objects.create(
        cycle=elsewhere, voter_hash="e" * 64, age_band="25-34", district=elsewhere.territory, cast_at=timezone.now()
    )
    assert Ballot.objects.filter(pk=other.pk).update(age_band="18-24") == 1
    Ballot.objects.filter(pk=other.pk).delete()
    assert not Ballot.objects.filter(cycle=elsewhere).exists()


def test_voting_stays_closed_and_an_old_revision_does_not_bring_the_embargo_back(closed):
    cycle, moderator = closed
    revision = cycle.save_revision()  # made before publication: results_published_at is empty in it
    services.results.publish_results(cycle=cycle, user=moderator)
    revision.publish()
    page = PBCyclePage.objects.get(pk=cycle.pk)
    assert page.results_published
    # Reopening the voting phase by mistake does not reopen the ballot box.
    CyclePhase.objects.filter(cycle=page, phase="voting").update(ends_on=timezone.localdate() + timedelta(days=3))
    page = PBCyclePage.objects.get(pk=cycle.pk)
    assert not page.is_voting
    assert not voting_open(page)


def test_pb_import_refuses_a_published_cycle(closed, tmp_path):
    cycle, moderator = closed
    result = services.results.publish_results(cycle=cycle, user=moderator)
    path = tmp_path / "again.pb"
    path.write_text(result.ballots_file, encoding="utf-8")
    with pytest.raises(CommandError, match="published"):
        call_command("pb_import", str(path), "--key", cycle.slug)
    assert Ballot.objects.filter(cycle=cycle).count() == 3


def test_results_page_before_and_after_publication(client, closed):
    cycle, moderator = closed
    before = client.get(cycle.url + "results/")
    assert before.status_code == 200
    assert "жарияланған жоқ" in before.content.decode() or "not published" in before.content.decode()
    assert client.get(cycle.url + "results/ballots/").status_code == 404
    result = services.results.publish_results(cycle=cycle, user=moderator)
    winner = Proposal.objects.get(pk=result.winners[0]["proposal"])
    for lang in ("kk", "ru", "en"):
        page = PBCyclePage.objects.get(translation_key=cycle.translation_key, locale__language_code=lang)
        html = client.get(page.url + "results/").content.decode()
        assert result.ballots_sha256 in html
        assert winner.page_in(lang).title in html
        assert 'href="' + page.url + 'results/ballots/"' in html
    download = client.get(cycle.url + "results/ballots/")
    assert download.status_code == 200
    assert hashlib.sha256(download.content).hexdigest() == result.ballots_sha256
    assert "attachment" in download["Content-Disposition"]


def test_moderator_group_may_publish(db):
    from django.contrib.auth.models import Group

    assert Group.objects.get(name=roles.MODERATORS).permissions.filter(codename="publish_results").exists()


def in_english(user):
    """The admin in English for `user` (the site's default language is Kazakh)."""
    from wagtail.users.models import UserProfile

    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"
    profile.save()
    return user


def test_moderator_checks_the_count_and_publishes_in_the_admin(client, closed):
    cycle, moderator = closed
    client.force_login(in_english(moderator))
    listing = client.get("/admin/pb/results/").content.decode()
    assert f"/admin/pb/results/{cycle.pk}/" in listing
    preview = client.get(f"/admin/pb/results/{cycle.pk}/")
    on_ballot = Proposal.objects.filter(cycle=cycle, status=Status.ON_BALLOT)
    assert preview.status_code == 200
    assert all(p.page_in("en").title in preview.content.decode() for p in on_ballot)
    assert not TallyResult.objects.filter(cycle=cycle).exists()  # looking publishes nothing
    unconfirmed = client.post(f"/admin/pb/results/{cycle.pk}/", {})
    assert unconfirmed.status_code == 400
    assert "Tick the box" in unconfirmed.content.decode()
    assert not TallyResult.objects.filter(cycle=cycle).exists()
    done = client.post(f"/admin/pb/results/{cycle.pk}/", {"confirm": "on"})
    assert done.status_code == 302
    assert TallyResult.objects.filter(cycle=cycle).exists()
    assert "results/" in client.get("/admin/pb/results/").content.decode()


def test_admin_refuses_publication_while_voting_is_open(client, moderator):
    cycle, _proposals = knapsack_vote()
    client.force_login(in_english(moderator))
    page = client.get(f"/admin/pb/results/{cycle.pk}/").content.decode()
    assert "has not closed yet" in page and 'name="confirm"' not in page
    client.post(f"/admin/pb/results/{cycle.pk}/", {"confirm": "on"})
    assert not TallyResult.objects.filter(cycle=cycle).exists()


def test_others_cannot_open_the_publication_screen(client, make_user):
    client.force_login(make_user("ngo2", roles.NGO_REPRESENTATIVES))
    assert client.get("/admin/pb/results/").status_code in (302, 403)
