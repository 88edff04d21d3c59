"""The projects of tests/search/test_es_catalogue.py, built with tests/factories.py (no demo).

Places in three languages, as the place filter groups them: two regions (Pavlodar with the town of Aksu and its
three sub-places, and a second town; Mangystau with Aktau) and three cities outside any region. A test builds the
parts it needs (`Catalogue`): the places alone, the vote of Aksu whose results are published (one winner moved
into implementation and completed), the open vote of Shymkent with ballots whose count is not published, a
published vote of the year before in Pavlodar region, and cycles in discussion in Aktau and Almaty. Proposals are
written in Kazakh, Russian or English (a page in each language: the author's, and aliases of it in the others).
"""

from datetime import date

from pb_module import services
from pb_module.models import PBCyclePage, Proposal, ProposalPage, Territory
from pb_module.rules.statuses import Status

from .. import factories as f

REGION, CITY, VILLAGE, MICRO = (
    Territory.Kind.REGION,
    Territory.Kind.CITY,
    Territory.Kind.VILLAGE,
    Territory.Kind.MICRODISTRICT,
)

# key: (kind, parent key, {language: name}); parents come first.
PLACES = {
    "almaty": (CITY, None, {"kk": "Fx Алматы", "ru": "Fx Алматы", "en": "Fx Almaty"}),
    "astana": (CITY, None, {"kk": "Fx Астана", "ru": "Fx Астана", "en": "Fx Astana"}),  # no project
    "mangystau": (
        REGION,
        None,
        {"kk": "Fx Маңғыстау облысы", "ru": "Fx Мангистауская область", "en": "Fx Mangystau Region"},
    ),
    "aktau": (CITY, "mangystau", {"kk": "Fx Ақтау", "ru": "Fx Актау", "en": "Fx Aktau"}),
    "pavlodar": (
        REGION,
        None,
        {"kk": "Fx Павлодар облысы", "ru": "Fx Павлодарская область", "en": "Fx Pavlodar Region"},
    ),
    "aksu": (CITY, "pavlodar", {"kk": "Fx Ақсу", "ru": "Fx Аксу", "en": "Fx Aksu"}),
    "aksu_centre": (
        MICRO,
        "aksu",
        {"kk": "Fx Ақсу қаласының орталығы", "ru": "Fx Центр города Аксу", "en": "Fx Aksu town centre"},
    ),
    "yevgenyevka": (
        VILLAGE,
        "aksu",
        {"kk": "Fx Евгеньевка ауылы", "ru": "Fx село Евгеньевка", "en": "Fx Evgenievka village"},
    ),
    "kalkaman": (VILLAGE, "aksu", {"kk": "Fx Қалқаман ауылы", "ru": "Fx село Калкаман", "en": "Fx Kalkaman village"}),
    "ekibastuz": (CITY, "pavlodar", {"kk": "Fx Екібастұз", "ru": "Fx Экибастуз", "en": "Fx Ekibastuz"}),
    "shymkent": (CITY, None, {"kk": "Fx Шымкент", "ru": "Fx Шымкент", "en": "Fx Shymkent"}),
}
# The top places in the order of their Kazakh names, and the places below Pavlodar region, depth first.
TOP_PLACES = ["almaty", "astana", "mangystau", "pavlodar", "shymkent"]
PAVLODAR_PLACES = ["pavlodar", "aksu", "aksu_centre", "yevgenyevka", "kalkaman", "ekibastuz"]

SKATE_PARK = "Fx Скейт-парк в городском парке Аксу"
SKATE_PARK_TAGS = ["молодёжь", "парк", "спорт"]
CYCLE_LANE = "Fx Велодорожка на проспекте Абая"
CYCLE_LANE_SUMMARY = "Безопасная велодорожка длиной 3 км вдоль проспекта Абая."
CYCLE_LANE_COST = 58_000_000
SUBMITTED = "Fx Велодорожка по улице Тимирязева"
AKSU_BALLOTS = 3  # every ballot of Aksu's vote (AKSU_CHOICES) chooses the skate park

# Proposals of the Aksu vote: (key, language, place, title, tags, cost). Its budget takes the first three.
AKSU = [
    ("skate", "ru", "aksu_centre", SKATE_PARK, SKATE_PARK_TAGS, 12_000_000),
    ("kalkaman_light", "kk", "kalkaman", "Fx Қалқаман ауылының көшелерін жарықтандыру", ["жарық"], 7_000_000),
    ("kalkaman_lamps", "en", "kalkaman", "Fx Street lighting in Kalkaman village", ["lighting"], 6_000_000),
    ("kalkaman_park", "en", "kalkaman", "Fx A pocket park in Kalkaman village", ["park", "sport"], 4_000_000),
]
AKSU_BUDGET = 25_000_000
# Which proposals (indices into AKSU) each ballot chooses.
AKSU_CHOICES = [[0, 1, 2], [0, 1], [0, 3]]

