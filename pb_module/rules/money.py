"""Money rules of participatory budgeting in Kazakhstan.

Order No 470 of the Minister of Finance (Rules for drafting local budgets, as amended) caps one
proposal at 25 000 MRP in cities of republican significance (Astana, Almaty, Shymkent), 15 000 MRP
in cities of oblast significance and 1 500 MRP in cities of district significance. The cap is
computed from the settlement category and the MRP of the cycle's year, never typed by hand.
"""

from dataclasses import dataclass
from enum import StrEnum

from words.formatting import format_number


class SettlementCategory(StrEnum):
    REPUBLICAN = "republican"
    OBLAST = "oblast"
    DISTRICT = "district"
    RURAL = "rural"


CAP_MRP = {
    SettlementCategory.REPUBLICAN: 25_000,
    SettlementCategory.OBLAST: 15_000,
    SettlementCategory.DISTRICT: 1_500,
    # Villages and rural districts are budgeted at the same (fourth) level as cities of
    # district significance, so they share its cap.
    SettlementCategory.RURAL: 1_500,
}


class MissingMrpRate(LookupError):
    """No MRP rate is known for the year asked, nor for any year before it."""


@dataclass(frozen=True)
class MrpRate:
    year: int  # the year whose rate is used
    tenge: int
    exact: bool  # False when an earlier year's rate stands in for a year not set yet


def proposal_cap_mrp(category: SettlementCategory | str) -> int:
    """The cap for one proposal, in MRP, for a settlement category."""
    return CAP_MRP[SettlementCategory(category)]


def mrp_for_year(rates: dict[int, int], year: int) -> MrpRate:
    """The MRP for `year`; when that year is not set yet, the latest earlier year, marked inexact."""
    if year in rates:
        return MrpRate(year, rates[year], True)
    earlier = [y for y in rates if y < year]
    if not earlier:
        raise MissingMrpRate(year)
    latest = max(earlier)
    return MrpRate(latest, rates[latest], False)


def proposal_cap_tenge(category: SettlementCategory | str, mrp_tenge: int) -> int:
    """The cap for one proposal in tenge: cap in MRP times the MRP of the cycle's year."""
    if mrp_tenge <= 0:
        raise ValueError("the MRP must be positive")
    return proposal_cap_mrp(category) * mrp_tenge


def cost_problem(cost, cap_tenge: int | None) -> str | None:
    """Why an estimated cost is not acceptable ('not_positive', 'above_cap'), or None when it is."""
    if cost is None or cost <= 0:
        return "not_positive"
    if cap_tenge is not None and cost > cap_tenge:
        return "above_cap"
    return None


def format_tenge(amount: int, language: str | None) -> str:
    """An amount of tenge as each language writes it: 55 380 000 ₸ (kk, ru), KZT 55,380,000 (en)."""
    number = format_number(amount, language)
    if (language or "kk").split("-")[0] == "en":
        return f"KZT {number}"
    return f"{number}\u00a0₸"
