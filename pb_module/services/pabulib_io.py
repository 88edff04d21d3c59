"""Between pabulib elections and the database: import a .pb file as a cycle, export a cycle's ballots."""

import hashlib
import re
from datetime import date, datetime, time
from fractions import Fraction

from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone
from django.utils.text import slugify
from wagtail.models import Locale

from pb_module import signals
from pb_module.integrations import crypto
from pb_module.models import (
    Ballot,
    BallotItem,
    CyclePhase,
    PBCyclePage,
    Proposal,
    ProposalPage,
    TallyResult,
    Territory,
)
from pb_module.models.cycle import source_locale_id
from pb_module.rules import pabulib
from pb_module.rules.iin import age_band
from pb_module.rules.statuses import BALLOTED, Status
from pb_module.rules.text import whole_number
from pb_module.services import cycles

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


def _whole_or(text: str, default: int) -> int:
    number = whole_number(text.strip())
    return default if number is None else number


def _age_band(fields: dict) -> str:
    age = whole_number((fields.get("age") or "").strip())
    return age_band(age) if age is not None else "unknown"


def _locale(meta: dict) -> Locale:
    """The locale of the file's `language` (kk, ru, en: any locale of the site), else the source locale."""
    code = re.split(r"[-_]", (meta.get("language") or "").strip().lower())[0]
    return Locale.objects.filter(language_code=code).first() or Locale.objects.get(pk=source_locale_id())


def _places(meta: dict, key: str) -> tuple[str, str]:
    """The unit (a city) and the district within it that the file is about ("" when it is the whole unit).

    pabulib gives `unit` (Warszawa), `district` (Wawer) and `subunit` (Anin, or the district again for a
    district-wide vote). Proposals are placed in the district; a subunit is the area of one local vote and
    is the cycle itself, so it becomes a territory only when the file has no district (Toulouse). Its
    " | small" / " | large" tail names a budget category, not a place.
    """
    unit = (meta.get("unit") or meta.get("description") or key).strip()[:255]
    district = (meta.get("district") or (meta.get("subunit") or "").split(" | ")[0]).strip()[:255]
    return unit, "" if district.casefold() == unit.casefold() else district


def _territory(meta: dict, key: str, locale: Locale, previous: Territory | None) -> Territory:
    """The district of the file under its unit, both in `locale`, found or made; the unit when no district.

    `previous` is the territory of the cycle when it was imported before. Imports made before there was a
    hierarchy created the district as a top-level city: it is moved under the unit rather than duplicated.
    """
    unit_name, district_name = _places(meta, key)
    unit = Territory.objects.filter(locale=locale, name=unit_name).filter(
        Q(parent=None) | Q(kind=Territory.Kind.CITY)
    ).order_by(F("parent").asc(nulls_first=True), "pk").first() or Territory.objects.create(
        locale=locale, name=unit_name, kind=Territory.Kind.CITY
    )
    if not district_name:
        return unit
    district = Territory.objects.filter(locale=locale, name=district_name, parent=unit).first()
    if district is not None:
        return district
    if (
        previous is not None
        and previous.locale_id == locale.pk
        and previous.parent_id is None
        and previous.name == district_name
        and not previous.children.exists()
    ):
        previous.parent, previous.kind = unit, Territory.Kind.DISTRICT
        previous.save(update_fields=["parent", "kind"])
        return previous
    return Territory.objects.create(locale=locale, name=district_name, kind=Territory.Kind.DISTRICT, parent=unit)


def _drop_if_unused(territory: Territory) -> None:
    """Delete a territory that an earlier import made and nothing refers to any more (nor translates)."""
    if Territory.objects.filter(translation_key=territory.translation_key).exclude(pk=territory.pk).exists():
        return
    for relation in Territory._meta.get_fields(include_hidden=True):
        if relation.auto_created and not relation.concrete and (relation.one_to_many or relation.one_to_one):
            if relation.related_model._base_manager.filter(**{relation.field.name: territory}).exists():
                return
    territory.delete()


def _existing_cycle(key: str, locale: Locale) -> PBCyclePage | None:
    """The cycle imported before under `key`: in `locale` or, if the file was imported in another, there.

    A translation of a cycle stands for its source page, which proposals and ballots belong to.
    """
    here = PBCyclePage.objects.filter(slug=key, locale=locale, alias_of__isnull=True).first()
    if here is not None:
        source = here.canonical()
        return here if source.alias_of_id else source  # an alias of it in kk is not where proposals belong
    for other in PBCyclePage.objects.filter(slug=key, alias_of__isnull=True).order_by("pk"):
        if other.canonical().pk == other.pk:
            return other
    return None


