"""A small catalogue of projects built with tests/factories.py, for the catalogue and site-search tests (no demo).

Places in three languages, grouped as the place filter groups them: two regions with their cities and a city's
microdistricts, cities outside any region (one of them with districts, one without any project). Proposals of six
cycles, in every status a vote or a moderator gives: a published vote (selected, not selected, one moved into
implementation), cycles in discussion, and a vote still open with ballots whose count is not published. Most
proposals are translated into Russian and English (their own titles, texts and topics), as the demo's are; the
others keep their Kazakh aliases.

`build()` returns plain ids and names (a module builds it once, see `module_db` in tests/conftest.py);
`World(ids)` reads fresh rows from them in each test.
"""

from datetime import date

from wagtail.models import Locale
from wagtail_localize.models import StringSegment, Translation, TranslationSource
from wagtail_localize.segments import StringSegmentValue
from wagtail_localize.segments.extract import extract_segments

from home.models import StandardPage
from pb_module import services
from pb_module.models import PBCyclePage, Proposal, ProposalPage, Territory
from pb_module.rules.statuses import Status

from .. import factories as f

LANGS = ("kk", "ru", "en")
REGION, CITY, DISTRICT, MICRO = (
    Territory.Kind.REGION,
    Territory.Kind.CITY,
    Territory.Kind.DISTRICT,
    Territory.Kind.MICRODISTRICT,
)

# key: (kind, parent key, {language: name}); parents come first.
PLACES = {
    "zhetysu": (REGION, None, {"kk": "Fx Жетісу облысы", "ru": "Fx Жетысуская область", "en": "Fx Zhetysu Region"}),
    "taldy": (CITY, "zhetysu", {"kk": "Fx Талдықорған", "ru": "Fx Талдыкорган", "en": "Fx Taldykorgan"}),
    "taldy5": (MICRO, "taldy", {"kk": "Fx 5-шағын аудан", "ru": "Fx 5-й микрорайон", "en": "Fx Microdistrict 5"}),
    "taldy7": (MICRO, "taldy", {"kk": "Fx 7-шағын аудан", "ru": "Fx 7-й микрорайон", "en": "Fx Microdistrict 7"}),
    "tekeli": (CITY, "zhetysu", {"kk": "Fx Текелі", "ru": "Fx Текели", "en": "Fx Tekeli"}),
    "ulytau": (REGION, None, {"kk": "Fx Ұлытау облысы", "ru": "Fx Улытауская область", "en": "Fx Ulytau Region"}),
    "zhezkazgan": (CITY, "ulytau", {"kk": "Fx Жезқазған", "ru": "Fx Жезказган", "en": "Fx Zhezkazgan"}),
    "almaty": (CITY, None, {"kk": "Fx Алматы", "ru": "Fx Алматы", "en": "Fx Almaty"}),
    "alatau": (DISTRICT, "almaty", {"kk": "Fx Алатау ауданы", "ru": "Fx Алатауский район", "en": "Fx Alatau"}),
    "almaly": (DISTRICT, "almaty", {"kk": "Fx Алмалы ауданы", "ru": "Fx Алмалинский район", "en": "Fx Almaly"}),
    "auezov": (DISTRICT, "almaty", {"kk": "Fx Әуезов ауданы", "ru": "Fx Ауэзовский район", "en": "Fx Auezov"}),
    "bostandyq": (
        DISTRICT,
        "almaty",
        {"kk": "Fx Бостандық ауданы", "ru": "Fx Бостандыкский район", "en": "Fx Bostandyk"},
    ),
    "medeu": (DISTRICT, "almaty", {"kk": "Fx Медеу ауданы", "ru": "Fx Медеуский район", "en": "Fx Medeu"}),
    "astana": (CITY, None, {"kk": "Fx Астана", "ru": "Fx Астана", "en": "Fx Astana"}),  # no project
    "shymkent": (CITY, None, {"kk": "Fx Шымкент", "ru": "Fx Шымкент", "en": "Fx Shymkent"}),
}

