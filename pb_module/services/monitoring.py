"""Monitoring reports: what NGO representatives and verified residents saw of the work on a milestone.

A report is published at once; a moderator may hide it with a public reason (the page then says when and why);
the body responsible for the milestone answers it in public. Photos are checked before anything is written, so a
bad photo saves nothing.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from home.people_text import guess_language, short, written
from pb_module import permissions
from pb_module.models import Milestone, MonitoringReport, Proposal
from pb_module.models.implementation import Rating
from pb_module.roles import display_name
from pb_module.selectors.monitoring import closed_message, reports_open

from .implementation import check_photo, store_photo
from .voting import VoterIdentity

MAX_PHOTOS = 3
MAX_BODY = 4000
PHOTO_COLLECTION = "Monitoring reports"


@transaction.atomic
def file_report(
    *,
    proposal: Proposal,
    milestone: Milestone | None,
    rating: str,
    body: str,
    language: str,
    user=None,
    citizen: VoterIdentity | None = None,
    author_name: str = "",
    organisation: str = "",
    photos=(),
) -> MonitoringReport:
    """Publish a report by an NGO representative (`user` with add_monitoringreport) or a verified resident
    (`citizen`, known only by the keyed hash of the IIN, with the name they chose to show)."""
    if citizen is None:
        permissions.require(user, permissions.may_report_for_organisation)
    proposal = Proposal.objects.select_for_update().get(pk=proposal.pk)
    if not reports_open(proposal):
        raise ValidationError(closed_message(), code="not_in_implementation")
    errors: dict[str, list[str]] = {}
    if milestone is None or milestone.proposal_id != proposal.pk:
        errors["milestone"] = [_("Choose a milestone of this proposal.")]
    if rating not in Rating.values:
        errors["rating"] = [_("Choose how the work is going: on track, concern or problem.")]
    body = (body or "").strip()
    if not body:
        errors["body"] = [_("Write what you saw.")]
    elif len(body) > MAX_BODY:
        errors["body"] = [_("Write at most %(max)s characters.") % {"max": MAX_BODY}]
    name = (author_name or "").strip() if citizen is not None else display_name(user)
    if not name:
        errors["author_name"] = [_("Enter the name to show with your report.")]
    photos = list(photos)
    if len(photos) > MAX_PHOTOS:
        errors["photos"] = [_("Attach at most %(max)s photos.") % {"max": MAX_PHOTOS}]
    else:
        problems = []
        for upload in photos:
            try:
                check_photo(upload)
            except ValidationError as error:
                problems.extend(f"{upload.name}: {message}" for message in error.messages)
        if problems:
            errors["photos"] = problems
    if errors:
        raise ValidationError(errors)
    report = MonitoringReport.objects.create(
        proposal=proposal,
        milestone=milestone,
        author_kind=MonitoringReport.AuthorKind.CITIZEN if citizen else MonitoringReport.AuthorKind.NGO,
        author=None if citizen else user,
        reporter_hash=citizen.voter_hash if citizen else "",
        author_name=name[:150],
        organisation="" if citizen else (organisation or "").strip()[:255],
        rating=rating,
        body=body,
        language=language,
    )
    for upload in photos:
        store_photo(
            proposal=proposal,
            upload=upload,
            milestone=milestone,
            report=report,
            user=None if citizen else user,
            collection=PHOTO_COLLECTION,
        )
    return report


@transaction.atomic
def hide_report(
    *,
    report: MonitoringReport,
    user,
    reason: str = "",
    reason_kk: str = "",
    reason_ru: str = "",
    language: str | None = None,
) -> MonitoringReport:
    """Hide a report; the public sees when it was hidden and why, not its text or photos. The reason in kk and/or
    ru, or one `reason` in `language` (None: the language its letters are in): home/people_text.py."""
    permissions.require(user, permissions.may_hide_reports)
    reasons = written("hidden_reason", {"": reason or "", "kk": reason_kk, "ru": reason_ru}, language)
    if not reasons["hidden_reason"]:
        raise ValidationError({"reason": _("Give a public reason for hiding the report.")})
    report.hide(by=user, reasons=reasons)
    return report


@transaction.atomic
def unhide_report(*, report: MonitoringReport, user) -> MonitoringReport:
    """Publish a hidden report again (a moderator's mistake, or the problem was fixed)."""
    permissions.require(user, permissions.may_hide_reports)
    report.unhide()
    return report


def answerable_by(user):
    """The reports `user` may answer."""
    reports = MonitoringReport.objects.all()
    if not permissions.may_answer_reports(user):
        return reports.none()
    if user.is_superuser:
        return reports
    return reports.filter(milestone__responsible_body__members=user)


@transaction.atomic
def answer_report(*, report: MonitoringReport, user, answer: str, language: str | None = None) -> MonitoringReport:
    """The official answer of the responsible body, published under the report; the author and followers are told.
    The language it is written in is read from its letters (the admin has no Kazakh screens, so the language of the
    request says little); `language` (else the active language) when they do not tell."""
    report = MonitoringReport.objects.select_for_update().select_related("milestone").get(pk=report.pk)
    if not permissions.may_answer_report(user, report):
        raise PermissionDenied
    if not (answer or "").strip():
        raise ValidationError({"answer": _("Write the answer.")})
    report.answer = answer.strip()
    report.answer_language = guess_language(report.answer, short(language or get_language()) or "kk")
    report.answered_by, report.answered_by_name = user, display_name(user)
    report.answered_for = report.milestone.responsible_body
    report.answered_at = timezone.now()
    report.save(
        update_fields=["answer", "answer_language", "answered_by", "answered_by_name", "answered_for", "answered_at"]
    )
    from .notifications import notify_report_answered

    transaction.on_commit(lambda: notify_report_answered(report))
    return report
