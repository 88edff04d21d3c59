"""What makes a ballot valid, for each ballot type in the vocabulary of pabulib (the .pb file format).

A ballot is a dict proposal id -> points. Approval, knapsack and choose-1 ballots give each chosen proposal
one point; a cumulative ballot shares the voter's points among proposals.
"""

from dataclasses import dataclass, field
from enum import StrEnum


class BallotType(StrEnum):
    APPROVAL = "approval"
    KNAPSACK = "knapsack"
    CUMULATIVE = "cumulative"
    CHOOSE_1 = "choose-1"


ONE_POINT_TYPES = frozenset({BallotType.APPROVAL, BallotType.KNAPSACK, BallotType.CHOOSE_1})
COUNTED_TYPES = frozenset({BallotType.APPROVAL, BallotType.KNAPSACK, BallotType.CUMULATIVE})  # min/max_choices


@dataclass(frozen=True)
class BallotRules:
    ballot_type: BallotType | str
    min_choices: int = 1
    max_choices: int | None = None  # None: no limit (choose-1 always allows exactly one)
    budget: int | None = None  # the cycle's total budget in tenge, the knapsack limit
    max_points: int | None = None  # cumulative: the points a voter has
    max_points_per_proposal: int | None = None  # cumulative: None means no limit per proposal


@dataclass(frozen=True)
class BallotProblem:
    code: str
    params: dict = field(default_factory=dict)


PROBLEM_CODES = (
    "empty",
    "unknown_proposal",
    "points_not_positive",
    "one_point_each",
    "too_few",
    "too_many",
    "choose_exactly_one",
    "over_budget",
    "too_many_points",
    "too_many_points_for_one",
)


def _sorted(ids) -> list:
    # Proposal ids are usually all ints or all strings; a mix still sorts, by text.
    try:
        return sorted(ids)
    except TypeError:
        return sorted(ids, key=str)


def _is_positive_int(points) -> bool:
    # bool is an int subclass, but True is not a number of points a widget should send.
    return isinstance(points, int) and not isinstance(points, bool) and points > 0


def _counted(items: dict, costs: dict) -> dict:
    """The items that take part in the counting rules: on the ballot, with a positive whole number of points."""
    return {pid: points for pid, points in items.items() if pid in costs and _is_positive_int(points)}


def validate_ballot(items: dict, costs: dict, rules: BallotRules) -> list[BallotProblem]:
    """Every rule the ballot breaks, in the order of PROBLEM_CODES; [] when the ballot is valid.

    `items` maps proposal id -> points; `costs` maps each proposal id on the ballot -> cost in tenge.
    An empty ballot gives 'empty' alone. An unknown id or an item whose points are not a positive int is
    reported under its own code and left out of the counts and totals (as remaining() does), so one stale or
    tampered item does not also show up as a count or budget problem.
    """
    if not items:
        return [BallotProblem("empty")]
    ballot_type = BallotType(rules.ballot_type)
    problems = []

    unknown = [pid for pid in items if pid not in costs]
    if unknown:
        problems.append(BallotProblem("unknown_proposal", {"ids": _sorted(unknown)}))
    not_positive = [pid for pid, points in items.items() if not _is_positive_int(points)]
    if not_positive:
        problems.append(BallotProblem("points_not_positive", {"ids": _sorted(not_positive)}))

    counted = _counted(items, costs)
    if ballot_type in ONE_POINT_TYPES:
        # Items already refused as not positive are not repeated here.
        not_one = [pid for pid, points in items.items() if _is_positive_int(points) and points != 1]
        if not_one:
            problems.append(BallotProblem("one_point_each", {"ids": _sorted(not_one)}))

    given = len(counted)
    if ballot_type in COUNTED_TYPES:
        if given < rules.min_choices:
            problems.append(BallotProblem("too_few", {"min": rules.min_choices, "given": given}))
        if rules.max_choices is not None and given > rules.max_choices:
            problems.append(BallotProblem("too_many", {"max": rules.max_choices, "given": given}))
    elif ballot_type == BallotType.CHOOSE_1 and given != 1:
        problems.append(BallotProblem("choose_exactly_one", {"given": given}))

    if ballot_type == BallotType.KNAPSACK and rules.budget is not None:
        total = sum(costs[pid] for pid in counted)
        if total > rules.budget:
            problems.append(BallotProblem("over_budget", {"budget": rules.budget, "total": total}))

    if ballot_type == BallotType.CUMULATIVE:
        points_given = sum(counted.values())
        if rules.max_points is not None and points_given > rules.max_points:
            problems.append(BallotProblem("too_many_points", {"max": rules.max_points, "given": points_given}))
        if rules.max_points_per_proposal is not None:
            too_many = [pid for pid, points in counted.items() if points > rules.max_points_per_proposal]
            if too_many:
                problems.append(
                    BallotProblem(
                        "too_many_points_for_one", {"max": rules.max_points_per_proposal, "ids": _sorted(too_many)}
                    )
                )
    return problems


def remaining(items: dict, costs: dict, rules: BallotRules) -> dict:
    """What the voter still has, for a live widget: choices_left, budget_left (knapsack), points_left (cumulative).

    A value is None when the ballot type or the rules set no such limit. Values are not clamped at zero: a
    negative one tells the widget by how much the ballot is over. Unknown ids and items whose points are not a
    positive int are ignored.
    """
    ballot_type = BallotType(rules.ballot_type)
    counted = _counted(items, costs)
    if ballot_type == BallotType.CHOOSE_1:
        choices_left = 1 - len(counted)
    elif rules.max_choices is not None:
        choices_left = rules.max_choices - len(counted)
    else:
        choices_left = None
    budget_left = None
    if ballot_type == BallotType.KNAPSACK and rules.budget is not None:
        budget_left = rules.budget - sum(costs[pid] for pid in counted)
    points_left = None
    if ballot_type == BallotType.CUMULATIVE and rules.max_points is not None:
        points_left = rules.max_points - sum(counted.values())
    return {"choices_left": choices_left, "budget_left": budget_left, "points_left": points_left}
