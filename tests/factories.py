"""Factories for the participatory-budgeting domain: a test builds the few objects it needs, not the demo's.

Everything is made the way the product makes it, so a test never reads a row the product could not write:

- pages go under their parent with `add_child` and are published with a revision; their Russian and English
  versions are translations of the Kazakh page made with wagtail-localize, as a translator makes them;
- a proposal is submitted with `services.proposals.submit_proposal` and moved to its status by
  `services.proposals.change_status`
  (with an expert review where the cycle has one), so its public log and its pages are the real ones;
- a ballot is cast with `services.voting.cast_ballot` (or `cast_assisted_ballot` by an operator), for a voter checked
  by `services.voting.check_voter`: age band, district and receipt as voting makes them;
- "selected" and later statuses come only from a vote: `publish_results` closes voting early and publishes the
  tally, `funded_proposal` then moves a winner into implementation.

Names and slugs start with "fx" (never a demo slug or title). Cycle schedules are relative to today
(`SCHEDULES`): a cycle collects proposals, is in discussion, votes, or is past. The PB section is one per home
page (`max_count_per_parent`): where the database has one (the demo's), cycles go under it, so their URLs pass
through its slug. The factories need no demo: on a database that is only migrated they make the home page too.
"""

from datetime import date, timedelta

import factory
import wagtail_factories
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import timezone
from wagtail.models import Locale, Page, Site
from wagtail_localize.models import Translation, TranslationSource

from home.models import HomePage
from pb_module import roles, services
from pb_module.models import Ballot, CyclePhase, MrpRate, PBCyclePage, PBIndexPage, Proposal, TallyResult, Territory
from pb_module.rules.iin import make_iin
from pb_module.rules.phases import Phase
from pb_module.rules.statuses import Status

SOURCE = "kk"
TARGETS = ("ru", "en")


def locale(code: str) -> Locale:
    return Locale.objects.get(language_code=code)


def home_page() -> HomePage:
    """The Kazakh home page, root of the default site. The test database has the demo's; on a database without
    one, a translated home page is made and the default site points to it."""
    home = HomePage.objects.filter(locale__language_code=SOURCE, depth=2).first()
    if home is None:
        home = HomePage(title="Fx басты бет", slug="fx-home")
        Page.get_first_root_node().add_child(instance=home)
        home.save_revision().publish()
        site = Site.objects.filter(is_default_site=True).first() or Site(hostname="localhost", is_default_site=True)
        site.root_page = home
        site.save()
        translate(home)
    return home


def translate(page, titles: dict | None = None, languages=TARGETS):
    """Translate `page` with wagtail-localize, as a translator does in its editor: the title is translated
    (`titles[lang]`, else "<title> [lang]"), the other strings are the source's. Its parent must be translated.
    Each translation is published at once (wagtail-localize publishes on commit, which a test never reaches).
    Languages that already have a translation are left alone."""
    source, created = TranslationSource.get_or_create_from_instance(page)
    if not created:
        source.update_from_db()
    title = source.stringsegment_set.select_related("string", "context").get(context__path="title")
    for code in languages:
        if page.get_translation_or_none(locale(code)) is not None:
            continue
        title.string.translations.update_or_create(
            locale=locale(code),
            context=title.context,
            defaults={"data": (titles or {}).get(code) or f"{page.title} [{code}]", "translation_type": "manual"},
        )
        translation, _ = Translation.objects.get_or_create(source=source, target_locale=locale(code))
        translation.save_target(publish=False)
        page.get_translation(locale(code)).get_latest_revision().publish()
    return page


# --- people ----------------------------------------------------------------------------------


class UserFactory(factory.django.DjangoModelFactory):
    """A user with password "pw"; `role` is a group of `pb_module.roles` (MODERATORS, EXPERTS, ...)."""

    class Meta:
        model = get_user_model()
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"fx-user-{n}")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.kz")
    first_name = "Сынақ"
    last_name = factory.Sequence(lambda n: f"Қолданушы {n}")
    password = factory.django.Password("pw")

    @factory.post_generation
    def role(user, create, extracted, **kwargs):
        if create and extracted:
            user.groups.add(Group.objects.get(name=extracted))


