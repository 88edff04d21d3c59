"""The rows of the database catalogue's index (search.models.CatalogueEntry) and their group counts
(CatalogueGroup, and per word CatalogueWordGroup), built from the pages.

``refresh(page_ids)`` rewrites the rows of some pages and moves the group counts by the difference (the signals
call it as pages and proposals change, ``pb_generate`` for what it writes), ``remove(page_ids)`` takes pages out,
``rebuild()`` writes everything afresh (``manage.py catalogue_reindex``, and once after the migration that adds
the tables). Rows are read in bulk, a few queries per 2 000 pages, so 100 000 pages take seconds (the word counts
about a minute more). A row moves the word counts of each of its distinct stems (about 40).
"""

from collections import Counter

from django.conf import settings
from django.db import connection, transaction
from django.db.models.functions import Coalesce
from wagtail.models import Locale

from home.people_text import tag_fits
from pb_module.models import PBCyclePage, Proposal, ProposalPage, ProposalTag, Territory
from pb_module.rules.statuses import PUBLIC, Status
from search.models import WORD_MAX, CatalogueEntry, CatalogueGroup, CatalogueTopic, CatalogueWordGroup
from words.text import normalise

CHUNK = 2000
PUBLIC_STATUSES = [s.value for s in Status if s in PUBLIC]
# A query is normalised in its reader's language (words/text.py), so a place's names are indexed in every
# reading: "Актау" typed on the Kazakh page and on the Russian one have different stems.
READINGS = (*(code for code, _name in settings.LANGUAGES), None)


def place_words(place_ids) -> dict[int, str]:
    """For each of these places (ids), the stems of its names in every language, and of the names of every place
    above it, in every reading: what a catalogue row adds to its page's words, so a word query that names a place
    ("Актау", "Ақтау", "Aktau") finds the projects of that place and of the places below it. One query for the
    whole table (it is small)."""
    rows = list(Territory.objects.values_list("pk", "translation_key", "parent_id", "name"))
    key_of = {pk: key for pk, key, _parent, _name in rows}
    names, above = {}, {}
    for _pk, key, parent, name in rows:
        names.setdefault(key, set()).add(name)
        if parent in key_of:
            above.setdefault(key, key_of[parent])
    words = {}
    for pk in place_ids:
        stems, key, seen = {}, key_of.get(pk), set()
        while key is not None and key not in seen:  # `seen`: a loop in bad data must not hang indexing
            seen.add(key)
            for name in sorted(names[key]):
                stems.update(dict.fromkeys(stem for reading in READINGS for stem in normalise(name, reading).split()))
            key = above.get(key)
        words[pk] = " ".join(stems)
    return words


def catalogue_text(page_text: str, place_text: str) -> str:
    """The words of a catalogue row (or document): the page's stems, then its place's."""
    return " ".join(part for part in (page_text.strip(), place_text.strip()) if part)


def indexable_pages():
    """Every page the catalogue may show, in any language: live, public, with a public status."""
    return ProposalPage.objects.live().public().filter(proposal__status__in=PUBLIC_STATUSES)


def _entries(page_ids: list[int]) -> list[CatalogueEntry]:
    """The rows of these pages. Each table is read by primary keys, joined here: a join of them all let a
    planner without statistics (SQLite during a bulk load) scan every proposal for each chunk of pages."""
    pages = list(
        ProposalPage.objects.live()
        .public()
        .filter(pk__in=page_ids)
        .values_list("pk", "locale_id", "proposal_id", "title", "search_text")
    )
    proposals = {
        row[0]: row
        for row in Proposal.objects.filter(pk__in={page[2] for page in pages})
        .annotate(the_cost=Coalesce("validated_cost", "estimated_cost"))
        .values_list("pk", "status", "district_id", "cycle_id", "the_cost", "published_votes", "created_at")
        if row[1] in PUBLIC_STATUSES
    }
    languages = dict(Locale.objects.values_list("pk", "language_code"))
    place_text = place_words({p[2] for p in proposals.values()})
    years = dict(PBCyclePage.objects.filter(pk__in={p[3] for p in proposals.values()}).values_list("pk", "year"))
    tags: dict[int, list[str]] = {}
    # The topics of a page written in its own language only: an untranslated alias keeps its source's words, and
    # they would show Kazakh topics among the Russian ones (home/people_text.py `tag_fits`).
    for page_id, slug, name, language in (
        ProposalTag.objects.filter(content_object_id__in=page_ids, content_object__alias_of__isnull=True)
        .values_list("content_object_id", "tag__slug", "tag__name", "content_object__locale__language_code")
        .iterator()
    ):
        if tag_fits(name, language):
            tags.setdefault(page_id, []).append(slug)
    rows = []
    for pk, locale_id, proposal_id, title, search_text in pages:
        if proposal_id not in proposals:
            continue  # not (or no longer) public
        _, status, district_id, cycle_id, cost, votes, created = proposals[proposal_id]
        rows.append(
            CatalogueEntry(
                page_id=pk,
                language=languages[locale_id],
                status=status,
                place_id=district_id,
                cycle_id=cycle_id,
                year=years[cycle_id],
                cost=cost,
                votes=votes,
                created_at=created,
                tags=f" {' '.join(sorted(set(tags.get(pk, []))))} "[:1000],
                title_stems=f" {normalise(title)} ",
                search_text=f" {catalogue_text(search_text, place_text[district_id])} ",
            )
        )
    return rows


