import pytest

from pb_module.rules.statuses import (
    PUBLIC,
    TRANSITIONS,
    Status,
    TransitionError,
    Verdict,
    allowed_next,
    ballot_blockers,
    check_transition,
)


def test_the_main_path_of_a_winning_proposal_is_allowed():
    path = [
        "submitted",
        "in_moderation",
        "in_discussion",
        "in_expert_review",
        "on_ballot",
        "selected",
        "in_implementation",
        "completed",
    ]
    for current, new in zip(path, path[1:], strict=False):
        check_transition(current, new)


@pytest.mark.parametrize(
    ("current", "new"),
    [
        ("submitted", "on_ballot"),
        ("on_ballot", "rejected"),
        ("completed", "stalled"),
        ("rejected", "in_moderation"),
        ("submitted", "selected"),
        ("in_discussion", "in_discussion"),
    ],
)
def test_illegal_transitions_are_refused(current, new):
    with pytest.raises(TransitionError) as error:
        check_transition(current, new)
    assert error.value.code == "not_allowed"


@pytest.mark.parametrize("new", ["rejected", "merged"])
def test_rejection_and_merging_need_a_public_reason(new):
    with pytest.raises(TransitionError) as error:
        check_transition("in_moderation", new, "   ")
    assert error.value.code == "reason_required"
    check_transition("in_moderation", new, "Duplicate of proposal 12")


def test_terminal_statuses_lead_nowhere_and_every_status_has_an_entry():
    assert set(TRANSITIONS) == set(Status)
    for terminal in ("rejected", "merged", "not_selected", "completed"):
        assert allowed_next(terminal) == []
    assert allowed_next("on_ballot") == [Status.SELECTED, Status.NOT_SELECTED]
    assert Status.SUBMITTED not in PUBLIC and Status.REJECTED in PUBLIC


def test_ballot_needs_a_cost_within_the_cap_and_a_compliant_verdict_when_required():
    ok = {"cost": 1_000_000, "cap_tenge": 55_380_000}
    assert ballot_blockers(**ok, expert_review_required=False, verdict=None) == []
    assert ballot_blockers(**ok, expert_review_required=True, verdict=None) == ["no_compliant_verdict"]
    assert ballot_blockers(**ok, expert_review_required=True, verdict="needs_changes") == ["no_compliant_verdict"]
    assert ballot_blockers(**ok, expert_review_required=True, verdict=Verdict.COMPLIANT) == []
    over = {"cost": 55_380_001, "cap_tenge": 55_380_000}
    assert ballot_blockers(**over, expert_review_required=False, verdict="compliant") == ["above_cap"]
    assert ballot_blockers(cost=None, cap_tenge=1, expert_review_required=True, verdict=None) == [
        "cost_missing",
        "no_compliant_verdict",
    ]
