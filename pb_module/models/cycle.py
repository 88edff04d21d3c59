from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Orderable, Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from home.models import ListingPage
from pb_module.rules import money
from pb_module.rules.phases import Phase, PhaseDates, current_phase, next_phase, phase_problems
from pb_module.rules.statuses import PUBLIC, TRACKED
from search.indexing import WORD_FORMS, WordFormsMixin

from .territory import MrpRate, Territory

PHASE_LABELS = {
    Phase.COLLECTION: _("Collection of proposals"),
    Phase.MODERATION: _("Moderation"),
    Phase.DISCUSSION: _("Discussion"),
    Phase.EXPERT_REVIEW: _("Expert review"),
    Phase.VOTING: _("Voting"),
    Phase.RESULTS: _("Results"),
    Phase.IMPLEMENTATION: _("Implementation"),
}
PHASE_PROBLEMS = {
    "duplicate": _("This phase is given twice."),
    "ends_before_start": _("The phase ends before it starts."),
    "out_of_order": _(
        "Phases must follow the order collection, moderation, discussion, expert review, voting, "
        "results, implementation."
    ),
    "overlap": _("This phase starts before the previous one ends."),
}


class PBIndexPage(RoutablePageMixin, ListingPage):
    """The participatory-budgeting section: lists the cycles; compares the published ones."""

    parent_page_types = ["home.HomePage"]
    subpage_types = ["pb_module.PBCyclePage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("participatory budget section")

    @property
    def cycles(self):
        return PBCyclePage.objects.live().public().child_of(self).order_by("-year", "title")

    @path("")
    def index_route(self, request):
        return self.render(request)

    @path("analytics/")
    def comparison(self, request):
        from pb_module.results_views import comparison_view

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
    GREEDY_CUSTOM = (
        "greedy-custom",
        _("Greedy, then the next project if at least 80 percent of its cost is left (Poznań)"),
    )


class PBCycleForm(WagtailAdminPageForm):
    """Checks the phases together: order, overlap, dates."""

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
        problems = phase_problems([dates for _form, dates in rows])
        for phase, code in problems:
            form = next(form for form, dates in rows if dates.phase == phase)
            form.add_error("starts_on" if code != "ends_before_start" else "ends_on", PHASE_PROBLEMS[code])
        if problems:
            self.add_error(None, _("Please correct the dates of the phases."))
        return cleaned


class PBCyclePage(WordFormsMixin, RoutablePageMixin, Page):
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
    tally_rule = models.CharField(_("tally rule"), max_length=24, choices=TallyRule.choices, default=TallyRule.GREEDY)
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

    override_translatable_fields = [SynchronizedField("territory", overridable=False)]
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
    subpage_types = ["pb_module.ProposalPage", "pb_module.ProgressStoryPage"]
    base_form_class = PBCycleForm

    class Meta:
        verbose_name = _("PB cycle")
        verbose_name_plural = _("PB cycles")

    def clean(self):
        super().clean()
        if self.ballot_max_choices is not None and self.ballot_max_choices < self.ballot_min_choices:
            raise ValidationError({"ballot_max_choices": _("The most cannot be fewer than the fewest.")})

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
        return current_phase(self.phase_dates, self.today)

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
            ProposalPage.objects.live()
            .public()
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

    @property
    def progress_stories(self):
        """The live stories of this cycle in this page's language, newest first."""
        from .stories import ProgressStoryPage, story_list

        return story_list(ProgressStoryPage.objects.child_of(self))

    @path("")
    def index_route(self, request):
        return self.render(request)

    def with_content_json(self, content):
        """An older revision, edited or published again, never brings the embargo back."""
        page = super().with_content_json(content)
        page.results_published_at = (
            PBCyclePage.objects.filter(pk=self.pk).values_list("results_published_at", flat=True).first()
        )
        return page

    @path("results/")
    def results(self, request):
        from pb_module.results_views import results_view

        return results_view(request, self)

    @path("results/ballots/")
    def results_ballots(self, request):
        from pb_module.results_views import ballots_download

        return ballots_download(request, self)

    @path("analytics/")
    def analytics(self, request):
        from pb_module.results_views import analytics_view

        return analytics_view(request, self)

    @path("vote/")
    def vote(self, request):
        from pb_module.voting_views import vote_view

        return vote_view(request, self)

    @path("submit/")
    def submit(self, request):
        from pb_module.views import submit_proposal_view

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
