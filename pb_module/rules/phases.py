"""The phases of a PB cycle, each optional, in their fixed order."""

from dataclasses import dataclass
from datetime import date
from enum import StrEnum


class Phase(StrEnum):
    COLLECTION = "collection"
    MODERATION = "moderation"
    DISCUSSION = "discussion"
    EXPERT_REVIEW = "expert_review"
    VOTING = "voting"
    RESULTS = "results"
    IMPLEMENTATION = "implementation"


ORDER = list(Phase)


@dataclass(frozen=True)
class PhaseDates:
    phase: Phase
    starts_on: date
    ends_on: date | None = None  # open-ended (implementation often is)

    def contains(self, day: date) -> bool:
        return self.starts_on <= day and (self.ends_on is None or day <= self.ends_on)


def phase_problems(phases: list[PhaseDates]) -> list[tuple[Phase, str]]:
    """What is wrong with a cycle's phases: 'duplicate', 'ends_before_start', 'out_of_order', 'overlap'."""
    problems = []
    seen = set()
    for p in phases:
        if p.phase in seen:
            problems.append((p.phase, "duplicate"))
        seen.add(p.phase)
        if p.ends_on is not None and p.ends_on < p.starts_on:
            problems.append((p.phase, "ends_before_start"))
    ordered = sorted({p.phase: p for p in phases}.values(), key=lambda p: ORDER.index(p.phase))
    for before, after in zip(ordered, ordered[1:], strict=False):
        if after.starts_on < before.starts_on:
            problems.append((after.phase, "out_of_order"))
        elif before.ends_on is None or after.starts_on <= before.ends_on:
            problems.append((after.phase, "overlap"))
    return problems


def current_phase(phases: list[PhaseDates], today: date) -> Phase | None:
    """The phase running on `today`, or None between phases, before the first or after the last."""
    for p in sorted(phases, key=lambda p: ORDER.index(p.phase)):
        if p.contains(today):
            return p.phase
    return None


def next_phase(phases: list[PhaseDates], today: date) -> PhaseDates | None:
    """The first phase that starts after `today`."""
    upcoming = [p for p in phases if p.starts_on > today]
    return min(upcoming, key=lambda p: p.starts_on) if upcoming else None
