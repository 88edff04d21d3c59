"""What the voting pages, the API and the services read of a cycle's vote: whether it takes ballots, what is on
the ballot and what each proposal costs, and whether a verified voter has voted already (never what they chose)."""

from dataclasses import dataclass
from datetime import date

from django.utils import timezone

from pb_module.models import Ballot, PBCyclePage, Proposal
from pb_module.rules.phases import Phase
from pb_module.rules.statuses import Status


def voting_open(cycle: PBCyclePage) -> bool:
    """Ballots are taken during the voting phase, and never once the results are published."""
    return cycle.current_phase == Phase.VOTING and cycle.results_published_at is None


def voting_start(cycle: PBCyclePage) -> date:
    return next((p.starts_on for p in cycle.phase_dates if p.phase == Phase.VOTING), timezone.localdate())


def ballot_proposals(cycle: PBCyclePage):
    """The proposals on the ballot of `cycle`."""
    return Proposal.objects.filter(cycle=cycle.canonical(), status=Status.ON_BALLOT)


def ballot_costs(cycle: PBCyclePage) -> dict[int, int]:
    """Proposal id -> the cost that counts (validated by the expert council when there is one)."""
    rows = ballot_proposals(cycle).values_list("pk", "estimated_cost", "validated_cost")
    return {pk: validated if validated is not None else estimated for pk, estimated, validated in rows}


@dataclass(frozen=True)
class EarlierBallot:
    """What a verified voter learns of their own ballot in a cycle: when it was cast, never what it says."""

    cast_at: object  # an aware datetime
    replaceable: bool


def earlier_ballot(cycle: PBCyclePage, voter) -> EarlierBallot | None:
    """The ballot a verified voter (services.voting.VoterIdentity) already cast in `cycle` (online or assisted), or
    None."""
    cycle = cycle.canonical()
    cast_at = Ballot.objects.filter(cycle=cycle, voter_hash=voter.voter_hash).values_list("cast_at", flat=True).first()
    if cast_at is None:
        return None
    return EarlierBallot(cast_at, not cycle.ballot_final)
