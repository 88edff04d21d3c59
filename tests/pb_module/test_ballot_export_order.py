"""The anonymised ballot export does not give away who voted when: its order is a keyed hash, and reproducible."""

import hashlib
import hmac
from datetime import timedelta

import pytest
from django.conf import settings
from django.utils import timezone

from pb_module import services
from pb_module.models import Ballot, BallotItem, Proposal
from pb_module.rules import pabulib
from pb_module.rules.statuses import Status
from pb_module.services.pabulib_io import election_from_cycle

from .test_results import close_voting
from .test_voting import knapsack_vote

AGE_BANDS = ["16-17", "18-24", "25-34", "35-44", "45-54", "55-64", "65+"]


def independent_order_key(cycle_id, voter_hash):
    """HMAC-SHA256 under the data key, computed here without the project's helpers."""
    key = ("qatysu-ballot-order:" + settings.PB_DATA_KEY).encode()
    return hmac.new(key, f"{cycle_id}:{voter_hash}".encode(), hashlib.sha256).hexdigest()


@pytest.fixture
def voted(db, moderator):
    """A closed knapsack vote (three ballots) with 40 more ballots cast a minute apart, each choosing its own set of
    proposals."""
    cycle = close_voting(knapsack_vote()[0])
    proposals = list(Proposal.objects.filter(cycle=cycle, status=Status.ON_BALLOT).order_by("pk"))
    assert len(proposals) >= 5
    start = timezone.now() - timedelta(days=2)
    for n in range(40):
        ballot = Ballot.objects.create(
            cycle=cycle,
            voter_hash=hashlib.sha256(f"voter-{n}".encode()).hexdigest(),
            age_band=AGE_BANDS[n % len(AGE_BANDS)],
            district=cycle.territory,
            cast_at=start + timedelta(minutes=n),
        )
        subset = n % 31 + 1  # a non-empty set of the first five proposals
        BallotItem.objects.bulk_create(
            BallotItem(ballot=ballot, proposal=p) for bit, p in enumerate(proposals[:5]) if subset >> bit & 1
        )
    return cycle, moderator


def rows(ballots, ids):
    """(sorted project ids, age band) of each ballot, in the given order."""
    return [(sorted(ids[item.proposal_id] for item in ballot.items.all()), ballot.age_band) for ballot in ballots]


def test_published_file_lists_ballots_by_keyed_hash_not_by_time_of_voting(voted):
    cycle, moderator = voted
    result = services.results.publish_results(cycle=cycle, user=moderator)
    election = pabulib.read(result.ballots_file)
    ids = {p.pk: p.external_id or str(p.pk) for p in Proposal.objects.filter(cycle=cycle)}
    ballots = list(Ballot.objects.filter(cycle=cycle).prefetch_related("items"))
    assert len(election.votes) == len(ballots) == 43

    in_file = [(sorted(v.projects), v.fields["age_band"]) for v in election.votes]
    by_keyed_hash = sorted(ballots, key=lambda b: independent_order_key(cycle.pk, b.voter_hash))
    by_time = sorted(ballots, key=lambda b: (b.cast_at, b.pk))
    assert in_file == rows(by_keyed_hash, ids)
    # Neither the order people voted in nor the database's.
    assert in_file != rows(by_time, ids)
    assert in_file != rows(sorted(ballots, key=lambda b: b.pk), ids)
    # Voter ids are renumbered 1..n in the file's order: they say nothing about the ballot's row.
    assert [v.voter_id for v in election.votes] == [str(n) for n in range(1, 44)]


def test_the_export_is_the_same_bytes_every_time(voted):
    cycle, moderator = voted
    first = pabulib.write(election_from_cycle(cycle))
    assert pabulib.write(election_from_cycle(cycle)) == first
    result = services.results.publish_results(cycle=cycle, user=moderator)
    assert result.ballots_file == first
    assert result.ballots_sha256 == hashlib.sha256(first.encode()).hexdigest()
    again = pabulib.write(election_from_cycle(cycle))
    assert hashlib.sha256(again.encode()).hexdigest() == result.ballots_sha256
