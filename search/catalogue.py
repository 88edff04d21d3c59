"""The catalogue of proposals: filters, full-text query, facet counts, sorting; on the database.

The filter state is read and checked by a django-filter FilterSet (`CatalogueFilter`) and answered from the
catalogue's own rows (search.models.CatalogueEntry, one narrow row per page the catalogue may show, kept by
search/signals.py): words through the full-text index of the row's stems (`with_words`), the page of results by
the sort, and the facet counts from one GROUP BY over place, cycle, year and status (each facet then counted
under all the other filters in Python, `_counts`) plus one over the topics. Vote counts come only from
`Proposal.published_votes` (set when results are published). search/es_catalogue.py answers the same state from
Elasticsearch when it is configured; both build the facets with `build_facets`. What a request needs besides the
rows (every place, the cycles of its language, a cycle asked for by id) is read once, by `Lookups`.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import timedelta
from functools import cached_property

import django_filters
from django.core.paginator import EmptyPage, Page, PageNotAnInteger, Paginator
from django.db import connections
from django.db.models import BooleanField, Case, Count, F, IntegerField, Q, Sum, Value, When
from django.db.models.expressions import RawSQL
from django.db.models.functions import Coalesce
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from taggit.models import Tag
from wagtail.models import Page as WagtailPage

from pb_module.models import Milestone, PBCyclePage, ProposalPage, Territory
from pb_module.models.proposal import STATUS_LABELS
from pb_module.rules.statuses import PUBLIC, TRACKED, Status
from pb_module.rules.text import is_db_id
from words.text import normalise_query

from .models import WORD_MAX, CatalogueEntry, CatalogueGroup, CatalogueTopic, CatalogueWordGroup

PER_PAGE = 20
FUNDED = [Status.SELECTED, Status.IN_IMPLEMENTATION, Status.COMPLETED, Status.STALLED]
PUBLIC_STATUSES = [s for s in Status if s in PUBLIC]
SORTS = {
    "relevance": _("relevance"),
    "votes": _("most votes"),
    "cost": _("lowest cost"),
    "-cost": _("highest cost"),
    "newest": _("newest"),
    "oldest": _("oldest"),
}
FACETS = ["district", "year", "cycle", "status", "tag", "funded"]
TAG_FACET_SIZE = 20  # the most frequent topics
# SQLite finds the rows with words through the FTS5 table. When few rows match, it fetches them by id; when many
# do ("+page_id"), it reads a covering index of the rows and looks each id up among the matches instead (44 000
# fetches by id for a common word at 100 000 proposals took twice as long as reading the index).
FTS5_ROWS = "SELECT rowid FROM search_catalogueentry_fts WHERE search_catalogueentry_fts MATCH %s"
FTS5_FEW = 5000
WALK_MIN = 2000  # hits (at least 10 a row of the page asked for) from which `Lookups.walk`
TSVECTOR_MATCH = (
    "to_tsvector('simple'::regconfig, search_catalogueentry.search_text) @@ plainto_tsquery('simple'::regconfig, %s)"
)


# Short function words a reader puts around a place or topic ("в Актау", "парк и сквер", "in Aktau"): every other
# word of a query must be in a project's words (AND), so these alone would hide the projects whose text lacks them.
QUERY_STOPWORDS = frozenset(
    ["в", "во", "на", "из", "у", "с", "со", "к", "ко", "о", "об", "по", "для", "и", "около", "возле"]
    + ["in", "at", "near", "of", "the", "and", "for", "on"]
)


def query_stems(q, language: str) -> list[str]:
    """The stems a word query asks every hit to have (search/text.py), without :data:`QUERY_STOPWORDS`."""
    return [stem for stem in normalise_query(q or "", language).split() if stem not in QUERY_STOPWORDS]


class CatalogueFilter(django_filters.FilterSet):
    """The filter state, checked, and the catalogue rows (search.models.CatalogueEntry) it selects."""

    q = django_filters.CharFilter(label=_("Words to look for"), method="filter_text")
    district = django_filters.NumberFilter(label=_("Place"), method="filter_district")
    year = django_filters.NumberFilter(label=_("Year"), field_name="year")
    cycle = django_filters.NumberFilter(label=_("Cycle"), method="filter_cycle")
    status = django_filters.ChoiceFilter(
        label=_("Status"), field_name="status", choices=[(s.value, STATUS_LABELS[s]) for s in PUBLIC_STATUSES]
    )
    tag = django_filters.CharFilter(label=_("Topic"), method="filter_tag", max_length=100)
    cost_min = django_filters.NumberFilter(
        label=_("Cost from, tenge"), field_name="cost", lookup_expr="gte", min_value=0
    )
    cost_max = django_filters.NumberFilter(
        label=_("Cost up to, tenge"), field_name="cost", lookup_expr="lte", min_value=0
    )
    funded = django_filters.ChoiceFilter(
        label=_("Funded"), method="filter_funded", choices=[("yes", _("funded")), ("no", _("not funded"))]
    )
    sort = django_filters.ChoiceFilter(label=_("Sort by"), method="filter_nothing", choices=list(SORTS.items()))

    class Meta:
        model = CatalogueEntry
        fields = []

    def __init__(self, *args, lookups: "Lookups | None" = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.lookups = lookups or Lookups(get_language())

    def filter_text(self, queryset, name, value):
        return with_words(queryset, query_stems(value, get_language()), self.lookups)

    def filter_district(self, queryset, name, value):
        ids = self.lookups.place_ids_below(int(value))
        return queryset if ids is None else queryset.filter(place_id__in=ids)

    def filter_cycle(self, queryset, name, value):
        ids = self.lookups.cycle_ids(int(value)) if value == value.to_integral_value() else None
        return queryset.filter(cycle_id__in=ids) if ids else queryset.none()

    def filter_tag(self, queryset, name, value):
        return queryset.filter(tags__contains=f" {value.strip()} ") if value.strip() else queryset

    def filter_funded(self, queryset, name, value):
        funded = Q(status__in=FUNDED)
        return queryset.filter(funded if value == "yes" else ~funded)

    def filter_nothing(self, queryset, name, value):
        return queryset  # the sort is applied by `run_catalogue`

    def filter_queryset(self, queryset):
        self.check()
        return super().filter_queryset(queryset)

    def check(self) -> None:
        """The checks across fields (cost range, unknown place or cycle), once: their messages go to the form."""
        if getattr(self, "_checked", False):
            return
        self._checked = True
        data = self.form.cleaned_data
        low, high = data.get("cost_min"), data.get("cost_max")
        if low is not None and high is not None and low > high:
            self.form.add_error("cost_max", _("The upper cost is below the lower one; the cost range is ignored."))
            data.pop("cost_min", None)  # add_error has taken cost_max out of cleaned_data
        place = data.get("district")
        if place is not None and not (place == place.to_integral_value() and int(place) in self.lookups.places):
            self.form.add_error("district", _("There is no such place; all places are shown."))
        if data.get("cycle") is not None and not _exists(data["cycle"], self.lookups):
            self.form.add_error("cycle", _("There is no such cycle; all cycles are shown."))


def _exists(number, lookups) -> bool:
    """Whether a cycle has this id (a Decimal from the form): not when it is no whole number a database id column
    can hold (a larger one makes the database raise instead of finding nothing)."""
    whole = number == number.to_integral_value()
    return whole and is_db_id(int(number)) and lookups.cycle_key(int(number)) is not None


def _fts5(column: str, stems: list[str], operator: str, many: bool = True) -> RawSQL:
    """Rows whose `column` in the FTS5 table has the stems (all: AND, any: OR), as a condition."""
    match = f" {operator} ".join('{} : "{}"'.format(column, stem.replace('"', '""')) for stem in stems)
    page_id = "+search_catalogueentry.page_id" if many else "search_catalogueentry.page_id"
    return RawSQL(f"{page_id} IN ({FTS5_ROWS})", [match], output_field=BooleanField())  # noqa: S611 -- words a parameter


def with_words(queryset, stems: list[str], lookups: "Lookups | None" = None):
    """Rows whose text has every one of these stems (search/text.py), through the database's full-text index, or,
    when `lookups` knows that many rows of the state have them, as plain text (see `Lookups.walk`)."""
    if not stems:
        return queryset
    vendor = connections[queryset.db].vendor
    if lookups is not None and lookups.walk:
        vendor = None  # plain text
    if vendor == "sqlite":  # the FTS5 table of migration 0001
        condition = _fts5("search_text", stems, "AND")
        if lookups is not None and lookups.word_rows is not None:  # counted already
            many = lookups.word_rows > FTS5_FEW
        else:
            with connections[queryset.db].cursor() as cursor:
                cursor.execute(f"SELECT count(*) FROM ({FTS5_ROWS})", condition.params)  # noqa: S608 -- fixed SQL
                many = cursor.fetchone()[0] > FTS5_FEW
        return queryset.filter(_fts5("search_text", stems, "AND", many=many))
    if vendor == "postgresql":  # the GIN index of migration 0001
        words = RawSQL(TSVECTOR_MATCH, [" ".join(stems)], output_field=BooleanField())  # noqa: S611 -- as above
        return queryset.filter(words)
    for stem in stems:
        queryset = queryset.filter(search_text__contains=f" {stem} ")
    return queryset


def _title_hit(queryset, stems: list[str], walk: bool = False):
    """1 for rows whose title has one of the stems, else 0 (the relevance); as plain text for a walk."""
    if connections[queryset.db].vendor == "sqlite" and not walk:
        in_title = _fts5("title_stems", stems, "OR")
    else:
        in_title = Q()
        for stem in stems:
            in_title |= Q(title_stems__contains=f" {stem} ")
    return Case(When(in_title, then=Value(1)), default=Value(0), output_field=IntegerField())


class Lookups:
    """What one catalogue request looks up besides the rows, each read at most once: every place of every language
    (the table is small: one query instead of one for the tree, one for the options, one for the names and one for
    the chosen place), the cycles of the reader's language, and the cycles asked for by id."""

    def __init__(self, language: str):
        self.language = language
        self.word_rows = None  # once counted: the rows with the words of the state (under its cost range)
        # Once counted: whether a page of results is found by walking a sort's index and testing each row's words
        # as plain text (many hits: about PER_PAGE * rows / hits rows to test) rather than through the full-text
        # index (few hits: the index gives them all, then they are sorted). On PostgreSQL the tsvector test a walk
        # would make costs about 25 µs a row; at 44 000 hits of 100 000 the page of ids took 35-70 ms that way. On
        # SQLite the full-text index gives every hit's id first (44 000 ids: 25-45 ms) before the walk can test them.
        self.walk = False

    @cached_property
    def places(self) -> dict[int, Territory]:
        rows = Territory.objects.annotate(language_code=F("locale__language_code")).order_by()
        places = {place.pk: place for place in rows}
        for place in places.values():
            place.key = str(place.translation_key)
        return places

    @cached_property
    def tree(self) -> tuple[dict, dict]:
        """The places under each place id, and each place's key as text."""
        children, keys = defaultdict(list), {}
        for place in self.places.values():
            keys[place.pk] = place.key
            children[place.parent_id].append(place.pk)
        return children, keys

    def keys_below(self, pk) -> set[str] | None:
        return keys_below(pk, self.tree)

    def place_ids_below(self, pk) -> set[int] | None:
        """The ids of a place and of every place below it, in every language (a row holds the id its proposal
        holds); None for an unknown place."""
        keys = self.keys_below(pk)
        return None if keys is None else {place.pk for place in self.places.values() if place.key in keys}

    @cached_property
    def options(self) -> list[Territory]:
        return place_options(self.language, self)

    @cached_property
    def names(self) -> dict:
        """The name of each place in the reader's language, by translation key."""
        return {p.translation_key: p.name for p in self.places.values() if p.language_code == self.language}

    def localized(self, place: Territory) -> Territory:
        """The place in the reader's language (itself when it has no translation), as `place.localized`."""
        for other in self.places.values():
            if other.translation_key == place.translation_key and other.language_code == self.language:
                return other
        return place

    @cached_property
    def _all_cycles(self) -> list[tuple]:
        """(pk, title, translation key, path, language, live) of every cycle of every language (a few hundred),
        newest year first."""
        cycles = PBCyclePage.objects.order_by("-year", "title")
        rows = cycles.values_list("pk", "title", "translation_key", "path", "locale__language_code", "live")
        return [(pk, title, str(key), *rest) for pk, title, key, *rest in rows]  # keys as text, once

    @cached_property
    def cycles(self) -> list[tuple]:
        """(pk, title, translation key, path) of every live cycle of the reader's language, newest year first."""
        return [row[:4] for row in self._all_cycles if row[4] == self.language and row[5]]

    @cached_property
    def cycle_keys(self) -> dict[int, str]:
        """The translation key (as text) of every cycle, by id."""
        return {row[0]: row[2] for row in self._all_cycles}

    def cycle_key(self, pk) -> str | None:
        """The translation key (as text) of the cycle with this id, in any language; None for no such cycle."""
        return self.cycle_keys.get(pk)

    def cycle_ids(self, pk) -> set[int]:
        """The ids of a cycle in every language (a row holds the id its proposal holds); empty for no such cycle."""
        key = self.cycle_key(pk)
        return {other for other, other_key in self.cycle_keys.items() if other_key == key} if key else set()