def make_moderator(**kwargs):
    return UserFactory(role=roles.MODERATORS, **kwargs)


# --- places and money ------------------------------------------------------------------------


class MrpRateFactory(factory.django.DjangoModelFactory):
    """The MRP of a year (one row a year: an existing year is reused)."""

    class Meta:
        model = MrpRate
        django_get_or_create = ("year",)

    year = factory.LazyFunction(lambda: timezone.localdate().year)
    tenge = 4_325


class TerritoryFactory(factory.django.DjangoModelFactory):
    """A Kazakh territory. `translations=True` adds its Russian and English rows (same translation key, parent
    translated alike) named "<name> [lang]"; `translations={"ru": ..., "en": ...}` names them."""

    class Meta:
        model = Territory
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Fx аумақ {n}")
    kind = Territory.Kind.CITY
    settlement_category = Territory.Category.REPUBLICAN
    population_16_plus = 100_000
    parent = None
    locale = factory.LazyFunction(lambda: locale(SOURCE))

    @factory.post_generation
    def translations(place, create, extracted, **kwargs):
        if not (create and extracted):
            return
        names = extracted if isinstance(extracted, dict) else {}
        for code in TARGETS:
            if place.get_translation_or_none(locale(code)) is None:
                Territory.objects.create(
                    translation_key=place.translation_key,
                    locale=locale(code),
                    name=names.get(code) or f"{place.name} [{code}]",
                    kind=place.kind,
                    settlement_category=place.settlement_category,
                    population_16_plus=place.population_16_plus,
                    parent=place.parent.get_translation(locale(code)) if place.parent else None,
                )


# --- pages -----------------------------------------------------------------------------------


class PBIndexPageFactory(wagtail_factories.PageFactory):
    """The participatory-budget section under the Kazakh home page, translated; at most one per home page
    (`max_count_per_parent`), so the existing section is reused."""

    class Meta:
        model = PBIndexPage
        django_get_or_create = ("parent",)
        skip_postgeneration_save = True

    parent = factory.LazyFunction(home_page)
    title = "Fx қатысу бюджеті"
    slug = "fx-pb"

    @factory.post_generation
    def translations(page, create, extracted, **kwargs):
        if create:
            translate(page)


def _d(days):
    return None if days is None else timezone.localdate() + timedelta(days=days)


# Each schedule: (phase, first day, last day) in days from today (None: open-ended). Expert review is added
# between discussion (or moderation) and voting when the cycle has one.
SCHEDULES = {
    "collecting": [
        (Phase.COLLECTION, -10, 20),
        (Phase.MODERATION, 21, 30),
        (Phase.EXPERT_REVIEW, 31, 38),
        (Phase.VOTING, 40, 50),
        (Phase.RESULTS, 51, 60),
    ],
    "discussion": [
        (Phase.COLLECTION, -60, -31),
        (Phase.MODERATION, -30, -11),
        (Phase.DISCUSSION, -10, 10),
        (Phase.EXPERT_REVIEW, 11, 20),
        (Phase.VOTING, 30, 40),
        (Phase.RESULTS, 41, 50),
    ],
    "voting": [
        (Phase.COLLECTION, -120, -90),
        (Phase.MODERATION, -89, -60),
        (Phase.EXPERT_REVIEW, -50, -10),
        (Phase.VOTING, -3, 25),
        (Phase.RESULTS, 26, 35),
    ],
    "past": [
        (Phase.COLLECTION, -400, -370),
        (Phase.MODERATION, -369, -340),
        (Phase.EXPERT_REVIEW, -339, -310),
        (Phase.VOTING, -300, -290),
        (Phase.RESULTS, -289, -280),
        (Phase.IMPLEMENTATION, -279, None),
    ],
}


def phases(schedule: str, expert_review: bool = False) -> list[CyclePhase]:
    """The CyclePhase rows of a named schedule (see SCHEDULES), relative to today."""
    return [
        CyclePhase(phase=phase, starts_on=_d(start), ends_on=_d(end), sort_order=n)
        for n, (phase, start, end) in enumerate(SCHEDULES[schedule])
        if expert_review or phase != Phase.EXPERT_REVIEW
    ]


