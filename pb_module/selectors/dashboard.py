"""What waits for a staff member on the admin dashboard, in the territory they work for (`StaffTerritory`): the
proposals waiting for moderation and for expert review, the stalled projects, the monitoring reports without an
answer."""

from dataclasses import dataclass

from django.db.models import Q

from pb_module import permissions
from pb_module.models import MonitoringReport, Proposal, StaffTerritory, Territory
from pb_module.rules.statuses import Status

LISTED = 8  # rows shown in a panel; the count says how many there are


@dataclass(frozen=True)
class Queue:
    count: int
    rows: list


def territory_of(user) -> Territory | None:
    link = StaffTerritory.objects.filter(user=user).select_related("territory").first()
    return link.territory if link else None


def _within(territory: Territory | None, prefix: str = "") -> Q:
    """Rows whose proposal's district or cycle lies in `territory` (any language); everything without one."""
    if territory is None:
        return Q()
    keys = territory.descendant_keys
    return Q(**{f"{prefix}district__translation_key__in": keys}) | Q(
        **{f"{prefix}cycle__territory__translation_key__in": keys}
    )


def _queue(queryset) -> Queue:
    return Queue(count=queryset.count(), rows=list(queryset[:LISTED]))


def proposals_waiting(user, territory: Territory | None) -> dict[str, Queue]:
    """Proposals waiting for a moderator's look and for an expert's review, oldest first."""
    proposals = Proposal.objects.filter(_within(territory)).select_related("cycle", "district").order_by("created_at")
    queues = {}
    if permissions.may_change_status(user) or permissions.may_view_proposals(user):
        queues["moderation"] = _queue(proposals.filter(status__in=[Status.SUBMITTED, Status.IN_MODERATION]))
        queues["expert_review"] = _queue(proposals.filter(status=Status.IN_EXPERT_REVIEW))
    elif permissions.may_review_as_expert(user):
        queues["expert_review"] = _queue(proposals.filter(status=Status.IN_EXPERT_REVIEW))
    return queues


def stalled(user, territory: Territory | None) -> Queue | None:
    """Funded projects whose work has stopped."""
    if not (permissions.may_view_milestones(user) or permissions.may_view_proposals(user)):
        return None
    return _queue(
        Proposal.objects.filter(_within(territory), status=Status.STALLED).select_related("cycle", "district")
    )


def reports_awaiting_answer(user, territory: Territory | None, answerable) -> Queue | None:
    """Published monitoring reports without an official answer: every one for a moderator, those on their own
    milestones for a responsible body (`answerable`: the reports the user may answer)."""
    if permissions.may_hide_reports(user):
        reports = MonitoringReport.objects.all()
    elif permissions.is_in_responsible_body(user):
        reports = answerable
    else:
        return None
    reports = (
        reports.filter(_within(territory, "proposal__"), hidden=False, answer="")
        .select_related("proposal", "milestone")
        .order_by("created_at")
    )
    return _queue(reports)
