"""The factories build a whole cycle on their own: nothing a test built with them reads is the demo's."""

import pytest
from wagtail.models import Page

from demo import pb_content
from pb_module.models import Ballot, PBCyclePage, Proposal, ProposalStatusChange, TallyResult, Territory
from pb_module.rules.statuses import Status

from . import factories as f

pytestmark = pytest.mark.django_db

DEMO_CYCLES = {spec["key"] for spec in [*pb_content.CYCLES, pb_content.VOTING_CYCLE]}
DEMO_TERRITORIES = {name for spec in pb_content.TERRITORIES for name in spec["name"].values()}
DEMO_TITLES = {title for spec in pb_content.PROPOSALS for title in spec["title"].values()} | {
    title for title, _summary, _cost in pb_content.VOTING_PROPOSALS for title in title.values()
}


def test_a_cycle_built_by_factories_votes_and_publishes_its_results():
    moderator = f.make_moderator()
    cycle = f.cycle(schedule="voting", total_budget=10_000_000)
    park, lights, bench = (
        f.ProposalFactory(cycle=cycle, status=Status.ON_BALLOT, estimated_cost=cost, moderator=moderator)
        for cost in (6_000_000, 5_000_000, 3_000_000)
    )
    rejected = f.ProposalFactory(cycle=cycle, status=Status.REJECTED, moderator=moderator)
    f.BallotFactory(cycle=cycle, proposals=[park, bench])
    f.BallotFactory(cycle=cycle, proposals=[park, lights])
    f.BallotFactory(cycle=cycle, proposals=[lights, bench], operator=f.UserFactory(role="Public-centre operators"))
    f.BallotFactory(cycle=cycle, proposals=[park])

    result = f.publish_results(cycle, moderator)

    # Greedy within 10 000 000: park (3 votes, 6 M), then lights (2 votes, 5 M) no longer fits, bench (2, 3 M) does.
    assert [line["proposal"] for line in result.winners] == [park.pk, bench.pk]
    assert {line["proposal"]: line["score"] for line in result.lines} == {park.pk: 3, lights.pk: 2, bench.pk: 2}
    assert (result.ballot_count, result.spent, result.budget) == (4, 9_000_000, 10_000_000)
    statuses = dict(Proposal.objects.filter(cycle=cycle).values_list("pk", "status"))
    assert statuses == {
        park.pk: Status.SELECTED,
        lights.pk: Status.NOT_SELECTED,
        bench.pk: Status.SELECTED,
        rejected.pk: Status.REJECTED,
    }
    assert list(park.status_changes.values_list("to_status", flat=True)) == [
        "submitted",
        "in_moderation",
        "on_ballot",
        "selected",
    ]
    assert Ballot.objects.get(cycle=cycle, channel="assisted").operator is not None
    for page in PBCyclePage.objects.filter(translation_key=cycle.translation_key):
        assert page.results_published
    assert sorted(
        PBCyclePage.objects.filter(translation_key=cycle.translation_key).values_list(
            "locale__language_code", flat=True
        )
    ) == ["en", "kk", "ru"]

    # Nothing read here is the demo's: the cycle, its place, its proposals and every page below the section.
    assert cycle.slug not in DEMO_CYCLES and not DEMO_CYCLES & set(
        Page.objects.filter(path__startswith=cycle.path).values_list("slug", flat=True)
    )
    assert not DEMO_TERRITORIES & set(
        Territory.objects.filter(translation_key=cycle.territory.translation_key).values_list("name", flat=True)
    )
    titles = {str(p) for p in Proposal.objects.filter(cycle=cycle)}
    assert titles and not titles & DEMO_TITLES
    assert not Proposal.objects.filter(cycle=cycle).exclude(external_id="").exists()
    assert TallyResult.objects.get(cycle=cycle) == result
    assert (
        not ProposalStatusChange.objects.filter(proposal__cycle=cycle)
        .exclude(proposal__in=[park, lights, bench, rejected])
        .exists()
    )


def test_schedules_open_what_they_say():
    collecting, discussion, voting, past = (
        f.cycle(schedule=name) for name in ("collecting", "discussion", "voting", "past")
    )
    assert collecting.is_collecting and not collecting.is_voting
    assert discussion.current_phase == "discussion"
    assert voting.is_voting and voting.results_published_at is None
    assert past.current_phase == "implementation" and not past.is_current
    with_review = f.cycle(schedule="voting", expert_review=True)
    proposal = f.ProposalFactory(cycle=with_review, status=Status.ON_BALLOT)
    assert proposal.latest_review.verdict == "compliant" and proposal.status == Status.ON_BALLOT


def test_a_funded_proposal_won_its_vote():
    proposal = f.funded_proposal()
    assert proposal.status == Status.IN_IMPLEMENTATION
    assert TallyResult.objects.get(cycle=proposal.cycle).winners[0]["proposal"] == proposal.pk
    assert sorted(proposal.pages.values_list("locale__language_code", flat=True)) == ["en", "kk", "ru"]


def test_translated_territories_keep_their_tree():
    city = f.TerritoryFactory(translations={"ru": "Город", "en": "City"})
    district = f.TerritoryFactory(parent=city, kind="district", settlement_category="", translations=True)
    ru = district.get_translation(f.locale("ru"))
    assert ru.parent.name == "Город" and district.effective_category == "republican"
    assert Territory.objects.get(pk=city.pk).contains(ru)  # (`contains` is cached on the instance)
