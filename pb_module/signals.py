from contextlib import contextmanager
from contextvars import ContextVar

from django.conf import settings
from django.core.cache import cache
from django.db.models.signals import post_delete, pre_save
from django.dispatch import Signal, receiver
from wagtail.signals import page_published, page_unpublished

from home import page_cache

from .models import (
    Ballot,
    BallotItem,
    CouncilComposition,
    CyclePhase,
    CycleScheduleChange,
    ExpertReview,
    ImplementationPhoto,
    MeetingDocument,
    MeetingPage,
    MeetingPhoto,
    MeetingProposal,
    Milestone,
    MonitoringReport,
    MrpRate,
    NationalOverviewPage,
    PBCyclePage,
    ProgressStoryPage,
    Proposal,
    ProposalAttachment,
    ProposalComment,
    ProposalFollower,
    ProposalPage,
    ProposalStatusChange,
    ProposalTag,
    Receipt,
    Registration,
    ResponsibleBody,
    StaffTerritory,
    TallyResult,
    Territory,
    VerificationChallenge,
)

# A batch of many changes (an import of an election, the demo): a receiver that would act after every save (the
# catalogue rewriting a page's rows) collects what changed instead, and acts once when the batch ends.
batch_finished = Signal()  # sent with `collected`: {receiver's key: set of what it collected}
_batch: ContextVar[dict | None] = ContextVar("pb_batch", default=None)


@contextmanager
def batch():
    """Within: receivers that take part (`in_batch`) collect; at its end `batch_finished` is sent once, so they act
    on everything at once, to the same end state. Nothing is sent when the block raises (its transaction rolls
    back). Nested, the outer batch sends."""
    if _batch.get() is not None:
        yield
        return
    token = _batch.set({})
    try:
        yield
        collected = _batch.get()
    finally:
        _batch.reset(token)
    batch_finished.send(sender=None, collected=collected)


def in_batch(key: str) -> set | None:
    """The set a receiver collects into under `key` while a batch is on; None when there is no batch."""
    collected = _batch.get()
    return None if collected is None else collected.setdefault(key, set())


def forget_cached_cycle(cycle: PBCyclePage) -> None:
    """The API keeps cycles for a few seconds; a published change must be seen at once."""
    # Every language version: the API caches the source cycle under the id of each.
    pks = {cycle.pk, cycle.canonical().pk} | set(
        PBCyclePage.objects.filter(translation_key=cycle.translation_key).values_list("pk", flat=True)
    )
    cache.delete_many(
        [f"pb:api:cycle:{pk}" for pk in pks]
        + [f"pb:api:cycle-data:{pk}:{code}" for pk in pks for code, _name in settings.LANGUAGES]
    )


@receiver(page_published, sender=PBCyclePage)
def share_published_facts(sender, instance, **kwargs):
    """Phases, dates, budget, territory, ballot settings, tally rule and results state: one truth in every language.

    Publishing the source-language page writes them to every translation in the same transaction.
    """
    if instance.is_source:
        instance.share_facts()


@receiver(page_published, sender=PBCyclePage)
def forget_published_cycle(sender, instance, **kwargs):
    forget_cached_cycle(instance)


@receiver(pre_save, sender=PBCyclePage)
def remember_phases_before(sender, instance, update_fields=None, **kwargs):
    """The phases as they were, so that publishing can log what changed (the page's children are written after)."""
    if instance.pk and (update_fields is None or "phases" in update_fields):
        instance._phases_before = instance.stored_phases()


@receiver(page_published, sender=PBCyclePage)
def log_schedule_changes(sender, instance, revision=None, **kwargs):
    """Every change to the phases of a running cycle goes to the public log: who, when, old -> new, why."""
    before = getattr(instance, "_phases_before", None)
    if before is None:
        return
    from .services.cycles import record_schedule_changes

    del instance._phases_before
    user = getattr(revision, "user", None)
    record_schedule_changes(instance, before, instance.stored_phases(), user=user, reason=instance.phase_change_reason)