def place_tree() -> tuple[dict, dict]:
    """Every place (the table is small): the places under each place id, and each place's key as text."""
    children, keys = defaultdict(list), {}
    for place, key, parent in Territory.objects.values_list("pk", "translation_key", "parent_id"):
        keys[place] = str(key)
        children[parent].append(place)
    return children, keys


def keys_below(pk, tree=None) -> set[str] | None:
    """The translation keys (as text) of a place and of every place below it; None for an unknown place. One query
    for the whole tree (or none, given it) instead of one a level."""
    children, keys = tree or place_tree()
    if pk not in keys:
        return None
    found, level = {keys[pk]}, [pk]
    while level:
        level = [child for place in level for child in children[place] if keys[child] not in found]
        found.update(keys[child] for child in level)
    return found


def entries(language: str):
    """The catalogue rows of one language."""
    return CatalogueEntry.objects.filter(language=language)


# What a card of the catalogue (search/templates/search/projects.html) and its link read of a page and its proposal:
# the rest of a page (its body, its words, the revision and publishing fields) is not read for a list.
CARD_FIELDS = [
    *("title", "slug", "url_path", "path", "depth", "numchild", "locale_id", "alias_of_id", "live", "content_type_id"),
    *("translation_key", "proposal_id", "proposal__status", "proposal__published_votes", "proposal__language"),
    *("proposal__district_id", "proposal__cycle_id"),
]