GROUPED = ("language", "place_id", "cycle_id", "year", "status")
ROW = (*GROUPED, "tags", "search_text")  # what a row's group and word counts are made of
UPSERT = (
    "INSERT INTO search_cataloguegroup (language, place_id, cycle_id, year, status, tag, n) VALUES {} "
    "ON CONFLICT (language, place_id, cycle_id, year, status, tag) "
    "DO UPDATE SET n = search_cataloguegroup.n + excluded.n"
)


WORD_KEY = ("language", "stem", "place_id", "cycle_id", "year", "status", "tags")
TOPIC_KEY = ("language", "stem", "tag")


def _upsert_sql(table: str, key: tuple[str, ...]) -> str:
    """Add to the counts of a table keyed by `key` (VALUES to fill in)."""
    columns = ", ".join(key)
    return (
        f"INSERT INTO {table} ({columns}, n) VALUES {{}} "  # noqa: S608 -- names of this module's tables
        f"ON CONFLICT ({columns}) DO UPDATE SET n = {table}.n + excluded.n"
    )


def _emptied_sql(table: str, key: tuple[str, ...]) -> str:
    """Delete the counts of these keys (VALUES to fill in) that fell to 0: every stored count is some row's."""
    return f"DELETE FROM {table} WHERE n = 0 AND ({', '.join(key)}) IN (VALUES {{}})"  # noqa: S608 -- as above


# The tables of counts that keep no empty count: their key, the upsert and the delete of the emptied counts.
COUNTED = {
    model: (key, _upsert_sql(model._meta.db_table, key), _emptied_sql(model._meta.db_table, key))
    for model, key in ((CatalogueWordGroup, WORD_KEY), (CatalogueTopic, TOPIC_KEY))
}
UPSERT_ROWS = 500  # rows a statement (7-8 parameters each: within SQLite's and PostgreSQL's limits)


def _group_row(entry: CatalogueEntry) -> tuple:
    return (*(getattr(entry, name) for name in GROUPED), entry.tags, entry.search_text)


def _groups(rows) -> Counter:
    """The group counts of rows given as (language, place_id, cycle_id, year, status, tags[, search_text])."""
    counts = Counter()
    for language, place, cycle, year, status, tags, *_text in rows:
        group = (language, place, cycle, year, status)
        counts[(*group, "")] += 1
        for tag in set(tags.split()):
            counts[(*group, tag)] += 1
    return counts


def stems_of(search_text: str) -> set[str]:
    """The stems of a row that its word counts count (each once)."""
    return {stem for stem in search_text.split() if len(stem) <= WORD_MAX}


def _word_groups(rows) -> Counter:
    """The word counts of rows given as (language, place_id, cycle_id, year, status, tags, search_text)."""
    counts = Counter()
    for language, place, cycle, year, status, tags, text in rows:
        for stem in stems_of(text):
            counts[(language, stem, place, cycle, year, status, tags)] += 1
    return counts


def _chunks(changes: list, size: int = UPSERT_ROWS):
    for start in range(0, len(changes), size):
        yield changes[start : start + size]