# The open vote of Shymkent: (key, language, title, cost, summary); the ballots choose the cycle lane once.
SHYMKENT = [
    ("lane", "ru", CYCLE_LANE, CYCLE_LANE_COST, CYCLE_LANE_SUMMARY),
    ("square", "kk", "Fx Шымкенттегі саябақты абаттандыру", 25_000_000, None),
    ("fountain", "en", "Fx A fountain in the city park", 15_000_000, None),
]
SHYMKENT_CHOICES = [[0, 1], [1, 2], [1]]

# The published vote of the year before in Pavlodar region: (key, language, place, title, cost); its budget does
# not take them all.
PAVLODAR_2024 = [
    ("ekibastuz_yard", "ru", "ekibastuz", "Fx Благоустройство двора в Экибастузе", 8_000_000),
    ("aksu_library", "kk", "aksu", "Fx Ақсудағы кітапхана жөндеу", 5_000_000),
    ("aksu_bus", "en", "aksu", "Fx A bus shelter in Aksu", 2_000_000),
]
PAVLODAR_CHOICES = [[0, 1], [0], [1]]
PAVLODAR_BUDGET = 10_000_000

# Proposals of cycles in discussion: (key, cycle, language, place, title, tags, status, cost).
TALK = [
    ("aktau_park", "aktau", "kk", "aktau", "Fx Ақтаудағы саябақты абаттандыру", ["саябақ"], Status.IN_DISCUSSION, 30),
    ("aktau_streets", "aktau", "kk", "aktau", "Fx 5-шағын аудандағы көшелерді жарықтандыру", [], Status.ON_BALLOT, 14),
    ("aktau_parks", "aktau", "ru", "aktau", "Fx Реконструкция парков у моря", ["парки"], Status.IN_DISCUSSION, 40),
    ("aktau_lamps", "aktau", "en", "aktau", "Fx Street lighting on the seafront", ["lighting"], Status.ON_BALLOT, 11),
    ("aktau_rejected", "aktau", "ru", "aktau", "Fx Парковка у набережной", [], Status.REJECTED, 2),
    ("aktau_waiting", "aktau", "kk", "aktau", "Fx Жағалаудағы орындықтар", [], Status.IN_MODERATION, 1),
]
# Enough proposals of Almaty in discussion that the unfunded ones fill more than one page (20) in any language.
ALMATY_TALK = [
    (f"almaty_{n}", "almaty", language, "almaty", title, [], status, 3 + n)
    for n, (language, title, status) in enumerate(
        [
            ("kk", "Fx Аулаға орындықтар", Status.IN_DISCUSSION),
            ("ru", "Fx Скамейки во дворе", Status.IN_DISCUSSION),
            ("en", "Fx Benches in the yard", Status.ON_BALLOT),
            ("kk", "Fx Балалар алаңын жөндеу", Status.IN_MODERATION),
            ("ru", "Fx Ремонт детской площадки", Status.IN_DISCUSSION),
            ("en", "Fx A basketball court", Status.REJECTED),
            ("kk", "Fx Аялдама жөндеу", Status.IN_DISCUSSION),
            ("ru", "Fx Новая остановка", Status.ON_BALLOT),
            ("en", "Fx Trees along the street", Status.IN_DISCUSSION),
            ("kk", "Fx Гүлзар отырғызу", Status.IN_DISCUSSION),
            ("ru", "Fx Пандус у поликлиники", Status.IN_DISCUSSION),
        ]
    )
]

SUMMARIES = {"kk": "Fx қысқаша сипаттама.", "ru": "Fx краткое описание.", "en": "Fx a short summary."}
DESCRIPTIONS = {"kk": "Fx толық сипаттама.", "ru": "Fx полное описание.", "en": "Fx a full description."}


def _born(n: int) -> date:
    return date(1960 + 3 * n, 1 + n % 12, 1 + n)


