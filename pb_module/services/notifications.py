"""E-mails to a proposal's author and followers: status changes, milestones that moved, answered reports.

Each is sent after the transaction that made the change commits, one message per person, in the language they
followed in, with a one-link unsubscribe (in the body and as the RFC 8058 one-click `List-Unsubscribe` header).
A mail that cannot be sent is logged and never undoes the change.
"""

import logging
from urllib.parse import urljoin

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from pb_module.models import MonitoringReport, ProposalFollower, ProposalStatusChange
from pb_module.models.implementation import Milestone
from pb_module.rules import implementation as rules
from pb_module.selectors.implementation import progress_of
from pb_module.vocabulary import MILESTONE_STATUS_LABELS

logger = logging.getLogger(__name__)


def unsubscribe_url(follower: ProposalFollower, page) -> str:
    """The absolute one-link unsubscribe address of `follower`, in the active language, on the page's site."""
    return urljoin(page.full_url, reverse("pb_unsubscribe", kwargs={"token": follower.unsubscribe_token}))


def _send_to_followers(proposal, template: str, subject, context: dict) -> None:
    """Render `template` for each follower of `proposal` in their language and send it to them alone.

    `subject(page)` gives the subject line, called with the proposal's page in the follower's language.
    """
    connection = get_connection()
    for follower in proposal.followers.filter(confirmed_at__isnull=False):  # a follow counts once its link is confirmed
        try:
            # Rendered outside any request: dates and times in the site's time zone, words in the follower's language.
            with translation.override(follower.language), timezone.override(settings.TIME_ZONE):
                page = proposal.page_in(follower.language) or proposal.source_page
                unsubscribe = unsubscribe_url(follower, page)
                body = render_to_string(
                    template,
                    {
                        **context,
                        "page": page,
                        "page_url": page.full_url if proposal.is_public else "",
                        "follower": follower,
                        "unsubscribe_url": unsubscribe,
                    },
                )
                message = EmailMessage(
                    subject=subject(page),
                    body=body,
                    to=[follower.email],
                    connection=connection,
                    headers={
                        "List-Unsubscribe": f"<{unsubscribe}>",
                        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
                        "Auto-Submitted": "auto-generated",
                    },
                )
                message.send()
        except Exception:  # one failed address must not stop the others nor the change
            logger.exception("Could not e-mail follower #%s of proposal #%s", follower.pk, proposal.pk)


def notify_status_changed(change: ProposalStatusChange) -> None:
    """Tell the author and followers of a proposal its new status (and the public reason)."""

    def subject(page):
        return _("Proposal “%(title)s”: %(status)s") % {"title": page.title, "status": change.to_label}

    _send_to_followers(change.proposal, "pb_module/email/status_changed.txt", subject, {"change": change})


def notify_milestone_moved(milestone: Milestone, old_status, old_percent) -> None:
    """Tell the author and followers that a milestone's status or percentage changed."""
    proposal = milestone.proposal
    progress = progress_of(proposal)

    def subject(page):
        return _("Proposal “%(title)s”: “%(milestone)s” is %(percent)s%% done") % {
            "title": page.title,
            "milestone": milestone.title,
            "percent": milestone.percent,
        }

    context = {
        "milestone": milestone,
        "old_status_label": MILESTONE_STATUS_LABELS[rules.MilestoneStatus(old_status)],
        "old_percent": old_percent,
        "progress": progress.percent,
    }
    _send_to_followers(proposal, "pb_module/email/milestone_moved.txt", subject, context)


def notify_report_answered(report: MonitoringReport) -> None:
    """Tell the author and followers that the responsible body answered a monitoring report."""
    if report.hidden or not report.answer:
        return

    def subject(page):
        return _("Proposal “%(title)s”: a monitoring report was answered") % {"title": page.title}

    _send_to_followers(report.proposal, "pb_module/email/report_answered.txt", subject, {"report": report})


def send_follow_confirmation(follower: ProposalFollower, token: str, hours: int) -> None:
    """E-mail `follower`, in their language, the link that confirms their follow (raises if it cannot be sent)."""
    proposal = follower.proposal
    with translation.override(follower.language), timezone.override(settings.TIME_ZONE):
        page = proposal.page_in(follower.language) or proposal.source_page
        confirm_url = urljoin(page.full_url, reverse("pb_follow_confirm", kwargs={"token": token}))
        body = render_to_string(
            "pb_module/email/follow_confirm.txt", {"page": page, "confirm_url": confirm_url, "hours": hours}
        )
        EmailMessage(
            subject=_("Confirm that you want to follow “%(title)s”") % {"title": page.title},
            body=body,
            to=[follower.email],
            headers={"Auto-Submitted": "auto-generated"},
        ).send()


def follower_by_token(token: str) -> ProposalFollower | None:
    """The subscription that an unsubscribe link names, or None."""
    return ProposalFollower.objects.select_related("proposal").filter(unsubscribe_token=token).first()


def unsubscribe(*, token: str) -> bool:
    """End the subscription named by `token`; False when there is none (already ended or never was)."""
    deleted, _rows = ProposalFollower.objects.filter(unsubscribe_token=token).delete()
    return deleted > 0
