"""The verbs of implementation tracking: milestones, their photos, and the proposal status that follows them.

The overall progress is never stored: `selectors.implementation.progress_of` derives it from the milestones
(rules.implementation). The proposal's status (in implementation, stalled, completed) is moved by
`sync_implementation` through the public status log whenever a milestone changes, and daily by
`manage.py pb_check_implementation` for stalled work.
"""

import io

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.images import ImageFile
from django.db import transaction
from django.template.defaultfilters import filesizeformat
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from PIL import Image as PILImage
from PIL import ImageOps, UnidentifiedImageError
from wagtail.images import get_image_model
from wagtail.models import Collection

from pb_module import permissions, roles
from pb_module.models import ImplementationPhoto, Milestone, Proposal, ProposalStatusChange
from pb_module.rules import implementation as rules
from pb_module.rules.statuses import TRACKED, Status
from pb_module.selectors.implementation import progress_of
from pb_module.vocabulary import AUTOMATIC_REASONS, MILESTONE_MESSAGES

# Where a proposal may get milestones: once selected (the work is being planned) and after.
PLANNABLE = TRACKED | {Status.SELECTED}

PHOTO_FORMATS = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp"}
PHOTO_MAX_PIXELS = 40_000_000


def milestone_errors(milestone: rules.Milestone) -> dict[str, list[str]]:
    """The translated problems of a milestone, by field (empty when there are none)."""
    errors: dict[str, list[str]] = {}
    for field, code in rules.milestone_problems(milestone):
        errors.setdefault(field, []).append(str(MILESTONE_MESSAGES[(field, code)]))
    return errors


def _photo_message():
    limit = settings.PB_MAX_ATTACHMENT_BYTES
    return _("Attach a JPEG, PNG or WebP photo of at most %(size)s.") % {"size": filesizeformat(limit)}


def check_photo(upload):
    """Refuse anything but a JPEG, PNG or WebP photo of at most PB_MAX_ATTACHMENT_BYTES (by content, not name)."""
    if upload.size > settings.PB_MAX_ATTACHMENT_BYTES:
        raise ValidationError(_photo_message(), code="photo_too_large")
    try:
        upload.seek(0)
        with PILImage.open(upload) as picture:
            picture.verify()
            kind = picture.format
            width, height = picture.size
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, PILImage.DecompressionBombError):
        raise ValidationError(_photo_message(), code="not_an_image") from None
    finally:
        upload.seek(0)
    if kind not in PHOTO_FORMATS or width * height > PHOTO_MAX_PIXELS:
        raise ValidationError(_photo_message(), code="not_an_image")
    return upload


def _clean_copy(upload):
    """The photo re-encoded without its metadata (EXIF may hold the place and the phone it was taken with), turned
    upright first: phones store the rotation in the EXIF that is dropped."""
    upload.seek(0)
    with PILImage.open(upload) as original:
        kind = original.format
        picture = ImageOps.exif_transpose(original)
        picture = picture.convert("RGBA" if kind != "JPEG" and picture.mode in ("RGBA", "LA", "P", "PA") else "RGB")
        picture.thumbnail((2400, 2400))
        out = io.BytesIO()
        picture.save(out, format=kind, quality=85)
    upload.seek(0)
    out.seek(0)
    return out, PHOTO_FORMATS[kind]


def prepare_photo(upload):
    """Check `upload` and decode it completely (`verify` does not decode the pixels: a truncated file passes it);
    returns the clean copy and its extension, or raises the one message for a bad photo."""
    check_photo(upload)
    try:
        return _clean_copy(upload)
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, PILImage.DecompressionBombError):
        raise ValidationError(_photo_message(), code="not_an_image") from None


def photo_collection(name: str = roles.PHOTO_COLLECTION) -> Collection:
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
    prepared = prepare_photo(upload)
    return _store_prepared(
        prepared,
        proposal=proposal,
        kind=kind,
        milestone=milestone,
        report=report,
        user=user,
        caption=caption,
        taken_on=taken_on,
        collection=collection,
    )


def _store_prepared(
    prepared, *, proposal, kind, milestone=None, report=None, user=None, caption=None, taken_on=None, collection
):
    data, extension = prepared
    caption = caption or {}
    title = next((c for c in caption.values() if c), "") or f"{proposal} — {ImplementationPhoto.Kind(kind).label}"
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