VOTED_BUDGET = 30_000_000  # the published vote's (see VOTED)
# key: (place key, year, schedule, total budget)
CYCLES = {
    "taldy_vote": ("taldy", 2024, "voting", VOTED_BUDGET),
    "taldy_talk": ("taldy", 2025, "discussion", 100_000_000),
    "tekeli": ("tekeli", 2025, "discussion", 100_000_000),
    "zhezkazgan": ("zhezkazgan", 2025, "discussion", 100_000_000),
    "almaty": ("almaty", 2025, "discussion", 100_000_000),
    "shymkent": ("shymkent", 2027, "voting", 100_000_000),
}
PUBLISHED_YEAR, TALK_YEAR, OPEN_VOTE_YEAR = 2024, 2025, 2027


def _theme(theme: str, n: int) -> tuple[dict, dict]:
    """The texts ({language: {title, summary, description}}) and topics ({language: [tags]}) of a proposal."""
    texts = {
        "park": {
            "kk": (f"Fx {n}-шағын аудандағы аула саябағы", "Ауладағы саябақты абаттандыру.", "Орындықтар мен ағаштар."),
            "ru": (f"Fx Дворовый сквер в {n}-м микрорайоне", "Благоустройство двора.", "Скамейки и деревья у парка."),
            "en": (f"Fx A pocket park in microdistrict {n}", "A greener yard.", "Benches and trees by the park."),
        },
        "lighting": {
            "kk": (
                f"Fx {n}-шағын аудандағы көшелерді жарықтандыру",
                "Көше шамдары.",
                "Жаңа жарық бағаналары, жол бойында.",
            ),
            "ru": (f"Fx Освещение улиц в {n}-м микрорайоне", "Новые фонари.", "Освещение дворов и дорог у парка."),
            "en": (f"Fx Street lighting in microdistrict {n}", "New street lamps.", "Lighting along the road."),
        },
        "road": {
            "kk": (f"Fx Жол жөндеу {n}", "Аула жолын жөндеу.", "Асфальт және жарық."),
            "ru": (f"Fx Ремонт дороги {n}", "Ремонт дворовой дороги.", "Асфальт и бордюры возле парка."),
            "en": (f"Fx Road repair {n}", "A yard road repaired.", "Asphalt and kerbs."),
        },
        "skate": {
            "kk": (f"Fx Қалалық саябақтағы скейт-алаң {n}", "Жасөспірімдерге арналған алаң.", "Рампалар мен жарық."),
            "ru": (f"Fx Скейт-парк в городском парке {n}", "Площадка для подростков.", "Рампы и освещение."),
            "en": (f"Fx A skate park in the city park {n}", "A ground for teenagers.", "Ramps and lighting."),
        },
    }[theme]
    tags = {
        "park": {"kk": ["саябақ", "спорт"], "ru": ["парки", "спорт"], "en": ["parks-and-yards", "sport"]},
        "lighting": {"kk": ["жарықтандыру"], "ru": ["освещение"], "en": ["lighting"]},
        "road": {"kk": ["жолдар"], "ru": ["дороги"], "en": ["roads"]},
        "skate": {"kk": ["спорт"], "ru": ["спорт", "скейтбординг"], "en": ["sport"]},
    }[theme]
    return {lang: dict(zip(("title", "summary", "description"), t, strict=True)) for lang, t in texts.items()}, tags