def result_page(ids: list[int], number: int, paginator, lookups: Lookups | None = None) -> Page:
    """A page of results: the proposal pages of these ids (found in the catalogue's index), in their order.

    The index holds only live, public pages with a public status, rewritten in the transaction that changes
    them (Elasticsearch right after it): the pages are read by id, live ones only, without asking again whether
    they are public (that check alone read every view restriction and its page: 20 ms at 100 000 pages)."""
    if not ids:
        return Page([], number, paginator)
    found = (
        ProposalPage.objects.live()
        .filter(pk__in=ids, proposal__status__in=PUBLIC_STATUSES)
        .annotate(cost=Coalesce("proposal__validated_cost", "proposal__estimated_cost"))
        .select_related("proposal")
        .only(*CARD_FIELDS)
        .in_bulk()
    )
    pages = [found[pk] for pk in ids if pk in found]
    # What each card shows besides the page: its place in the reader's language and its cycle's title, from what
    # the request has read already (per card they were two queries each; for a page, two more).
    lookups = lookups or Lookups(get_language())
    for page in pages:
        district = lookups.places.get(page.proposal.district_id)
        if district is None:  # a place made after the places were read
            district = Territory.objects.get(pk=page.proposal.district_id)
        page.proposal.district = district
    names = lookups.names
    parents = {p.path[: -WagtailPage.steplen] for p in pages}
    titles = {path: title for _pk, title, _key, path in lookups.cycles if path in parents}
    if parents - titles.keys():  # a proposal under a page that is no live cycle of the reader's language
        titles |= dict(WagtailPage.objects.filter(path__in=parents - titles.keys()).values_list("path", "title"))
    tracked = {p.proposal_id for p in pages if p.proposal.status in TRACKED}
    progress = Milestone.objects.order_by().progress_by_proposal(tracked) if tracked else {}  # any order: a sum
    for page in pages:
        district = page.proposal.district
        page.place_name = names.get(district.translation_key, district.name)
        page.cycle_title = titles.get(page.path[: -WagtailPage.steplen], "")
        page.progress = progress.get(page.proposal_id)
    return Page(pages, number, paginator)