def _add_to_groups(delta: dict) -> None:
    changes = [(*key, n) for key, n in delta.items() if n]
    with connection.cursor() as cursor:
        for chunk in _chunks(changes):
            values = ", ".join(["(%s, %s, %s, %s, %s, %s, %s)"] * len(chunk))
            cursor.execute(UPSERT.format(values), [value for change in chunk for value in change])


def _topics(groups: Counter, words: Counter) -> Counter:
    """The topic counts (search.models.CatalogueTopic) of the rows whose group and word counts are given."""
    counts = Counter()
    for (language, *_group, tag), n in groups.items():
        if tag:
            counts[(language, "", tag)] += n
    for (language, stem, *_group, tags), n in words.items():
        for tag in set(tags.split()):
            counts[(language, stem, tag)] += n
    return counts


def _move(model, delta: dict) -> None:
    """Move the counts of a table of `COUNTED` by `delta` (a Counter by key) and delete those that fell to 0."""
    key, upsert, emptied = COUNTED[model]
    changes = sorted((*k, n) for k, n in delta.items() if n)  # in key order: concurrent writers lock alike
    if not changes:
        return
    if connection.vendor == "postgresql":
        _move_postgresql(model, key, changes)
        return
    row = "(" + ", ".join(["%s"] * len(key)) + ")"
    with connection.cursor() as cursor:
        for chunk in _chunks(changes):
            values = ", ".join([f"{row[:-1]}, %s)"] * len(chunk))
            cursor.execute(upsert.format(values), [value for change in chunk for value in change])
        for chunk in _chunks([change[:-1] for change in changes if change[-1] < 0]):
            cursor.execute(emptied.format(", ".join([row] * len(chunk))), [v for k in chunk for v in k])


def _move_postgresql(model, key: tuple[str, ...], changes: list[tuple]) -> None:
    """`_move` on PostgreSQL: every change in one statement of arrays (a column each), the emptied counts deleted
    in another, sent with their parameters apart. A status change of 2 000 proposals moves about 60 000 word counts:
    written as rows of values, quoting their parameters into the text took longer than the database's work."""
    table = model._meta.db_table
    columns = ", ".join(key)
    types = [model._meta.get_field(name).db_type(connection) for name in key]
    arrays = ", ".join(f"%s::{kind}[]" for kind in types)
    inserted = list(zip(*changes, strict=True))
    emptied = list(zip(*[change[:-1] for change in changes if change[-1] < 0], strict=True))
    matches = " AND ".join(f"t.{name} = d.{name}" for name in key)
    import psycopg  # the PostgreSQL driver, there when PostgreSQL is

    connection.ensure_connection()
    with psycopg.Cursor(connection.connection) as cursor:  # binds parameters on the server
        cursor.execute(
            f"INSERT INTO {table} ({columns}, n) SELECT * FROM unnest({arrays}, %s::integer[]) "  # noqa: S608
            f"ON CONFLICT ({columns}) DO UPDATE SET n = {table}.n + excluded.n",
            [list(values) for values in inserted],
        )
        if emptied:
            cursor.execute(
                f"DELETE FROM {table} t USING unnest({arrays}) AS d({columns}) "  # noqa: S608
                f"WHERE t.n = 0 AND {matches}",
                [list(values) for values in emptied],
            )


def _add(groups: Counter, words: Counter) -> None:
    """Move every table of counts by the difference of some rows (group and word counts given)."""
    _add_to_groups(groups)
    _move(CatalogueWordGroup, words)
    _move(CatalogueTopic, _topics(groups, words))


def _delete(queryset) -> None:
    """Delete without the per-row post_delete signal (search/signals.py), whose group counts the caller moves."""
    queryset._raw_delete(queryset.db)


def forget(entry: CatalogueEntry) -> None:
    """Take one deleted row out of its group counts."""
    delta, words = Counter(), Counter()
    delta.subtract(_groups([_group_row(entry)]))
    words.subtract(_word_groups([_group_row(entry)]))
    _add(delta, words)


