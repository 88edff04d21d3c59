import functools

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Locale, Orderable, Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from home.models import ListingPage
from home.routing import RoutedPageMixin, public
from pb_module.rules import freeze, money
from pb_module.rules.phases import Phase, PhaseDates, current_phase, next_phase, phase_problems
from pb_module.rules.statuses import PUBLIC, TRACKED
from pb_module.vocabulary import FROZEN_MESSAGE, PHASE_LABELS, PHASE_PROBLEMS, SCHEDULE_PROBLEMS
from words.indexing import WORD_FORMS, WordFormsMixin

from .territory import MrpRate, Territory


class PBIndexPage(RoutablePageMixin, ListingPage):
    """The participatory-budgeting section: lists the cycles; compares the published ones."""

    parent_page_types = ["home.HomePage"]
    subpage_types = ["pb_module.PBCyclePage", "pb_module.NationalOverviewPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("participatory budget section")

    @property
    def cycles(self):
        return public(PBCyclePage.objects.live()).child_of(self).order_by("-year", "title")

    @path("")
    def index_route(self, request):
        return self.render(request)

    def get_cached_paths(self):
        """The routes a purge of this page forgets with it (home/page_cache.py, Wagtail's frontend cache)."""
        return ["/", "/analytics/"]

    @cached_property
    def overview_page(self):
        """The national overview under this section, when it is live."""
        from .overview import NationalOverviewPage

        return NationalOverviewPage.objects.live().public().child_of(self).first()

    @path("analytics/")
    def comparison(self, request):
        from pb_module.web.results import comparison_view

        return comparison_view(request, self)


class BallotType(models.TextChoices):
    APPROVAL = "approval", _("Approval: tick the proposals you support")
    KNAPSACK = "knapsack", _("Knapsack: choose proposals whose total cost fits the budget")
    CUMULATIVE = "cumulative", _("Cumulative: share points among proposals")
    CHOOSE_1 = "choose-1", _("Choose one proposal")


class TallyRule(models.TextChoices):
    GREEDY = "greedy", _("Greedy: most votes first, skipping what no longer fits")
    GREEDY_NO_SKIP = "greedy-no-skip", _("Greedy, stopping at the first proposal that does not fit")
    GREEDY_THRESHOLD = "greedy-threshold", _("Greedy among proposals above a vote threshold")
    EQUAL_SHARES = "equalshares/add1", _("Method of Equal Shares (with add-one completion)")
    EQUAL_SHARES_COMPARISON = (
        "equalshares/add1-comparison",
        _("Method of Equal Shares (with add-one completion), then compared with greedy (Wieliczka)"),
    )
    GREEDY_CUSTOM = (
        "greedy-custom",
        _("Greedy, then the next project if at least 80 percent of its cost is left (Poznań)"),
    )


# The facts of a cycle: the same in every language by construction, as `Proposal` is for proposals. The page in
# the source language (settings.LANGUAGE_CODE) holds them, with its phases; a translation takes them from it
# whenever it is saved or one of its revisions is loaded (an old revision, the wagtail-localize editor), and
# publishing the source writes them to every translation at once (PBCyclePage.share_facts). A translation
# points to the same Territory row as its source: the cap is computed from one row, the name is shown localized.
SHARED_FACTS = (
    *(name.removesuffix("_id") for name in freeze.FROZEN_SETTINGS),  # the rules of the vote, then the rest
    "year",
    "stalled_after_days",
    "results_published_at",
    "voting_closed_at",
    "phase_change_reason",
)
SHARED_MESSAGE = _(
    "The same in every language: it is taken from the page in the source language and can only be changed there."
)


class PBCycleForm(WagtailAdminPageForm):
    """Checks the phases together (order, overlap, dates) and keeps the rules of a running vote frozen."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.initial["phase_change_reason"] = ""  # a reason is given for one change, never carried to the next
        page = self.instance
        if page.pk and not page.is_source:
            for name in SHARED_FACTS:
                field = self.fields.get(name)
                if field is not None:
                    field.disabled = True  # whatever is posted, the source's value is kept (PBCyclePage.save)
                    field.help_text = SHARED_MESSAGE
        if page.pk and page.is_source and page.ballots_cast:
            for name in freeze.FROZEN_SETTINGS:
                field = self.fields.get(name.removesuffix("_id"))
                if field is not None:
                    field.disabled = True  # shown, and whatever is posted the stored value is kept
                    field.help_text = FROZEN_MESSAGE

    def clean(self):
        cleaned = super().clean()
        formset = self.formsets.get("phases")
        if formset is None or not formset.is_valid():
            return cleaned
        rows = [
            (
                form,
                PhaseDates(
                    Phase(form.cleaned_data["phase"]), form.cleaned_data["starts_on"], form.cleaned_data.get("ends_on")
                ),
            )
            for form in formset.forms
            if form.cleaned_data and not form.cleaned_data.get("DELETE")
        ]
        new_phases = [dates for _form, dates in rows]
        problems = phase_problems(new_phases)
        for phase, code in problems:
            form = next(form for form, dates in rows if dates.phase == phase)
            form.add_error("starts_on" if code != "ends_before_start" else "ends_on", PHASE_PROBLEMS[code])
        if problems:
            self.add_error(None, _("Please correct the dates of the phases."))
        page = self.instance
        if problem := page.schedule_problem(new_phases):
            self.add_error(None, SCHEDULE_PROBLEMS[problem])
        elif page.schedule_change_needs_reason(new_phases) and not (cleaned.get("phase_change_reason") or "").strip():
            self.add_error(
                "phase_change_reason",
                _("This cycle is running: say why its phases change. The reason is shown in the public log."),
            )
        return cleaned


@functools.cache
def source_locale_id() -> int:
    """The id of the site's source locale (kk); locales are made once, by a migration."""
    return Locale.objects.get(language_code=settings.LANGUAGE_CODE).pk


class PBCyclePage(WordFormsMixin, RoutablePageMixin, RoutedPageMixin, Page):
    """One participatory-budgeting programme in one territory for one year."""

    territory = models.ForeignKey(
        Territory,
        verbose_name=_("territory"),
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("Where the cycle runs; its settlement category sets the cap for one proposal."),
    )
    year = models.PositiveSmallIntegerField(_("budget year"), help_text=_("The MRP of this year sets the cap."))
    total_budget = models.PositiveBigIntegerField(_("total budget, tenge"))
    intro = models.TextField(_("introduction"), blank=True, help_text=_("What this cycle is about, in brief."))
    ballot_type = models.CharField(
        _("ballot type"), max_length=16, choices=BallotType.choices, default=BallotType.APPROVAL
    )
    ballot_min_choices = models.PositiveSmallIntegerField(_("fewest proposals on a ballot"), default=1)
    ballot_max_choices = models.PositiveSmallIntegerField(
        _("most proposals on a ballot"), null=True, blank=True, help_text=_("Empty: no limit.")
    )
    ballot_max_points = models.PositiveSmallIntegerField(
        _("points per voter"), null=True, blank=True, help_text=_("Cumulative ballots only.")
    )
    ballot_max_points_per_proposal = models.PositiveSmallIntegerField(
        _("points per proposal"), null=True, blank=True, help_text=_("Cumulative ballots only.")
    )
    tally_rule = models.CharField(_("tally rule"), max_length=32, choices=TallyRule.choices, default=TallyRule.GREEDY)
    tally_min_score = models.PositiveIntegerField(
        _("minimum score"),
        null=True,
        blank=True,
        help_text=_("For the greedy rule with a threshold: proposals with fewer votes or points are not funded."),
    )
    min_voter_age = models.PositiveSmallIntegerField(_("minimum voter age"), default=16)
    ballot_final = models.BooleanField(
        _("a cast ballot is final"),
        default=True,
        help_text=_("As on eGov. Untick to let voters replace their ballot until voting closes (the last counts)."),
    )
    stalled_after_days = models.PositiveSmallIntegerField(
        _("stalled after, days"),
        default=90,
        help_text=_("A funded proposal counts as stalled when none of its milestones has moved for this many days."),
    )
    results_published_at = models.DateTimeField(
        _("results published at"),
        null=True,
        blank=True,
        help_text=_("Vote counts stay hidden everywhere until the results are published."),
    )
    voting_closed_at = models.DateTimeField(
        _("voting closed early at"),
        null=True,
        blank=True,
        editable=False,
        help_text=_("Set by the logged action “Close voting early”; voting never reopens after it."),
    )
    phase_change_reason = models.TextField(
        _("reason for changing the phases"),
        blank=True,
        help_text=_(
            "Required when the dates of a running cycle change: shown in the public log of changes on the cycle page."
        ),
    )

    # The facts of the cycle are the source page's in every language: translators never override them
    # (see SHARED_FACTS and share_facts below).
    override_translatable_fields = [SynchronizedField(name, overridable=False) for name in (*SHARED_FACTS, "phases")]
    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        MultiFieldPanel(
            [FieldPanel("territory"), FieldRowPanel([FieldPanel("year"), FieldPanel("total_budget")])],
            heading=_("Territory and money"),
        ),
        InlinePanel(
            "phases",
            heading=_("Phases"),
            label=_("Phase"),
            help_text=_("Each phase is optional; give the ones this cycle has, in order."),
        ),
        FieldPanel("phase_change_reason"),
        MultiFieldPanel(
            [
                FieldPanel("ballot_type"),
                FieldRowPanel([FieldPanel("ballot_min_choices"), FieldPanel("ballot_max_choices")]),
                FieldRowPanel([FieldPanel("ballot_max_points"), FieldPanel("ballot_max_points_per_proposal")]),
                FieldPanel("ballot_final"),
                FieldRowPanel([FieldPanel("tally_rule"), FieldPanel("tally_min_score")]),
                FieldPanel("min_voter_age"),
            ],
            heading=_("Voting"),
        ),
        FieldPanel("stalled_after_days", heading=_("Implementation")),
    ]
    search_fields = Page.search_fields + [index.SearchField("intro"), index.FilterField("year"), WORD_FORMS]
    word_form_sources = ("title", "intro")

    parent_page_types = ["pb_module.PBIndexPage"]
    subpage_types = ["pb_module.ProposalPage", "pb_module.ProgressStoryPage", "pb_module.MeetingPage"]
    base_form_class = PBCycleForm

    class Meta:
        verbose_name = _("PB cycle")
        verbose_name_plural = _("PB cycles")
        permissions = [("close_voting_early", _("Can close voting early, with a public reason"))]

    def clean(self):
        super().clean()
        if self.ballot_max_choices is not None and self.ballot_max_choices < self.ballot_min_choices:
            raise ValidationError({"ballot_max_choices": _("The most cannot be fewer than the fewest.")})
        # The rules of a running vote: refused here too, whatever wrote them (a form, a revision, code).
        errors = {name.removesuffix("_id"): FROZEN_MESSAGE for name in self.frozen_changes()}
        problem = self.schedule_problem([PhaseDates(Phase(p.phase), p.starts_on, p.ends_on) for p in self.phases.all()])
        if problem:
            errors["__all__"] = [SCHEDULE_PROBLEMS[problem]]
        if errors:
            raise ValidationError(errors)

    # --- the frozen rules of a running vote ------------------------------------------------------

    @property
    def is_source(self) -> bool:
        """The page in the site's source language: ballots and proposals belong to it."""
        return self.locale.language_code == settings.LANGUAGE_CODE

    def canonical(self) -> "PBCyclePage":
        """This cycle in the site's source language (itself when it is): proposals of every language point to it."""
        if self.locale_id == source_locale_id():
            return self
        source = PBCyclePage.objects.filter(translation_key=self.translation_key, locale_id=source_locale_id()).first()
        return source or self

    @property
    def ballots_cast(self) -> bool:
        """Whether a ballot exists in this cycle (ballots belong to the source-language page)."""
        from .ballot import Ballot

        if self.is_source:
            return bool(self.pk) and Ballot.objects.filter(cycle_id=self.pk).exists()
        return Ballot.objects.filter(cycle__translation_key=self.translation_key).exists()

    def stored(self) -> tuple[dict, list[PhaseDates]] | None:
        """The frozen settings and the phases as the database has them now (None for a new page)."""
        if not self.pk:
            return None
        values = PBCyclePage.objects.filter(pk=self.pk).values(*freeze.FROZEN_SETTINGS).first()
        if values is None:
            return None
        return values, self.stored_phases()

    def stored_phases(self) -> list[PhaseDates]:
        """The phases as the database has them now (the page's own may be an unsaved revision's)."""
        return [
            PhaseDates(Phase(phase), starts_on, ends_on)
            for phase, starts_on, ends_on in CyclePhase.objects.filter(cycle_id=self.pk).values_list(
                "phase", "starts_on", "ends_on"
            )
        ]

    def frozen_changes(self) -> list[str]:
        """The frozen settings this (unsaved) page would change although ballots are cast."""
        stored = self.stored()
        if stored is None or not self.is_source or not self.ballots_cast:
            return []
        return freeze.changed_settings(stored[0], {name: getattr(self, name) for name in freeze.FROZEN_SETTINGS})

    def schedule_problem(self, new_phases: list[PhaseDates]) -> str | None:
        """Why the phases may not become `new_phases` (a code of SCHEDULE_PROBLEMS), or None."""
        stored = self.stored()
        if stored is None or not self.is_source or not self.ballots_cast:
            return None  # a translation's phases are its source's, checked there
        closed_early = PBCyclePage.objects.filter(pk=self.pk, voting_closed_at__isnull=False).exists()
        return freeze.voting_change_problem(stored[1], new_phases, timezone.localdate(), closed_early)

    def schedule_change_needs_reason(self, new_phases: list[PhaseDates]) -> bool:
        """Phases of a running cycle change: the public log needs a reason."""
        stored = self.stored()
        if stored is None or not self.is_source:
            return False  # a translation's phases are its source's, changed (with the reason) there
        return freeze.has_started(stored[1], timezone.localdate()) and bool(freeze.phase_changes(stored[1], new_phases))

    @property
    def schedule_log(self):
        """The public log of changes to this cycle's phases (kept on the source-language page), newest first."""
        return CycleScheduleChange.objects.filter(cycle__translation_key=self.translation_key).order_by(
            "-changed_at", "-pk"
        )

    # --- the facts shared by every language ------------------------------------------------------

    def fact_source(self) -> "PBCyclePage | None":
        """The source-language page whose facts this translation has (None for the source page itself)."""
        if not self.translation_key or not self.locale_id or self.is_source:
            return None
        pages = PBCyclePage.objects.filter(translation_key=self.translation_key)
        return pages.filter(locale__language_code=settings.LANGUAGE_CODE).exclude(pk=self.pk).first()

    def take_facts(self, source: "PBCyclePage") -> None:
        """Give this (unsaved) translation the facts and phases of `source` as the database has them."""
        for name in SHARED_FACTS:
            attname = self._meta.get_field(name).attname
            setattr(self, attname, getattr(source, attname))
        mine = dict(CyclePhase.objects.filter(cycle_id=self.pk).values_list("phase", "pk")) if self.pk else {}
        self.phases = [
            CyclePhase(
                pk=mine.get(p.phase), phase=p.phase, starts_on=p.starts_on, ends_on=p.ends_on, sort_order=p.sort_order
            )
            for p in CyclePhase.objects.filter(cycle_id=source.pk).order_by("sort_order", "pk")
        ]
        self.__dict__.pop("phase_dates", None)

    def share_facts(self) -> list["PBCyclePage"]:
        """Write the facts and phases of this source page to every translation: its row and its revisions.

        The one way the facts reach the translations (publishing the source, publishing results, closing voting
        early, `manage.py pb_share_cycle_facts`). The translations have no ballots: the database's freeze of the
        rules (migration 0012) concerns the source page only.
        """
        if not self.is_source or not self.pk:
            return []
        from wagtail.models import Revision

        source = PBCyclePage.objects.get(pk=self.pk)
        names = [*SHARED_FACTS, "phases"]
        translations = list(PBCyclePage.objects.filter(translation_key=self.translation_key).exclude(pk=self.pk))
        with transaction.atomic():
            for page in translations:
                page.take_facts(source)
                page.save(update_fields=names, clean=False)
                data = page.serializable_data()
                facts = {name: data[name] for name in names if name in data}
                for revision in Revision.objects.filter(pk__in=[page.live_revision_id, page.latest_revision_id]):
                    revision.content = {**revision.content, **facts}
                    revision.save(update_fields=["content"])
        return translations

    def save(self, *args, **kwargs):
        """A translation never stores facts of its own: they are its source's, whatever wrote them."""
        update_fields = kwargs.get("update_fields")
        if update_fields is None or set(update_fields) & {*SHARED_FACTS, "phases"}:
            if (source := self.fact_source()) is not None:
                self.take_facts(source)
        return super().save(*args, **kwargs)

    def publish(self, revision, *args, **kwargs):
        """The page and the copies of its facts in its translations (page_published) change together."""
        with transaction.atomic():
            return super().publish(revision, *args, **kwargs)

    # --- phases -------------------------------------------------------------------------------

    @cached_property
    def phase_dates(self) -> list[PhaseDates]:
        return [PhaseDates(Phase(p.phase), p.starts_on, p.ends_on) for p in self.phases.all()]

    def has_phase(self, phase: Phase) -> bool:
        return any(p.phase == phase for p in self.phase_dates)

    @property
    def today(self):
        return timezone.localdate()

    @property
    def current_phase(self) -> Phase | None:
        phase = current_phase(self.phase_dates, self.today)
        if phase == Phase.VOTING and self.voting_closed_at is not None:
            return None  # closed early: the rest of the day belongs to no phase
        return phase

    @property
    def next_phase(self) -> PhaseDates | None:
        return next_phase(self.phase_dates, self.today)

    @property
    def is_current(self) -> bool:
        """Running or about to run: some phase up to the results is current or still to come."""
        ahead = [
            p for p in self.phase_dates if p.phase != Phase.IMPLEMENTATION and (p.ends_on or p.starts_on) >= self.today
        ]
        return bool(ahead)

    @property
    def is_voting(self) -> bool:
        return self.current_phase == Phase.VOTING

    @property
    def results_published(self) -> bool:
        """Vote counts are shown only from this moment (the embargo)."""
        return self.results_published_at is not None and self.results_published_at <= timezone.now()

    @property
    def is_collecting(self) -> bool:
        return self.current_phase == Phase.COLLECTION

    @property
    def collection(self) -> PhaseDates | None:
        return next((p for p in self.phase_dates if p.phase == Phase.COLLECTION), None)

    def timeline(self):
        """The phases in order, each with its label and whether it is past, current or to come."""
        today, current = self.today, self.current_phase
        entries = []
        for p in sorted(self.phase_dates, key=lambda p: list(Phase).index(p.phase)):
            if p.phase == current:
                state = "current"
            elif p.ends_on is not None and p.ends_on < today:
                state = "past"
            else:
                state = "future" if p.starts_on > today else "past"
            entries.append(
                {
                    "phase": p.phase,
                    "label": PHASE_LABELS[p.phase],
                    "starts_on": p.starts_on,
                    "ends_on": p.ends_on,
                    "state": state,
                }
            )
        return entries

    # --- money --------------------------------------------------------------------------------

    @cached_property
    def mrp_rate(self) -> money.MrpRate | None:
        try:
            return money.mrp_for_year(MrpRate.as_dict(), self.year)
        except money.MissingMrpRate:
            return None

    @cached_property
    def proposal_cap_tenge(self) -> int | None:
        category = self.territory.effective_category
        if not category or self.mrp_rate is None:
            return None
        return money.proposal_cap_tenge(category, self.mrp_rate.tenge)

    @property
    def proposal_cap_mrp(self) -> int | None:
        category = self.territory.effective_category
        return money.proposal_cap_mrp(category) if category else None

    # --- proposals ----------------------------------------------------------------------------

    @property
    def public_proposals(self) -> list:
        """Published proposals under this page, each with `district_name` in this page's language."""
        from .proposal import ProposalPage

        pages = list(
            public(ProposalPage.objects.live())
            .child_of(self)
            .filter(proposal__status__in=list(PUBLIC))
            .select_related("proposal", "proposal__district")
            .order_by("title")
        )
        keys = {page.proposal.district.translation_key for page in pages}
        names = dict(
            Territory.objects.filter(locale_id=self.locale_id, translation_key__in=keys).values_list(
                "translation_key", "name"
            )
        )
        from .implementation import Milestone

        progress = Milestone.objects.progress_by_proposal(
            {page.proposal_id for page in pages if page.proposal.status in TRACKED}
        )
        for page in pages:
            page.district_name = names.get(page.proposal.district.translation_key, page.proposal.district.name)
            page.progress = progress.get(page.proposal_id)
        return pages

    def get_context(self, request, *args, **kwargs):
        """The proposals as the visitor sorted and filtered them (pb_module/selectors/listing.py)."""
        from pb_module.selectors.listing import cycle_listing

        context = super().get_context(request, *args, **kwargs)
        # Kept with the page: any change to a proposal purges the routes of the pages above it.
        pages = self.kept("proposals", lambda: self.public_proposals)
        context["listing"] = cycle_listing(self, request.GET, pages)
        return context

    @cached_property
    def meetings(self) -> tuple[list, list]:
        """(upcoming, past) live meetings under this cycle in this page's language, kept with the page for the day
        (a meeting published purges the pages above it)."""
        from pb_module.selectors.meetings import meetings_of_cycle

        return self.kept("meetings", lambda: meetings_of_cycle(self), dated=True)

    @property
    def progress_stories(self):
        """The live stories of this cycle in this page's language, newest first."""
        from .stories import ProgressStoryPage, story_list

        return story_list(ProgressStoryPage.objects.child_of(self))

    @path("")
    def index_route(self, request):
        return self.render(request)

    def with_content_json(self, content):
        """An older revision, edited or published again, never brings the embargo back nor stale facts."""
        page = super().with_content_json(content)
        if (source := page.fact_source()) is not None:
            page.take_facts(source)  # a translation's revision: the facts are the source's as they are now
            return page
        stored = PBCyclePage.objects.filter(pk=self.pk).values("results_published_at", "voting_closed_at").first() or {}
        page.results_published_at = stored.get("results_published_at")
        page.voting_closed_at = stored.get("voting_closed_at")
        if page.voting_closed_at is not None:  # closed for good: the voting dates are the ones the closing left
            voting = CyclePhase.objects.filter(cycle_id=self.pk, phase=Phase.VOTING).first()
            for phase in page.phases.all():
                if voting is not None and phase.phase == Phase.VOTING:
                    phase.starts_on, phase.ends_on = voting.starts_on, voting.ends_on
        return page

    def get_cached_paths(self):
        """The routes a purge of this page forgets with it (home/page_cache.py, Wagtail's frontend cache)."""
        return ["/", "/results/", "/analytics/"]

    @path("results/")
    def results(self, request):
        from pb_module.web.results import results_view

        return results_view(request, self)

    @path("results/ballots/")
    def results_ballots(self, request):
        from pb_module.web.results import ballots_download

        return ballots_download(request, self)

    @path("analytics/")
    def analytics(self, request):
        from pb_module.web.results import analytics_view

        return analytics_view(request, self)

    @path("vote/")
    def vote(self, request):
        from pb_module.web.voting import vote_view

        return vote_view(request, self)

    @path("submit/")
    def submit(self, request):
        from pb_module.web.proposals import submit_proposal_view

        return submit_proposal_view(request, self)