@dataclass
class Facet:
    key: str
    label: str
    values: list[dict] = field(default_factory=list)  # {"value", "label", "count", "current"}
    groups: list[dict] = field(default_factory=list)  # the place facet's values by top place: {"label", "values"}


@dataclass
class CatalogueResult:
    filterset: CatalogueFilter
    page_obj: object
    facets: list[Facet]
    sort: str
    notices: list[str]
    district: Territory | None = None


class Total:
    """What a Paginator needs to count the hits without having them."""

    def __init__(self, total: int):
        self.total = total

    def count(self) -> int:
        return self.total


def page_number(paginator, asked) -> int:
    """The page asked for when it exists; the first page for one that is not a number, else the last."""
    try:
        return paginator.validate_number(asked)
    except PageNotAnInteger:
        return 1
    except EmptyPage:
        return paginator.num_pages


# Kazakh letters sort after the Russian letter they follow in the Kazakh alphabet (Ә after А, І after Ы), not
# after Я as their code points would.
_KAZAKH_ORDER = str.maketrans(
    {k: base + "\u04ff" for k, base in zip("әғқңөұһі", "агкноухы", strict=True)} | {"ү": "у\u04ff\u04ff"}
)


def name_key(name: str) -> str:
    """A sort key for a place name in Kazakh, Russian or English alphabetical order."""
    return name.casefold().translate(_KAZAKH_ORDER)