@transaction.atomic
def save_milestone(*, milestone: Milestone, user, photos=(), photo_kind=ImplementationPhoto.Kind.PROGRESS) -> Milestone:
    """Create or update a milestone after the rules' checks; moves the proposal's status when it must.

    `photos` are uploads; every one is checked (and decoded) before anything is written, so a bad photo saves
    nothing. A member of a responsible body may update that body's milestones but not hand them to another body.
    """
    proposal = Proposal.objects.select_for_update().get(pk=milestone.proposal_id)
    previous = Milestone.objects.filter(pk=milestone.pk).first() if milestone.pk else None
    if previous is None:
        allowed = permissions.may_plan_milestones(user)
    else:
        allowed = previous.proposal_id == milestone.proposal_id and permissions.may_update_milestone(user, previous)
        if allowed and not permissions.may_change_any_milestone(user):
            allowed = milestone.responsible_body_id == previous.responsible_body_id
    if not allowed:
        raise PermissionDenied
    if proposal.status not in PLANNABLE:
        raise ValidationError(
            _("Milestones are kept only for proposals that were selected for funding."), code="not_funded"
        )
    errors = milestone_errors(milestone.as_rule())
    if proposal.status == Status.COMPLETED and milestone.status != rules.MilestoneStatus.DONE:
        # "Completed" is final: a milestone that is not done would contradict it in the public log.
        errors.setdefault("status", []).append(_("The work on this proposal is completed: its milestones stay done."))
    if not any(getattr(milestone, f"title_{code}").strip() for code in ("kk", "ru", "en")):
        errors.setdefault("title_kk", []).append(_("Give the milestone a title in at least one language."))
    prepared, photo_errors = [], []
    for upload in photos:
        try:
            prepared.append(prepare_photo(upload))
        except ValidationError as error:
            photo_errors.extend(error.messages)
    if photo_errors:
        errors.setdefault("photos", []).extend(dict.fromkeys(photo_errors))
    if errors:
        raise ValidationError(errors)
    moved = previous is None or (previous.status, previous.percent) != (milestone.status, milestone.percent)
    if moved:
        milestone.moved_on = timezone.localdate()
    elif previous is not None:
        milestone.moved_on = previous.moved_on  # the form does not carry it
    milestone.save()
    for photo in prepared:
        _store_prepared(
            photo, proposal=proposal, kind=photo_kind, milestone=milestone, user=user, collection="Implementation"
        )
    if moved and previous is not None:
        from .notifications import notify_milestone_moved

        transaction.on_commit(lambda: notify_milestone_moved(milestone, previous.status, previous.percent))
    # Only marking an open milestone done completes the work at once: milestones entered as done when the work is
    # planned (the design, finished before) would otherwise complete it - a final status - before the rest is entered.
    # The daily check completes a proposal whose milestones were all entered as done.
    finished = previous is not None and previous.status != rules.MilestoneStatus.DONE
    sync_implementation(proposal, user=user, complete=finished and milestone.status == rules.MilestoneStatus.DONE)
    return milestone


@transaction.atomic
def delete_photo(*, photo: ImplementationPhoto, user) -> None:
    """Remove a milestone's photo and its Wagtail image (by whoever may update that milestone)."""
    if photo.milestone is None or not permissions.may_update_milestone(user, photo.milestone):
        raise PermissionDenied
    image = photo.image
    photo.delete()
    image.delete()


SYSTEM_ACTOR = "Qatysu"


@transaction.atomic
def sync_implementation(proposal: Proposal, user=None, today=None, complete=True) -> ProposalStatusChange | None:
    """Move a proposal in implementation to completed or stalled (and a stalled one back) as its milestones say.

    The move is written to the public log like any other, with the reason; followers are told. `complete=False`:
    all milestones done does not complete it now (it is stalled or in implementation as its last move says).
    """
    from .proposals import record_status_change

    proposal = Proposal.objects.select_for_update().get(pk=proposal.pk)
    if proposal.status not in (Status.IN_IMPLEMENTATION, Status.STALLED):
        return None
    progress = progress_of(proposal, today=today)
    state = progress.state
    if state == rules.Implementation.COMPLETED and not complete:
        stalled_after = proposal.cycle.specific.stalled_after_days
        state = rules.implementation_state([], today or timezone.localdate(), progress.last_moved, stalled_after)
    target = Status(state.value)
    if target == proposal.status:
        return None
    # The log keeps the reason in the site's language; pages and mails show it in the reader's (reason_code).
    codes = {Status.COMPLETED: "all_done", Status.STALLED: "no_movement", Status.IN_IMPLEMENTATION: "moved_again"}
    code = codes[target]
    days = proposal.cycle.specific.stalled_after_days
    with translation.override(settings.LANGUAGE_CODE):
        reason = AUTOMATIC_REASONS[code] % {"days": days}
    return record_status_change(
        proposal, target, reason=reason, user=user, system=user is None, reason_code=code, reason_days=days
    )