class CyclePhase(Orderable):
    cycle = ParentalKey(PBCyclePage, related_name="phases", on_delete=models.CASCADE)
    phase = models.CharField(_("phase"), max_length=16, choices=[(p.value, PHASE_LABELS[p]) for p in Phase])
    starts_on = models.DateField(_("starts on"))
    ends_on = models.DateField(_("ends on"), null=True, blank=True, help_text=_("Empty: open-ended."))

    panels = [FieldRowPanel([FieldPanel("phase"), FieldPanel("starts_on"), FieldPanel("ends_on")])]

    class Meta(Orderable.Meta):
        verbose_name = _("phase")
        verbose_name_plural = _("phases")


class ScheduleChangeKind(models.TextChoices):
    ADDED = "added", _("phase added")
    CHANGED = "changed", _("dates changed")
    REMOVED = "removed", _("phase removed")
    CLOSED_EARLY = "closed_early", _("voting closed early")


class CycleScheduleChange(models.Model):
    """One change to the phases of a running cycle, in the public log on the cycle page."""

    cycle = models.ForeignKey(PBCyclePage, on_delete=models.CASCADE, related_name="schedule_changes")
    phase = models.CharField(_("phase"), max_length=16, choices=[(p.value, PHASE_LABELS[p]) for p in Phase])
    kind = models.CharField(_("change"), max_length=16, choices=ScheduleChangeKind.choices)
    old_starts_on = models.DateField(null=True, blank=True)
    old_ends_on = models.DateField(null=True, blank=True)
    new_starts_on = models.DateField(null=True, blank=True)
    new_ends_on = models.DateField(null=True, blank=True)
    reason = models.TextField(_("reason"), blank=True)
    reason_language = models.CharField(max_length=8, blank=True)
    reason_kk = models.TextField(_("reason in Kazakh"), blank=True)
    reason_ru = models.TextField(_("reason in Russian"), blank=True)
    changed_at = models.DateTimeField(_("changed at"))
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    actor_name = models.CharField(max_length=255, blank=True)
    actor_role = models.CharField(max_length=64, blank=True)

    class Meta:
        verbose_name = _("change to the phases")
        verbose_name_plural = _("changes to the phases")
        ordering = ["-changed_at", "-pk"]

    def __str__(self):
        return f"{self.phase} {self.kind} ({self.cycle_id})"

    @property
    def phase_label(self):
        return PHASE_LABELS[Phase(self.phase)]

    @property
    def role_label(self):
        from pb_module.vocabulary import ROLE_LABELS

        return ROLE_LABELS.get(self.actor_role, "")
