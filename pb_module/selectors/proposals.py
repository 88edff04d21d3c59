"""What the public pages and the open data read of proposals: which are public, and when comments are taken."""

from pb_module.models import PBCyclePage, Proposal, ProposalPage
from pb_module.rules.phases import Phase
from pb_module.rules.statuses import PUBLIC, Status

PUBLIC_STATUSES = [s.value for s in Status if s in PUBLIC]


def public_proposals(filters: dict):
    """Proposals in a public status with a live public page in a live public cycle, filtered, by id."""
    proposals = Proposal.objects.filter(
        status__in=PUBLIC_STATUSES,
        pk__in=live_pages().values("proposal_id"),
        cycle__in=PBCyclePage.objects.live().public().values("pk"),
    )
    if "cycle" in filters:
        proposals = proposals.filter(cycle=filters["cycle"])
    if "district" in filters:
        proposals = proposals.filter(district__translation_key__in=filters["district"].descendant_keys)
    if "status" in filters:
        proposals = proposals.filter(status=filters["status"])
    if "year" in filters:
        proposals = proposals.filter(cycle__year=filters["year"])
    return proposals.select_related("district").order_by("pk")


def live_pages():
    # Aliases count: a proposal written in one language has aliases of its page in the others.
    return ProposalPage.objects.live().public()


def comments_open(proposal: Proposal) -> bool:
    """NGO representatives comment while the cycle is in its discussion phase on published proposals."""
    if proposal.status not in (Status.IN_MODERATION, Status.IN_DISCUSSION, Status.IN_EXPERT_REVIEW):
        return False  # decided without reading the cycle's phases
    return proposal.cycle.specific.current_phase == Phase.DISCUSSION
