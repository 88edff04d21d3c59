from datetime import date

from pb_module.rules.phases import Phase, PhaseDates, current_phase, next_phase, phase_problems

D = date


def cycle():
    return [
        PhaseDates(Phase.COLLECTION, D(2024, 2, 1), D(2024, 3, 31)),
        PhaseDates(Phase.MODERATION, D(2024, 4, 1), D(2024, 4, 30)),
        PhaseDates(Phase.VOTING, D(2024, 6, 1), D(2024, 6, 30)),
        PhaseDates(Phase.IMPLEMENTATION, D(2024, 9, 1)),
    ]


def test_current_phase_is_the_one_running_today():
    phases = cycle()
    assert current_phase(phases, D(2024, 2, 1)) == Phase.COLLECTION
    assert current_phase(phases, D(2024, 3, 31)) == Phase.COLLECTION
    assert current_phase(phases, D(2024, 4, 15)) == Phase.MODERATION
    assert current_phase(phases, D(2024, 5, 15)) is None  # between phases
    assert current_phase(phases, D(2030, 1, 1)) == Phase.IMPLEMENTATION  # open-ended
    assert current_phase(phases, D(2023, 12, 31)) is None


def test_next_phase_tells_when_something_opens():
    assert next_phase(cycle(), D(2023, 12, 1)).phase == Phase.COLLECTION
    assert next_phase(cycle(), D(2024, 5, 1)).starts_on == D(2024, 6, 1)
    assert next_phase(cycle(), D(2024, 10, 1)) is None


def test_well_formed_phases_have_no_problems():
    assert phase_problems(cycle()) == []


def test_phase_problems_are_named():
    bad = [
        PhaseDates(Phase.COLLECTION, D(2024, 2, 1), D(2024, 3, 31)),
        PhaseDates(Phase.MODERATION, D(2024, 3, 15), D(2024, 4, 30)),  # overlaps collection
        PhaseDates(Phase.VOTING, D(2024, 1, 1), D(2024, 1, 10)),  # before moderation
        PhaseDates(Phase.RESULTS, D(2024, 7, 10), D(2024, 7, 1)),  # ends before it starts
        PhaseDates(Phase.RESULTS, D(2024, 7, 10), D(2024, 7, 11)),  # twice
    ]
    problems = phase_problems(bad)
    assert (Phase.MODERATION, "overlap") in problems
    assert (Phase.VOTING, "out_of_order") in problems
    assert (Phase.RESULTS, "ends_before_start") in problems
    assert (Phase.RESULTS, "duplicate") in problems
