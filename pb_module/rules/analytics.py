"""The figures of the seed paper's Tables 2 and 3, and shares for turnout breakdowns. Plain Python.

Table 2 relates a territory's residents aged 16+ (x) to the number of projects (y) and to the most
votes any one project got (z): y·100/x and z·100/x, in percent. Table 3 counts projects by how many
votes they got: 0-10, 11-50, 51-100 and over 100.
"""

from dataclasses import dataclass

# (lowest, highest) votes of each Table 3 column; None: no upper bound.
VOTE_BUCKETS: tuple[tuple[int, int | None], ...] = ((0, 10), (11, 50), (51, 100), (101, None))


def percent(part: int | float, whole: int | float | None) -> float | None:
    """part·100/whole, or None when the whole is unknown or zero."""
    if not whole:
        return None
    return part * 100 / whole


@dataclass(frozen=True)
class Bucket:
    low: int
    high: int | None
    count: int
    percent: float | None


def vote_buckets(votes: list[int]) -> list[Bucket]:
    """How many projects fall in each Table 3 column, and their share of all projects."""
    buckets = []
    for low, high in VOTE_BUCKETS:
        count = sum(1 for v in votes if v >= low and (high is None or v <= high))
        buckets.append(Bucket(low, high, count, percent(count, len(votes))))
    return buckets


@dataclass(frozen=True)
class PopulationRow:
    """One row of Table 2."""

    population: int | None
    projects: int
    projects_percent: float | None
    max_votes: int
    max_votes_percent: float | None


def population_row(population: int | None, votes: list[int]) -> PopulationRow:
    top = max(votes, default=0)
    return PopulationRow(population, len(votes), percent(len(votes), population), top, percent(top, population))


@dataclass(frozen=True)
class Share:
    key: str
    count: int
    percent: float | None


def shares(counts: dict[str, int], order: list[str] | None = None) -> list[Share]:
    """Each key's count and its share of the total, in `order` (default: largest first)."""
    total = sum(counts.values())
    keys = [k for k in order if k in counts] if order else sorted(counts, key=lambda k: (-counts[k], k))
    return [Share(k, counts[k], percent(counts[k], total)) for k in keys]
