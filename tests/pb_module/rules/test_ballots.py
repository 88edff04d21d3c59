import pytest
from hypothesis import given
from hypothesis import strategies as st

from pb_module.rules.ballots import (
    PROBLEM_CODES,
    BallotProblem,
    BallotRules,
    BallotType,
    remaining,
    validate_ballot,
)

P = BallotProblem
# Proposal id -> cost in tenge for the proposals on the ballot.
COSTS = {1: 10_000_000, 2: 20_000_000, 3: 30_000_000, 4: 45_000_000, 5: 5_000_000}

APPROVAL = BallotRules(BallotType.APPROVAL, min_choices=1, max_choices=3)
KNAPSACK = BallotRules(BallotType.KNAPSACK, budget=50_000_000)
CUMULATIVE = BallotRules(BallotType.CUMULATIVE, max_points=10, max_points_per_proposal=5)
CHOOSE_1 = BallotRules(BallotType.CHOOSE_1)


def codes(problems):
    return [p.code for p in problems]


def test_ballot_type_uses_the_pabulib_names():
    assert [t.value for t in BallotType] == ["approval", "knapsack", "cumulative", "choose-1"]


def test_problem_codes_are_unique():
    assert len(set(PROBLEM_CODES)) == len(PROBLEM_CODES) == 10


@pytest.mark.parametrize("rules", [APPROVAL, KNAPSACK, CUMULATIVE, CHOOSE_1])
def test_empty_ballot_gives_empty_alone(rules):
    assert validate_ballot({}, COSTS, rules) == [P("empty")]


def test_problem_params_default_to_an_empty_dict():
    assert P("empty").params == {}
    assert P("too_many", {"max": 3, "given": 4}) == P("too_many", {"max": 3, "given": 4})


# --- approval --------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("items", [{1: 1}, {1: 1, 2: 1}, {1: 1, 2: 1, 4: 1}])
def test_approval_valid(items):
    assert validate_ballot(items, COSTS, APPROVAL) == []


def test_approval_with_the_type_given_as_a_string():
    assert validate_ballot({1: 1}, COSTS, BallotRules("approval", max_choices=3)) == []


def test_approval_does_not_care_about_the_budget():
    rules = BallotRules(BallotType.APPROVAL, budget=1)
    assert validate_ballot({3: 1, 4: 1}, COSTS, rules) == []


def test_approval_one_point_each():
    assert validate_ballot({1: 1, 2: 2, 3: 5}, COSTS, APPROVAL) == [P("one_point_each", {"ids": [2, 3]})]


def test_approval_too_few():
    rules = BallotRules(BallotType.APPROVAL, min_choices=2, max_choices=3)
    assert validate_ballot({1: 1}, COSTS, rules) == [P("too_few", {"min": 2, "given": 1})]


def test_approval_too_many():
    assert validate_ballot({1: 1, 2: 1, 3: 1, 4: 1}, COSTS, APPROVAL) == [P("too_many", {"max": 3, "given": 4})]


def test_approval_without_a_maximum():
    rules = BallotRules(BallotType.APPROVAL)
    assert validate_ballot(dict.fromkeys(COSTS, 1), COSTS, rules) == []


def test_unknown_proposal():
    assert validate_ballot({1: 1, 9: 1, 7: 1}, COSTS, APPROVAL) == [P("unknown_proposal", {"ids": [7, 9]})]


def test_unknown_proposals_are_left_out_of_the_counts():
    # Counted: only proposal 1, so no "too_many" on top of the unknown ids.
    assert validate_ballot({1: 1, 7: 1, 8: 1, 9: 1}, COSTS, APPROVAL) == [P("unknown_proposal", {"ids": [7, 8, 9]})]
    # Nothing left that counts: the voter has chosen too few.
    assert validate_ballot({9: 1}, COSTS, APPROVAL) == [
        P("unknown_proposal", {"ids": [9]}),
        P("too_few", {"min": 1, "given": 0}),
    ]


@pytest.mark.parametrize("points", [0, -1, 1.0, 0.5, "1", None, True])
def test_points_not_positive_or_not_an_int(points):
    assert validate_ballot({1: 1, 2: points}, COSTS, APPROVAL) == [P("points_not_positive", {"ids": [2]})]


def test_zero_points_is_not_also_reported_as_one_point_each():
    assert validate_ballot({1: 0, 2: 1}, COSTS, APPROVAL) == [P("points_not_positive", {"ids": [1]})]


