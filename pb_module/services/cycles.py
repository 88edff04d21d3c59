"""The schedule of a running cycle: its public log of changes, and closing voting early."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from home.people_text import written
from pb_module import permissions
from pb_module.models import CyclePhase, CycleScheduleChange, PBCyclePage, ScheduleChangeKind
from pb_module.roles import display_name, role_of
from pb_module.rules import freeze
from pb_module.rules.phases import Phase, PhaseDates
from pb_module.signals import forget_cached_cycle


def _actor(user) -> dict:
    if user is None:
        return {"changed_by": None, "actor_name": "", "actor_role": ""}
    return {"changed_by": user, "actor_name": display_name(user), "actor_role": role_of(user)}


def record_schedule_changes(
    cycle: PBCyclePage, before: list[PhaseDates], after: list[PhaseDates], *, user=None, reason: str = ""
) -> list[CycleScheduleChange]:
    """Log every phase of a running `cycle` (source language) that was added, removed or moved."""
    if not cycle.is_source or not freeze.has_started(before, timezone.localdate()):
        return []
    now = timezone.now()
    rows = []
    for phase, old, new in freeze.phase_changes(before, after):
        kind = (
            ScheduleChangeKind.ADDED
            if old is None
            else ScheduleChangeKind.REMOVED
            if new is None
            else ScheduleChangeKind.CHANGED
        )
        rows.append(
            CycleScheduleChange(
                cycle=cycle,
                phase=phase,
                kind=kind,
                old_starts_on=old.starts_on if old else None,
                old_ends_on=old.ends_on if old else None,
                new_starts_on=new.starts_on if new else None,
                new_ends_on=new.ends_on if new else None,
                reason=reason.strip(),
                reason_language=cycle.locale.language_code,
                changed_at=now,
                **_actor(user),
            )
        )
    return CycleScheduleChange.objects.bulk_create(rows)


def close_problem(cycle: PBCyclePage) -> str | None:
    """Why voting in `cycle` cannot be closed early now (translated), or None when it can."""
    from pb_module.selectors.voting import voting_open

    if not voting_open(cycle.canonical()):
        return _("Voting in this cycle is not open now: there is nothing to close.")
    return None


@transaction.atomic
def close_voting_early(
    *,
    cycle: PBCyclePage,
    user,
    reason: str = "",
    language: str | None = None,
    reason_kk: str = "",
    reason_ru: str = "",
) -> CycleScheduleChange:
    """End voting today, for good, with a public reason: no ballot is taken after this, and it never reopens.

    The voting phase ends today on every language version, `voting_closed_at` is set, and the public log
    on the cycle page says who closed it, when, and why. The count can be previewed and published at once.
    """
    permissions.require(user, permissions.may_close_voting_early)
    cycle = PBCyclePage.objects.select_for_update().get(pk=cycle.canonical().pk)
    reasons = written("reason", {"": reason or "", "kk": reason_kk, "ru": reason_ru}, language)
    if not reasons["reason"]:
        raise ValidationError(
            {"reason": [ValidationError(_("Say why voting closes early: the reason is shown publicly."), "reason")]}
        )
    if problem := close_problem(cycle):
        raise ValidationError(problem, code="not_open")
    now, today = timezone.now(), timezone.localdate()
    voting = freeze.voting_of(cycle.phase_dates)
    PBCyclePage.objects.filter(pk=cycle.pk).update(voting_closed_at=now)
    CyclePhase.objects.filter(cycle=cycle, phase=Phase.VOTING).update(ends_on=today)
    cycle.share_facts()  # every language version: the same end, closed early
    change = CycleScheduleChange.objects.create(
        cycle=cycle,
        phase=Phase.VOTING,
        kind=ScheduleChangeKind.CLOSED_EARLY,
        old_starts_on=voting.starts_on,
        old_ends_on=voting.ends_on,
        new_starts_on=voting.starts_on,
        new_ends_on=today,
        **reasons,
        changed_at=now,
        **_actor(user),
    )
    transaction.on_commit(lambda: forget_cached_cycle(cycle))
    return change
