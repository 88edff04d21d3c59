import pytest

from pb_module.rules.money import (
    MissingMrpRate,
    SettlementCategory,
    cost_problem,
    format_tenge,
    mrp_for_year,
    proposal_cap_mrp,
    proposal_cap_tenge,
)

RATES = {2023: 3_450, 2024: 3_692, 2025: 3_932}


@pytest.mark.parametrize(
    ("category", "mrp"),
    [("republican", 25_000), ("oblast", 15_000), ("district", 1_500), (SettlementCategory.RURAL, 1_500)],
)
def test_cap_in_mrp_by_settlement_category(category, mrp):
    assert proposal_cap_mrp(category) == mrp


def test_aktau_2024_cap_is_55_380_000_tenge():
    # Aktau is a city of oblast significance; MRP 2024 = 3 692 tenge.
    assert proposal_cap_tenge("oblast", mrp_for_year(RATES, 2024).tenge) == 55_380_000


@pytest.mark.parametrize(
    ("category", "year", "cap"),
    [
        ("republican", 2023, 86_250_000),
        ("republican", 2025, 98_300_000),
        ("district", 2024, 5_538_000),
        ("oblast", 2025, 58_980_000),
    ],
)
def test_cap_follows_the_mrp_of_the_cycles_year(category, year, cap):
    assert proposal_cap_tenge(category, mrp_for_year(RATES, year).tenge) == cap


def test_year_without_a_rate_uses_the_latest_earlier_year_and_says_so():
    rate = mrp_for_year(RATES, 2027)
    assert (rate.year, rate.tenge, rate.exact) == (2025, 3_932, False)
    assert mrp_for_year(RATES, 2024).exact
    with pytest.raises(MissingMrpRate):
        mrp_for_year(RATES, 2020)


def test_unknown_category_and_bad_mrp_are_refused():
    with pytest.raises(ValueError):
        proposal_cap_mrp("metropolis")
    with pytest.raises(ValueError):
        proposal_cap_tenge("oblast", 0)


@pytest.mark.parametrize(
    ("cost", "problem"),
    [
        (None, "not_positive"),
        (0, "not_positive"),
        (-5, "not_positive"),
        (1, None),
        (55_380_000, None),
        (55_380_001, "above_cap"),
    ],
)
def test_cost_problems(cost, problem):
    assert cost_problem(cost, 55_380_000) == problem


def test_tenge_formatted_per_language():
    assert format_tenge(55_380_000, "kk") == "55\u202f380\u202f000\u00a0₸"
    assert format_tenge(55_380_000, "ru") == "55\u202f380\u202f000\u00a0₸"
    assert format_tenge(55_380_000, "en") == "KZT 55,380,000"
