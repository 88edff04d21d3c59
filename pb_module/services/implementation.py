"""The verbs of implementation tracking: milestones, their photos, and the proposal status that follows them.

The overall progress is never stored: `progress_of` derives it from the milestones (rules.implementation). The
proposal's status (in implementation, stalled, completed) is moved by `sync_implementation` through the public
status log whenever a milestone changes, and daily by `manage.py pb_check_implementation` for stalled work.
"""

import io
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.images import ImageFile
from django.db import transaction
from django.template.defaultfilters import filesizeformat
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from PIL import Image as PILImage
from PIL import UnidentifiedImageError
from wagtail.images import get_image_model
from wagtail.models import Collection

from pb_module.models import ImplementationPhoto, Milestone, Proposal, ProposalStatusChange
from pb_module.rules import implementation as rules
from pb_module.rules.statuses import Status

from .proposals import require_permission

# Statuses in which the work on a proposal is tracked (milestones, reports, progress).
TRACKED = frozenset({Status.IN_IMPLEMENTATION, Status.STALLED, Status.COMPLETED})
# Where a proposal may get milestones: once selected (the work is being planned) and after.
PLANNABLE = TRACKED | {Status.SELECTED}

PHOTO_FORMATS = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp"}
PHOTO_MAX_PIXELS = 40_000_000

MILESTONE_MESSAGES = {
    ("percent", "out_of_range"): gettext_lazy("Enter a percentage from 0 to 100."),
    ("weight", "not_positive"): gettext_lazy("The weight must be a whole number of at least 1."),
    ("planned_end", "before_start"): gettext_lazy("The planned end cannot be before the planned start."),
    ("actual_end", "before_start"): gettext_lazy("The actual end cannot be before the actual start."),
    ("percent", "done_below_100"): gettext_lazy("A milestone that is done is 100% complete."),
    ("status", "complete_not_done"): gettext_lazy("A milestone that is 100% complete is done: choose “done”."),
    ("actual_end", "not_done"): gettext_lazy("Only a milestone that is done has an actual end."),
}


def milestone_errors(milestone: rules.Milestone) -> dict[str, list[str]]:
    """The translated problems of a milestone, by field (empty when there are none)."""
    errors: dict[str, list[str]] = {}
    for field, code in rules.milestone_problems(milestone):
        errors.setdefault(field, []).append(str(MILESTONE_MESSAGES[(field, code)]))
    return errors


@dataclass(frozen=True)
class Progress:
    percent: int | None  # None: no milestones yet
    state: rules.Implementation
    last_moved: object  # date | None
    spent: int
    milestones: list


def started_on(proposal: Proposal):
    """The day the work started: when the proposal went into implementation (None if it has not)."""
    change = proposal.status_changes.filter(to_status=Status.IN_IMPLEMENTATION).order_by("changed_at", "pk").first()
    return timezone.localdate(change.changed_at) if change else None


def progress_of(proposal: Proposal, today=None, milestones=None) -> Progress:
    """The overall progress of `proposal`, derived from its milestones."""
    milestones = list(proposal.milestones.all() if milestones is None else milestones)
    facts = [m.as_rule() for m in milestones]
    stalled_after = proposal.cycle.specific.stalled_after_days
    start = started_on(proposal)
    return Progress(
        percent=rules.overall_progress(facts),
        state=rules.implementation_state(facts, today or timezone.localdate(), start, stalled_after),
        last_moved=rules.last_moved(facts, start),
        spent=sum(m.spent for m in milestones),
        milestones=milestones,
    )


def check_photo(upload):
    """Refuse anything but a JPEG, PNG or WebP photo of at most PB_MAX_ATTACHMENT_BYTES (by content, not name)."""
    limit = settings.PB_MAX_ATTACHMENT_BYTES
    message = _("Attach a JPEG, PNG or WebP photo of at most %(size)s.") % {"size": filesizeformat(limit)}
    if upload.size > limit:
        raise ValidationError(message, code="photo_too_large")
    try:
        upload.seek(0)
        with PILImage.open(upload) as picture:
            picture.verify()
            kind = picture.format
            width, height = picture.size
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, PILImage.DecompressionBombError):
        raise ValidationError(message, code="not_an_image") from None
    finally:
        upload.seek(0)
    if kind not in PHOTO_FORMATS or width * height > PHOTO_MAX_PIXELS:
        raise ValidationError(message, code="not_an_image")
    return upload


def _clean_copy(upload):
    """The photo re-encoded without its metadata (EXIF may hold the place and the phone it was taken with)."""
    upload.seek(0)
    with PILImage.open(upload) as picture:
        kind = picture.format
        picture = picture.convert("RGBA" if kind == "PNG" and picture.mode in ("RGBA", "LA", "P") else "RGB")
        picture.thumbnail((2400, 2400))
        out = io.BytesIO()
        picture.save(out, format=kind, quality=85)
    out.seek(0)
    return out, PHOTO_FORMATS[kind]