class Catalogue:
    """The places, cycles and proposals a test built, by key; rows are read afresh."""

    def __init__(self):
        self.places: dict[str, int] = {}
        self.cycles: dict[str, int] = {}
        self.proposals: dict[str, int] = {}
        self._moderator = None

    # --- reading ---

    def place(self, key: str, lang: str = "kk") -> Territory:
        return Territory.objects.get(pk=self.places[key]).get_translation(f.locale(lang))

    def key(self, place: str) -> str:
        """The translation key of a place, as documents and requests have it."""
        return str(self.place(place).translation_key)

    def cycle(self, key: str, lang: str = "kk") -> PBCyclePage:
        return PBCyclePage.objects.get(pk=self.cycles[key]).get_translation(f.locale(lang))

    def cycle_key(self, key: str) -> str:
        return str(self.cycle(key).translation_key)

    def proposal(self, key: str) -> Proposal:
        return Proposal.objects.get(pk=self.proposals[key])

    def page(self, key: str, lang: str = "kk") -> ProposalPage:
        return ProposalPage.objects.get(proposal_id=self.proposals[key], locale__language_code=lang)

    # --- building ---

    @property
    def moderator(self):
        if self._moderator is None:
            self._moderator = f.make_moderator()
        return self._moderator

    def with_places(self) -> "Catalogue":
        f.home_page()
        for key, (kind, parent, names) in PLACES.items():
            made = f.TerritoryFactory(
                name=names["kk"],
                kind=kind,
                parent=Territory.objects.get(pk=self.places[parent]) if parent else None,
                settlement_category=Territory.Category.REPUBLICAN if kind == CITY and not parent else "",
                population_16_plus=50_000 if kind in (CITY, REGION) else None,
                translations={"ru": names["ru"], "en": names["en"]},
            )
            if kind == CITY and parent:
                made.settlement_category = Territory.Category.OBLAST
                made.save()
            self.places[key] = made.pk
        return self

    def add_cycle(self, key: str, place: str, year: int, schedule: str, budget: int = 100_000_000) -> PBCyclePage:
        """A cycle of a place, titled "<place> <year>" in every language (slug "fx-<place>-<year>")."""
        names = PLACES[place][2]
        titles = {lang: f"{name} {year}" for lang, name in names.items()}
        made = f.cycle(
            schedule=schedule,
            territory=Territory.objects.get(pk=self.places[place]),
            year=year,
            total_budget=budget,
            title=titles["kk"],
            slug=f"fx-{place}-{year}",
            translations=titles,
        )
        self.cycles[key] = made.pk
        return made

    def _proposal(
        self, key, cycle, language, place, title, status=Status.ON_BALLOT, tags=(), cost=5_000_000, summary=None
    ):
        made = f.ProposalFactory(
            cycle=cycle,
            language=language,
            district=Territory.objects.get(pk=self.places[place]),
            title=title,
            summary=summary or SUMMARIES[language],
            description=DESCRIPTIONS[language],
            tags=list(tags),
            estimated_cost=cost,
            status=status,
            moderator=self.moderator,
        )
        self.proposals[key] = made.pk
        return made

    def _vote(self, cycle, proposals, choices) -> None:
        for n, chosen in enumerate(choices):
            f.BallotFactory(cycle=cycle, proposals=[proposals[i] for i in chosen], birth_date=_born(n))

    def with_aksu_vote(self) -> "Catalogue":
        """Aksu's cycle of 2025: its results published (three proposals selected, one not), the skate park (every
        ballot's choice) moved into implementation and completed."""
        cycle = self.add_cycle("aksu", "aksu", 2025, "voting", AKSU_BUDGET)
        proposals = [
            self._proposal(key, cycle, language, place, title, tags=tags, cost=cost)
            for key, language, place, title, tags, cost in AKSU
        ]
        self._vote(cycle, proposals, AKSU_CHOICES)
        f.publish_results(PBCyclePage.objects.get(pk=cycle.pk), self.moderator)
        skate = self.proposal("skate")
        for status in (Status.IN_IMPLEMENTATION, Status.COMPLETED):
            services.proposals.change_status(proposal=skate, new_status=status, user=self.moderator)
            skate.refresh_from_db()
        return self

    def with_shymkent_vote(self) -> "Catalogue":
        """Shymkent's cycle of 2027, its vote open: three ballots, one of them for the cycle lane, and a submitted
        proposal no one may see yet."""
        cycle = self.add_cycle("shymkent", "shymkent", 2027, "voting")
        proposals = [
            self._proposal(key, cycle, language, "shymkent", title, cost=cost, summary=summary)
            for key, language, title, cost, summary in SHYMKENT
        ]
        self._vote(cycle, proposals, SHYMKENT_CHOICES)
        self._proposal("submitted", cycle, "ru", "shymkent", SUBMITTED, status=Status.SUBMITTED)
        return self

    def with_pavlodar_2024(self) -> "Catalogue":
        """Pavlodar region's cycle of 2024, its results published."""
        cycle = self.add_cycle("pavlodar", "pavlodar", 2024, "voting", PAVLODAR_BUDGET)
        proposals = [
            self._proposal(key, cycle, language, place, title, cost=cost)
            for key, language, place, title, cost in PAVLODAR_2024
        ]
        self._vote(cycle, proposals, PAVLODAR_CHOICES)
        f.publish_results(PBCyclePage.objects.get(pk=cycle.pk), self.moderator)
        return self

    def with_talk(self) -> "Catalogue":
        """Aktau's and Almaty's cycles of 2026, in discussion, with proposals in every status before the vote."""
        cycles = {"aktau": self.add_cycle("aktau", "aktau", 2026, "discussion")}
        cycles["almaty"] = self.add_cycle("almaty", "almaty", 2026, "discussion")
        for key, cycle, language, place, title, tags, status, millions in TALK + ALMATY_TALK:
            self._proposal(key, cycles[cycle], language, place, title, status, tags, millions * 1_000_000)
        return self


def everything() -> Catalogue:
    return Catalogue().with_places().with_aksu_vote().with_shymkent_vote().with_pavlodar_2024().with_talk()
