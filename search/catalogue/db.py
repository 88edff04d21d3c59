"""The catalogue of proposals: filters, full-text query, facet counts, sorting; on the database.

The filter state is read and checked by a django-filter FilterSet (`CatalogueFilter`) and answered from the
catalogue's own rows (search.models.CatalogueEntry, one narrow row per page the catalogue may show, kept by
search/signals.py): words through the full-text index of the row's stems (`with_words`), the page of results by
the sort, and the facet counts from one GROUP BY over place, cycle, year and status (each facet then counted
under all the other filters in Python, `_counts`) plus one over the topics. Vote counts come only from
`Proposal.published_votes` (set when results are published). search/catalogue/es.py answers the same state from
Elasticsearch when it is configured; both build the facets with `build_facets`. What a request needs besides the
rows (every place, the cycles of its language, a cycle asked for by id) is read once, by `Lookups`.
"""

from collections import defaultdict
from datetime import timedelta
from typing import NamedTuple

from django.core.paginator import Paginator
from django.db import connections
from django.db.models import Case, Count, F, IntegerField, Q, Sum, Value, When
from django.utils.translation import gettext_lazy as _

from search.catalogue.facets import build_facets
from search.catalogue.results import CatalogueResult, Total, page_number, result_page
from search.catalogue.state import FUNDED, PER_PAGE, TAG_FACET_SIZE, WALK_MIN, Lookups, _fts5, check_state, entries
from search.models import WORD_MAX, CatalogueGroup, CatalogueTopic, CatalogueWordGroup


def _title_hit(queryset, stems: list[str], walk: bool = False):
    """1 for rows whose title has one of the stems, else 0 (the relevance); as plain text for a walk."""
    if connections[queryset.db].vendor == "sqlite" and not walk:
        in_title = _fts5("title_stems", stems, "OR")
    else:
        in_title = Q()
        for stem in stems:
            in_title |= Q(title_stems__contains=f" {stem} ")
    return Case(When(in_title, then=Value(1)), default=Value(0), output_field=IntegerField())


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
FILTERS_OF_GROUPS = ("district", "cycle", "year", "status", "funded")  # the facets tested on a Group
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


class Group(NamedTuple):
    """One group of catalogue rows: a place, a cycle, a year and a status, with the number of its rows that are hits
    of the state's words, cost range and topic (the facets' filters are tested on the group in Python). The
    strategies give groups as plain tuples in this order, as the database reads them (a tuple for each of thousands
    of groups: making each a Group tripled the time of the counts)."""

    place_id: int
    cycle_id: int
    year: int
    status: str
    n: int


class RowTest(NamedTuple):
    """A grouped facet the state filters by: the facet, the index of the `Group` field it tests (a group is read as a
    plain tuple in the loops: its fields by name cost twice the time of the facet counts), the values that pass."""

    facet: str
    column: int
    passing: object  # a set, or _NotIn

    @classmethod
    def of(cls, facet: str, field: str, passing) -> "RowTest":
        return cls(facet, Group._fields.index(field), passing)


def _passes(row, tests: list[RowTest]) -> bool:
    return all(row[column] in passing for _facet, column, passing in tests)


def _row_tests(filterset) -> list[RowTest]:
    """The tests of the grouped facets the state filters by."""
    clean, tests = filterset.form.cleaned_data, []
    if clean.get("district") is not None:
        places = filterset.lookups.place_ids_below(int(clean["district"]))
        if places is not None:
            tests.append(RowTest.of("district", "place_id", places))
    if clean.get("cycle") is not None:
        tests.append(RowTest.of("cycle", "cycle_id", filterset.lookups.cycle_ids(int(clean["cycle"]))))
    if clean.get("year") is not None:
        tests.append(RowTest.of("year", "year", {clean["year"]}))
    if clean.get("status"):
        tests.append(RowTest.of("status", "status", {clean["status"]}))
    if clean.get("funded") in ("yes", "no"):
        passing = FUNDED_VALUES if clean["funded"] == "yes" else _NotIn(FUNDED_VALUES)
        tests.append(RowTest.of("funded", "status", passing))
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


def _topics(filterset, tests: list[RowTest], language: str, word: str, counts) -> defaultdict:
    """The topic counts of the rows with `word` (every row: "") under the state's place, cycle, year and status
    filters (`tests`): stored as they are for a state without them (search.models.CatalogueTopic), else summed
    from `counts` (the group counts with a topic, or the word's counts)."""
    topics = defaultdict(int)
    if not tests:
        topics.update(CatalogueTopic.objects.filter(language=language, stem=word).values_list("tag", "n"))
    elif word:
        for tags, n in _narrowed(filterset, counts, FILTERS_OF_GROUPS).values_list("tags").annotate(n=Sum("n")):
            for slug in tags.split():
                topics[slug] += n
    else:
        topics.update(_narrowed(filterset, counts, FILTERS_OF_GROUPS).values_list("tag").annotate(n=Sum("n")))
    return topics


class State(NamedTuple):
    """What the counting strategies read of a checked state."""

    filterset: object
    tests: list[RowTest]
    stems: list[str]
    tag: str  # the topic asked for, or ""
    costs: dict  # the cost bounds asked for ("cost_min", "cost_max"); none for a reversed range
    language: str


