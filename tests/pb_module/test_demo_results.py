"""The demo's past cycles reproduce the seed paper's vote figures, and their tally the demo's winners."""

import pytest
from django.contrib.auth import get_user_model
from django.db.models import Count, Max, Sum
from django.db.models.functions import Coalesce
from django.utils import timezone

from demo.home import demo_key
from demo.pb_content import TERRITORIES
from demo.results import GENERATED, external_id, load_results_demo, texts
from pb_module.models import (
    Ballot,
    BallotItem,
    ExpertReview,
    PBCyclePage,
    Proposal,
    ProposalPage,
    TallyResult,
    Territory,
)
from pb_module.rules.iin import AGE_BANDS
from pb_module.rules.phases import Phase
from pb_module.rules.tally import tally
from pb_module.services.pabulib_io import election_from_cycle

from .conftest import cycle_page

pytestmark = pytest.mark.demo

ON_BALLOT = ["on_ballot", "selected", "not_selected", "in_implementation", "completed", "stalled"]
# cycle: (projects on the ballot, most votes, projects with 0-10, 11-50, 51-100 and over 100 votes)
FIGURES = {
    "aktau-2024": (53, 331, 39, 11, 0, 3),
    "aksu-2025": (22, 128, 1, 3, 11, 7),
}
WINNERS = {
    "aktau-2024": (["aktau-park-12", "aktau-playground-5", "aktau-lighting-14"], ["aktau-workout-27"]),
    "aksu-2025": (["aksu-skatepark", "aksu-crossings", "aksu-kalkaman-lighting"], ["aksu-tree-belt"]),
}


def cycle(slug):
    return PBCyclePage.objects.get(slug=slug, locale__language_code="kk")


def vote_counts(slug):
    proposals = Proposal.objects.filter(cycle=cycle(slug), status__in=ON_BALLOT)
    return list(proposals.annotate(votes=Count("ballot_items")).values_list("votes", flat=True))


@pytest.mark.parametrize("slug", FIGURES)
def test_votes_per_project_match_the_paper(db, slug):
    votes = vote_counts(slug)
    buckets = (
        sum(v <= 10 for v in votes),
        sum(11 <= v <= 50 for v in votes),
        sum(51 <= v <= 100 for v in votes),
        sum(v > 100 for v in votes),
    )
    assert (len(votes), max(votes), *buckets) == FIGURES[slug]
    assert not BallotItem.objects.filter(ballot__cycle=cycle(slug)).exclude(points=1).exists()


@pytest.mark.parametrize("slug", WINNERS)
def test_tally_of_the_ballots_gives_the_demo_winners(db, slug):
    result = tally(election_from_cycle(cycle(slug)))
    assert result["rule"] == cycle(slug).tally_rule
    winners, losers = WINNERS[slug]
    selected = set(result["selected"])
    assert {f"demo:{key}" for key in winners} <= selected
    assert not {f"demo:{key}" for key in losers} & selected
    assert result["budget_used"] <= cycle(slug).total_budget


def test_knapsack_ballots_stay_within_the_budget(db):
    aksu = cycle("aksu-2025")
    assert aksu.ballot_type == "knapsack"
    totals = Ballot.objects.filter(cycle=aksu).annotate(
        total=Sum(Coalesce("items__proposal__validated_cost", "items__proposal__estimated_cost"))
    )
    assert totals.count() > 0
    assert totals.aggregate(most=Max("total"))["most"] <= aksu.total_budget


@pytest.mark.parametrize("slug", FIGURES)
def test_every_ballot_is_a_valid_anonymised_ballot(db, slug):
    page = cycle(slug)
    ballots = Ballot.objects.filter(cycle=page).annotate(n=Count("items"))
    assert ballots.count() >= FIGURES[slug][1]
    assert ballots.filter(n=0).count() == 0
    assert ballots.aggregate(most=Max("n"))["most"] <= page.ballot_max_choices
    assert ballots.values("voter_hash").distinct().count() == ballots.count()
    assert set(ballots.values_list("age_band", flat=True)) <= set(AGE_BANDS) - {"under-16"}
    assert set(ballots.values_list("sex", flat=True)) == {"male", "female"}
    assert set(ballots.values_list("channel", flat=True)) == {"online", "assisted"}
    assert set(ballots.values_list("district__parent", flat=True)) == {page.territory_id}
    assert ballots.filter(channel="online", operator__isnull=False).count() == 0
    voting = next(p for p in page.phase_dates if p.phase == Phase.VOTING)
    for cast_at in ballots.values_list("cast_at", flat=True):
        assert voting.starts_on <= timezone.localtime(cast_at).date() <= voting.ends_on