def _rewrite(ids: list[int], keep: bool) -> None:
    """Replace the rows of these pages (by the rows they should have when `keep`, else by none) and move the group
    counts by the difference."""
    with transaction.atomic():
        for start in range(0, len(ids), CHUNK):
            chunk = ids[start : start + CHUNK]
            old = list(CatalogueEntry.objects.select_for_update().filter(page_id__in=chunk).values_list(*ROW))
            delta, words = Counter(), Counter()
            delta.subtract(_groups(old))
            words.subtract(_word_groups(old))
            _delete(CatalogueEntry.objects.filter(page_id__in=chunk))
            if keep:
                new = [_group_row(row) for row in CatalogueEntry.objects.bulk_create(_entries(chunk), batch_size=500)]
                delta.update(_groups(new))
                words.update(_word_groups(new))
            _add(delta, words)


def refresh(page_ids) -> None:
    """Rewrite the rows of these pages: a row for each the catalogue may show, none for the others."""
    _rewrite(sorted({int(pk) for pk in page_ids}), keep=True)


def remove(page_ids) -> None:
    """Take these pages out of the catalogue (before they are deleted)."""
    _rewrite(sorted({int(pk) for pk in page_ids}), keep=False)


def rebuild() -> int:
    """Rows for every page the catalogue may show, and their group counts, from scratch; the number of rows."""
    with transaction.atomic():
        _delete(CatalogueEntry.objects.all())
        _delete(CatalogueGroup.objects.all())
        _delete(CatalogueWordGroup.objects.all())
        _delete(CatalogueTopic.objects.all())
        ids = list(indexable_pages().order_by("pk").values_list("pk", flat=True))
        groups, words = Counter(), Counter()
        for start in range(0, len(ids), CHUNK):
            new = CatalogueEntry.objects.bulk_create(_entries(ids[start : start + CHUNK]), batch_size=500)
            rows = [_group_row(row) for row in new]
            groups.update(_groups(rows))
            words.update(_word_groups(rows))
        _add_to_groups(groups)
        write_counts(CatalogueWordGroup, words)
        write_counts(CatalogueTopic, _topics(groups, words))
    analyze()
    return CatalogueEntry.objects.count()


def write_counts(model, counts: Counter) -> None:
    """Write the counts of an empty table of `COUNTED`, in key order (a word's counts then lie together on disk)."""
    key = COUNTED[model][0]
    model.objects.bulk_create(
        (model(**dict(zip(key, k, strict=True)), n=n) for k, n in sorted(counts.items()) if n), batch_size=2000
    )


def analyze() -> None:
    """Fresh planner statistics after a bulk write (SQLite never gathers them by itself; on PostgreSQL VACUUM also
    marks the pages all-visible, so the covering indexes are read without the table)."""
    tables = [model._meta.db_table for model in (CatalogueEntry, CatalogueGroup, CatalogueWordGroup, CatalogueTopic)]
    with connection.cursor() as cursor:
        for table in tables:
            if connection.vendor == "postgresql" and connection.get_autocommit():
                cursor.execute(f"VACUUM ANALYZE {table}")
            else:
                cursor.execute(f"ANALYZE {table}")


def group_problems() -> dict:
    """Group, word and topic counts that differ from the rows' (empty when the counts are right), by key (a word
    count's key starts with "word", a topic count's with "topic"): (stored, counted)."""
    rows = list(CatalogueEntry.objects.values_list(*ROW))
    counted, words = _groups(rows), _word_groups(rows)
    stored = {key[:-1]: key[-1] for key in CatalogueGroup.objects.filter(n__gt=0).values_list(*GROUPED, "tag", "n")}
    problems = {key: (stored.get(key, 0), n) for key, n in counted.items() if stored.get(key, 0) != n}
    problems |= {key: (n, 0) for key, n in stored.items() if key not in counted}
    # Every stored word or topic count is some row's: none of 0 or less is kept.
    for name, model, right in (("word", CatalogueWordGroup, words), ("topic", CatalogueTopic, _topics(counted, words))):
        kept = {key[:-1]: key[-1] for key in model.objects.values_list(*COUNTED[model][0], "n")}
        problems |= {(name, *key): (kept.get(key), n) for key, n in right.items() if kept.get(key) != n}
        problems |= {(name, *key): (n, 0) for key, n in kept.items() if key not in right}
    return problems


def missing() -> bool:
    """True when pages the catalogue may show have no rows at all (a database from before the index)."""
    return not CatalogueEntry.objects.exists() and indexable_pages().exists()
