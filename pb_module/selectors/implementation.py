"""What the public pages and the admin read of the work on a funded proposal: its progress, derived from the
milestones (never stored), its photos with their renditions, and the implementation section of the proposal page."""

from dataclasses import dataclass

from django.utils import timezone
from wagtail.images import get_image_model
from wagtail.images.models import Filter

from pb_module.models import ImplementationPhoto, Proposal
from pb_module.models.implementation import in_language, text_language
from pb_module.rules import implementation as rules
from pb_module.rules.statuses import TRACKED, Status
from pb_module.vocabulary import PHOTO_ALT


@dataclass(frozen=True)
class Progress:
    percent: int | None  # None: no milestones yet
    state: rules.Implementation
    last_moved: object  # date | None
    spent: int
    milestones: list


def started_on(proposal: Proposal, log=None):
    """The day the work started: when the proposal went into implementation (None if it has not). `log`: its status
    changes in their order (`status_changes.all()`), when already read."""
    if log is not None:
        change = next((c for c in log if c.to_status == Status.IN_IMPLEMENTATION), None)
    else:
        changes = proposal.status_changes.filter(to_status=Status.IN_IMPLEMENTATION)
        change = changes.order_by("changed_at", "pk").first()
    return timezone.localdate(change.changed_at) if change else None


def progress_of(proposal: Proposal, today=None, milestones=None, log=None) -> Progress:
    """The overall progress of `proposal`, derived from its milestones."""
    milestones = list(proposal.milestones.all() if milestones is None else milestones)
    facts = [m.as_rule() for m in milestones]
    stalled_after = proposal.cycle.specific.stalled_after_days
    start = started_on(proposal, log)
    return Progress(
        percent=rules.overall_progress(facts),
        state=rules.implementation_state(facts, today or timezone.localdate(), start, stalled_after),
        last_moved=rules.last_moved(facts, start),
        spent=sum(m.spent for m in milestones),
        milestones=milestones,
    )


# The rendition of a photo on the proposal page (prefetched with the photos: one query for all of them).
PUBLIC_PHOTO_SPEC = "max-800x600"


@dataclass(frozen=True)
class PublicImplementation:
    progress: Progress
    photo_groups: list  # [(label, kind, [photos])]: before, during, after; only kinds that have photos


def proposal_photos(proposal: Proposal, *specs) -> list[ImplementationPhoto]:
    """Every photo of the proposal (of its milestones and of its monitoring reports) with its image, and with the
    renditions `specs` of it when `specs` are given: two queries, whatever the number of photos."""
    photos = list(ImplementationPhoto.objects.filter(proposal=proposal).select_related("milestone", "image"))
    if specs:
        prefetch_renditions([photo.image for photo in photos], specs)
    return photos


def prefetch_renditions(images, specs) -> None:
    """Read the renditions `specs` of `images` in one query, where `image.get_rendition` looks first."""
    images = [image for image in images if image is not None]
    if not images:
        return
    filters = [Filter(spec) for spec in specs]
    found: dict[int, list] = {image.pk: [] for image in images}
    renditions = (
        get_image_model()
        .get_rendition_model()
        .objects.filter(image_id__in=found, filter_spec__in=[f.spec for f in filters])
    )
    for rendition in renditions:
        found[rendition.image_id].append(rendition)
    for image in images:
        for rendition in found[image.pk]:
            rendition.image = image  # the rendition's URL and size are read without fetching the image again
        image.prefetched_renditions = found[image.pk]


def public_implementation(proposal: Proposal, log=None, photos=None) -> PublicImplementation | None:
    """What the proposal page shows of the work (None when there is nothing to show): the progress, the milestones
    with their bodies, and the photos of the milestones by kind, each with its alt text. A fixed number of queries.
    `log` (the status changes, in order) and `photos` (`proposal_photos`) when already read."""
    milestones = list(proposal.milestones.select_related("responsible_body"))
    if not milestones and proposal.status not in TRACKED:
        return None
    for milestone in milestones:
        body = milestone.responsible_body
        milestone.body_name = in_language(body, "name") if body else ""
        milestone.body_language = text_language(body, "name") if body else ""
    if photos is None:
        photos = proposal_photos(proposal, PUBLIC_PHOTO_SPEC)
    groups = {kind: [] for kind in ImplementationPhoto.Kind}
    for photo in (photo for photo in photos if photo.report_id is None):
        about = photo.milestone.title if photo.milestone else str(proposal)
        photo.alt_text = photo.caption or PHOTO_ALT[ImplementationPhoto.Kind(photo.kind)] % {"title": about}
        photo.alt_language = photo.caption_language if photo.caption else ""  # "": the reader's language
        groups[ImplementationPhoto.Kind(photo.kind)].append(photo)
    return PublicImplementation(
        progress=progress_of(proposal, milestones=milestones, log=log),
        photo_groups=[(kind.label, kind.value, items) for kind, items in groups.items() if items],
    )