@transaction.atomic
@signals.batch()  # the catalogue rows of its many proposal pages written once, at the end
def import_election(election: pabulib.Election, *, key: str) -> PBCyclePage:
    """Create or update the cycle `key` (a slug) from `election`: territory, proposals, anonymised ballots.

    The cycle, its proposal pages and its territories are in the locale of the file's `language` when the
    site has it (else in the source locale); a cycle imported before keeps its locale. The cycle runs in
    the file's district, under its unit (a city); proposals and ballots are placed in that district.
    Run again with the same key, it updates the cycle and replaces its ballots; it never duplicates.
    """
    meta = election.meta
    cycle = _existing_cycle(key, _locale(meta))
    if cycle is not None and TallyResult.objects.filter(cycle=cycle).exists():
        raise ValueError(f"the results of cycle {key!r} are published: its ballots are frozen")
    if cycle is not None:  # the file replaces the whole election: without its old ballots, its rules may change
        Ballot.objects.filter(cycle=cycle).delete()
    locale = cycle.locale if cycle is not None else _locale(meta)
    previous = cycle.territory if cycle is not None else None
    territory = _territory(meta, key, locale, previous)
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
        "ballot_min_choices": _whole_or(meta.get("min_length", ""), 1),
        "ballot_max_choices": whole_number(meta.get("max_length", "")),
        "ballot_max_points": whole_number(meta.get("max_sum_points", "")),
        "tally_min_score": whole_number(meta.get("min_project_score_threshold", "")),
    }
    if cycle is None:
        cycle = PBCyclePage(slug=key, **fields)
        cycles.pb_section(locale).add_child(instance=cycle)
    else:
        for name, value in fields.items():
            setattr(cycle, name, value)
        # The territory is synchronised to translations, never edited there: they follow at once.
        PBCyclePage.objects.filter(translation_key=cycle.translation_key).exclude(pk=cycle.pk).update(
            territory=territory
        )
    start, end = _day(meta.get("date_begin", "")), _day(meta.get("date_end", ""))
    cycle.phases = [CyclePhase(phase="voting", starts_on=start, ends_on=end or start)] if start else []
    cycle.save_revision().publish()

    translated = [other for other in Locale.objects.exclude(pk=cycle.locale_id) if cycle.get_translation_or_none(other)]
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
                language=cycle.locale.language_code,
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
            for other in translated:  # as for a submitted proposal: an alias where the cycle is translated
                page.copy_for_translation(other, alias=True)
        else:
            proposal.estimated_cost, proposal.district = cost, territory
            proposal.save(update_fields=["estimated_cost", "district"])
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
    if previous is not None and previous.pk != territory.pk:
        _drop_if_unused(previous)
    return cycle


def ballot_order_key(cycle_id: int, voter_hash: str) -> str:
    """Where a ballot stands in the export: a keyed hash of its voter hash (under PB_DATA_KEY, per cycle).

    Not the time of voting nor the database id, which follow the order people voted in: someone who saw a
    neighbour vote at a public centre could otherwise find that ballot in the file. The same database always
    gives the same order (and file); without the key nobody can compute it.
    """
    return crypto.keyed_hash(f"{cycle_id}:{voter_hash}", "ballot-order")


def election_from_cycle(cycle: PBCyclePage) -> pabulib.Election:
    """The proposals that were on the ballot and the anonymised ballots as a pabulib election (voter ids are
    sequence numbers 1..n in the order of `ballot_order_key`)."""
    proposals = list(Proposal.objects.filter(cycle=cycle, status__in=list(BALLOTED)).order_by("pk"))
    ids = {p.pk: p.external_id or str(p.pk) for p in proposals}
    pages = {p.proposal_id: p.title for p in ProposalPage.objects.filter(proposal__in=proposals, alias_of__isnull=True)}
    cumulative = cycle.ballot_type == "cumulative"
    votes = []
    items = BallotItem.objects.filter(ballot__cycle=cycle, proposal_id__in=ids).order_by("ballot_id", "pk")
    by_ballot: dict[int, list] = {}
    for ballot_id, proposal_id, points in items.values_list("ballot_id", "proposal_id", "points"):
        by_ballot.setdefault(ballot_id, []).append((ids[proposal_id], points))
    ballots = Ballot.objects.filter(cycle=cycle).values_list("pk", "voter_hash", "age_band")
    order = sorted(ballots, key=lambda row: (ballot_order_key(cycle.pk, row[1]), row[0]))
    for number, (ballot_id, _hash, band) in enumerate(order, start=1):
        chosen = by_ballot.get(ballot_id, [])
        votes.append(
            pabulib.Vote(
                str(number),
                [pid for pid, _ in chosen],
                [pts for _, pts in chosen] if cumulative else None,
                {"age_band": band},
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