def place_options(language: str, lookups: Lookups | None = None) -> list[Territory]:
    """Every place of a language, as the place filter offers them: each top place (a region, or a city outside any
    region) followed by the places below it, depth first, each level by name. Each place has `root` (its top
    place, whose name heads its group of options) and `option_label`: its name, followed by the place it belongs
    to when that is not a region ("12-шағын аудан — Ақтау"), so a district is never mistaken for another one of
    the same name. One query (the table is small), or none given the request's `lookups`."""
    if lookups is None:
        found = Territory.objects.filter(locale__language_code=language)
    else:
        found = [place for place in lookups.places.values() if place.language_code == language]
    places = sorted(found, key=lambda t: (name_key(t.name), t.pk))
    by_pk = {t.pk: t for t in places}
    children = defaultdict(list)
    for place in places:
        children[place.parent_id if place.parent_id in by_pk else None].append(place)
    ordered, seen = [], set()
    stack = [(place, None, place) for place in reversed(children[None])]
    while stack:
        place, parent, root = stack.pop()
        if place.pk in seen:  # a loop in bad data must not hang the catalogue
            continue
        seen.add(place.pk)
        place.root = root
        above = parent is not None and parent.kind != Territory.Kind.REGION
        place.option_label = f"{place.name} — {parent.name}" if above else place.name
        ordered.append(place)
        stack.extend((child, place, root) for child in reversed(children[place.pk]))
    return ordered


def _place_values(found: dict, chosen: Territory | None, lookups: Lookups) -> tuple[list[dict], list[dict]]:
    """The place facet's values (every place with hits, and the chosen one) and the same values grouped by top
    place. The chosen place is marked in the reader's language, whichever language's id the address holds."""
    values, groups = [], {}
    chosen_key = chosen.translation_key if chosen else None
    for place in lookups.options:
        count, current = found.get(place.key, 0), place.translation_key == chosen_key
        if not (count or current):
            continue
        value = {"value": place.pk, "label": place.option_label, "count": count, "current": current}
        values.append(value)
        groups.setdefault(place.root.pk, {"label": place.root.name, "values": []})["values"].append(value)
    return values, list(groups.values())


def build_facets(counts: dict, filterset, data, chosen: Territory | None, language: str) -> list[Facet]:
    """The facets shown, from the counts of each facet's values (by facet key: places and cycles by the string of
    their translation key, years by number, statuses and topics by value, funded by "yes"/"no")."""
    facets, lookups = [], filterset.lookups
    for key in FACETS:
        found = counts.get(key, {})
        facet = Facet(key, str(filterset.filters[key].label))
        if key == "district":
            facet.values, facet.groups = _place_values(found, chosen, lookups)
        elif key == "year":
            facet.values = [{"value": y, "label": str(y), "count": n} for y, n in sorted(found.items(), reverse=True)]
        elif key == "cycle":  # every cycle of the language, a few hundred (an IN of their keys misled PostgreSQL)
            facet.values = [
                {"value": pk, "label": title, "count": found[str(key)]}
                for pk, title, key, _path in lookups.cycles
                if str(key) in found
            ]
        elif key == "status":
            facet.values = [
                {"value": s.value, "label": STATUS_LABELS[s], "count": found[s.value]}
                for s in PUBLIC_STATUSES
                if found.get(s.value)
            ]
        elif key == "tag":
            names = dict(Tag.objects.filter(slug__in=found).values_list("slug", "name"))
            facet.values = [
                {"value": slug, "label": names[slug], "count": n} for slug, n in found.items() if slug in names
            ]
        else:
            facet.values = [
                {"value": v, "label": label, "count": found.get(v, 0)}
                for v, label in filterset.filters[key].extra["choices"]
            ]
        current = str(data.get(key, ""))
        for value in facet.values:
            value.setdefault("current", str(value["value"]) == current)
        facets.append(facet)
    return facets


def check_state(data, language: str, lookups: Lookups | None = None):
    """The checked filter state: the filterset (its form holds the messages), cleaned data, stems, sort."""
    lookups = lookups or Lookups(language)
    filterset = CatalogueFilter(data, queryset=entries(language), lookups=lookups)
    filterset.errors  # noqa: B018 -- validates the form
    filterset.check()  # the checks across fields; the rows are selected when asked for (filterset.qs)
    clean = filterset.form.cleaned_data
    stems = query_stems(clean.get("q"), language)
    return filterset, clean, stems, clean.get("sort") or ("relevance" if stems else "newest")