def test_string_ids():
    costs = {"p-b": 1, "p-a": 2}
    assert validate_ballot({"p-b": 1, "x": 1, "a": 1}, costs, APPROVAL) == [P("unknown_proposal", {"ids": ["a", "x"]})]


def test_mixed_ids_still_sort():
    assert validate_ballot({"9": 1, 8: 1, 1: 1}, COSTS, APPROVAL) == [P("unknown_proposal", {"ids": [8, "9"]})]


def test_unknown_ballot_type():
    with pytest.raises(ValueError):
        validate_ballot({1: 1}, COSTS, BallotRules("ranked"))


# --- knapsack --------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("items", [{1: 1}, {1: 1, 2: 1, 5: 1}, {4: 1, 5: 1}])  # 10, 35 and exactly 50 million
def test_knapsack_valid(items):
    assert validate_ballot(items, COSTS, KNAPSACK) == []


def test_knapsack_over_budget():
    assert validate_ballot({3: 1, 4: 1}, COSTS, KNAPSACK) == [
        P("over_budget", {"budget": 50_000_000, "total": 75_000_000})
    ]


def test_knapsack_one_point_each():
    assert validate_ballot({1: 2}, COSTS, KNAPSACK) == [P("one_point_each", {"ids": [1]})]


def test_knapsack_too_few_and_too_many():
    rules = BallotRules(BallotType.KNAPSACK, min_choices=2, max_choices=2, budget=100_000_000)
    assert validate_ballot({1: 1}, COSTS, rules) == [P("too_few", {"min": 2, "given": 1})]
    assert validate_ballot({1: 1, 2: 1, 5: 1}, COSTS, rules) == [P("too_many", {"max": 2, "given": 3})]


def test_knapsack_unknown_ids_cost_nothing():
    assert validate_ballot({4: 1, 5: 1, 9: 1}, COSTS, KNAPSACK) == [P("unknown_proposal", {"ids": [9]})]


def test_several_problems_at_once_in_the_order_of_the_codes():
    rules = BallotRules(BallotType.KNAPSACK, max_choices=2, budget=50_000_000)
    items = {3: 1, 4: 2, 9: 1, 1: 0, 2: 1}
    # Counted: 2, 3 and 4 (9 is unknown, 1 has no points): 20 + 30 + 45 = 95 million.
    assert validate_ballot(items, COSTS, rules) == [
        P("unknown_proposal", {"ids": [9]}),
        P("points_not_positive", {"ids": [1]}),
        P("one_point_each", {"ids": [4]}),
        P("too_many", {"max": 2, "given": 3}),
        P("over_budget", {"budget": 50_000_000, "total": 95_000_000}),
    ]


# --- cumulative ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("items", [{1: 5, 2: 3, 3: 2}, {1: 1}, {4: 5, 5: 5}, {1: 2, 2: 2, 3: 2, 4: 2, 5: 2}])
def test_cumulative_valid(items):
    assert validate_ballot(items, COSTS, CUMULATIVE) == []


def test_cumulative_too_many_points():
    assert validate_ballot({1: 5, 2: 5, 3: 1}, COSTS, CUMULATIVE) == [P("too_many_points", {"max": 10, "given": 11})]


def test_cumulative_too_many_points_for_one():
    assert validate_ballot({1: 6, 2: 1, 3: 3}, COSTS, CUMULATIVE) == [
        P("too_many_points_for_one", {"max": 5, "ids": [1]})
    ]


def test_cumulative_both_point_limits():
    assert validate_ballot({3: 7, 1: 6}, COSTS, CUMULATIVE) == [
        P("too_many_points", {"max": 10, "given": 13}),
        P("too_many_points_for_one", {"max": 5, "ids": [1, 3]}),
    ]


def test_cumulative_points_not_positive():
    assert validate_ballot({1: 3, 2: -2, 3: 0}, COSTS, CUMULATIVE) == [P("points_not_positive", {"ids": [2, 3]})]


def test_cumulative_too_few_and_too_many():
    rules = BallotRules(BallotType.CUMULATIVE, min_choices=2, max_choices=3, max_points=10)
    assert validate_ballot({1: 4}, COSTS, rules) == [P("too_few", {"min": 2, "given": 1})]
    assert validate_ballot({1: 1, 2: 1, 3: 1, 4: 1}, COSTS, rules) == [P("too_many", {"max": 3, "given": 4})]


def test_cumulative_ignores_the_budget_and_allows_several_points():
    rules = BallotRules(BallotType.CUMULATIVE, budget=1, max_points=10)
    assert validate_ballot({3: 10}, COSTS, rules) == []


