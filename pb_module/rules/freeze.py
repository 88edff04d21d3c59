"""What may still change in a cycle once the first ballot is cast.

From the first ballot on, the rules the ballots were cast under are frozen: who may vote, what the
ballot looks like, the budget and how it is counted. The voting phase may only be extended; it is
never moved, shortened into the past, reopened once it has closed, nor removed. Closing voting early
is a separate, logged action with a public reason (it does not go through these rules).
"""

from datetime import date

from .phases import Phase, PhaseDates

# Fields of a cycle that decide who votes, on what, and how the ballots are counted.
FROZEN_SETTINGS = (
    "territory_id",
    "total_budget",
    "ballot_type",
    "ballot_min_choices",
    "ballot_max_choices",
    "ballot_max_points",
    "ballot_max_points_per_proposal",
    "ballot_final",
    "tally_rule",
    "tally_min_score",
    "min_voter_age",
)


def changed_settings(before: dict, after: dict) -> list[str]:
    """The frozen settings whose value differs between `before` and `after` (in FROZEN_SETTINGS order)."""
    return [name for name in FROZEN_SETTINGS if name in before and name in after and before[name] != after[name]]


def voting_of(phases: list[PhaseDates]) -> PhaseDates | None:
    return next((p for p in phases if p.phase == Phase.VOTING), None)


def voting_closed(voting: PhaseDates | None, today: date, closed_early: bool = False) -> bool:
    """Voting is over for good: closed early, or its last day is past."""
    if voting is None:
        return False
    return closed_early or (voting.ends_on is not None and voting.ends_on < today)


def voting_change_problem(
    before: list[PhaseDates], after: list[PhaseDates], today: date, closed_early: bool = False
) -> str | None:
    """Why the voting phase of a cycle with ballots may not go from `before` to `after`, or None.

    'voting_removed', 'voting_closed' (it has closed: no change at all), 'voting_start_moved',
    'voting_shortened' (an end date earlier than the one ballots were cast under, or one given to an
    open-ended phase).
    """
    old, new = voting_of(before), voting_of(after)
    if old is None:
        return None  # ballots without a voting phase: an imported historical election
    if new is None:
        return "voting_removed"
    if (new.starts_on, new.ends_on) == (old.starts_on, old.ends_on):
        return None
    if voting_closed(old, today, closed_early):
        return "voting_closed"
    if new.starts_on != old.starts_on:
        return "voting_start_moved"
    if new.ends_on is not None and (old.ends_on is None or new.ends_on < old.ends_on):
        return "voting_shortened"
    return None


def has_started(phases: list[PhaseDates], today: date) -> bool:
    """A cycle is running once its first phase has started: from then on every change of its phases is logged."""
    return any(p.starts_on <= today for p in phases)


def phase_changes(
    before: list[PhaseDates], after: list[PhaseDates]
) -> list[tuple[Phase, PhaseDates | None, PhaseDates | None]]:
    """(phase, old dates, new dates) for every phase added, removed or moved, in the order of the phases."""
    old = {p.phase: p for p in before}
    new = {p.phase: p for p in after}
    changes = []
    for phase in Phase:
        a, b = old.get(phase), new.get(phase)
        if a is None and b is None:
            continue
        if a is None or b is None or (a.starts_on, a.ends_on) != (b.starts_on, b.ends_on):
            changes.append((phase, a, b))
    return changes
