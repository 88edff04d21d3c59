"""Cycles: the schedule of a running cycle (its public log of changes, closing voting early), and the section
they live in."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from wagtail.models import Locale, Page, Site

from home.models import HomePage
from home.people_text import written
from pb_module import permissions
from pb_module.models import CyclePhase, CycleScheduleChange, PBCyclePage, PBIndexPage, ScheduleChangeKind
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


PB_SECTION_SLUG = "participatory-budget"


@transaction.atomic
def pb_section(locale: Locale) -> PBIndexPage:
    """The participatory-budget section in `locale`, made where the site has none, so that a cycle always has a
    place (a pabulib import on a database that is only migrated, a new language).

    It goes under the home page in `locale`. A home page in another language is translated first (Wagtail's
    `copy_for_translation`, the draft then published, as wagtail-localize does); a site without any home page
    gets one under the root, and the default site is pointed at it when its root is not a home page (the
    placeholder page of a new Wagtail site). Titles are the interface's words in `locale`; editors rename them.
    """
    index = PBIndexPage.objects.filter(locale=locale).first()
    if index is not None:
        return index
    with translation.override(locale.language_code):
        home = HomePage.objects.filter(locale=locale).order_by("depth", "path").first()
        if home is None:
            other = HomePage.objects.order_by("depth", "path").first()
            if other is not None:
                home = other.copy_for_translation(locale)
            else:
                home = HomePage(title="Qatysu", slug=f"home-{locale.language_code}", locale=locale)
                Page.get_first_root_node().add_child(instance=home)
            home.save_revision().publish()
            site = Site.objects.filter(is_default_site=True).first()
            if site is None:
                Site.objects.create(hostname="localhost", root_page=home, is_default_site=True)
            elif not isinstance(site.root_page.specific, HomePage):
                site.root_page = home
                site.save(update_fields=["root_page"])
        index = PBIndexPage(title=_("Participatory budget cycles"), slug=PB_SECTION_SLUG, show_in_menus=True)
        home.add_child(instance=index)
        index.save_revision().publish()
    return index