def _ordered(queryset, sort: str, fenced: bool = False):
    """Rows in the order of a sort (relevance: see `_page_ids`). `fenced`: the same order of values computed from
    the columns, which no index holds, so PostgreSQL takes the hits from the full-text index and sorts them instead
    of walking a sort's index and computing each row's words on the way (a word in 575 rows sorted by newest: the
    walk took 100-230 ms)."""
    created, votes, cost = F("created_at"), F("votes"), F("cost")
    if fenced:
        created, votes, cost = created + Value(timedelta(0)), votes + Value(0), cost + Value(0)
    if sort == "votes":
        return queryset.order_by(votes.desc(nulls_last=True), created.desc(), "page_id")
    if sort in ("cost", "-cost"):
        return queryset.order_by(cost.desc() if sort == "-cost" else cost.asc(), "page_id")
    if sort == "oldest":
        return queryset.order_by(created.asc(), "page_id")
    return queryset.order_by(created.desc(), "page_id")


FUNDED_VALUES = frozenset(s.value for s in FUNDED)
# The facets read from one GROUP BY over these columns (the other facet filters applied in Python): a few
# thousand groups at most, however many proposals there are.
GROUPED = ("district", "cycle", "year", "status", "funded")  # the order of the columns read
COLUMNS = ["place_id", "cycle_id", "year", "status"]
# A one-word query with a cost range counts the rows of the word outside the range and takes them from the word's
# stored counts when at most this many rows of the language lie outside it; else it groups the rows in the range.
OUTSIDE_MAX = 2000


class _NotIn:
    """The values not in a set (the test of "not funded")."""

    def __init__(self, values):
        self.values = values

    def __contains__(self, value):
        return value not in self.values


def _row_tests(filterset) -> list[tuple]:
    """For each grouped facet the state filters by: (facet, column of a (place id, cycle id, year, status) group,
    the values that pass)."""
    clean, tests = filterset.form.cleaned_data, []
    if clean.get("district") is not None:
        places = filterset.lookups.place_ids_below(int(clean["district"]))
        if places is not None:
            tests.append(("district", 0, places))
    if clean.get("cycle") is not None:
        tests.append(("cycle", 1, filterset.lookups.cycle_ids(int(clean["cycle"]))))
    if clean.get("year") is not None:
        tests.append(("year", 2, {clean["year"]}))
    if clean.get("status"):
        tests.append(("status", 3, {clean["status"]}))
    if clean.get("funded") in ("yes", "no"):
        tests.append(("funded", 3, FUNDED_VALUES if clean["funded"] == "yes" else _NotIn(FUNDED_VALUES)))
    return tests


def _narrowed(filterset, queryset, names):
    """`queryset` under the filters of the state named by `names` (the state's checked values)."""
    clean = filterset.form.cleaned_data
    for name in names:
        if name in clean:
            queryset = filterset.filters[name].filter(queryset, clean[name])
    return queryset.order_by()


def _stored_word(stems: list[str]) -> str | None:
    """The word whose stored counts (search.models.CatalogueWordGroup) answer a query: its only stem."""
    return stems[0] if len(stems) == 1 and len(stems[0]) <= WORD_MAX else None


def _topics(filterset, tests: list, language: str, word: str, counts) -> defaultdict:
    """The topic counts of the rows with `word` (every row: "") under the state's place, cycle, year and status
    filters (`tests`): stored as they are for a state without them (search.models.CatalogueTopic), else summed
    from `counts` (the group counts with a topic, or the word's counts)."""
    topics = defaultdict(int)
    if not tests:
        topics.update(CatalogueTopic.objects.filter(language=language, stem=word).values_list("tag", "n"))
    elif word:
        for tags, n in _narrowed(filterset, counts, GROUPED).values_list("tags").annotate(n=Sum("n")):
            for slug in tags.split():
                topics[slug] += n
    else:
        topics.update(_narrowed(filterset, counts, GROUPED).values_list("tag").annotate(n=Sum("n")))
    return topics


