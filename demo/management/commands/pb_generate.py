"""Many realistic proposals in bulk, for scale tests of the catalogue (issue 6, part 5).

    python manage.py pb_generate --proposals 100000 [--seed 1] [--years 2019-2027] [--cycles-per-year 3]
    python manage.py pb_generate --delete [--seed 1]

Needs the demo's territories and PB section (`load_demo`). Cycles go through the page API (a few per city and
year, few in all); proposals do not: the services take tens of milliseconds a proposal, so the rows are written
in bulk, in one transaction:

1. `pb_module_proposal` and `pb_module_proposalstatuschange`: multi-row INSERTs built from the models' fields
   (`_insert_rows`), values prepared by each field as the ORM would, but without `pre_save`, so the dates of
   the past survive `auto_now_add`. The new proposal ids are read back by external id.
2. `wagtailcore_page`: `bulk_create` of plain `Page` objects whose content type is ProposalPage's. Their
   treebeard paths are computed here: each cycle's next free step after its last child (`Page._get_path`),
   depth = cycle depth + 1, numchild 0; url_path = cycle's url_path + slug + "/"; live, published, kk locale,
   a translation key derived from the external id.
3. `pb_module_proposalpage` (the multi-table child: Django's bulk_create refuses such models): multi-row
   INSERTs of `ProposalPage`'s own columns, page_ptr_id = the ids bulk_create returned; `search_text` from
   `searchable_text`, exactly what `ProposalPage.save()` stores.
4. `pb_module_proposaltag`: bulk_create; the catalogue's rows (search/catalogue/index.py); then each touched
   cycle's numchild is counted again, and the database is ANALYZEd (the planners need statistics after 100 000
   rows).
"""

import math
import random
import time as clock
import uuid
from bisect import bisect
from datetime import date, datetime, time, timedelta
from itertools import accumulate
from types import SimpleNamespace

from django.contrib.contenttypes.models import ContentType
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.db.models import CASCADE, Max, ProtectedError
from django.utils import timezone
from django.utils.text import slugify
from taggit.models import Tag
from wagtail.models import Locale, Page, PageLogEntry, ReferenceIndex, Revision, WorkflowState
from wagtail.search.models import IndexEntry

from demo.home import demo_key, publish
from demo.pb_content import TERRITORIES
from demo.results import AUTHORS, KINDS, PLACES
from pb_module import roles, services
from pb_module.integrations import crypto
from pb_module.models import (
    CyclePhase,
    PBCyclePage,
    PBIndexPage,
    Proposal,
    ProposalPage,
    ProposalStatusChange,
    ProposalTag,
    Territory,
)
from pb_module.models.proposal import searchable_text
from pb_module.rules import money
from pb_module.rules.phases import ORDER, Phase, PhaseDates
from pb_module.rules.statuses import Status
from search.catalogue import index as catalogue_index
from words.formatting import format_number

S = Status
NAMESPACE = uuid.UUID("7d0c3b8e-2f1a-4c55-9e0b-6a1f3c2d4e5f")
BATCH = 2000
# The MRP of years before the migrations' rates (2023-): only to keep generated costs within the caps.
PAST_MRP = {2018: 2405, 2019: 2525, 2020: 2651, 2021: 2917, 2022: 3063}

