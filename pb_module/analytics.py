"""Analytics of published cycles: the seed paper's Tables 2 and 3 and turnout, from the frozen ballots.

Nothing here is available before a cycle's results are published (the embargo).
"""

from dataclasses import dataclass

from django.db.models import Count
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from home.routing import public
from pb_module.models import Ballot, BallotItem, Channel, PBCyclePage, TallyResult, Territory
from pb_module.rules import analytics as rules
from pb_module.rules.iin import AGE_BANDS
from pb_module.services.proposals import canonical_cycle

BALLOTS_BAR = _("number of ballots")
# The chart of the paper's Table 3 (analytics and comparison pages): its title, rows and bars in plain words.
VOTES_CHART = {
    "title": _("How many projects got how many votes"),
    "rows": _("votes a project got"),
    "bars": _("number of projects"),
}
SEX_LABELS = {"female": _("women"), "male": _("men"), "": _("not stated")}
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
    source = canonical_cycle(cycle)
    result = TallyResult.objects.filter(cycle=source).defer("ballots_file").first()
    if result is None:
        return None
    pks = [line["proposal"] for line in result.lines]
    votes = dict.fromkeys(pks, 0)
    votes.update(
        BallotItem.objects.filter(ballot__cycle=source, proposal_id__in=pks)
        .values("proposal_id")
        .annotate(n=Count("ballot_id"))
        .values_list("proposal_id", "n")
    )
    counts = list(votes.values())
    population = source.territory.population_16_plus
    ballots = Ballot.objects.filter(cycle=source)

    def by(field):
        return dict(ballots.values(field).annotate(n=Count("id")).values_list(field, "n"))

    districts = by("district__translation_key")
    names = _district_names(districts, language)
    channels = dict(Channel.choices)
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
            _rows(rules.shares(by("age_band"), [*AGE_BANDS, "unknown"]), lambda k: UNKNOWN if k == "unknown" else k),
            chart_title=_("How many residents of each age voted"),
            rows_label=_("age, years"),
            bars_label=BALLOTS_BAR,
        ),
        Breakdown(
            "sex",
            _("Sex"),
            _("Ballots by sex"),
            _rows(rules.shares(by("sex"), ["female", "male", ""]), lambda k: SEX_LABELS.get(k, k)),
            chart_title=_("How many women and men voted"),
            rows_label=_("sex"),
            bars_label=BALLOTS_BAR,
        ),
        Breakdown(
            "channel",
            _("Channel"),
            _("Ballots by channel"),
            _rows(rules.shares(by("channel"), list(channels)), lambda k: channels.get(k, k)),
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
    cycles = public(PBCyclePage.objects.live()).filter(tally_result__isnull=False).order_by("year", "title")
    return [a for cycle in cycles if (a := cycle_analytics(cycle, language))]
