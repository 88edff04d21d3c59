"""Implementation of a funded proposal: its milestones, the overall progress derived from them, and when the work
counts as completed or stalled (plain Python, no Django; issue 7).

The overall progress is never typed: it is the weighted mean of the milestones' percentages (a milestone's weight
is its share of the work, e.g. of the money; 1 when not given). A project is *stalled* when no milestone has moved
for more than a configurable number of days; *completed* when every milestone is done.
"""

from dataclasses import dataclass
from datetime import date
from enum import StrEnum


class MilestoneStatus(StrEnum):
    PLANNED = "planned"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    DELAYED = "delayed"


class Implementation(StrEnum):
    """Where the work on a funded proposal stands (statuses.Status has the same three words)."""

    IN_IMPLEMENTATION = "in_implementation"
    COMPLETED = "completed"
    STALLED = "stalled"


STALLED_AFTER_DAYS = 90  # the default; a cycle may set its own


@dataclass(frozen=True)
class Milestone:
    status: MilestoneStatus
    percent: int
    weight: int = 1
    planned_start: date | None = None
    planned_end: date | None = None
    actual_start: date | None = None
    actual_end: date | None = None
    moved_on: date | None = None  # the last day its status or percent changed


def milestone_problems(m: Milestone) -> list[tuple[str, str]]:
    """What is wrong with a milestone, as (field, code) pairs; empty when nothing is."""
    problems = []
    if not 0 <= m.percent <= 100:
        problems.append(("percent", "out_of_range"))
    if m.weight < 1:
        problems.append(("weight", "not_positive"))
    if m.planned_start and m.planned_end and m.planned_end < m.planned_start:
        problems.append(("planned_end", "before_start"))
    if m.actual_start and m.actual_end and m.actual_end < m.actual_start:
        problems.append(("actual_end", "before_start"))
    if m.status == MilestoneStatus.DONE and m.percent != 100:
        problems.append(("percent", "done_below_100"))
    if m.status != MilestoneStatus.DONE and m.percent == 100:
        problems.append(("status", "complete_not_done"))
    if m.actual_end and m.status != MilestoneStatus.DONE:
        problems.append(("actual_end", "not_done"))
    return problems


def overall_progress(milestones: list[Milestone]) -> int | None:
    """The weighted mean percentage, in whole percent rounded down (100 only when all is done); None without
    milestones."""
    total = sum(m.weight for m in milestones)
    if not total:
        return None
    return sum(m.percent * m.weight for m in milestones) // total


def last_moved(milestones: list[Milestone], started_on: date | None = None) -> date | None:
    """The last day any milestone moved (or the day the work started, when none has)."""
    days = [m.moved_on for m in milestones if m.moved_on] + ([started_on] if started_on else [])
    return max(days, default=None)


def implementation_state(
    milestones: list[Milestone], today: date, started_on: date | None = None, stalled_after: int = STALLED_AFTER_DAYS
) -> Implementation:
    """Completed when there are milestones and all are done; stalled when nothing has moved for more than
    `stalled_after` days; in implementation otherwise."""
    if milestones and all(m.status == MilestoneStatus.DONE for m in milestones):
        return Implementation.COMPLETED
    moved = last_moved(milestones, started_on)
    if moved is not None and (today - moved).days > stalled_after:
        return Implementation.STALLED
    return Implementation.IN_IMPLEMENTATION
