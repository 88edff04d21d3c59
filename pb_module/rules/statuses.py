"""The life of a proposal: which status may follow which, and what a change must carry."""

from enum import StrEnum


class Status(StrEnum):
    SUBMITTED = "submitted"
    IN_MODERATION = "in_moderation"
    IN_DISCUSSION = "in_discussion"
    IN_EXPERT_REVIEW = "in_expert_review"
    ON_BALLOT = "on_ballot"
    REJECTED = "rejected"
    MERGED = "merged"
    SELECTED = "selected"
    NOT_SELECTED = "not_selected"
    IN_IMPLEMENTATION = "in_implementation"
    COMPLETED = "completed"
    STALLED = "stalled"


S = Status
TRANSITIONS: dict[Status, frozenset[Status]] = {
    # Spam or abuse can be rejected before it is ever published; the rejection is still logged.
    S.SUBMITTED: frozenset({S.IN_MODERATION, S.REJECTED}),
    S.IN_MODERATION: frozenset({S.IN_DISCUSSION, S.IN_EXPERT_REVIEW, S.ON_BALLOT, S.REJECTED, S.MERGED}),
    S.IN_DISCUSSION: frozenset({S.IN_EXPERT_REVIEW, S.ON_BALLOT, S.REJECTED, S.MERGED}),
    # "Needs changes" sends a proposal back to moderation while the author revises it.
    S.IN_EXPERT_REVIEW: frozenset({S.ON_BALLOT, S.IN_MODERATION, S.REJECTED, S.MERGED}),
    S.ON_BALLOT: frozenset({S.SELECTED, S.NOT_SELECTED}),
    S.SELECTED: frozenset({S.IN_IMPLEMENTATION}),
    S.IN_IMPLEMENTATION: frozenset({S.COMPLETED, S.STALLED}),
    S.STALLED: frozenset({S.IN_IMPLEMENTATION, S.COMPLETED}),
    S.REJECTED: frozenset(),
    S.MERGED: frozenset(),
    S.NOT_SELECTED: frozenset(),
    S.COMPLETED: frozenset(),
}
REASON_REQUIRED = frozenset({S.REJECTED, S.MERGED})
# Statuses of a proposal that was on the ballot: still there, or past the vote.
BALLOTED = frozenset({S.ON_BALLOT, S.SELECTED, S.NOT_SELECTED, S.IN_IMPLEMENTATION, S.COMPLETED, S.STALLED})
# Statuses of a funded proposal whose work is tracked by milestones (after the vote).
TRACKED = frozenset({S.IN_IMPLEMENTATION, S.STALLED, S.COMPLETED})
# Statuses in which a proposal page is public (a submitted one waits for a moderator's first look).
PUBLIC = frozenset(Status) - {S.SUBMITTED}


class TransitionError(ValueError):
    """A status change that the rules refuse; `code` names the rule for the message shown."""

    def __init__(self, code: str, current: Status, new: Status):
        super().__init__(f"{code}: {current} -> {new}")
        self.code, self.current, self.new = code, current, new


def check_transition(current: Status | str, new: Status | str, reason: str = "") -> None:
    """Raise TransitionError unless `current -> new` is allowed with this public reason."""
    current, new = Status(current), Status(new)
    if new not in TRANSITIONS[current]:
        raise TransitionError("not_allowed", current, new)
    if new in REASON_REQUIRED and not reason.strip():
        raise TransitionError("reason_required", current, new)


def allowed_next(current: Status | str) -> list[Status]:
    """The statuses that may follow `current`, in the order of the process."""
    order = list(Status)
    return sorted(TRANSITIONS[Status(current)], key=order.index)


class Verdict(StrEnum):
    COMPLIANT = "compliant"
    NEEDS_CHANGES = "needs_changes"
    NON_COMPLIANT = "non_compliant"


def ballot_blockers(
    *, cost: int | None, cap_tenge: int | None, expert_review_required: bool, verdict: Verdict | str | None
) -> list[str]:
    """Why a proposal may not go on the ballot: codes 'cost_missing', 'above_cap', 'no_compliant_verdict'.

    The cost that counts is the expert's validated cost when there is one, else the estimate.
    """
    problems = []
    if cost is None or cost <= 0:
        problems.append("cost_missing")
    elif cap_tenge is not None and cost > cap_tenge:
        problems.append("above_cap")
    if expert_review_required and (verdict is None or Verdict(verdict) != Verdict.COMPLIANT):
        problems.append("no_compliant_verdict")
    return problems
