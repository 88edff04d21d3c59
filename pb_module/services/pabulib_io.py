"""Between pabulib elections and the database: import a .pb file as a cycle, export a cycle's ballots."""

import hashlib
import re
from datetime import date, datetime, time
from fractions import Fraction

from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from wagtail.models import Locale

from pb_module import crypto
from pb_module.models import (
    Ballot,
    BallotItem,
    CyclePhase,
    PBCyclePage,
    PBIndexPage,
    Proposal,
    ProposalPage,
    TallyResult,
    Territory,
)
from pb_module.rules import pabulib
from pb_module.rules.iin import age_band
from pb_module.rules.statuses import BALLOTED, Status

from .proposals import source_locale_id

BALLOT_TYPES = {
    "approval": "approval",
    "cumulative": "cumulative",
    "choose-1": "choose-1",
    "scoring": "cumulative",
    "ordinal": "approval",
}
SEX = {"m": "male", "male": "male", "k": "female", "f": "female", "female": "female"}


def _day(text: str) -> date | None:
    for pattern in ("%d.%m.%Y", "%Y-%m-%d", "%d/%m/%Y"):
        try:
            return datetime.strptime(text.strip(), pattern).date()
        except (ValueError, AttributeError):
            continue
    return None


def _age_band(fields: dict) -> str:
    raw = (fields.get("age") or "").strip()
    return age_band(int(raw)) if raw.isdigit() else "unknown"


@transaction.atomic
def import_election(election: pabulib.Election, *, key: str) -> PBCyclePage:
    """Create or update the cycle `key` (a slug) from `election`: territory, proposals, anonymised ballots.

    Run again with the same key, it updates the cycle and replaces its ballots; it never duplicates.
    """
    meta = election.meta
    locale = Locale.objects.get(pk=source_locale_id())
    place = meta.get("district") or meta.get("unit") or meta.get("description", key)
    territory = Territory.objects.filter(
        locale=locale, name=place[:255], parent=None
    ).first() or Territory.objects.create(locale=locale, name=place[:255], kind=Territory.Kind.CITY)
    index = PBIndexPage.objects.filter(locale=locale).first()
    if index is None:
        raise ValueError("there is no participatory budget section to import into: run load_demo or add one")
    year = int(m.group()) if (m := re.search(r"\d{4}", meta.get("instance", ""))) else timezone.localdate().year
    fields = {
        "title": (meta.get("description") or key)[:255],
        "territory": territory,
        "year": year,
        "total_budget": int(election.budget),
        "ballot_type": BALLOT_TYPES.get(election.vote_type, "approval"),
        "tally_rule": election.rule
        if election.rule in dict(PBCyclePage._meta.get_field("tally_rule").choices)
        else "greedy",
        "ballot_min_choices": int(meta.get("min_length", "1") or 1),
        "ballot_max_choices": int(meta["max_length"]) if meta.get("max_length", "").isdigit() else None,
        "ballot_max_points": int(meta["max_sum_points"]) if meta.get("max_sum_points", "").isdigit() else None,
        "tally_min_score": int(meta["min_project_score_threshold"])
        if meta.get("min_project_score_threshold", "").isdigit()
        else None,
    }
    cycle = PBCyclePage.objects.child_of(index).filter(slug=key).first()
    if cycle is None:
        cycle = PBCyclePage(slug=key, **fields)
        index.add_child(instance=cycle)
    else:
        if TallyResult.objects.filter(cycle=cycle).exists():
            raise ValueError(f"the results of cycle {key!r} are published: its ballots are frozen")
        for name, value in fields.items():
            setattr(cycle, name, value)
    start, end = _day(meta.get("date_begin", "")), _day(meta.get("date_end", ""))
    cycle.phases = [CyclePhase(phase="voting", starts_on=start, ends_on=end or start)] if start else []
    cycle.save_revision().publish()

    proposals = {}
    for project in election.projects.values():
        proposal = Proposal.objects.filter(cycle=cycle, external_id=project.project_id).first()
        cost = int(round(project.cost))
        if proposal is None:
            proposal = Proposal.objects.create(
                cycle=cycle,
                district=territory,
                status=Status.ON_BALLOT,
                estimated_cost=cost,
                author_name="pabulib",
                author_contact_encrypted=crypto.encrypt(""),
                language=locale.language_code,
                tracking_token_hash=hashlib.sha256(f"pabulib:{cycle.pk}:{project.project_id}".encode()).hexdigest(),
                external_id=project.project_id,
            )
            page = ProposalPage(
                title=(project.name or project.project_id)[:255],
                proposal=proposal,
                slug=f"{slugify(project.project_id) or 'p'}-{proposal.pk}",
                summary=(project.name or project.project_id)[:500],
                description=project.fields.get("description", "") or project.name or "-",
            )
            cycle.add_child(instance=page)
            page.save_revision().publish()
        else:
            Proposal.objects.filter(pk=proposal.pk).update(estimated_cost=cost)
        proposals[project.project_id] = proposal.pk

    Ballot.objects.filter(cycle=cycle).delete()
    cast_at = timezone.make_aware(datetime.combine(end or start or timezone.localdate(), time(12)))
    ballots = Ballot.objects.bulk_create(
        [
            Ballot(
                cycle=cycle,
                voter_hash=hashlib.sha256(f"pabulib:{key}:{vote.voter_id}".encode()).hexdigest(),
                age_band=_age_band(vote.fields),
                sex=SEX.get(vote.fields.get("sex", "").strip().lower(), ""),
                district=territory,
                channel="online",
                cast_at=cast_at,
            )
            for vote in election.votes
        ],
        batch_size=2000,
    )
    BallotItem.objects.bulk_create(
        [
            BallotItem(ballot=ballot, proposal_id=proposals[pid], points=points)
            for ballot, vote in zip(ballots, election.votes, strict=True)
            for pid, points in vote.scores().items()
        ],
        batch_size=5000,
    )
    return cycle


