"""The catalogue's filter state, checked (`CatalogueFilter`, `check_state`), the word match on the database's
full-text index (`with_words`), and what a request looks up besides the rows, read once (`Lookups`).
"""

from collections import defaultdict
from functools import cached_property

import django_filters
from django.db import connections
from django.db.models import BooleanField, F, Q
from django.db.models.expressions import RawSQL
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from pb_module.models import PBCyclePage, Territory
from pb_module.rules.statuses import PUBLIC, Status
from pb_module.rules.text import is_db_id
from pb_module.vocabulary import STATUS_LABELS
from search.models import CatalogueEntry
from words.formatting import name_key
from words.text import normalise_query

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
    """The stems a word query asks every hit to have (words/text.py), without :data:`QUERY_STOPWORDS`."""
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
    """Rows whose text has every one of these stems (words/text.py), through the database's full-text index, or,
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


def check_state(data, language: str, lookups: Lookups | None = None):
    """The checked filter state: the filterset (its form holds the messages), cleaned data, stems, sort."""
    lookups = lookups or Lookups(language)
    filterset = CatalogueFilter(data, queryset=entries(language), lookups=lookups)
    filterset.errors  # noqa: B018 -- validates the form
    filterset.check()  # the checks across fields; the rows are selected when asked for (filterset.qs)
    clean = filterset.form.cleaned_data
    stems = query_stems(clean.get("q"), language)
    return filterset, clean, stems, clean.get("sort") or ("relevance" if stems else "newest")


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
