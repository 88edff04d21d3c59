"""What the national overview reads: the cities of each category in the territory tree, the MRP table, the published
cycles summed by region, and the composition of the public councils. Vote counts come only from published results
(TallyResult): a cycle still under embargo adds nothing."""

from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Count, Q

from home.people_text import guess_language
from pb_module.models import CouncilComposition, MrpRate, NationalOverviewPage, Proposal, TallyResult, Territory
from pb_module.models.cycle import source_locale_id
from pb_module.rules import overview as rules
from pb_module.rules.analytics import percent
from pb_module.rules.money import MissingMrpRate, mrp_for_year
from pb_module.rules.statuses import Status

FUNDED = (Status.SELECTED, Status.IN_IMPLEMENTATION, Status.STALLED, Status.COMPLETED)


def settlement_counts() -> dict[str, int]:
    """Cities of each category (republican, oblast, district significance) in the territory tree, each counted once
    (the rows of the source language; translations are the same places)."""
    rows = (
        Territory.objects.filter(
            locale_id=source_locale_id(), kind=Territory.Kind.CITY, settlement_category__in=rules.CATEGORIES
        )
        .values("settlement_category")
        .annotate(n=Count("pk"))
    )
    return {row["settlement_category"]: row["n"] for row in rows}


def mrp_years() -> list[int]:
    return sorted(MrpRate.as_dict(), reverse=True)


def defaults(page) -> tuple[list[int], int | None, dict[str, int]]:
    """The years of the MRP table (latest first), the year shown first and the average projects per category: the
    national overview page's assumptions (its own year when the table has it), else the paper's (`page` None)."""
    years = mrp_years()
    year = getattr(page, "default_year", None)
    if year not in years:
        year = years[0] if years else None
    return years, year, page.averages if page is not None else dict(rules.AVERAGE_PROJECTS)


def overview_page():
    """The live national overview page in the source language (its assumptions hold in every language)."""
    return NationalOverviewPage.objects.live().filter(locale_id=source_locale_id()).first()


def national_estimate(year: int, averages: dict[str, int]) -> rules.Estimate:
    """Table 4 for `year` with the MRP of that year (MissingMrpRate when the table has neither it nor an earlier
    year; a later year without its own rate is refused by the form, which offers only the years of the table)."""
    rate = mrp_for_year(MrpRate.as_dict(), year)
    if not rate.exact:
        raise MissingMrpRate(year)
    return rules.estimate(settlement_counts(), averages, rate.tenge, year)


def _regions(places: dict[int, Territory]) -> dict[int, int]:
    """Territory pk -> pk of its top place (a region, or a city of republican significance that has no parent)."""
    top = {}
    for pk in places:
        place, seen = places[pk], set()
        while place.parent_id is not None and place.parent_id in places and place.pk not in seen:
            seen.add(place.pk)
            place = places[place.parent_id]
        top[pk] = place.pk
    return top


def _localized(places: dict[int, Territory], language: str) -> dict[int, str]:
    """Names of `places` in `language` where a translation exists (same translation key), else their own."""
    names = {p.translation_key: p.name for p in Territory.objects.filter(locale__language_code=language)}
    return {pk: names.get(place.translation_key, place.name) for pk, place in places.items()}


@dataclass
class RegionFigures:
    region: int
    label: str
    cycles: int = 0
    proposals: int = 0
    voters: int = 0
    allocated: int = 0
    funded: int = 0
    completed: int = 0
    years: set = field(default_factory=set)

    @property
    def completed_percent(self) -> float | None:
        return percent(self.completed, self.funded)


def regional_figures(language: str) -> list[RegionFigures]:
    """Published cycles summed by region, most money allocated first: cycles, proposals on their ballots, voters
    (ballots), tenge allocated to the winners, and how many funded proposals are completed."""
    results = list(
        TallyResult.objects.select_related("cycle").only(
            "cycle__territory_id", "cycle__year", "spent", "ballot_count", "lines"
        )
    )
    if not results:
        return []
    places = {t.pk: t for t in Territory.objects.only("pk", "parent_id", "name", "translation_key", "locale_id")}
    top = _regions(places)
    cycle_region = {r.cycle_id: top.get(r.cycle.territory_id) for r in results}
    names = _localized({pk: places[pk] for pk in set(cycle_region.values()) if pk is not None}, language)
    figures: dict[int, RegionFigures] = {}
    for result in results:
        region = cycle_region[result.cycle_id]
        if region is None:
            continue
        row = figures.setdefault(region, RegionFigures(region, names[region]))
        row.cycles += 1
        row.proposals += len(result.lines)
        row.voters += result.ballot_count
        row.allocated += result.spent
        row.years.add(result.cycle.year)
    counts = (
        Proposal.objects.filter(cycle_id__in=cycle_region, status__in=FUNDED)
        .values("cycle_id")
        .annotate(funded=Count("pk"), completed=Count("pk", filter=Q(status=Status.COMPLETED)))
    )
    for row in counts:
        region = cycle_region[row["cycle_id"]]
        if region in figures:
            figures[region].funded += row["funded"]
            figures[region].completed += row["completed"]
    return sorted(figures.values(), key=lambda f: (-f.allocated, f.label))


@dataclass
class CompositionRow:
    label: str
    councils: int
    members: int
    sectors: dict[str, int]
    source: str
    source_language: str


def council_composition(language: str) -> tuple[int | None, list[CompositionRow]]:
    """The latest year of the public councils' composition, and one row per region, most members first."""
    year = CouncilComposition.objects.order_by("-year").values_list("year", flat=True).first()
    if year is None:
        return None, []
    rows = list(CouncilComposition.objects.filter(year=year).select_related("region"))
    names = _localized({r.region_id: r.region for r in rows}, language)
    table = [
        CompositionRow(
            label=names[r.region_id],
            councils=r.councils,
            members=r.members,
            sectors={sector: getattr(r, sector) for sector in CouncilComposition.SECTORS},
            source=r.source,
            source_language=guess_language(r.source, "ru"),
        )
        for r in rows
    ]
    return year, sorted(table, key=lambda r: (-r.members, r.label))


def totals(rows: list, *names: str) -> dict[str, int]:
    """Column sums of `rows` (objects with the attributes `names`)."""
    sums = defaultdict(int)
    for row in rows:
        for name in names:
            sums[name] += getattr(row, name)
    return dict(sums)