# Kinds of programme a city runs; one cycle each in a city-year (the first `--cycles-per-year` of them).
PROGRAMMES = ["халықтық қатысу бюджеті", "аула бюджеті", "жастар бастамалары", "мектеп бюджеті", "ауыл бюджеті"]
INTRO = "{place} тұрғындары {budget} теңгені қандай жобаларға жұмсау керектігін ұсынып, талқылап, дауыспен шешеді."
BUDGETS = {
    "republican": [300_000_000, 500_000_000, 750_000_000, 1_000_000_000],
    "oblast": [80_000_000, 150_000_000, 250_000_000, 400_000_000, 600_000_000],
    "district": [20_000_000, 40_000_000, 60_000_000],
    "rural": [20_000_000, 40_000_000, 60_000_000],
}
# Where a proposal is, in the attributive form of kk titles; other places fall back to "<name> аумағындағы".
ATTRIBUTIVE = {key: place["kk"] for key, place in PLACES.items()} | {
    "aktau": "Ақтау қаласындағы",
    "aksu": "Ақсу қаласындағы",
    "almaty": "Алматы қаласындағы",
    "almaty-bostandyq": "Бостандық ауданындағы",
    "almaty-almaly": "Алмалы ауданындағы",
    "almaty-medeu": "Медеу ауданындағы",
    "almaty-auezov": "Әуезов ауданындағы",
    "almaty-alatau": "Алатау ауданындағы",
    "astana": "Астана қаласындағы",
    "shymkent": "Шымкент қаласындағы",
}
STREETS = [
    "Абай",
    "Достық",
    "Тәуелсіздік",
    "Жамбыл",
    "Төле би",
    "Қабанбай батыр",
    "Сәтбаев",
    "Әуезов",
    "Байтұрсынұлы",
    "Құрманғазы",
    "Желтоқсан",
    "Наурызбай батыр",
    "Бейбітшілік",
    "Республика",
    "Сейфуллин",
    "Мұқанов",
    "Махамбет",
    "Шоқан Уәлиханов",
    "Жібек жолы",
    "Орталық",
]
VILLAGE_ONLY = {"village-streets", "village-park"}
TOWN_ONLY = {"yard-roads", "parking", "dog-area", "cctv"}
TAGS = {
    "yard-roads": ["жол", "абаттандыру"],
    "village-streets": ["жол", "ауыл"],
    "lighting": ["жарықтандыру", "қауіпсіздік"],
    "playground": ["балалар алаңы"],
    "football": ["спорт", "жастар"],
    "greening": ["көгалдандыру", "экология"],
    "benches": ["абаттандыру"],
    "shelters": ["қоғамдық көлік"],
    "step-free": ["қолжетімділік", "жол"],
    "parking": ["автотұрақ"],
    "sports-ground": ["спорт"],
    "fountains": ["су", "абаттандыру"],
    "drainage": ["су", "жол"],
    "crossings": ["қауіпсіздік", "жол"],
    "dog-area": ["жануарлар"],
    "basketball": ["спорт", "жастар"],
    "cctv": ["қауіпсіздік"],
    "stage": ["мәдениет"],
    "village-park": ["саябақ", "ауыл"],
    "ice-rink": ["спорт", "балалар"],
}
EXTRAS = [
    "Жобаны аула тұрғындарының бастамашыл тобы қолдайды.",
    "Жұмыстарды бір маусымда аяқтауға болады.",
    "Жоба мүгедектігі бар адамдардың қажеттіліктерін ескереді.",
    "Тұрғындар жиналысында {n} адам жобаны қолдады.",
    "Кейін күтіп-ұстауды аудан әкімдігі өз мойнына алуға дайын.",
]
RARE_EXTRA = "Шамдар күн панельдерінен қуат алады."  # lighting only, one in ten: about 0.5 % of proposals
REJECTIONS = [
    "Ұсыныс жергілікті бюджеттің құзыретіне жатпайды.",
    "Ұсынылған жер телімі жеке меншікте.",
    "Жоба қала құрылысы жоспарына қайшы келеді.",
]
MODERATORS = ["Дана Сейітова", "Ержан Төлеуов", "Айгерім Нұрланова"]
# When a status is reached: the start of a phase of the cycle, plus days (a range).
WHEN = {
    S.REJECTED: (Phase.MODERATION, 5, 20),
    S.IN_DISCUSSION: (Phase.DISCUSSION, 0, 3),
    S.IN_EXPERT_REVIEW: (Phase.EXPERT_REVIEW, 0, 3),
    S.ON_BALLOT: (Phase.VOTING, -3, -1),
    S.SELECTED: (Phase.RESULTS, 0, 2),
    S.NOT_SELECTED: (Phase.RESULTS, 0, 2),
    S.IN_IMPLEMENTATION: (Phase.IMPLEMENTATION, 0, 20),
    S.STALLED: (Phase.IMPLEMENTATION, 60, 240),
    S.COMPLETED: (Phase.IMPLEMENTATION, 60, 400),
}
FUNDED = {S.SELECTED, S.IN_IMPLEMENTATION, S.COMPLETED, S.STALLED}


