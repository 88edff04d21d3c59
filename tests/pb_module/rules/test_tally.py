"""Winner rules (pb_module.rules.tally): the official winners of every real pabulib file, agreement with
pabutools (the reference implementation), and small hand-made elections for each rule."""

import functools
import json
import subprocess
import sys
from fractions import Fraction
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pabutools.election import ApprovalBallot, ApprovalProfile, Cost_Sat, Instance, parse_pabulib
from pabutools.election import Project as PabuProject
from pabutools.rules import greedy_utilitarian_welfare, method_of_equal_shares
from pabutools.tiebreaking import TieBreakingRule

from pb_module.rules.pabulib import Election, Project, Vote, read_file
from pb_module.rules.tally import (
    RULES,
    comparison,
    equal_shares,
    equal_shares_add1,
    equal_shares_add1_comparison,
    greedy,
    greedy_custom,
    greedy_no_skip,
    greedy_threshold,
    scores,
    tally,
)

ROOT = Path(__file__).resolve().parents[3]
DATA = Path(__file__).resolve().parents[4] / "shared" / "data" / "pabulib"
if not DATA.is_dir():
    pytest.skip(f"the pabulib sample is not here: {DATA} is absent", allow_module_level=True)
FILES = sorted(DATA.glob("*.pb"))
TOULOUSE = "France_Toulouse_2022_1_-_Capitole_Arnaud_Bernard_Carmes.pb"
SWIECIE = DATA / "Poland_Swiecie_2023.pb"
ASSEN = DATA / "Netherlands_Assen_2024.pb"
# Greedy files for the pabutools comparison: the first three have ties in score that the tie-break decides.
GREEDY_FILES = [
    "Poland_Warszawa_2019_Targowek_Mieszkaniowy.pb",
    "Poland_Warszawa_2019_Brodno.pb",
    "Poland_Warszawa_2019_Okecie.pb",
    "Poland_Warszawa_2019_Aleksandrow.pb",
    "Poland_Warszawa_2019_Anin.pb",
]


def make(costs, ballots, budget, vote_type="approval", rule="greedy", **meta):
    """A hand-made election: costs {id: cost} in file order; ballots are lists of ids or {id: points}."""
    projects = {pid: Project(pid, Fraction(cost)) for pid, cost in costs.items()}
    votes = []
    for number, ballot in enumerate(ballots):
        if isinstance(ballot, dict):
            votes.append(Vote(f"v{number}", list(ballot), list(ballot.values())))
        else:
            votes.append(Vote(f"v{number}", list(ballot)))
    info = {"budget": str(budget), "vote_type": vote_type, "rule": rule, **{k: str(v) for k, v in meta.items()}}
    return Election(info, projects, votes)


# --- the official winners of every real file ------------------------------------------------------------


@functools.cache
def load(path):
    """Each file is read once for the whole module (the tests do not change elections)."""
    return read_file(path)


def test_only_toulouse_has_no_official_winners():
    assert [path.name for path in FILES if load(path).selected is None] == [TOULOUSE]


@pytest.mark.parametrize("path", FILES, ids=lambda path: path.stem)
def test_the_files_own_rule_reproduces_the_official_winners(path):
    election = load(path)
    result = tally(election)
    assert result["rule"] == election.rule
    assert len(set(result["selected"])) == len(result["selected"])
    if election.selected is None:
        # Toulouse 2022 cannot be checked: the file records the votes but has no `selected` column, so there
        # are no official winners to compare with. What can be checked: greedy stays within the budget and
        # leaves nothing unfunded that would still fit.
        assert path.name == TOULOUSE
        left = election.budget - result["budget_used"]
        assert left >= 0
        assert all(p.cost > left for pid, p in election.projects.items() if pid not in result["selected"])
        return
    if election.rule == "greedy-custom":
        # The rule is the one the META comment describes (projects marked 2 come from the 80% clause);
        # `selected` counts both marks 1 and 2.
        assert "80%" in election.meta["comment"]
    assert set(result["selected"]) == set(election.selected)


