"""Analytics of published cycles: the seed paper's Tables 2 and 3 and turnout, from the frozen ballots.

Nothing here is available before a cycle's results are published (the embargo).
"""

from dataclasses import dataclass

from django.db.models import Count
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from home.routing import locale_for, public
from pb_module.models import Ballot, BallotItem, Channel, PBCyclePage, TallyResult, Territory
from pb_module.rules import analytics as rules
from pb_module.rules.iin import AGE_BANDS
from pb_module.vocabulary import SEX_LABELS

BALLOTS_BAR = _("number of ballots")
# The chart of the paper's Table 3 (analytics and comparison pages): its title, rows and bars in plain words.
VOTES_CHART = {
    "title": _("How many projects got how many votes"),
    "rows": _("votes a project got"),
    "bars": _("number of projects"),
}
UNKNOWN = _("not known")


@dataclass
class Breakdown:
    """Ballots by one property of the voter: rows of (label, count, percent of ballots)."""

    key: str
    title: str  # the column heading
    heading: str
    rows: list[dict]
    # The chart's title and what its rows and its bars stand for, in plain words for residents.
    chart_title: str = ""
    rows_label: str = ""
    bars_label: str = ""


@dataclass
class CycleAnalytics:
    cycle: PBCyclePage
    result: TallyResult
    votes: dict[int, int]  # proposal pk -> number of ballots that chose it
    table2: rules.PopulationRow
    table3: list[rules.Bucket]
    ballots: int
    turnout_percent: float | None
    breakdowns: list[Breakdown]
    local_cycle: PBCyclePage | None = None  # the cycle's page in the reader's language (the comparison's links)

    @property
    def table3_rows(self) -> list[dict]:
        """Table 3's columns with their labels in the active language."""
        return [{"label": bucket_label(b), "count": b.count, "percent": b.percent, "high": b.high} for b in self.table3]


def bucket_label(bucket: rules.Bucket) -> str:
    if bucket.high is None:
        return gettext("more than %(n)s votes") % {"n": bucket.low - 1}
    return gettext("%(low)s to %(high)s votes") % {"low": bucket.low, "high": bucket.high}


def _rows(shares: list[rules.Share], labels) -> list[dict]:
    return [{"key": s.key, "label": labels(s.key), "count": s.count, "percent": s.percent} for s in shares]


def _district_names(keys, language: str) -> dict:
    names = {}
    for territory in Territory.objects.filter(translation_key__in=keys).select_related("locale"):
        if territory.locale.language_code == language or territory.translation_key not in names:
            names[territory.translation_key] = territory.name
    return names


def cycle_analytics(cycle: PBCyclePage, language: str) -> CycleAnalytics | None:
    """The analytics of `cycle` in `language`, or None while its results are not published."""
    source = cycle.canonical()
    analytics = _analytics([source], language).get(source.pk)
    if analytics is not None:
        locale = locale_for(language)
        analytics.local_cycle = cycle if locale is not None and cycle.locale_id == locale.pk else source
    return analytics


def _analytics(sources: list[PBCyclePage], language: str) -> dict[int, CycleAnalytics]:
    """The analytics of these source-language cycles whose results are published, by cycle pk: the same seven
    queries for one cycle or all of them (the comparison page)."""
    results = {
        result.cycle_id: result for result in TallyResult.objects.filter(cycle__in=sources).defer("ballots_file")
    }
    if not results:
        return {}
    ballot_counts = BallotItem.objects.filter(ballot__cycle__in=results, proposal_id__isnull=False)
    chosen = {}
    for cycle_id, proposal_id, n in (
        ballot_counts.values("ballot__cycle_id", "proposal_id")
        .annotate(n=Count("ballot_id"))
        .values_list("ballot__cycle_id", "proposal_id", "n")
    ):
        chosen[(cycle_id, proposal_id)] = n
    ballots = Ballot.objects.filter(cycle__in=results)

    def by(field) -> dict[int, dict]:
        counts: dict[int, dict] = {pk: {} for pk in results}
        for cycle_id, value, n in (
            ballots.values("cycle_id", field).annotate(n=Count("id")).values_list("cycle_id", field, "n")
        ):
            counts[cycle_id][value] = n
        return counts

    districts, ages, sexes, ways = by("district__translation_key"), by("age_band"), by("sex"), by("channel")
    names = _district_names({key for counts in districts.values() for key in counts}, language)
    channels = dict(Channel.choices)
    found = {}
    for source in sources:
        result = results.get(source.pk)
        if result is None:
            continue
        pks = [line["proposal"] for line in result.lines]
        votes = {pk: chosen.get((source.pk, pk), 0) for pk in pks}
        found[source.pk] = _cycle_analytics(
            source,
            result,
            votes,
            districts[source.pk],
            names,
            ages[source.pk],
            sexes[source.pk],
            ways[source.pk],
            channels,
        )
    return found


def _cycle_analytics(source, result, votes, districts, names, ages, sexes, ways, channels) -> CycleAnalytics:
    counts = list(votes.values())
    population = source.territory.population_16_plus
    breakdowns = [
        Breakdown(
            "district",
            _("District"),
            _("Ballots by district"),
            _rows(rules.shares(districts), lambda k: names.get(k, UNKNOWN)),
            chart_title=_("How many residents voted in each district"),
            rows_label=_("district"),
            bars_label=BALLOTS_BAR,
        ),
        Breakdown(
            "age",
            _("Age"),
            _("Ballots by age"),
            _rows(rules.shares(ages, [*AGE_BANDS, "unknown"]), lambda k: UNKNOWN if k == "unknown" else k),
            chart_title=_("How many residents of each age voted"),
            rows_label=_("age, years"),
            bars_label=BALLOTS_BAR,
        ),
        Breakdown(
            "sex",
            _("Sex"),
            _("Ballots by sex"),
            _rows(rules.shares(sexes, ["female", "male", ""]), lambda k: SEX_LABELS.get(k, k)),
            chart_title=_("How many women and men voted"),
            rows_label=_("sex"),
            bars_label=BALLOTS_BAR,
        ),
        Breakdown(
            "channel",
            _("Channel"),
            _("Ballots by channel"),
            _rows(rules.shares(ways, list(channels)), lambda k: channels.get(k, k)),
            chart_title=_("How residents cast their ballots"),
            rows_label=_("way of voting"),
            bars_label=BALLOTS_BAR,
        ),
    ]
    return CycleAnalytics(
        cycle=source,
        result=result,
        votes=votes,
        table2=rules.population_row(population, counts),
        table3=rules.vote_buckets(counts),
        ballots=result.ballot_count,
        turnout_percent=rules.percent(result.ballot_count, population),
        breakdowns=breakdowns,
    )


def published_cycles(language: str) -> list[CycleAnalytics]:
    """The analytics of every published cycle, oldest first, for the comparison page."""
    cycles = list(
        public(PBCyclePage.objects.live())
        .filter(tally_result__isnull=False)
        .select_related("territory")
        .order_by("year", "title")
    )
    found = _analytics(cycles, language)
    locale = locale_for(language)  # each cycle in the reader's language, for its link
    local = {
        page.translation_key: page
        for page in PBCyclePage.objects.live().filter(
            translation_key__in=[c.translation_key for c in cycles], locale=locale
        )
    }
    for analytics in found.values():
        analytics.local_cycle = local.get(analytics.cycle.translation_key, analytics.cycle)
    return [found[cycle.pk] for cycle in cycles if cycle.pk in found]