def _mrp(year: int) -> int:
    from pb_module.models import MrpRate

    rates = PAST_MRP | MrpRate.as_dict()
    return money.mrp_for_year(rates, year).tenge


def _phases(year: int, k: int, reviewed: bool) -> list[PhaseDates]:
    """A budget year's cycle: collection from the autumn before, results in February, works from March."""
    start = date(year - 1, 9, 15) + timedelta(days=12 * k)
    span = [(Phase.COLLECTION, 0, 44), (Phase.MODERATION, 45, 69)]
    if reviewed:
        span += [(Phase.DISCUSSION, 70, 89), (Phase.EXPERT_REVIEW, 90, 114)]
    span += [(Phase.VOTING, 120, 141), (Phase.RESULTS, 142, 151)]
    dates = [PhaseDates(p, start + timedelta(days=a), start + timedelta(days=b)) for p, a, b in span]
    return [*dates, PhaseDates(Phase.IMPLEMENTATION, start + timedelta(days=165), None)]


def _stage(phases: list[PhaseDates], today: date) -> Phase | None:
    """The latest phase that has started by `today` (None: the cycle has not started)."""
    started = [p.phase for p in phases if p.starts_on <= today]
    return max(started, key=ORDER.index) if started else None


def _weighted(rng, table: dict):
    return rng.choices(list(table), list(table.values()))[0]


def _final_status(rng, cycle) -> Status:
    stage, has = cycle.stage, cycle.reviewed
    if stage in (Phase.COLLECTION, Phase.MODERATION):
        return _weighted(rng, {S.IN_MODERATION: 0.6, S.IN_DISCUSSION: 0.25 if has else 0, S.REJECTED: 0.15})
    if stage == Phase.DISCUSSION:
        return _weighted(rng, {S.IN_DISCUSSION: 0.75, S.IN_EXPERT_REVIEW: 0.15, S.REJECTED: 0.1})
    if stage == Phase.EXPERT_REVIEW:
        return _weighted(rng, {S.IN_EXPERT_REVIEW: 0.7, S.ON_BALLOT: 0.15, S.REJECTED: 0.15})
    if stage == Phase.VOTING:
        return _weighted(rng, {S.ON_BALLOT: 0.88, S.REJECTED: 0.12})
    if stage == Phase.RESULTS:
        return _weighted(rng, {S.SELECTED: 0.22, S.NOT_SELECTED: 0.66, S.REJECTED: 0.12})
    age = (cycle.today - cycle.dates[Phase.IMPLEMENTATION].starts_on).days
    if age < 180:
        funded = {S.SELECTED: 0.08, S.IN_IMPLEMENTATION: 0.17, S.COMPLETED: 0.03, S.STALLED: 0.01}
    elif age < 540:
        funded = {S.SELECTED: 0.01, S.IN_IMPLEMENTATION: 0.09, S.COMPLETED: 0.16, S.STALLED: 0.03}
    else:
        funded = {S.IN_IMPLEMENTATION: 0.02, S.COMPLETED: 0.23, S.STALLED: 0.04}
    return _weighted(rng, {S.REJECTED: 0.1, S.NOT_SELECTED: 0.6, **funded})


def _path(final: Status, cycle) -> list[Status]:
    """The statuses a proposal went through to `final`, each allowed by rules.statuses.TRANSITIONS."""
    steps = [S.SUBMITTED, S.IN_MODERATION]
    if final in (S.IN_MODERATION, S.REJECTED):
        return steps + ([S.REJECTED] if final == S.REJECTED else [])
    for status in (S.IN_DISCUSSION, S.IN_EXPERT_REVIEW) if cycle.reviewed else ():
        steps.append(status)
        if final == status:
            return steps
    steps.append(S.ON_BALLOT)
    if final in (S.ON_BALLOT, S.NOT_SELECTED):
        return steps + ([S.NOT_SELECTED] if final == S.NOT_SELECTED else [])
    steps.append(S.SELECTED)
    if final != S.SELECTED:
        steps.append(S.IN_IMPLEMENTATION)
    if final in (S.COMPLETED, S.STALLED):
        steps.append(final)
    return steps


