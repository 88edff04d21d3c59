"""The paper's Tables 2 and 3 computed by the analytics rules from vote counts."""

from pb_module.rules.analytics import percent, population_row, shares, vote_buckets

# Vote counts shaped like the paper's cycles: Aktau 39 / 11 / 0 / 3 projects by votes, max 331;
# Aksu 1 / 3 / 11 / 7, max 128.
AKTAU = [0] * 10 + [3] * 20 + [10] * 9 + [11] * 5 + [50] * 6 + [101, 200, 331]
AKSU = [9, 11, 30, 50] + [51] * 5 + [100] * 6 + [101] * 6 + [128]


def test_table_2_matches_the_paper():
    aktau = population_row(142_549, AKTAU)
    assert (aktau.projects, aktau.max_votes) == (53, 331)
    assert round(aktau.projects_percent, 4) == 0.0372
    assert round(aktau.max_votes_percent, 3) == 0.232
    aksu = population_row(51_466, AKSU)
    assert (aksu.projects, aksu.max_votes) == (22, 128)
    assert round(aksu.projects_percent, 4) == 0.0427
    assert round(aksu.max_votes_percent, 3) == 0.249


def test_table_3_matches_the_paper_with_its_bounds():
    assert [(b.count, round(b.percent, 2)) for b in vote_buckets(AKTAU)] == [
        (39, 73.58),
        (11, 20.75),
        (0, 0.0),
        (3, 5.66),
    ]
    assert [(b.count, round(b.percent, 2)) for b in vote_buckets(AKSU)] == [
        (1, 4.55),
        (3, 13.64),
        (11, 50.0),
        (7, 31.82),
    ]
    # 10, 50 and 100 belong to the lower column; 11, 51 and 101 to the next.
    assert [b.count for b in vote_buckets([10, 11, 50, 51, 100, 101])] == [1, 2, 2, 1]


def test_unknown_population_and_empty_cycles_give_no_percent():
    row = population_row(None, [5, 7])
    assert row.projects_percent is None and row.max_votes_percent is None
    assert population_row(1000, []).max_votes == 0
    assert all(b.percent is None for b in vote_buckets([]))
    assert percent(1, 0) is None


def test_shares_keep_the_given_order_and_sum_to_100():
    rows = shares({"male": 30, "female": 70, "": 0}, ["female", "male", ""])
    assert [(r.key, r.count) for r in rows] == [("female", 70), ("male", 30), ("", 0)]
    assert sum(r.percent for r in rows) == 100
    assert [r.key for r in shares({"b": 1, "a": 5})] == ["a", "b"]
