"""What the proposal page reads of its monitoring reports, and whether reports are taken."""

from collections import Counter

from django.utils.translation import gettext as _

from pb_module.models import ImplementationPhoto, Proposal
from pb_module.models.implementation import Rating
from pb_module.rules.statuses import TRACKED


def reports_open(proposal: Proposal) -> bool:
    """Reports are filed while the work on a proposal is tracked: in implementation, stalled or completed."""
    return proposal.status in TRACKED


def closed_message() -> str:
    return _("Monitoring reports are filed only on proposals whose work has begun (in implementation).")


def reports_context(proposal: Proposal, photos=None) -> dict:
    """What the proposal page shows of its monitoring reports: all of them, newest first (hidden ones as a notice),
    each with its photos (`report_photos`), and how many published ones give each rating. `photos`: every photo of
    the proposal with its image (`selectors.implementation.proposal_photos`), when already read."""
    reports = list(proposal.reports.select_related("milestone", "answered_for").order_by("-created_at", "-pk"))
    if photos is None:
        photos = ImplementationPhoto.objects.filter(report__in=reports).select_related("image")
    by_report: dict[int, list] = {}
    for photo in photos:
        if photo.report_id is not None:
            by_report.setdefault(photo.report_id, []).append(photo)
    for report in reports:
        report.report_photos = by_report.get(report.pk, [])  # in the photos' own order
    counts = Counter(report.rating for report in reports if not report.hidden)
    return {
        "reports": reports,
        "report_counts": [(value, label, counts.get(value, 0)) for value, label in Rating.choices],
        "reports_open": reports_open(proposal),
    }