# The anonymous page cache (home/page_cache.py): which saved rows purge which pages.
def _pages_of_proposal(row, created):
    """Its page in every language, and the progress stories about it (they show its milestones); for the proposal
    itself also the national overview (its status counts in the share of completed projects)."""
    proposal_id = row.pk if isinstance(row, Proposal) else row.proposal_id
    stories = ProgressStoryPage.objects.filter(projects=proposal_id)
    overview = NationalOverviewPage.objects.all() if isinstance(row, Proposal) else []
    return [*ProposalPage.objects.filter(proposal_id=proposal_id), *stories, *overview]


@receiver(page_published, sender=ProgressStoryPage)
@receiver(page_unpublished, sender=ProgressStoryPage)
def _story_changed(sender, instance, **kwargs):
    """A story is shown on the pages of the projects it is about, before and after an edit: the whole cycle."""
    page_cache.touch_pages([instance.get_parent()])


def _cycle_of(row, created):
    return PBCyclePage.objects.filter(pk=row.cycle_id)  # its language versions, proposals, results and listings


def _cycle_and_overview(row, created):
    """A published result is on its cycle's pages and in the national overview's figures by region."""
    return [*_cycle_of(row, created), *NationalOverviewPage.objects.all()]


def _overview(row, created):
    return NationalOverviewPage.objects.all()


for _model in (
    Proposal,
    ProposalStatusChange,
    ProposalComment,
    ProposalAttachment,
    ExpertReview,
    Milestone,
    MonitoringReport,
    ImplementationPhoto,
):
    page_cache.watch(_model, _pages_of_proposal)
page_cache.watch(TallyResult, _cycle_and_overview)
page_cache.watch(CycleScheduleChange, _cycle_of)
page_cache.watch(CouncilComposition, _overview)


def _meeting_of(row, created):
    """A registration changes the places left, shown on the meeting's page in every language."""
    return MeetingPage.objects.filter(translation_key=row.meeting.translation_key)


page_cache.watch(Registration, _meeting_of)


@receiver(page_published, sender=MeetingPage)
@receiver(page_unpublished, sender=MeetingPage)
@receiver(post_delete, sender=MeetingPage)
def _meeting_changed(sender, instance, **kwargs):
    """The proposals on a meeting's agenda show it ("discussed at", with the outcome): their count of meetings is
    counted again (every proposal on an agenda, or counted before: one taken off an agenda too) and their pages
    change."""
    from django.db.models import Count, Q

    counted = Proposal.objects.filter(Q(meeting_count__gt=0) | Q(meetings__isnull=False)).distinct()
    live = Count("meetings__page__translation_key", filter=Q(meetings__page__live=True), distinct=True)
    changed = []
    for proposal in counted.annotate(live=live):
        if proposal.meeting_count != proposal.live:
            Proposal.objects.filter(pk=proposal.pk).update(meeting_count=proposal.live)
            changed.append(proposal.pk)
    touched = set(changed) | set(instance.discussed.values_list("proposal_id", flat=True))
    page_cache.touch_pages(list(ProposalPage.objects.filter(proposal_id__in=touched)))


for _model in (Territory, MrpRate, ResponsibleBody):
    page_cache.watch(_model, page_cache.everywhere)  # a place's name, a cap in tenge, a body's name: on many pages
page_cache.NOT_WATCHED.update(
    {
        Ballot: "no public page shows ballots; results are published by a TallyResult",
        BallotItem: "no public page shows ballots; results are published by a TallyResult",
        Receipt: "checked on /pb/receipts/, which is never cached",
        VerificationChallenge: "one-time codes, never shown",
        ProposalFollower: "followers are shown on no public page",
        ProposalTag: "written with its proposal page, which is published",
        CyclePhase: "written with its cycle, which is published (closing early also logs a CycleScheduleChange)",
        StaffTerritory: "which place a staff member's dashboard lists: the admin only",
        MeetingProposal: "written with its meeting page, which is published (and then purges the proposals' pages)",
        MeetingPhoto: "written with its meeting page, which is published",
        MeetingDocument: "written with its meeting page, which is published",
    }
)
