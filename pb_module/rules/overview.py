"""The national picture of the seed paper's Table 4: how many projects and how much money participatory budgeting
would handle in a year if every city ran it.

For each settlement category (cities of republican, oblast and district significance) the number of cities times an
assumed average number of projects a city funds gives the projects; each project may cost up to the category's cap
(Order No 470: 25 000, 15 000 and 1 500 MRP), so projects times the cap times the MRP of the year gives the money.
The paper's 2024 figures: 3, 38 and 48 cities with 20, 10 and 5 projects each are 60 + 380 + 240 = 680 projects;
at the 2024 MRP of 3 692 tenge, 5.54 + 21.04 + 1.33 = 27.91 bn tenge (the paper prints 5.5 / 20.9 / 1.3 and a total
of 27.7, the sum of its rounded rows).
"""

from dataclasses import dataclass

from .money import SettlementCategory, proposal_cap_mrp

CATEGORIES = (SettlementCategory.REPUBLICAN, SettlementCategory.OBLAST, SettlementCategory.DISTRICT)
# The paper's assumption: how many projects a city of each category funds in a year.
AVERAGE_PROJECTS = {SettlementCategory.REPUBLICAN: 20, SettlementCategory.OBLAST: 10, SettlementCategory.DISTRICT: 5}
# A visitor may try other assumptions; beyond this a city's "average" says nothing real.
MAX_AVERAGE_PROJECTS = 1000
BILLION = 1_000_000_000


@dataclass(frozen=True)
class EstimateRow:
    category: str
    settlements: int
    average_projects: int
    projects: int
    cap_mrp: int
    cap_tenge: int
    total_tenge: int


@dataclass(frozen=True)
class Estimate:
    year: int
    mrp_tenge: int
    rows: tuple[EstimateRow, ...]
    projects: int
    total_tenge: int

    @property
    def settlements(self) -> int:
        return sum(r.settlements for r in self.rows)


def estimate(settlements: dict[str, int], average_projects: dict[str, int], mrp_tenge: int, year: int) -> Estimate:
    """Table 4 for `year`: one row per category (in `CATEGORIES` order), then the totals.

    `settlements` counts the cities of each category (a category missing counts 0); `average_projects` may leave a
    category out to take the paper's assumption. Amounts are exact tenge; rounding is for display only.
    """
    if mrp_tenge <= 0:
        raise ValueError("the MRP must be positive")
    rows = []
    for category in CATEGORIES:
        count = settlements.get(category, 0)
        average = average_projects.get(category, AVERAGE_PROJECTS[category])
        if count < 0 or not 0 <= average <= MAX_AVERAGE_PROJECTS:
            raise ValueError(f"out of range for {category}: {count} settlements, {average} projects")
        cap_mrp = proposal_cap_mrp(category)
        projects = count * average
        rows.append(
            EstimateRow(
                category=str(category),
                settlements=count,
                average_projects=average,
                projects=projects,
                cap_mrp=cap_mrp,
                cap_tenge=cap_mrp * mrp_tenge,
                total_tenge=projects * cap_mrp * mrp_tenge,
            )
        )
    return Estimate(
        year=year,
        mrp_tenge=mrp_tenge,
        rows=tuple(rows),
        projects=sum(r.projects for r in rows),
        total_tenge=sum(r.total_tenge for r in rows),
    )


def billions(tenge: int, places: int = 1) -> float:
    """An amount in billions of tenge, rounded half up to `places` decimals (27 911 520 000 -> 27.9)."""
    scale = 10**places
    return int((tenge * scale + BILLION // 2) // BILLION) / scale