def _word_counts(filterset, tests: list, word: str, tag: str, costs: dict, language: str):
    """The groups and the topic counts of a one-word query from the word's stored counts (see `_counts`), or None
    when a cost range leaves out too many rows to take them away."""
    outside = None
    if costs:  # the rows outside the range (the bounds are exclusive of these; rows without a cost are outside)
        clean, outside = filterset.form.cleaned_data, Q(cost__isnull=True)
        if "cost_min" in costs:
            outside |= Q(cost__lt=clean["cost_min"])
        if "cost_max" in costs:
            outside |= Q(cost__gt=clean["cost_max"])
        outside = list(entries(language).filter(outside).values_list("page_id", flat=True)[: OUTSIDE_MAX + 1])
        if len(outside) > OUTSIDE_MAX:
            return None
    stored = CatalogueWordGroup.objects.filter(language=language, stem=word)
    hits = Sum(Case(When(tags__contains=f" {tag} ", then="n"), default=Value(0))) if tag else Sum("n")
    grouped = {
        tuple(row[:4]): [row[4], row[5]]
        for row in stored.order_by().values_list(*COLUMNS).annotate(all=Sum("n"), hits=hits)
    }
    topics = _topics(filterset, tests, language, word, stored)
    if outside:
        found = entries(language).filter(page_id__in=outside, search_text__contains=f" {word} ")
        for *key, tags, n in found.order_by().values_list(*COLUMNS, "tags").annotate(n=Count("*")):
            counts = grouped.setdefault(tuple(key), [0, 0])
            counts[0] -= n
            if not tag or tag in tags.split():
                counts[1] -= n
            if all(key[column] in passing for _facet, column, passing in tests):
                for slug in tags.split():
                    topics[slug] -= n
    filterset.lookups.word_rows = sum(counts[0] for counts in grouped.values())
    return [(*key, counts[1]) for key, counts in grouped.items()], topics


def _counts(filterset, stems: list[str], language: str):
    """The count of each facet value (each facet under all the other filters) and the number of hits.

    The grouped facets (place, cycle, year, status, funded) come from groups of (place, cycle, year, status, count
    of the rows with the state's words, cost range and topic), each facet then counted here under the other
    filters; the topics from their own counts under the grouped filters:
    * no words, no cost range: the stored group counts (search.models.CatalogueGroup), a few thousand rows;
    * one word: the word's stored counts (search.models.CatalogueWordGroup), a few hundred to a few thousand rows;
      with a cost range, less the rows of the word outside the range when they are few;
    * several words (or a cost range leaving out many rows): one GROUP BY of the matching rows over the grouped
      columns and the topics (the text match is the dear part, done once);
    * a cost range only: one GROUP BY over the grouped columns under the topic and cost filters, one over the
      topics under all the other filters."""
    tests = _row_tests(filterset)
    clean = filterset.form.cleaned_data
    tag = (clean.get("tag") or "").strip()
    costs = {k: clean[k] for k in ("cost_min", "cost_max") if clean.get(k) is not None}  # a reversed range: none
    rows, topics = None, defaultdict(int)
    word = _stored_word(stems)
    if not stems and not costs:
        groups = CatalogueGroup.objects.filter(language=language, n__gt=0)
        rows = groups.filter(tag=tag).values_list(*COLUMNS, "n")
        topics = _topics(filterset, tests, language, "", groups.exclude(tag=""))
    elif word is not None and (counted := _word_counts(filterset, tests, word, tag, costs, language)) is not None:
        rows, topics = counted
    elif stems:
        rows = defaultdict(int)
        found = _narrowed(filterset, entries(language), ("q", *costs)).values_list(*COLUMNS, "tags")
        for *key, tags, n in found.annotate(n=Count("*")):
            filterset.lookups.word_rows = (filterset.lookups.word_rows or 0) + n
            if not tag or tag in tags.split():
                rows[tuple(key)] += n
            if all(key[column] in passing for _facet, column, passing in tests):
                for slug in tags.split():
                    topics[slug] += n
        filterset.lookups.word_rows = filterset.lookups.word_rows or 0
        rows = [(*key, n) for key, n in rows.items()]
    else:
        rows = _narrowed(filterset, entries(language), ("tag", *costs)).values_list(*COLUMNS).annotate(n=Count("*"))
        tagless = [name for name in filterset.filters if name != "tag"]
        for tags, n in _narrowed(filterset, entries(language), tagless).values_list("tags").annotate(n=Count("*")):
            for slug in tags.split():
                topics[slug] += n
    counts, total = _grouped_counts(rows, tests)
    lookups, by_place, by_cycle = filterset.lookups, defaultdict(int), defaultdict(int)
    for pk, n in counts["district"].items():  # by id in the rows, by key in the facets
        if pk in lookups.places:
            by_place[lookups.places[pk].key] += n
    for pk, n in counts["cycle"].items():
        if pk in lookups.cycle_keys:
            by_cycle[lookups.cycle_keys[pk]] += n
    counts["cycle"] = by_cycle
    counts["district"] = {t.key: sum(by_place.get(k, 0) for k in lookups.keys_below(t.pk)) for t in lookups.options}
    topics = {slug: n for slug, n in topics.items() if n > 0}
    counts["tag"] = dict(sorted(topics.items(), key=lambda item: (-item[1], item[0]))[:TAG_FACET_SIZE])
    return counts, total