THEMES = ("park", "lighting", "road", "skate")
# The published vote: (key, place, theme, number in its title, cost). The ballots give them 5, 4, 2, 2, 1, 0, 1, 1
# and 1 points; within its budget the vote selects all but the expensive road (and moves many counts when they
# all change status: see test_counts.py).
VOTED = [
    ("skate", "taldy", "skate", 1, 6_000_000),
    ("park5", "taldy5", "park", 5, 5_000_000),
    ("light7", "taldy7", "lighting", 7, 4_000_000),
    ("road5", "taldy5", "road", 2, 20_000_000),
    ("light5", "taldy5", "lighting", 5, 3_000_000),
    ("park7", "taldy7", "park", 7, 2_000_000),
    ("road7", "taldy7", "road", 3, 2_000_000),
    ("skate5", "taldy5", "skate", 4, 2_000_000),
    ("light", "taldy", "lighting", 6, 2_000_000),
]
VOTED_BALLOTS = [[0, 1, 2], [0, 1, 2], [0, 1, 3], [0, 1, 3], [0, 4, 6, 7, 8]]
TALK_STATUSES = [Status.IN_DISCUSSION, Status.IN_MODERATION, Status.ON_BALLOT, Status.REJECTED]
# The other cycles' proposals: (cycle, place, how many); themes and statuses in turn.
OTHERS = [
    ("taldy_talk", "taldy", 5),
    ("taldy_talk", "taldy5", 4),
    ("taldy_talk", "taldy7", 4),
    ("tekeli", "tekeli", 2),
    ("zhezkazgan", "zhezkazgan", 1),
    ("almaty", "almaty", 1),
    ("almaty", "alatau", 1),
    ("almaty", "almaly", 1),
    ("almaty", "auezov", 1),
    ("almaty", "bostandyq", 1),
    ("almaty", "medeu", 1),
]


def translate_proposal(page: ProposalPage, texts: dict, tags: dict) -> None:
    """Translate a proposal's page with wagtail-localize into Russian and English (its alias in each becomes a
    translation, as a translator's work makes it), each with its own topics, published."""
    source, created = TranslationSource.get_or_create_from_instance(page)
    if not created:
        source.update_from_db()
    segments = list(StringSegment.objects.filter(source=source).select_related("string", "context").order_by("order"))
    for code in ("ru", "en"):
        target = ProposalPage(**texts[code], location=page.location, slug=page.slug)
        values = [s for s in extract_segments(target) if isinstance(s, StringSegmentValue)]
        assert len(values) == len(segments), "the translation's strings match the source's"
        for segment, value in zip(segments, values, strict=True):
            segment.string.translations.update_or_create(
                locale=f.locale(code),
                context=segment.context,
                defaults={"data": value.string.data, "translation_type": "manual"},
            )
        translation, _ = Translation.objects.get_or_create(source=source, target_locale=f.locale(code))
        translation.save_target(publish=False)
        translated = ProposalPage.objects.get(translation_key=page.translation_key, locale=f.locale(code))
        translated.tags.set(tags[code], clear=True)
        translated.save_revision().publish()


def _places() -> dict[str, int]:
    """The places of PLACES, translated; their ids by key."""
    made = {}
    for key, (kind, parent, names) in PLACES.items():
        category = "" if kind != CITY else Territory.Category.OBLAST if parent else Territory.Category.REPUBLICAN
        place = f.TerritoryFactory(
            name=names["kk"],
            kind=kind,
            parent=Territory.objects.get(pk=made[parent]) if parent else None,
            settlement_category=category,
            translations={"ru": names["ru"], "en": names["en"]},
        )
        made[key] = place.pk
    return made


def _proposal(cycle, place, theme, n, status, moderator, translated=True, cost=5_000_000):
    """A proposal of a theme submitted in Kazakh, moved to `status`, then translated (unless `translated=False`)."""
    texts, tags = _theme(theme, n)
    proposal = f.ProposalFactory(
        cycle=cycle,
        district=place,
        status=status,
        moderator=moderator,
        estimated_cost=cost,
        tags=tags["kk"],
        **texts["kk"],
    )
    if translated:
        translate_proposal(proposal.pages.get(locale__language_code="kk", alias_of__isnull=True), texts, tags)
    return proposal