def photo_collection(name: str = "Implementation") -> Collection:
    root = Collection.get_first_root_node()
    existing = root.get_children().filter(name=name).first()
    return existing or root.add_child(name=name)


def store_photo(
    *,
    proposal: Proposal,
    upload,
    kind=ImplementationPhoto.Kind.PROGRESS,
    milestone=None,
    report=None,
    user=None,
    caption: dict | None = None,
    taken_on=None,
    collection: str = "Implementation",
) -> ImplementationPhoto:
    """Check `upload`, store it (without metadata) as a Wagtail image and attach it to the proposal."""
    check_photo(upload)
    data, extension = _clean_copy(upload)
    caption = caption or {}
    title = next((c for c in caption.values() if c), "") or f"{proposal} — {kind}"
    image = get_image_model()(
        title=title[:255],
        file=ImageFile(data, name=f"proposal-{proposal.pk}.{extension}"),
        collection=photo_collection(collection),
        uploaded_by_user=user,
    )
    image.save()
    return ImplementationPhoto.objects.create(
        proposal=proposal,
        milestone=milestone,
        report=report,
        image=image,
        kind=kind,
        taken_on=taken_on,
        **{f"caption_{code}": (caption.get(code) or "")[:255] for code in ("kk", "ru", "en")},
    )


def may_update(user, proposal: Proposal, milestone: Milestone | None = None) -> bool:
    """Moderators and editors with the permission update any milestone; members of a responsible body theirs."""
    if user is None or not user.is_active:
        return False
    if user.has_perm("pb_module.change_milestone"):
        return True
    body = milestone.responsible_body_id if milestone else None
    return body is not None and user.responsible_bodies.filter(pk=body).exists()


@transaction.atomic
def save_milestone(*, milestone: Milestone, user, photos=(), photo_kind=ImplementationPhoto.Kind.PROGRESS) -> Milestone:
    """Create or update a milestone after the rules' checks; moves the proposal's status when it must.

    `photos` are uploads; every one is checked before anything is written, so a bad photo saves nothing.
    """
    proposal = Proposal.objects.select_for_update().get(pk=milestone.proposal_id)
    previous = Milestone.objects.filter(pk=milestone.pk).first() if milestone.pk else None
    if not may_update(user, proposal, previous or milestone):
        require_permission(user, "change_milestone")
    if proposal.status not in PLANNABLE:
        raise ValidationError(
            _("Milestones are kept only for proposals that were selected for funding."), code="not_funded"
        )
    errors = milestone_errors(milestone.as_rule())
    if not any(getattr(milestone, f"title_{code}").strip() for code in ("kk", "ru", "en")):
        errors.setdefault("title_kk", []).append(_("Give the milestone a title in at least one language."))
    photo_errors = []
    for upload in photos:
        try:
            check_photo(upload)
        except ValidationError as error:
            photo_errors.extend(error.messages)
    if photo_errors:
        errors.setdefault("photos", []).extend(dict.fromkeys(photo_errors))
    if errors:
        raise ValidationError(errors)
    moved = previous is None or (previous.status, previous.percent) != (milestone.status, milestone.percent)
    if moved:
        milestone.moved_on = timezone.localdate()
    milestone.save()
    for upload in photos:
        store_photo(proposal=proposal, upload=upload, kind=photo_kind, milestone=milestone, user=user)
    if moved and previous is not None:
        from .notifications import notify_milestone_moved

        transaction.on_commit(lambda: notify_milestone_moved(milestone, previous.status, previous.percent))
    sync_implementation(proposal, user=user)
    return milestone


SYSTEM_ACTOR = "Qatysu"


@transaction.atomic
def sync_implementation(proposal: Proposal, user=None, today=None) -> ProposalStatusChange | None:
    """Move a proposal in implementation to completed or stalled (and a stalled one back) as its milestones say.

    The move is written to the public log like any other, with the reason; followers are told.
    """
    from .proposals import record_status_change

    proposal = Proposal.objects.select_for_update().get(pk=proposal.pk)
    if proposal.status not in (Status.IN_IMPLEMENTATION, Status.STALLED):
        return None
    progress = progress_of(proposal, today=today)
    target = Status(progress.state.value)
    if target == proposal.status:
        return None
    reasons = {
        Status.COMPLETED: _("Every milestone is done."),
        Status.STALLED: _("No milestone has moved for more than %(days)s days.")
        % {"days": proposal.cycle.specific.stalled_after_days},
        Status.IN_IMPLEMENTATION: _("A milestone has moved again."),
    }
    return record_status_change(proposal, target, reason=reasons[target], user=user, system=user is None)
