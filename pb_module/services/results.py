"""Publishing a cycle's result: the tally frozen with the ballots it was computed from."""

import hashlib

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from pb_module import permissions
from pb_module.models import PBCyclePage, Proposal, TallyResult
from pb_module.rules import pabulib
from pb_module.rules.freeze import voting_closed, voting_of
from pb_module.rules.statuses import Status
from pb_module.rules.tally import tally
from pb_module.signals import forget_cached_cycle

from .pabulib_io import election_from_cycle
from .proposals import change_status


def publish_problem(cycle: PBCyclePage) -> str | None:
    """Why the result of `cycle` cannot be published now (translated), or None when it can."""
    cycle = cycle.canonical()
    if TallyResult.objects.filter(cycle=cycle).exists():
        return _("The results of this cycle are already published.")
    voting = voting_of(cycle.phase_dates)
    if voting is None:
        return _("This cycle has no voting phase: there is no count to show or publish.")
    if not voting_closed(voting, timezone.localdate(), closed_early=cycle.voting_closed_at is not None):
        return _(
            "Voting in this cycle has not closed yet: the count can be seen and published from the day after it "
            "ends, or once it is closed early."
        )
    if not cycle.ballots.exists():
        return _("Nobody has voted in this cycle: there is nothing to count.")
    return None


def _count(cycle: PBCyclePage):
    """The ballot export of `cycle`, its tally, and one line per proposal: winners in order, then the rest."""
    election = election_from_cycle(cycle)
    outcome = tally(election, rule=cycle.tally_rule)
    pks = {p.external_id or str(p.pk): p.pk for p in Proposal.objects.filter(cycle=cycle).only("pk", "external_id")}
    order = list(election.projects)
    winners = outcome["selected"]
    chosen = set(winners)
    others = sorted(
        (pid for pid in order if pid not in chosen), key=lambda pid: (-outcome["scores"][pid], order.index(pid))
    )
    lines = [
        {
            "proposal": pks[pid],
            "project_id": pid,
            "cost": int(election.projects[pid].cost),
            "score": int(outcome["scores"][pid]),
            "selected": pid in chosen,
        }
        for pid in [*winners, *others]
    ]
    return election, pabulib.write(election), outcome, lines


def preview_results(cycle: PBCyclePage, language: str) -> dict:
    """What publishing would give now, for the moderator to check first; nothing is saved.

    Only once voting is closed for good (the embargo holds against insiders too): otherwise ValidationError.
    """
    cycle = cycle.canonical()
    if problem := publish_problem(cycle):
        raise ValidationError(problem, code="cannot_publish")
    election, _text, outcome, lines = _count(cycle)
    proposals = Proposal.objects.in_bulk([line["proposal"] for line in lines])
    for line in lines:
        page = proposals[line["proposal"]].page_in(language) or proposals[line["proposal"]].source_page
        line["title"] = page.title if page else line["project_id"]
    return {
        "lines": lines,
        "spent": int(outcome["budget_used"]),
        "ballots": len(election.votes),
        "rule": outcome["rule"],
    }


@transaction.atomic
def publish_results(*, cycle: PBCyclePage, user, at=None) -> TallyResult:
    """Tally `cycle` by its rule, freeze the result with the anonymised ballots, end the embargo.

    Proposals still on the ballot become selected or not selected (logged publicly, followers told).
    From then on the database refuses any change to the cycle's ballots and to the result.
    `at` dates a historical publication (demo data, past cycles); by default it is now.
    """
    permissions.require(user, permissions.may_publish_results)
    cycle = PBCyclePage.objects.select_for_update().get(pk=cycle.canonical().pk)
    if problem := publish_problem(cycle):
        raise ValidationError(problem, code="cannot_publish")
    election, text, outcome, lines = _count(cycle)
    now = at or timezone.now()
    params = {"budget": cycle.total_budget, "ballot_type": cycle.ballot_type}
    if cycle.tally_min_score is not None:
        params["min_score"] = cycle.tally_min_score
    if "comparison" in outcome:  # equalshares/add1-comparison: how many voters preferred each outcome
        params["comparison"] = outcome["comparison"]
    for line in lines:  # the catalogue sorts by these; they exist only from now on (before the
        # result is saved: its signal rewrites the catalogue's rows)
        Proposal.objects.filter(pk=line["proposal"]).update(published_votes=line["score"])
    result = TallyResult.objects.create(
        cycle=cycle,
        rule=outcome["rule"],
        params=params,
        budget=cycle.total_budget,
        spent=int(outcome["budget_used"]),
        ballot_count=len(election.votes),
        lines=lines,
        ballots_file=text,
        ballots_sha256=hashlib.sha256(text.encode("utf-8")).hexdigest(),
        published_at=now,
        published_by=user,
    )
    selected = {line["proposal"] for line in lines if line["selected"]}
    for proposal in Proposal.objects.filter(cycle=cycle, status=Status.ON_BALLOT).order_by("pk"):
        new = Status.SELECTED if proposal.pk in selected else Status.NOT_SELECTED
        change = change_status(proposal=proposal, new_status=new, user=user)
        if at is not None:
            type(change).objects.filter(pk=change.pk).update(changed_at=at)
    PBCyclePage.objects.filter(pk=cycle.pk).update(results_published_at=now)
    cycle.share_facts()  # every language version shows the results from the same moment
    transaction.on_commit(lambda: forget_cached_cycle(cycle))
    return result
