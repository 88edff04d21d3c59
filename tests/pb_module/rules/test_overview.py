"""The seed paper's Table 4, computed: cities times average projects times the cap per project times the MRP."""

import pytest

from pb_module.rules.overview import AVERAGE_PROJECTS, billions, estimate

PAPER_CITIES = {"republican": 3, "oblast": 38, "district": 48}


def test_the_papers_table_4_for_2024():
    table = estimate(PAPER_CITIES, {}, 3692, 2024)
    assert [(r.category, r.settlements, r.average_projects, r.projects) for r in table.rows] == [
        ("republican", 3, 20, 60),
        ("oblast", 38, 10, 380),
        ("district", 48, 5, 240),
    ]
    assert (table.settlements, table.projects) == (89, 680)
    assert [r.cap_mrp for r in table.rows] == [25_000, 15_000, 1_500]
    assert [r.cap_tenge for r in table.rows] == [92_300_000, 55_380_000, 5_538_000]
    assert [r.total_tenge for r in table.rows] == [5_538_000_000, 21_044_400_000, 1_329_120_000]
    assert table.total_tenge == 27_911_520_000
    # The paper prints 5.5 / 20.9 / 1.3 and 27.7 (the sum of its rounded rows); exact products round to these:
    assert [billions(r.total_tenge) for r in table.rows] == [5.5, 21.0, 1.3]
    assert billions(table.total_tenge) == 27.9


def test_other_assumptions_and_missing_categories():
    table = estimate({"oblast": 2}, {"oblast": 3, "district": 0}, 4_000, 2026)
    assert [r.projects for r in table.rows] == [0, 6, 0]
    assert table.rows[0].average_projects == AVERAGE_PROJECTS["republican"]  # left out: the paper's
    assert table.total_tenge == 6 * 15_000 * 4_000


@pytest.mark.parametrize(
    "cities, averages, mrp", [({}, {}, 0), ({"oblast": -1}, {}, 3692), ({}, {"district": 1001}, 3692)]
)
def test_impossible_inputs_are_refused(cities, averages, mrp):
    with pytest.raises(ValueError):
        estimate(cities, averages, mrp, 2024)


def test_billions_round_half_up():
    assert billions(27_950_000_000) == 28.0
    assert billions(27_949_999_999) == 27.9
    assert billions(0) == 0.0