@pytest.mark.parametrize("slug", GENERATED)
def test_generated_proposals_are_on_the_ballot_in_three_languages(db, slug):
    page = cycle(slug)
    ids = {external_id(kind, place): (kind, place, cost) for kind, place, cost, _ in GENERATED[slug]}
    proposals = Proposal.objects.filter(external_id__in=ids)
    assert proposals.count() == len(ids)
    voting = next(p for p in page.phase_dates if p.phase == Phase.VOTING)
    for proposal in proposals:
        kind, place, cost = ids[proposal.external_id]
        assert proposal.cycle_id == page.pk and proposal.status in ON_BALLOT
        assert proposal.cost == cost <= page.proposal_cap_tenge
        assert proposal.district.parent_id == page.territory_id
        # Every change before the vote; the result (selected or not) after it, when it was published.
        before, after = (
            proposal.status_changes.exclude(to_status__in=["selected", "not_selected"]),
            (proposal.status_changes.filter(to_status__in=["selected", "not_selected"])),
        )
        assert before.filter(changed_at__date__gte=voting.starts_on).count() == 0
        assert after.count() == 1 and after.get().changed_at.date() > voting.ends_on
    pages = ProposalPage.objects.filter(proposal__in=proposals, alias_of__isnull=True, live=True)
    titles = {(p.proposal.external_id, p.locale.language_code): p.title for p in pages.select_related("locale")}
    expected = {
        (ext, lang): texts(kind, place)[lang]["title"]
        for ext, (kind, place, _) in ids.items()
        for lang in texts(kind, place)
    }
    assert titles == expected


def test_loading_again_adds_nothing(db):
    def rows():
        return [model.objects.count() for model in (Proposal, ProposalPage, Ballot, BallotItem)]

    cycles = {slug: cycle(slug) for slug in GENERATED}
    territories = {
        t["key"]: Territory.objects.get(translation_key=demo_key("Territory", t["key"]), locale__language_code="kk")
        for t in TERRITORIES
    }
    before = rows()
    load_results_demo(cycles, territories, get_user_model().objects.get(username="moderator_demo"))
    assert rows() == before


# Moved from test_results.py, which builds its own cycles: the published results of the demo's past cycles.
@pytest.mark.parametrize(
    "slug, figures",
    [
        # The paper's Tables 2 and 3, as a Russian reader sees them.
        ("aktau-2024", ["142\u202f549", "0,0372", "331", "0,232", "39", "73,58", "11", "20,75", "5,66"]),
        ("aksu-2025", ["51\u202f466", "0,0427", "128", "0,249", "4,55", "13,64", "50,00", "31,82"]),
    ],
)
def test_demo_analytics_reproduce_the_papers_tables(client, db, slug, figures):
    page = cycle_page(slug, "ru")
    assert page.results_published
    html = client.get(page.url + "analytics/").content.decode()
    tables = html[html.index('id="table2-caption"') : html.index("</table>", html.index('id="table3-caption"'))]
    for figure in figures:
        assert f">{figure}<" in tables, figure
    comparison = client.get("/ru/participatory-budget/analytics/").content.decode()
    assert page.title in comparison and ">0,0372<" in comparison and ">0,0427<" in comparison


def test_demo_results_are_published_with_the_demo_winners(client, db):
    aktau = TallyResult.objects.get(cycle=cycle_page("aktau-2024"))
    winners = {Proposal.objects.get(pk=w["proposal"]).external_id for w in aktau.winners}
    assert {"demo:aktau-park-12", "demo:aktau-playground-5", "demo:aktau-lighting-14"} <= winners
    assert "demo:aktau-workout-27" not in winners
    assert aktau.spent <= aktau.budget and aktau.ballot_count == Ballot.objects.filter(cycle=aktau.cycle).count()
    html = client.get(cycle_page("aktau-2024", "en").url + "results/").content.decode()
    assert aktau.ballots_sha256 in html and "A pocket park in the 12th microdistrict" in html
    # The published result is dated in the cycle's results phase, not at load time.
    assert aktau.published_at.year == 2024


# Moved from test_workflow.py, which builds its own proposals.
def test_demo_has_every_status_and_expert_reviews(db):
    statuses = set(Proposal.objects.values_list("status", flat=True))
    assert len(statuses) == 12
    assert ExpertReview.objects.exists()


def test_the_demo_overview_reproduces_the_papers_table_4_and_council_totals(db, client):
    """The demo's country: 3 + 38 + 48 cities in the territory tree; its overview page for 2024 shows the paper's
    680 projects and notes the paper's rounding; its councils add up to the paper's 218 and 3 915."""
    from pb_module.models import CouncilComposition, NationalOverviewPage
    from pb_module.selectors.overview import settlement_counts

    assert settlement_counts() == {"republican": 3, "oblast": 38, "district": 48}
    compositions = CouncilComposition.objects.filter(year=2021)
    assert sum(c.councils for c in compositions) == 218 and sum(c.members for c in compositions) == 3915
    for lang, figures in {"kk": ["680", "27,9", "20,9", "27,7"], "en": ["680", "27.9", "20.9", "27.7"]}.items():
        page = NationalOverviewPage.objects.get(locale__language_code=lang)
        html = client.get(page.url).content.decode()
        assert '<td class="num">680</td>' in html and ">89<" in html
        for figure in figures:
            assert figure in html, (lang, figure)