class PBCyclePageFactory(wagtail_factories.PageFactory):
    """A published cycle in the Kazakh tree, with its phases and its Russian and English translations.

    `schedule`: "collecting" (submission open, the default), "discussion", "voting" (voting open) or "past"
    (voting over, nothing published); `expert_review=True` adds an expert-review phase. `phases=[...]` gives the
    CyclePhase rows instead. Its territory is a translated republican city of its own.
    """

    class Meta:
        model = PBCyclePage
        skip_postgeneration_save = True

    class Params:
        schedule = "collecting"
        expert_review = False

    parent = factory.LazyFunction(lambda: PBIndexPageFactory())
    title = factory.Sequence(lambda n: f"Fx циклі {n}")
    slug = factory.Sequence(lambda n: f"fx-cycle-{n}")
    territory = factory.SubFactory(TerritoryFactory, translations=True)
    year = factory.LazyFunction(lambda: timezone.localdate().year)
    total_budget = 100_000_000
    phases = factory.LazyAttribute(lambda o: phases(o.schedule, o.expert_review))

    @factory.post_generation
    def translations(page, create, extracted, **kwargs):
        if create:
            page.save_revision().publish()
            translate(page, extracted)


def cycle(**kwargs) -> PBCyclePage:
    """A cycle as the database has it now (phases and translations read back)."""
    return PBCyclePage.objects.get(pk=PBCyclePageFactory(**kwargs).pk)


# --- proposals -------------------------------------------------------------------------------

# The statuses a moderator moves a proposal through to reach each status before the vote.
PATHS = {
    Status.SUBMITTED: [],
    Status.IN_MODERATION: [Status.IN_MODERATION],
    Status.IN_DISCUSSION: [Status.IN_MODERATION, Status.IN_DISCUSSION],
    Status.IN_EXPERT_REVIEW: [Status.IN_MODERATION, Status.IN_EXPERT_REVIEW],
    Status.ON_BALLOT: [Status.IN_MODERATION, Status.ON_BALLOT],
    Status.REJECTED: [Status.IN_MODERATION, Status.REJECTED],
}


class ProposalFactory(factory.Factory):
    """A proposal submitted through `services.proposals.submit_proposal` (its page and aliases in the other languages),
    then moved by a moderator to `status` (a status before the vote, see PATHS; "selected" and after come from
    `publish_results`). On a ballot of a cycle with expert review, an expert gives a compliant verdict first.
    Outside collection the proposal is submitted as an import of the cycle (`historical=True`)."""

    class Meta:
        model = Proposal

    cycle = factory.SubFactory(PBCyclePageFactory)
    language = SOURCE
    title = factory.Sequence(lambda n: f"Fx ұсыныс {n}")
    summary = "Қысқаша сипаттама."
    description = "Толық сипаттама."
    district = factory.LazyAttribute(lambda o: o.cycle.territory)
    estimated_cost = 5_000_000
    author_name = "Fx автор"
    author_contact = "+7 700 000 00 00"
    status = Status.SUBMITTED
    moderator = None
    reason = "Fx себеп."

    @classmethod
    def _create(cls, model_class, *, status, moderator, reason, **kwargs):
        cycle = kwargs["cycle"]
        submission = services.proposals.submit_proposal(historical=not cycle.is_collecting, **kwargs)
        proposal = submission.proposal
        if Status(status) not in PATHS:
            raise ValueError(f"{status}: only a published vote makes it (see publish_results, funded_proposal)")
        actor = None
        for step in PATHS[Status(status)]:
            actor = actor or moderator or make_moderator()
            if step == Status.ON_BALLOT and cycle.has_phase(Phase.EXPERT_REVIEW):
                services.proposals.change_status(proposal=proposal, new_status=Status.IN_EXPERT_REVIEW, user=actor)
                services.proposals.record_expert_review(
                    proposal=proposal,
                    user=UserFactory(role=roles.EXPERTS),
                    verdict="compliant",
                    validated_cost=proposal.estimated_cost,
                    conclusion="Fx қорытынды.",
                )
            services.proposals.change_status(
                proposal=proposal, new_status=step, user=actor, reason=reason if step == Status.REJECTED else ""
            )
        proposal.refresh_from_db()
        return proposal


# --- ballots and results ---------------------------------------------------------------------