def test_poznan_greedy_custom_is_exact_and_nothing_is_marked_2():
    # Both 50 000 PLN projects fill the 100 000 PLN budget: nothing is left for the 80% clause to use.
    election = load(DATA / "Poland_Poznan_2026_5_-_Grunwald_Polnoc_Grunwald_Poludnie_Stary_Grunwald__small.pb")
    assert greedy_custom(election) == ["RM-V.5", "RM-V.1"]
    assert {p.fields["selected"] for p in election.projects.values()} == {"0", "1"}


def test_greedy_threshold_on_the_real_files():
    # The META thresholds (Katowice 50 points, Częstochowa 300) are below every funded score, so they do not
    # change these outcomes; a higher threshold does.
    katowice = load(DATA / "Poland_Katowice_2023_Zaleze.pb")
    assert greedy_threshold(katowice) == greedy(katowice)
    assert "L7/11/X" in greedy(katowice)  # 166 points
    assert "L7/11/X" not in greedy_threshold(katowice, threshold=200)
    czestochowa = load(DATA / "Poland_Czestochowa_2025_Dzbow.pb")
    assert greedy_threshold(czestochowa) == ["342", "285"]  # 285 has 500 points
    assert greedy_threshold(czestochowa, threshold=600) == ["342"]


def test_cli_prints_the_official_winners_of_swiecie():
    run = subprocess.run(
        [sys.executable, "-m", "pb_module.rules.tally", str(SWIECIE)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    printed = json.loads(run.stdout)
    assert printed["rule"] == "equalshares/add1"
    assert set(printed["selected"]) == set(load(SWIECIE).selected)
    assert printed["selected"] == equal_shares_add1(load(SWIECIE))  # in the order of selection
    assert printed["seconds"] >= 0


def test_cli_takes_another_rule():
    run = subprocess.run(
        [sys.executable, "-m", "pb_module.rules.tally", str(SWIECIE), "--rule", "greedy"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    assert json.loads(run.stdout)["selected"] == greedy(load(SWIECIE))


# Speed is measured by `make bench` (bench/mes_bench.py), not by a timed test.


# --- agreement with pabutools -----------------------------------------------------------------------------


def same_tie_break(election):
    """pabutools' tie-breaking set to ours: higher score, then file order."""
    score = scores(election)
    position = {pid: i for i, pid in enumerate(election.projects)}
    return TieBreakingRule(lambda instance, profile, project: (-score[project.name], position[project.name]))


def names(allocation):
    return [project.name for project in allocation]


def pabutools_mes(instance, profile, tie, increment=None):
    """pabutools' MES with cost utilities (`increment=1`: the add-one completion)."""
    return method_of_equal_shares(
        instance, profile, sat_class=Cost_Sat, tie_breaking=tie, voter_budget_increment=increment
    )


@pytest.mark.parametrize("name", GREEDY_FILES)
def test_greedy_agrees_with_pabutools(name):
    # Greedy with cost satisfaction orders by (votes x cost) / cost = votes, as pabulib's greedy does.
    election = load(DATA / name)
    instance, profile = parse_pabulib(str(DATA / name))
    theirs = greedy_utilitarian_welfare(instance, profile, sat_class=Cost_Sat, tie_breaking=same_tie_break(election))
    assert greedy(election) == names(theirs)


def test_equal_shares_agree_with_pabutools_on_assen():
    election = load(ASSEN)
    instance, profile = parse_pabulib(str(ASSEN))
    tie = same_tie_break(election)
    plain = pabutools_mes(instance, profile, tie)
    assert equal_shares(election) == names(plain)
    completed = pabutools_mes(instance, profile, tie, increment=1)
    assert equal_shares_add1(election) == names(completed)
    assert len(completed) > len(plain)  # the completion adds projects
    # With pabutools' own tie-break (project names) the winners are the same; only the order of 2 and 11,
    # both bought at 1/24 per unit, differs.
    default = method_of_equal_shares(instance, profile, sat_class=Cost_Sat, voter_budget_increment=1)
    assert set(names(default)) == set(equal_shares_add1(election))


def pabutools_pair(election):
    instance = Instance(budget_limit=election.budget)
    projects = {pid: PabuProject(pid, p.cost) for pid, p in election.projects.items()}
    for project in projects.values():
        instance.add(project)
    profile = ApprovalProfile(instance=instance)
    for vote in election.votes:
        profile.append(ApprovalBallot([projects[pid] for pid in vote.projects]))
    return instance, profile


@st.composite
def small_elections(draw):
    count = draw(st.integers(1, 6))
    ids = [f"p{i}" for i in draw(st.permutations(range(count)))]
    cost = st.sampled_from([Fraction(1), Fraction(2), Fraction(3), Fraction(15, 2), Fraction(10), Fraction(30)])
    costs = {pid: draw(cost) for pid in ids}
    ballots = draw(st.lists(st.lists(st.sampled_from(ids), unique=True), max_size=14))
    budget = draw(st.fractions(min_value=1, max_value=60, max_denominator=7))
    return make(costs, ballots, budget, rule="equalshares/add1")


@settings(max_examples=80, deadline=None)
@given(small_elections())
def test_equal_shares_agree_with_pabutools_on_small_elections(election):
    # Small costs and few voters make exact ties common: they exercise the exact-arithmetic fallback.
    instance, profile = pabutools_pair(election)
    tie = same_tie_break(election)
    plain = pabutools_mes(instance, profile, tie)
    assert equal_shares(election) == names(plain)
    completed = pabutools_mes(instance, profile, tie, increment=1)
    assert equal_shares_add1(election) == names(completed)


# --- scores -----------------------------------------------------------------------------------------------


def test_scores_count_voters_or_sum_points():
    approval = make({"a": 1, "b": 1, "c": 1}, [["a", "b"], ["a"], []], 10)
    assert scores(approval) == {"a": 2, "b": 1, "c": 0}
    cumulative = make({"a": 1, "b": 1}, [{"a": 3, "b": 2}, {"a": 5}], 10, vote_type="cumulative")
    assert scores(cumulative) == {"a": 8, "b": 2}
    choose_1 = make({"a": 1, "b": 1}, [["b"], ["b"], ["a"]], 10, vote_type="choose-1")
    assert scores(choose_1) == {"a": 1, "b": 2}
    # Ordinal: how many voters rank the project at all, whatever the rank.
    ordinal = make({"a": 1, "b": 1, "c": 1}, [["c", "a"], ["a", "b", "c"]], 10, vote_type="ordinal")
    assert scores(ordinal) == {"a": 2, "b": 1, "c": 2}


def test_cumulative_greedy_ranks_by_points_not_voters():
    # a: 3 voters, 3 points; b: 1 voter, 5 points. Only one fits.
    election = make({"a": 6, "b": 6}, [{"a": 1}, {"a": 1}, {"a": 1}, {"b": 5}], 10, vote_type="cumulative")
    assert greedy(election) == ["b"]


# --- greedy rules -----------------------------------------------------------------------------------------


def test_greedy_tie_break_is_higher_score_then_file_order():
    # a, b and c have 2 votes each. Lower-cost-first would fund c then b; the file order funds a first.
    ballots = [["a", "b", "c", "d"], ["a", "b", "c", "d"], ["d"]]
    election = make({"d": 1, "a": 6, "b": 4, "c": 3}, ballots, 10)
    assert greedy(election) == ["d", "a", "c"]
    swapped = make({"d": 1, "c": 3, "b": 4, "a": 6}, ballots, 10)
    assert greedy(swapped) == ["d", "c", "b"]


def test_greedy_skips_and_no_skip_stops():
    election = make({"a": 6, "b": 5, "c": 4}, [["a", "b", "c"], ["a", "b", "c"], ["a", "b"], ["a"]], 10)
    assert greedy(election) == ["a", "c"]  # b (5) does not fit in 4, c (4) does
    assert greedy_no_skip(election) == ["a"]


def test_a_project_costing_more_than_the_budget():
    election = make({"big": 11, "a": 4, "b": 5}, [["big", "a"], ["big", "b"], ["big"]], 10)
    assert greedy(election) == ["a", "b"]
    assert greedy_no_skip(election) == []  # the most voted does not fit: nothing is funded
    assert greedy_custom(election) == ["big"]  # 10 covers more than 80% of 11: the reserve pays the rest
    assert greedy_custom(make({"big": 13}, [["big"]], 10)) == []  # 10 is less than 80% of 13
    assert "big" not in equal_shares_add1(election)
    assert sum(election.projects[p].cost for p in equal_shares_add1(election)) <= 10


def test_greedy_threshold_from_meta_parameter_or_zero():
    ballots = [["a", "b"], ["a", "b"], ["a"], ["c"]]
    costs = {"a": 3, "b": 3, "c": 3}
    with_meta = make(costs, ballots, 10, rule="greedy-threshold", min_project_score_threshold=2)
    assert greedy_threshold(with_meta) == ["a", "b"]  # c has 1 vote
    assert greedy_threshold(with_meta, threshold=3) == ["a"]
    assert greedy_threshold(make(costs, ballots, 10)) == ["a", "b", "c"]


def test_greedy_custom_funds_the_next_project_when_80_percent_is_left():
    ballots = [["a", "b", "c"], ["a", "b"], ["a"]]
    assert greedy_custom(make({"a": 6, "b": 5, "c": 1}, ballots, 10)) == ["a", "b"]  # 4 is 80% of 5
    assert greedy_custom(make({"a": 6, "b": 6, "c": 1}, ballots, 10)) == ["a"]  # 4 < 80% of 6; stops there
    result = tally(make({"a": 6, "b": 5, "c": 1}, ballots, 10, rule="greedy-custom"))
    assert result["budget_used"] == 11  # more than the budget: the reserve pays for b
    assert greedy_custom(make({"a": 6, "b": 6, "c": 1}, ballots, 10), share=Fraction(2, 3)) == ["a", "b"]


# --- the Method of Equal Shares ---------------------------------------------------------------------------


def test_equal_shares_tie_break_in_a_later_round():
    # 8 / 3 each. a, b and c all cost 1/2 per unit at first: a is first in the file. Then b and c both cost
    # 7/12 per unit (v0 pays all 5/3 it has left, v2 pays 7/3): the file order decides again.
    ballots = [["a", "b", "c"], ["a"], ["c", "b"]]
    assert equal_shares(make({"a": 2, "b": 4, "c": 4}, ballots, 8)) == ["a", "b"]
    assert equal_shares(make({"a": 2, "c": 4, "b": 4}, ballots, 8)) == ["a", "c"]


def test_equal_shares_when_supporters_hold_exactly_the_cost():
    # After b, v1 holds exactly 3 = the cost of a: affordable (pabutools buys when budget >= cost).
    assert equal_shares(make({"a": 3, "b": 6}, [["b"], ["a", "b"]], 12)) == ["b", "a"]


def test_equal_shares_add1_completion_adds_a_project():
    # 100 / 3 each: v2 alone cannot pay b (40) until its share reaches 40, at 7 more per voter.
    election = make({"a": 60, "b": 40}, [["a"], ["a"], ["b"]], 100)
    assert equal_shares(election) == ["a"]
    assert equal_shares_add1(election) == ["a", "b"]


def test_equal_shares_add1_stops_before_overspending():
    # b (50) becomes affordable only when a + b = 110 > 100: the last outcome within the budget is kept.
    election = make({"a": 60, "b": 50}, [["a"], ["a"], ["b"]], 100)
    assert equal_shares_add1(election) == ["a"]


def test_an_empty_ballot_gets_a_share_and_spends_nothing():
    # Two voters: 5 each, so the only supporter of a (6) cannot pay it until one unit is added.
    election = make({"a": 6}, [["a"], []], 10)
    assert scores(election) == {"a": 1}
    assert equal_shares(election) == []
    assert equal_shares_add1(election) == ["a"]
    assert equal_shares(make({"a": 6}, [["a"]], 10)) == ["a"]


def test_equal_shares_cost_utilities_ignore_points_and_free_projects():
    # With cost utilities only who supports what matters; a project costing nothing is worth nothing
    # (pabutools never buys it either).
    election = make({"a": 4, "free": 0}, [{"a": 1, "free": 9}, {"a": 9}], 10, vote_type="cumulative")
    assert equal_shares_add1(election) == ["a"]
    assert equal_shares(make({"a": 4}, [], 10)) == []


# --- tally ------------------------------------------------------------------------------------------------


def test_rules_use_the_pabulib_names():
    assert {"greedy", "greedy-no-skip", "greedy-threshold", "greedy-custom", "equalshares/add1"} <= set(RULES)


def test_tally_defaults_to_the_files_rule_and_reports_money():
    election = make({"a": 6, "b": 5, "c": 4}, [["a", "b", "c"], ["a", "b"], ["a"]], 10, rule="greedy-no-skip")
    assert tally(election) == {
        "rule": "greedy-no-skip",
        "selected": ["a"],
        "scores": {"a": 3, "b": 2, "c": 1},
        "budget_used": Fraction(6),
    }
    assert tally(election, "greedy")["selected"] == ["a", "c"]
    assert tally(election, "greedy-threshold", threshold=2)["selected"] == ["a"]
    with pytest.raises(ValueError, match="unknown rule 'phragmen'"):
        tally(election, "phragmen")


# --- equalshares/add1-comparison (Wieliczka 2023) ---------------------------------------------------------


def test_the_comparison_step_takes_greedy_when_more_voters_prefer_it():
    # 6 voters want x (100), 4 others want y (40). Equal Shares funds y: x's supporters hold 6 x (per-voter
    # share) < 100 until the shares are raised so far that x and y together would cost more than the budget.
    # Greedy funds x. Six voters get one project with greedy and none with Equal Shares; four the reverse.
    election = make({"x": 100, "y": 40, "z": 40}, [["x"]] * 6 + [["y", "z"]] * 4, 100)
    assert equal_shares_add1(election) == ["y"]
    assert greedy(election) == ["x"]
    assert equal_shares_add1_comparison(election) == ["x"]
    result = tally(election, "equalshares/add1-comparison")
    assert result["selected"] == ["x"] and result["budget_used"] == 100
    assert result["comparison"] == {"prefer_equal_shares": 4, "prefer_greedy": 6, "kept": "greedy"}
    assert "comparison" not in tally(election, "equalshares/add1")


def test_the_comparison_step_keeps_equal_shares_on_a_tie_or_a_majority():
    # 5 voters want x (100), 5 want y and z (40 each). Equal Shares funds y and z, greedy funds x (first in the
    # file among equal scores): five voters prefer each outcome, and a tie keeps Equal Shares.
    tie = make({"x": 100, "y": 40, "z": 40}, [["x"]] * 5 + [["y", "z"]] * 5, 100)
    assert greedy(tie) == ["x"] and equal_shares_add1(tie) == ["y", "z"]
    assert equal_shares_add1_comparison(tie) == ["y", "z"]
    assert tally(tie, "equalshares/add1-comparison")["comparison"] == {
        "prefer_equal_shares": 5,
        "prefer_greedy": 5,
        "kept": "equal_shares",
    }
    # Greedy funds the most voted x (4 votes), Equal Shares y and z (3 votes each, other voters): the six voters
    # of y and z outnumber the four of x, so Equal Shares stays. One more voter for x than for y and z in the tie
    # above: greedy wins.
    majority = make({"x": 100, "y": 40, "z": 40}, [["x"]] * 4 + [["y"]] * 3 + [["z"]] * 3, 100)
    assert greedy(majority) == ["x"] and equal_shares_add1(majority) == ["y", "z"]
    assert equal_shares_add1_comparison(majority) == ["y", "z"]
    assert comparison(majority, ["y", "z"], ["x"]) == (6, 4)
    more_x = make({"x": 100, "y": 40, "z": 40}, [["x"]] * 6 + [["y", "z"]] * 5, 100)
    assert equal_shares_add1(more_x) == ["y", "z"] and equal_shares_add1_comparison(more_x) == ["x"]


def test_a_voter_prefers_the_outcome_that_funds_more_of_their_projects():
    # Points ballots count the projects given points; one project of each outcome is no preference.
    election = make(
        {"a": 5, "b": 5, "c": 5},
        [{"a": 2, "b": 1}, {"c": 3}, {"a": 1, "c": 1}, {"b": 0, "c": 2}],
        10,
        vote_type="cumulative",
    )
    assert comparison(election, ["a", "b"], ["c"]) == (1, 2)
    assert comparison(election, ["c"], ["a", "b"]) == (2, 1)
    assert comparison(election, ["a"], ["a"]) == (0, 0)