def election_from_cycle(cycle: PBCyclePage) -> pabulib.Election:
    """The proposals that were on the ballot and the anonymised ballots as a pabulib election (voter ids are
    sequence numbers)."""
    proposals = list(Proposal.objects.filter(cycle=cycle, status__in=list(BALLOTED)).order_by("pk"))
    ids = {p.pk: p.external_id or str(p.pk) for p in proposals}
    pages = {p.proposal_id: p.title for p in ProposalPage.objects.filter(proposal__in=proposals, alias_of__isnull=True)}
    cumulative = cycle.ballot_type == "cumulative"
    votes = []
    items = BallotItem.objects.filter(ballot__cycle=cycle, proposal_id__in=ids).order_by("ballot_id", "pk")
    by_ballot: dict[int, list] = {}
    for ballot_id, proposal_id, points in items.values_list("ballot_id", "proposal_id", "points"):
        by_ballot.setdefault(ballot_id, []).append((ids[proposal_id], points))
    extra = dict(Ballot.objects.filter(cycle=cycle).values_list("pk", "age_band"))
    for number, ballot_id in enumerate(sorted(extra), start=1):
        chosen = by_ballot.get(ballot_id, [])
        votes.append(
            pabulib.Vote(
                str(number),
                [pid for pid, _ in chosen],
                [pts for _, pts in chosen] if cumulative else None,
                {"age_band": extra[ballot_id]},
            )
        )
    counts = {}
    for vote in votes:
        for pid, pts in vote.scores().items():
            counts[pid] = counts.get(pid, 0) + pts
    projects = {
        ids[p.pk]: pabulib.Project(
            ids[p.pk],
            Fraction(p.cost),
            pages.get(p.pk, ""),
            {"votes": str(counts.get(ids[p.pk], 0)), "name": pages.get(p.pk, "")},
        )
        for p in proposals
    }
    meta = {
        "description": cycle.title,
        "num_projects": str(len(projects)),
        "num_votes": str(len(votes)),
        "budget": str(cycle.total_budget),
        # A knapsack ballot is an approval ballot whose chosen costs fit the budget (pabulib: max_sum_cost).
        "vote_type": "approval" if cycle.ballot_type == "knapsack" else cycle.ballot_type,
        "rule": cycle.tally_rule,
        "currency": "KZT",
    }
    if cycle.ballot_type == "knapsack":
        meta["max_sum_cost"] = str(cycle.total_budget)
    if cycle.tally_min_score is not None:
        meta["min_project_score_threshold"] = str(cycle.tally_min_score)
    return pabulib.Election(
        meta,
        projects,
        votes,
        ["project_id", "cost", "votes", "name"],
        ["voter_id", "vote", "points", "age_band"] if cumulative else ["voter_id", "vote", "age_band"],
    )