class BallotFactory(factory.Factory):
    """A ballot cast in an open vote: `items` maps proposal ids to points (or `proposals` gets one point each).

    The voter is checked like any voter (`check_voter`: a valid IIN, old enough, living in the cycle's territory);
    with `operator` it is an assisted ballot recorded at a public centre. Its BallotItems and receipt are the
    service's. Returns the Ballot (the receipt code is on `ballot.receipt`).
    """

    class Meta:
        model = Ballot

    cycle = None
    proposals = ()
    items = factory.LazyAttribute(lambda o: {p.pk: 1 for p in o.proposals})
    birth_date = date(1985, 4, 12)
    sex = "female"
    # Every other serial: a serial without a check digit takes the next one (`make_iin`), which would then be
    # another voter's (two ballots of one person refused, depending on how many ballots were built before).
    serial = factory.Sequence(lambda n: 100 + 2 * n)
    district = factory.LazyAttribute(lambda o: o.cycle.territory)
    operator = None

    @classmethod
    def _create(cls, model_class, *, cycle, proposals, items, birth_date, sex, serial, district, operator):
        iin = make_iin(birth_date, sex, serial)
        if operator is not None:
            result = services.voting.cast_assisted_ballot(
                cycle=cycle, operator=operator, iin=iin, birth_date=birth_date, district=district, items=items
            )
        else:
            voter = services.voting.check_voter(cycle=cycle, iin=iin, birth_date=birth_date, district=district)
            result = services.voting.cast_ballot(cycle=cycle, voter=voter, items=items)
        result.ballot.receipt = result.receipt
        return result.ballot


def close_voting(cycle, user=None) -> PBCyclePage:
    """Voting closed early today by a moderator, with a public reason (the logged action)."""
    services.cycles.close_voting_early(cycle=cycle, user=user or make_moderator(), reason="Fx: дауыс беру аяқталды.")
    return PBCyclePage.objects.get(pk=cycle.pk)


def publish_results(cycle, user=None) -> TallyResult:
    """Close the vote of `cycle` (if it is open) and publish its tally: proposals on the ballot become selected or
    not selected, as the rule decides."""
    user = user or make_moderator()
    if cycle.is_voting:
        cycle = close_voting(cycle, user)
    return services.results.publish_results(cycle=cycle, user=user)


def selected_proposal(user=None, **proposal_kwargs) -> Proposal:
    """A proposal the vote selected: the only one on the ballot of a voting cycle, one ballot for it, the vote
    closed and the results published by a moderator."""
    user = user or make_moderator()
    voting = proposal_kwargs.pop("cycle", None) or cycle(schedule="voting")
    proposal = ProposalFactory(cycle=voting, status=Status.ON_BALLOT, moderator=user, **proposal_kwargs)
    BallotFactory(cycle=voting, proposals=[proposal])
    publish_results(voting, user)
    proposal.refresh_from_db()
    return proposal


def funded_proposal(user=None, **proposal_kwargs) -> Proposal:
    """A selected proposal (see `selected_proposal`) moved into implementation by a moderator."""
    user = user or make_moderator()
    proposal = selected_proposal(user, **proposal_kwargs)
    services.proposals.change_status(proposal=proposal, new_status=Status.IN_IMPLEMENTATION, user=user)
    proposal.refresh_from_db()
    return proposal


def voting_cycle(costs, ballots=(), **cycle_kwargs) -> tuple[PBCyclePage, list[Proposal]]:
    """A cycle whose vote is open, one proposal on its ballot per cost in `costs` (in that order), and `ballots`
    (lists of indices into those proposals) recorded at a public centre by an operator."""
    voting = cycle(schedule="voting", **cycle_kwargs)
    user = make_moderator()
    proposals = [
        ProposalFactory(cycle=voting, status=Status.ON_BALLOT, estimated_cost=c, moderator=user) for c in costs
    ]
    if ballots:
        operator = UserFactory(role=roles.OPERATORS)
        for n, chosen in enumerate(ballots):
            born = date(1960 + n * 15, 3, 1 + n)
            BallotFactory(cycle=voting, proposals=[proposals[i] for i in chosen], birth_date=born, operator=operator)
    return voting, proposals