def _insert_rows(model, names: list[str], rows: list[tuple]) -> None:
    """INSERT `rows` (values in the order of the field `names`) into `model`'s own table, many a statement.

    Each value is prepared by its field (`get_db_prep_save`: dates, UUIDs, foreign keys), as the ORM does, but
    `pre_save` is not called, so `auto_now_add` fields keep the value given. Works on SQLite and PostgreSQL.
    """
    fields = [model._meta.get_field(name) for name in names]
    quote = connection.ops.quote_name
    columns = ", ".join(quote(f.column) for f in fields)
    one = "(" + ", ".join(["%s"] * len(fields)) + ")"
    size = max(1, min(1000, (connection.features.max_query_params or 60_000) // len(fields)))
    with connection.cursor() as cursor:
        for start in range(0, len(rows), size):
            chunk = rows[start : start + size]
            params = [f.get_db_prep_save(v, connection) for row in chunk for f, v in zip(fields, row, strict=True)]
            table = quote(model._meta.db_table)
            sql = f"INSERT INTO {table} ({columns}) VALUES {', '.join([one] * len(chunk))}"  # noqa: S608 - names from _meta
            cursor.execute(sql, params)


def _chunks(items, size):
    items = list(items)
    for start in range(0, len(items), size):
        yield items[start : start + size]


class Command(BaseCommand):
    help = (
        "Generate N realistic kk proposals in bulk across the demo's cities, districts and years, under cycles "
        "made for them (slug gen-s<seed>-...), for scale tests of the catalogue; --delete removes them. "
        "Proposals are recognised by external_id gen:<seed>:<n>, so a second run with the same seed adds only "
        "what is missing. Generated cycles carry no ballots and no TallyResult: their published_votes are set "
        "directly. Only kk pages are made (no ru/en aliases). Signals are bypassed: the catalogue's database rows "
        "are written, but the pages are not in the Wagtail search index nor in the Elasticsearch catalogue (run "
        "update_index, catalogue_reindex). Run "
        "--delete before load_demo again: its tree synchronisation would alias every generated page one by one."
    )

    def add_arguments(self, parser):
        parser.add_argument("--proposals", type=int, help="How many proposals the seed should have in all.")
        parser.add_argument("--seed", type=int, help="Seed of the data (default 1; with --delete: every seed).")
        parser.add_argument("--years", default="2019-2027", help="Budget years, FIRST-LAST (default 2019-2027).")
        parser.add_argument("--cycles-per-year", type=int, default=3, help="Cycles per city and year (1-5).")
        parser.add_argument("--delete", action="store_true", help="Remove the generated rows instead.")

    def handle(self, *args, proposals=None, seed=None, years="2019-2027", cycles_per_year=3, delete=False, **kw):
        if delete:
            return self._delete(seed)
        if proposals is None or proposals < 0:
            raise CommandError("Give --proposals N (N >= 0), or --delete.")
        try:
            first, last = (int(y) for y in years.split("-"))
        except ValueError as error:
            raise CommandError("--years must look like 2019-2027.") from error
        if not 1 <= cycles_per_year <= len(PROGRAMMES) or first > last:
            raise CommandError(f"--cycles-per-year must be 1-{len(PROGRAMMES)} and the years in order.")
        seed = 1 if seed is None else seed
        began = clock.perf_counter()
        cycles = self._cycles(seed, range(first, last + 1), cycles_per_year)
        made_cycles = clock.perf_counter() - began
        prefix = f"gen:{seed}:"
        existing = set(Proposal.objects.filter(external_id__startswith=prefix).values_list("external_id", flat=True))
        todo = [n for n in range(proposals) if f"{prefix}{n}" not in existing]
        weights = [c.weight for c in cycles]
        if todo and not any(weights):
            raise CommandError("None of the generated cycles has started yet: choose earlier --years.")
        generator = _Generator(seed, cycles, list(accumulate(weights)))
        rows = 0
        with transaction.atomic():
            for batch in _chunks(todo, BATCH):
                rows += generator.write(batch)
            for cycle in {generator.cycles[i].page for i in generator.touched}:
                count = Page.objects.filter(path__startswith=cycle.path, depth=cycle.depth + 1).count()
                Page.objects.filter(pk=cycle.pk).update(numchild=count)
        _analyze()
        catalogue_index.analyze()
        took = clock.perf_counter() - began
        self.stdout.write(
            f"pb_generate seed {seed}: {len(todo)} new proposals ({len(existing)} already there), "
            f"{len(cycles)} cycles ({made_cycles:.1f} s), {rows} rows in {took:.1f} s: "
            f"{rows / took:,.0f} rows/s, {len(todo) / took:,.0f} proposals/s ({connection.vendor})"
        )

    # --- cycles -------------------------------------------------------------------------------

    def _cycles(self, seed, years, per_year):
        kk = Locale.objects.get(language_code="kk")
        index = PBIndexPage.objects.filter(locale=kk).first()
        if index is None:
            raise CommandError("No PB section in kk: run load_demo first.")
        en = Locale.objects.filter(language_code="en").first()
        keys = {demo_key("Territory", t["key"]): t["key"] for t in TERRITORIES}
        cities = Territory.objects.filter(locale=kk, kind=Territory.Kind.CITY).order_by("name")
        if not cities:
            raise CommandError("No cities among the kk territories: run load_demo first.")
        made = {p.slug: p for p in PBCyclePage.objects.child_of(index).filter(slug__startswith=f"gen-s{seed}-")}
        today, cycles = timezone.localdate(), []
        for city in cities:
            districts = [t for t in city.children.all().order_by("name") if t.kind == Territory.Kind.DISTRICT]
            city_weight = math.sqrt(city.population_16_plus or 50_000)
            for year in years:
                for k in range(per_year):
                    territory = districts[(year + k) % len(districts)] if districts else city
                    english = territory.get_translation_or_none(en) if en else None
                    slug = f"gen-s{seed}-{slugify((english or territory).name)}-{year}-{k + 1}"
                    rng = random.Random(f"qatysu-gen:{seed}:{slug}")  # noqa: S311 - test data, not a secret
                    reviewed = rng.random() < 0.5
                    phases = _phases(year, k, reviewed)
                    page = made.get(slug) or self._make_cycle(index, slug, territory, city, year, k, phases, rng)
                    places = territory.descendants(include_self=False) or [territory]
                    places = [p for p in places if not p.children.exists()] or places
                    category = territory.effective_category or "district"
                    stage = _stage(phases, today)
                    weight = city_weight * (0.6 + 0.1 * (year - years[0])) * rng.uniform(0.6, 1.4) / per_year
                    cycles.append(
                        SimpleNamespace(
                            page=page,
                            year=year,
                            reviewed=reviewed,
                            dates={p.phase: p for p in phases},
                            stage=stage,
                            today=today,
                            published=phases[-2].ends_on < today,
                            places=[(p, keys.get(p.translation_key)) for p in places],
                            cap=money.proposal_cap_mrp(category) * _mrp(year),
                            weight=weight if stage is not None else 0,
                        )
                    )
        return cycles

    def _make_cycle(self, index, slug, territory, city, year, k, phases, rng):
        category = territory.effective_category or "district"
        budget = rng.choice(BUDGETS[category])
        place = territory.name if territory == city else f"{city.name}, {territory.name}"
        knapsack = rng.random() < 0.4
        results = phases[-2].ends_on
        published = results < timezone.localdate()
        page = PBCyclePage(
            slug=slug,
            title=f"{place} — {PROGRAMMES[k]} {year}",
            intro=INTRO.format(place=place, budget=format_number(budget, "kk")),
            territory=territory,
            year=year,
            total_budget=budget,
            ballot_type="knapsack" if knapsack else "approval",
            ballot_min_choices=1,
            ballot_max_choices=5 if knapsack else 3,
            tally_rule="equalshares/add1" if knapsack else "greedy",
            results_published_at=timezone.make_aware(datetime.combine(results, time(18))) if published else None,
        )
        page.phases = [CyclePhase(phase=p.phase, starts_on=p.starts_on, ends_on=p.ends_on) for p in phases]
        index.add_child(instance=page)
        publish(page)
        return PBCyclePage.objects.get(pk=page.pk)

    # --- delete -------------------------------------------------------------------------------

    def _delete(self, seed):
        began = clock.perf_counter()
        prefix = "gen:" if seed is None else f"gen:{seed}:"
        cycle_slugs = r"^gen-s[0-9]+-" if seed is None else rf"^gen-s{seed}-"
        page_ct = ContentType.objects.get_for_model(Page)
        proposal_ct = ContentType.objects.get_for_model(ProposalPage)
        with transaction.atomic():
            pages = list(
                ProposalPage.objects.filter(proposal__external_id__startswith=prefix).values_list("pk", "path", "depth")
            )
            cascades = [
                rel
                for rel in ProposalPage._meta.related_objects
                if rel.on_delete is CASCADE and not getattr(rel, "parent_link", False)
            ]
            quote = connection.ops.quote_name
            for chunk in _chunks([pk for pk, _path, _depth in pages], 500):
                catalogue_index.remove(chunk)  # the rows with their group counts, before the cascade below
                names = [str(pk) for pk in chunk]
                for rel in cascades:  # tags, comments, subscriptions, view restrictions...
                    rel.related_model._base_manager.filter(**{f"{rel.field.name}__in": chunk}).delete()
                Page._base_manager.filter(alias_of__in=chunk).exclude(pk__in=chunk).update(alias_of=None)
                Revision.objects.filter(base_content_type=page_ct, object_id__in=names).delete()
                WorkflowState.objects.filter(base_content_type=page_ct, object_id__in=names).delete()
                PageLogEntry.objects.filter(page_id__in=chunk).delete()
                ReferenceIndex.objects.filter(base_content_type=page_ct, object_id__in=names).delete()
                IndexEntry.objects.filter(content_type__in=[page_ct, proposal_ct], object_id__in=names).delete()
                marks = ", ".join(["%s"] * len(chunk))
                with connection.cursor() as cursor:
                    for model, column in ((ProposalPage, "page_ptr_id"), (Page, "id")):
                        table = quote(model._meta.db_table)
                        sql = f"DELETE FROM {table} WHERE {quote(column)} IN ({marks})"  # noqa: S608 - names from _meta
                        cursor.execute(sql, chunk)
            parents = {path[: (depth - 1) * Page.steplen] for _pk, path, depth in pages}
            for parent in Page.objects.filter(path__in=parents):
                count = Page.objects.filter(path__startswith=parent.path, depth=parent.depth + 1).count()
                Page.objects.filter(pk=parent.pk).update(numchild=count)
            ids = list(Proposal.objects.filter(external_id__startswith=prefix).values_list("pk", flat=True))
            for chunk in _chunks(ids, 900):  # status changes and anything else of theirs, by the ORM's cascade
                Proposal.objects.filter(pk__in=chunk).delete()
        kept, cycles = [], list(PBCyclePage.objects.filter(slug__regex=cycle_slugs).order_by("-depth", "path"))
        for cycle in cycles:
            try:
                with transaction.atomic():
                    Page.objects.get(pk=cycle.pk).specific.delete()
            except ProtectedError:
                kept.append(cycle.slug)
        took = clock.perf_counter() - began
        self.stdout.write(
            f"pb_generate --delete: {len(ids)} proposals, {len(pages)} pages, {len(cycles) - len(kept)} cycles "
            f"removed in {took:.1f} s"
        )
        if kept:
            self.stderr.write(f"Kept cycles that other proposals still use: {', '.join(kept)}")


class _Generator:
    """Makes and writes proposals; proposal n of a seed is always the same (its own random generator)."""

    def __init__(self, seed, cycles, cumulative):
        self.seed, self.cycles, self.cumulative = seed, cycles, cumulative
        self.touched: set[int] = set()
        self.now = timezone.now()
        self.contact = crypto.encrypt("+7 700 000 00 00")  # one valid ciphertext for every generated author
        self.kk = Locale.objects.get(language_code="kk")
        self.content_type = ContentType.objects.get_for_model(ProposalPage)
        self.tags = {}
        self.next_step = {}

    def _tag(self, name):
        if name not in self.tags:
            self.tags[name] = Tag.objects.filter(name=name).first() or Tag.objects.create(name=name)
        return self.tags[name]

    def _step(self, page):
        """The next free treebeard step under a cycle page (after its last child)."""
        if page.pk not in self.next_step:
            last = Page.objects.filter(path__startswith=page.path, depth=page.depth + 1).aggregate(last=Max("path"))[
                "last"
            ]
            self.next_step[page.pk] = Page._str2int(last[-Page.steplen :]) + 1 if last else 1
        step = self.next_step[page.pk]
        self.next_step[page.pk] = step + 1
        return step

    def _moment(self, rng, cycle, status, after):
        phase, low, high = WHEN[status]
        dates = cycle.dates
        start = (dates.get(phase) or dates[Phase.MODERATION]).starts_on + timedelta(days=rng.randint(low, high))
        moment = timezone.make_aware(datetime.combine(start, time(rng.randint(9, 18), rng.randrange(60))))
        return max(min(moment, self.now), after + timedelta(minutes=1))

    def make(self, n):
        """Everything about proposal n, before it has ids."""
        rng = random.Random(f"qatysu-gen:{self.seed}:{n}")  # noqa: S311 - test data, not a secret
        index = bisect(self.cumulative, rng.random() * self.cumulative[-1])
        index = min(index, len(self.cycles) - 1)
        cycle = self.cycles[index]
        district, key = rng.choice(cycle.places)
        village = district.kind == Territory.Kind.VILLAGE
        kinds = [k for k in KINDS if k not in (TOWN_ONLY if village else VILLAGE_ONLY)]
        kind = rng.choice(kinds)
        street, number = rng.choice(STREETS), rng.randint(1, 120)
        roll = rng.random()
        if roll < 0.45:
            where = ATTRIBUTIVE.get(key) or f"{district.name} аумағындағы"
        elif roll < 0.75:
            where = f"{street} көшесіндегі"
        elif roll < 0.9:
            where = f"{number}-мектептің жанындағы"
        else:
            where = f"{number}-үйдің ауласындағы"
        title = f"{where} {KINDS[kind]['title']['kk']}"
        title = title[:1].upper() + title[1:]
        summary = KINDS[kind]["summary"]["kk"]
        extra = [rng.choice(EXTRAS).format(n=rng.randint(20, 400))] if rng.random() < 0.6 else []
        if kind == "lighting" and rng.random() < 0.1:
            extra.append(RARE_EXTRA)
        description = "\n\n".join([summary, KINDS[kind]["why"]["kk"], *extra])
        location = f"{street} көшесі, {rng.randint(1, 150)}-үй" if rng.random() < 0.6 else ""
        tags = TAGS[kind]
        final = _final_status(rng, cycle)
        path = _path(final, cycle)
        cost = int(round(cycle.cap * math.exp(rng.uniform(math.log(0.01), math.log(0.97))), -4)) or 10_000
        validated = None
        if S.IN_EXPERT_REVIEW in path and path[-1] not in (S.IN_EXPERT_REVIEW, S.REJECTED):
            validated = min(cycle.cap, int(round(cost * rng.uniform(0.8, 1.05), -4)))
        votes = None
        if cycle.published and final in (S.NOT_SELECTED, *FUNDED):
            votes = min(50_000, int(rng.lognormvariate(5.0, 0.7) if final in FUNDED else rng.lognormvariate(3.6, 1)))
        collection = cycle.dates[Phase.COLLECTION]
        last_day = min(collection.ends_on, cycle.today)
        day = collection.starts_on + timedelta(days=rng.randint(0, max(0, (last_day - collection.starts_on).days)))
        created = min(self.now, timezone.make_aware(datetime.combine(day, time(rng.randint(8, 21), rng.randrange(60)))))
        author = rng.choice(AUTHORS)
        changes, moment, previous = [], created, ""
        for status in path:
            if status == S.IN_MODERATION:  # moderators look at proposals as they come
                moment = min(self.now, moment + timedelta(days=rng.randint(1, 5), hours=rng.randint(0, 6)))
            elif status != S.SUBMITTED:
                moment = self._moment(rng, cycle, status, moment)
            reason = rng.choice(REJECTIONS) if status == S.REJECTED else ""
            actor = (author, "author") if status == S.SUBMITTED else (rng.choice(MODERATORS), roles.MODERATORS)
            changes.append((previous, status.value, reason, *actor, moment))
            previous = status.value
        return SimpleNamespace(
            external_id=f"gen:{self.seed}:{n}",
            cycle=cycle,
            district=district,
            title=title,
            summary=summary,
            description=description,
            location=location,
            tags=tags,
            status=final,
            cost=cost,
            validated=validated,
            votes=votes,
            author=author,
            created=created,
            published=changes[1][-1],
            changes=changes,
            index=index,
        )

    def write(self, numbers) -> int:
        """Insert proposals `numbers` with their status logs, pages and tags; the number of rows written."""
        specs = [self.make(n) for n in numbers]
        top = Proposal.objects.aggregate(top=Max("pk"))["top"] or 0
        _insert_rows(
            Proposal,
            [
                "cycle",
                "district",
                "status",
                "estimated_cost",
                "validated_cost",
                "author_name",
                "author_contact_encrypted",
                "language",
                "tracking_token_hash",
                "external_id",
                "created_at",
                "published_votes",
            ],
            [
                (
                    s.cycle.page.pk,
                    s.district.pk,
                    s.status.value,
                    s.cost,
                    s.validated,
                    s.author,
                    self.contact,
                    "kk",
                    services.proposals.tracking_hash(f"{s.external_id}:{uuid.uuid4().hex}"),
                    s.external_id,
                    s.created,
                    s.votes,
                )
                for s in specs
            ],
        )
        ids = dict(
            Proposal.objects.filter(pk__gt=top, external_id__startswith=f"gen:{self.seed}:").values_list(
                "external_id", "pk"
            )
        )
        names = ["proposal", "from_status", "to_status", "reason", "actor_name", "actor_role", "changed_at"]
        names.append("reason_code")  # empty: a person's reason, not one of the platform's own
        names += ["reason_kk", "reason_ru", "reason_language"]  # the generated reasons are written in Kazakh
        changes = [
            (ids[s.external_id], *change, "", change[2], "", "kk" if change[2] else "")
            for s in specs
            for change in s.changes
        ]
        _insert_rows(ProposalStatusChange, names, changes)
        pages = []
        for s in specs:
            cycle = s.cycle.page
            slug = f"{slugify(s.title, allow_unicode=True)[:50].strip('-') or 'proposal'}-{ids[s.external_id]}"
            pages.append(
                Page(
                    title=s.title,
                    draft_title=s.title,
                    slug=slug,
                    path=Page._get_path(cycle.path, cycle.depth + 1, self._step(cycle)),
                    depth=cycle.depth + 1,
                    numchild=0,
                    url_path=f"{cycle.url_path}{slug}/",
                    content_type=self.content_type,
                    locale=self.kk,
                    translation_key=uuid.uuid5(NAMESPACE, s.external_id),
                    live=True,
                    has_unpublished_changes=False,
                    first_published_at=s.published,
                    last_published_at=s.published,
                    show_in_menus=False,
                )
            )
            self.touched.add(s.index)
        pages = Page.objects.bulk_create(pages)
        children = []
        for s, page in zip(specs, pages, strict=True):
            text = searchable_text(  # what ProposalPage.save() stores, from a stand-in with the page's fields
                SimpleNamespace(
                    title=s.title,
                    summary=s.summary,
                    description=s.description,
                    location=s.location,
                    tags=SimpleNamespace(names=lambda s=s: s.tags),
                    locale=self.kk,
                    locale_id=self.kk.pk,
                    alias_of=None,
                    alias_of_id=None,
                )
            )
            children.append((page.pk, ids[s.external_id], s.summary, s.description, s.location, text))
        names = ["page_ptr", "proposal", "summary", "description", "location", "search_text"]
        _insert_rows(ProposalPage, names, children)
        tagged = [
            ProposalTag(content_object_id=page.pk, tag=self._tag(name))
            for s, page in zip(specs, pages, strict=True)
            for name in s.tags
        ]
        ProposalTag.objects.bulk_create(tagged, batch_size=1000)
        catalogue_index.refresh(page.pk for page in pages)  # the catalogue's rows (the signals are bypassed)
        return len(specs) + len(changes) + 2 * len(pages) + len(tagged)


def _analyze():
    """Fresh planner statistics after the bulk load (SQLite never gathers them by itself; on PostgreSQL
    autovacuum would, a little later)."""
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