def _stored_groups(state: State):
    """No words, no cost range: the stored group counts (search.models.CatalogueGroup), a few thousand rows."""
    groups = CatalogueGroup.objects.filter(language=state.language, n__gt=0)
    rows = list(groups.filter(tag=state.tag).values_list(*COLUMNS, "n"))
    return rows, _topics(state.filterset, state.tests, state.language, "", groups.exclude(tag=""))


def _word_groups(state: State):
    """One word: the word's stored counts (search.models.CatalogueWordGroup), a few hundred to a few thousand rows;
    with a cost range, less the rows of the word outside the range, or None when they are too many to take away."""
    filterset, tests, tag, costs, language = state.filterset, state.tests, state.tag, state.costs, state.language
    word = _stored_word(state.stems)
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
        (place_id, cycle_id, year, status): [every, hit]
        for place_id, cycle_id, year, status, every, hit in stored.order_by()
        .values_list(*COLUMNS)
        .annotate(all=Sum("n"), hits=hits)
    }
    topics = _topics(filterset, tests, language, word, stored)
    if outside:
        found = entries(language).filter(page_id__in=outside, search_text__contains=f" {word} ")
        for *key, tags, n in found.order_by().values_list(*COLUMNS, "tags").annotate(n=Count("*")):
            counts = grouped.setdefault(tuple(key), [0, 0])
            counts[0] -= n
            if not tag or tag in tags.split():
                counts[1] -= n
            if _passes(key, tests):
                for slug in tags.split():
                    topics[slug] -= n
    filterset.lookups.word_rows = sum(counts[0] for counts in grouped.values())
    return [(*key, hit) for key, (_every, hit) in grouped.items()], topics


def _matched_groups(state: State):
    """Several words (or a cost range leaving out many rows of one word): one GROUP BY of the matching rows over the
    grouped columns and the topics (the text match is the dear part, done once)."""
    filterset, tag = state.filterset, state.tag
    hits, topics, rows_with_words = defaultdict(int), defaultdict(int), 0
    found = _narrowed(filterset, entries(state.language), ("q", *state.costs)).values_list(*COLUMNS, "tags")
    for *key, tags, n in found.annotate(n=Count("*")):
        rows_with_words += n
        if not tag or tag in tags.split():
            hits[tuple(key)] += n
        if _passes(key, state.tests):
            for slug in tags.split():
                topics[slug] += n
    filterset.lookups.word_rows = rows_with_words
    return [(*key, n) for key, n in hits.items()], topics


def _cost_groups(state: State):
    """A cost range only: one GROUP BY over the grouped columns under the topic and cost filters, one over the
    topics under all the other filters."""
    filterset, topics = state.filterset, defaultdict(int)
    found = _narrowed(filterset, entries(state.language), ("tag", *state.costs)).values_list(*COLUMNS)
    rows = list(found.annotate(n=Count("*")))
    tagless = [name for name in filterset.filters if name != "tag"]
    for tags, n in _narrowed(filterset, entries(state.language), tagless).values_list("tags").annotate(n=Count("*")):
        for slug in tags.split():
            topics[slug] += n
    return rows, topics


def _counts(filterset, stems: list[str], language: str):
    """The count of each facet value (each facet under all the other filters) and the number of hits.

    The grouped facets (place, cycle, year, status, funded) come from `Group` rows, each facet then counted here
    under the other filters (`_grouped_counts`); the topics from their own counts under the grouped filters. The
    groups come from the cheapest strategy that answers the state: `_stored_groups`, `_word_groups`,
    `_matched_groups` or `_cost_groups`."""
    clean = filterset.form.cleaned_data
    costs = {k: clean[k] for k in ("cost_min", "cost_max") if clean.get(k) is not None}  # a reversed range: none
    state = State(filterset, _row_tests(filterset), stems, (clean.get("tag") or "").strip(), costs, language)
    if not stems and not costs:
        rows, topics = _stored_groups(state)
    elif stems and _stored_word(stems) is not None and (counted := _word_groups(state)) is not None:
        rows, topics = counted
    elif stems:
        rows, topics = _matched_groups(state)
    else:
        rows, topics = _cost_groups(state)
    counts, total = _grouped_counts(rows, state.tests)
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


def _grouped_counts(rows, tests: list[RowTest]) -> tuple[dict, int]:
    """The counts of the grouped facets from the groups (tuples shaped as `Group`): each facet's values among the
    groups that pass every test but the facet's own; and the hits of the groups that pass every test."""
    place, cycle, year, status, funded = (defaultdict(int) for _ in range(5))
    by_facet = {"district": place, "cycle": cycle, "year": year, "status": status}
    total = 0
    if not tests:  # every group counts in every facet
        for place_id, cycle_id, year_, status_, n in rows:
            if n:
                total += n
                place[place_id] += n
                cycle[cycle_id] += n
                year[year_] += n
                status[status_] += n
        rows, funded = [], status
    for group in rows:
        place_id, cycle_id, year_, status_, n = group
        if not n:
            continue
        failed = None
        for facet, column, passing in tests:
            if group[column] not in passing:
                if failed is not None:
                    break  # two tests failed: the group counts in no facet
                failed = (facet, column)
        else:
            if failed is None:
                total += n
                place[place_id] += n
                cycle[cycle_id] += n
                year[year_] += n
                status[status_] += n
                funded[status_] += n
            elif failed[0] == "funded":
                funded[status_] += n
            else:
                by_facet[failed[0]][group[failed[1]]] += n
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


def run_db_catalogue(data, language: str) -> CatalogueResult:
    """The catalogue's answer to a filter state (a QueryDict or dict) in `language`, from the database."""
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