def _grouped_counts(rows, tests: list[tuple]) -> tuple[dict, int]:
    """The counts of the grouped facets from (place id, cycle id, year, status, hits) groups: each facet's values
    among the groups that pass every test but the facet's own; and the hits of the groups that pass every test."""
    place, cycle, year, status, funded = (defaultdict(int) for _ in range(5))
    by_facet = {"district": (place, 0), "cycle": (cycle, 1), "year": (year, 2), "status": (status, 3)}
    total = 0
    if not tests:  # every group counts in every facet
        for row_place, row_cycle, row_year, row_status, n in rows:
            if n:
                total += n
                place[row_place] += n
                cycle[row_cycle] += n
                year[row_year] += n
                status[row_status] += n
        rows, funded = [], status
    for row in rows:
        n = row[4]
        if not n:
            continue
        failed = None
        for facet, column, passing in tests:
            if row[column] not in passing:
                if failed is not None:
                    break  # two tests failed: the group counts in no facet
                failed = facet
        else:
            if failed is None:
                total += n
                place[row[0]] += n
                cycle[row[1]] += n
                year[row[2]] += n
                status[row[3]] += n
                funded[row[3]] += n
            elif failed == "funded":
                funded[row[3]] += n
            else:
                counts, column = by_facet[failed]
                counts[row[column]] += n
    yes = sum(n for value, n in funded.items() if value in FUNDED_VALUES)
    counts = {"district": place, "cycle": cycle, "year": year, "status": status}
    counts["funded"] = {"yes": yes, "no": sum(funded.values()) - yes}
    return counts, total


def _page_ids(queryset, sort: str, stems: list[str], offset: int, walk: bool = False) -> list[int]:
    """The ids of one page of results. By relevance, the hits with a word in their title come first, each group
    newest first: read as plain queries that each walk an index and stop at the page, not as one sort of all the
    hits; the hits with a title word are counted only for a later page that may start after them."""
    fenced = bool(stems) and not walk and connections[queryset.db].vendor == "postgresql"  # see `_ordered`
    if not (sort == "relevance" and stems):
        return list(_ordered(queryset, sort, fenced).values_list("page_id", flat=True)[offset : offset + PER_PAGE])
    hits = queryset.alias(title_hit=_title_hit(queryset, stems, walk))
    titles, others = (
        _ordered(hits.filter(title_hit=1), "newest", fenced),
        _ordered(hits.filter(title_hit=0), "newest", fenced),
    )
    ids = list(titles.values_list("page_id", flat=True)[offset : offset + PER_PAGE])
    if len(ids) < PER_PAGE:
        titled = offset + len(ids) if ids or offset == 0 else titles.count()
        start = max(0, offset - titled)
        ids += list(others.values_list("page_id", flat=True)[start : start + PER_PAGE - len(ids)])
    return ids


def run_catalogue(data, language: str) -> CatalogueResult:
    from .es_catalogue import es_catalogue_or_none  # Elasticsearch when ELASTICSEARCH_URL is set and it answers

    if (answer := es_catalogue_or_none(data, language)) is not None:
        return answer
    lookups = Lookups(language)
    filterset, clean, stems, sort = check_state(data, language, lookups)
    chosen = lookups.places.get(int(clean["district"])) if clean.get("district") else None
    counts, total = _counts(filterset, stems, language)
    paginator = Paginator(Total(total), PER_PAGE)
    asked = data.get("page") or "1"
    number = page_number(paginator, asked)
    lookups.walk = total >= WALK_MIN and number * PER_PAGE * 10 <= total
    ids = _page_ids(filterset.qs, sort, stems, (number - 1) * PER_PAGE, lookups.walk)
    page_obj = result_page(ids, number, paginator, lookups)
    notices = []
    if str(page_obj.number) != str(asked).strip():
        notices.append(_("That page does not exist; here is page %(n)s.") % {"n": page_obj.number})
    facets = build_facets(counts, filterset, data, chosen, language)
    return CatalogueResult(filterset, page_obj, facets, sort, notices, chosen and lookups.localized(chosen))