def build() -> dict:
    """Build the catalogue; returns the ids of its places, cycles and proposals by key."""
    f.home_page()
    moderator = f.make_moderator()
    places = _places()
    cycles = {}
    for key, (place, year, schedule, budget) in CYCLES.items():
        city = Territory.objects.get(pk=places[place])
        titles = {lang: f"{PLACES[place][2][lang]} {year}" for lang in LANGS}
        made = f.cycle(
            schedule=schedule, territory=city, year=year, total_budget=budget, title=titles["kk"], translations=titles
        )
        cycles[key] = made.pk
    cycle = lambda key: PBCyclePage.objects.get(pk=cycles[key])  # noqa: E731
    place = lambda key: Territory.objects.get(pk=places[key])  # noqa: E731
    proposals = {}

    voted = [
        _proposal(cycle("taldy_vote"), place(where), theme, n, Status.ON_BALLOT, moderator, cost=cost)
        for _key, where, theme, n, cost in VOTED
    ]
    for born, chosen in enumerate(VOTED_BALLOTS):
        f.BallotFactory(cycle=cycle("taldy_vote"), proposals=[voted[i] for i in chosen], birth_date=_born(born))
    f.publish_results(cycle("taldy_vote"), moderator)
    proposals.update({key: p.pk for (key, *_rest), p in zip(VOTED, voted, strict=True)})
    services.proposals.change_status(
        proposal=Proposal.objects.get(pk=proposals["park5"]), new_status=Status.IN_IMPLEMENTATION, user=moderator
    )

    n = 10
    for cycle_key, where, count in OTHERS:
        for i in range(count):
            n += 1
            made = _proposal(
                cycle(cycle_key),
                place(where),
                THEMES[n % len(THEMES)],
                n,
                TALK_STATUSES[n % len(TALK_STATUSES)],
                moderator,
                translated=n % 5 != 0,  # every fifth keeps its aliases
                cost=3_000_000 + 1_000_000 * (n % 9),
            )
            proposals[f"{cycle_key}-{where}-{i}"] = made.pk

    # An open vote with ballots: its count is not published, so no vote count may show.
    open_vote = [
        _proposal(cycle("shymkent"), place("shymkent"), theme, 90 + i, Status.ON_BALLOT, moderator)
        for i, theme in enumerate(("park", "road", "lighting"))
    ]
    for born, chosen in enumerate([[0, 1], [0], [2]]):
        f.BallotFactory(cycle=cycle("shymkent"), proposals=[open_vote[i] for i in chosen], birth_date=_born(born))
    proposals.update({f"open-{i}": p.pk for i, p in enumerate(open_vote)})

    # A page of another kind, with an English translation: "About the programme".
    about = StandardPage(title="Fx Бағдарлама туралы", slug="fx-about")
    f.home_page().add_child(instance=about)
    about.save_revision().publish()
    f.translate(about, {"ru": "Fx О программе", "en": "Fx About the participatory budget"})
    return {"places": places, "cycles": cycles, "proposals": proposals, "about": about.pk}


def _born(n):
    """A voter's birth date: each ballot of a vote is another person's."""
    return date(1960 + 3 * n, 1 + n % 12, 1 + n)


class World:
    """The built catalogue, read afresh: places, cycles, proposals and their pages by key and language."""

    def __init__(self, ids: dict):
        self.ids = ids

    def place(self, key: str, lang: str = "kk") -> Territory:
        return Territory.objects.get(pk=self.ids["places"][key]).get_translation(Locale.objects.get(language_code=lang))

    def name(self, key: str, lang: str = "kk") -> str:
        return PLACES[key][2][lang]

    def cycle(self, key: str, lang: str = "kk") -> PBCyclePage:
        page = PBCyclePage.objects.get(pk=self.ids["cycles"][key])
        return page.get_translation(Locale.objects.get(language_code=lang))

    def proposal(self, key: str) -> Proposal:
        return Proposal.objects.get(pk=self.ids["proposals"][key])

    def page(self, key: str, lang: str = "kk") -> ProposalPage:
        return ProposalPage.objects.get(proposal=self.proposal(key), locale__language_code=lang)

    def title(self, key: str, lang: str = "kk") -> str:
        return self.page(key, lang).title