# --- choose-1 --------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("items", [{1: 1}, {4: 1}])
def test_choose_1_valid(items):
    assert validate_ballot(items, COSTS, CHOOSE_1) == []


def test_choose_1_ignores_min_and_max_choices():
    assert validate_ballot({1: 1}, COSTS, BallotRules("choose-1", min_choices=2, max_choices=5)) == []


def test_choose_1_exactly_one():
    assert validate_ballot({1: 1, 2: 1}, COSTS, CHOOSE_1) == [P("choose_exactly_one", {"given": 2})]


def test_choose_1_one_point():
    assert validate_ballot({1: 3}, COSTS, CHOOSE_1) == [P("one_point_each", {"ids": [1]})]


def test_choose_1_unknown_leaves_none_chosen():
    assert validate_ballot({9: 1}, COSTS, CHOOSE_1) == [
        P("unknown_proposal", {"ids": [9]}),
        P("choose_exactly_one", {"given": 0}),
    ]


# --- remaining -------------------------------------------------------------------------------------------------


def test_remaining_approval():
    assert remaining({}, COSTS, APPROVAL) == {"choices_left": 3, "budget_left": None, "points_left": None}
    # The unknown id 9 is ignored.
    assert remaining({1: 1, 2: 1, 9: 1}, COSTS, APPROVAL)["choices_left"] == 1
    assert remaining({1: 1}, COSTS, BallotRules("approval"))["choices_left"] is None


def test_remaining_knapsack():
    assert remaining({1: 1, 9: 1}, COSTS, KNAPSACK) == {
        "choices_left": None,
        "budget_left": 40_000_000,
        "points_left": None,
    }
    # Not clamped: the widget can show by how much the ballot is over.
    assert remaining({3: 1, 4: 1}, COSTS, KNAPSACK)["budget_left"] == -25_000_000
    rules = BallotRules(BallotType.KNAPSACK, max_choices=4, budget=50_000_000)
    assert remaining({5: 1}, COSTS, rules) == {"choices_left": 3, "budget_left": 45_000_000, "points_left": None}


def test_remaining_cumulative():
    assert remaining({1: 4, 2: 3, 9: 2}, COSTS, CUMULATIVE) == {
        "choices_left": None,
        "budget_left": None,
        "points_left": 3,
    }
    rules = BallotRules(BallotType.CUMULATIVE, max_choices=3, max_points=10)
    assert remaining({1: 4, 2: 0}, COSTS, rules) == {"choices_left": 2, "budget_left": None, "points_left": 6}


def test_remaining_choose_1():
    assert remaining({}, COSTS, CHOOSE_1) == {"choices_left": 1, "budget_left": None, "points_left": None}
    assert remaining({2: 1}, COSTS, CHOOSE_1) == {"choices_left": 0, "budget_left": None, "points_left": None}


# --- properties ------------------------------------------------------------------------------------------------

ballots = st.dictionaries(
    st.integers(min_value=1, max_value=8),  # 6 to 8 are not on the ballot
    st.one_of(st.integers(min_value=-2, max_value=12), st.sampled_from([True, 1.0, "1", None])),
    max_size=8,
)
any_rules = st.builds(
    BallotRules,
    ballot_type=st.sampled_from(list(BallotType)),
    min_choices=st.integers(min_value=0, max_value=3),
    max_choices=st.one_of(st.none(), st.integers(min_value=1, max_value=5)),
    budget=st.one_of(st.none(), st.integers(min_value=0, max_value=120_000_000)),
    max_points=st.one_of(st.none(), st.integers(min_value=1, max_value=20)),
    max_points_per_proposal=st.one_of(st.none(), st.integers(min_value=1, max_value=10)),
)


@given(items=ballots, rules=any_rules)
def test_problems_agree_with_remaining(items, rules):
    problems = validate_ballot(items, COSTS, rules)
    found = codes(problems)
    assert set(found) <= set(PROBLEM_CODES)
    assert found == sorted(found, key=PROBLEM_CODES.index)  # each code once, in the documented order
    assert (found == []) == (problems == [])
    left = remaining(items, COSTS, rules)
    if left["budget_left"] is not None:
        assert (left["budget_left"] < 0) == ("over_budget" in found)
    if left["points_left"] is not None:
        assert (left["points_left"] < 0) == ("too_many_points" in found)
    if left["choices_left"] is not None and rules.ballot_type != BallotType.CHOOSE_1:
        assert (left["choices_left"] < 0) == ("too_many" in found)
    if items and rules.ballot_type == BallotType.CHOOSE_1:
        assert (left["choices_left"] != 0) == ("choose_exactly_one" in found)
