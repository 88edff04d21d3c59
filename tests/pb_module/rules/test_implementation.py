from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from pb_module.rules.implementation import (
    Implementation,
    Milestone,
    MilestoneStatus,
    implementation_state,
    last_moved,
    milestone_problems,
    overall_progress,
)
from pb_module.rules.statuses import Status

D = date
S = MilestoneStatus


def test_overall_progress_is_the_weighted_mean_rounded_down():
    works = [Milestone(S.DONE, 100, weight=3), Milestone(S.IN_PROGRESS, 50, weight=1)]
    assert overall_progress(works) == 87  # (300 + 50) / 4 = 87.5
    assert overall_progress([Milestone(S.IN_PROGRESS, 99), Milestone(S.DONE, 100)]) == 99
    assert overall_progress([Milestone(S.PLANNED, 0)]) == 0
    assert overall_progress([]) is None


@given(st.lists(st.tuples(st.integers(0, 100), st.integers(1, 50)), min_size=1, max_size=20))
def test_progress_stays_between_the_least_and_most_advanced_and_is_100_only_when_all_are(parts):
    works = [Milestone(S.DONE if p == 100 else S.IN_PROGRESS, p, weight=w) for p, w in parts]
    progress = overall_progress(works)
    assert min(p for p, _ in parts) <= progress <= max(p for p, _ in parts)
    assert (progress == 100) == all(p == 100 for p, _ in parts)


def test_problems_of_a_milestone():
    assert (
        milestone_problems(Milestone(S.IN_PROGRESS, 40, planned_start=D(2025, 3, 1), planned_end=D(2025, 5, 1))) == []
    )
    assert ("percent", "out_of_range") in milestone_problems(Milestone(S.IN_PROGRESS, 101))
    assert ("percent", "out_of_range") in milestone_problems(Milestone(S.PLANNED, -1))
    assert ("weight", "not_positive") in milestone_problems(Milestone(S.PLANNED, 0, weight=0))
    wrong_way = Milestone(S.PLANNED, 0, planned_start=D(2025, 5, 1), planned_end=D(2025, 3, 1))
    assert milestone_problems(wrong_way) == [("planned_end", "before_start")]
    late = Milestone(S.DONE, 100, actual_start=D(2025, 5, 2), actual_end=D(2025, 5, 1))
    assert milestone_problems(late) == [("actual_end", "before_start")]
    assert milestone_problems(Milestone(S.DONE, 80)) == [("percent", "done_below_100")]
    assert milestone_problems(Milestone(S.IN_PROGRESS, 100)) == [("status", "complete_not_done")]
    assert milestone_problems(Milestone(S.DELAYED, 30, actual_end=D(2025, 5, 1))) == [("actual_end", "not_done")]


def test_completed_when_every_milestone_is_done():
    done = [Milestone(S.DONE, 100, moved_on=D(2024, 1, 1))] * 2
    assert implementation_state(done, today=D(2026, 1, 1)) == Implementation.COMPLETED  # done long ago: not stalled
    assert implementation_state([], today=D(2026, 1, 1)) == Implementation.IN_IMPLEMENTATION


def test_stalled_after_more_than_the_given_days_without_movement():
    works = [Milestone(S.DONE, 100, moved_on=D(2025, 1, 10)), Milestone(S.IN_PROGRESS, 20, moved_on=D(2025, 3, 1))]
    assert last_moved(works) == D(2025, 3, 1)
    assert implementation_state(works, today=D(2025, 5, 30), stalled_after=90) == Implementation.IN_IMPLEMENTATION
    assert implementation_state(works, today=D(2025, 5, 31), stalled_after=90) == Implementation.STALLED
    assert implementation_state(works, today=D(2025, 5, 31), stalled_after=120) == Implementation.IN_IMPLEMENTATION


def test_without_milestones_the_start_of_the_work_counts():
    assert implementation_state([], today=D(2025, 12, 1), started_on=D(2025, 1, 1)) == Implementation.STALLED
    assert implementation_state([], today=D(2025, 2, 1), started_on=D(2025, 1, 1)) == Implementation.IN_IMPLEMENTATION


def test_the_states_are_proposal_statuses():
    assert {state.value for state in Implementation} <= {status.value for status in Status}
