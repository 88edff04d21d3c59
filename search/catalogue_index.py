"""The rows of the database catalogue's index (search.models.CatalogueEntry) and their group counts
(CatalogueGroup), built from the pages.

``refresh(page_ids)`` rewrites the rows of some pages and moves the group counts by the difference (the signals
call it as pages and proposals change, ``pb_generate`` for what it writes), ``remove(page_ids)`` takes pages out,
``rebuild()`` writes everything afresh (``manage.py catalogue_reindex``, and once after the migration that adds
the tables). Rows are read in bulk, a few queries per 2 000 pages, so 100 000 pages take seconds.
"""

from collections import Counter

from django.conf import settings
from django.db import connection, transaction
from django.db.models.functions import Coalesce
from wagtail.models import Locale

from home.people_text import tag_fits
from pb_module.models import PBCyclePage, Proposal, ProposalPage, ProposalTag, Territory
from pb_module.rules.statuses import PUBLIC, Status

from .models import CatalogueEntry, CatalogueGroup
from .text import normalise

CHUNK = 2000
PUBLIC_STATUSES = [s.value for s in Status if s in PUBLIC]
# A query is normalised in its reader's language (search/text.py), so a place's names are indexed in every
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
UPSERT = (
    "INSERT INTO search_cataloguegroup (language, place_id, cycle_id, year, status, tag, n) VALUES {} "
    "ON CONFLICT (language, place_id, cycle_id, year, status, tag) "
    "DO UPDATE SET n = search_cataloguegroup.n + excluded.n"
)


def _group_row(entry: CatalogueEntry) -> tuple:
    return (*(getattr(entry, name) for name in GROUPED), entry.tags)


def _groups(rows) -> Counter:
    """The group counts of rows given as (language, place_id, cycle_id, year, status, tags)."""
    counts = Counter()
    for *group, tags in rows:
        counts[(*group, "")] += 1
        for tag in set(tags.split()):
            counts[(*group, tag)] += 1
    return counts


def _add_to_groups(delta: dict) -> None:
    changes = [(*key, n) for key, n in delta.items() if n]
    with connection.cursor() as cursor:
        for start in range(0, len(changes), 500):
            chunk = changes[start : start + 500]
            values = ", ".join(["(%s, %s, %s, %s, %s, %s, %s)"] * len(chunk))
            cursor.execute(UPSERT.format(values), [value for change in chunk for value in change])


def _delete(queryset) -> None:
    """Delete without the per-row post_delete signal (search/signals.py), whose group counts the caller moves."""
    queryset._raw_delete(queryset.db)


def forget(entry: CatalogueEntry) -> None:
    """Take one deleted row out of its group counts."""
    delta = Counter()
    delta.subtract(_groups([_group_row(entry)]))
    _add_to_groups(delta)


def _rewrite(ids: list[int], keep: bool) -> None:
    """Replace the rows of these pages (by the rows they should have when `keep`, else by none) and move the group
    counts by the difference."""
    with transaction.atomic():
        for start in range(0, len(ids), CHUNK):
            chunk = ids[start : start + CHUNK]
            old = CatalogueEntry.objects.select_for_update().filter(page_id__in=chunk)
            delta = Counter()
            delta.subtract(_groups(old.values_list(*GROUPED, "tags")))
            _delete(CatalogueEntry.objects.filter(page_id__in=chunk))
            if keep:
                new = CatalogueEntry.objects.bulk_create(_entries(chunk), batch_size=500)
                delta.update(_groups(map(_group_row, new)))
            _add_to_groups(delta)


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
        ids = list(indexable_pages().order_by("pk").values_list("pk", flat=True))
        groups = Counter()
        for start in range(0, len(ids), CHUNK):
            new = CatalogueEntry.objects.bulk_create(_entries(ids[start : start + CHUNK]), batch_size=500)
            groups.update(_groups(map(_group_row, new)))
        _add_to_groups(groups)
    analyze()
    return CatalogueEntry.objects.count()


def analyze() -> None:
    """Fresh planner statistics after a bulk write (SQLite never gathers them by itself; on PostgreSQL VACUUM also
    marks the pages all-visible, so the covering indexes are read without the table)."""
    tables = [CatalogueEntry._meta.db_table, CatalogueGroup._meta.db_table]
    with connection.cursor() as cursor:
        for table in tables:
            if connection.vendor == "postgresql" and connection.get_autocommit():
                cursor.execute(f"VACUUM ANALYZE {table}")
            else:
                cursor.execute(f"ANALYZE {table}")


def group_problems() -> dict:
    """Groups whose count differs from the rows' (empty when the counts are right), by group key."""
    rows = _groups(CatalogueEntry.objects.values_list(*GROUPED, "tags"))
    stored = {key[:-1]: key[-1] for key in CatalogueGroup.objects.filter(n__gt=0).values_list(*GROUPED, "tag", "n")}
    keys = set(rows) | set(stored)
    return {key: (stored.get(key, 0), rows.get(key, 0)) for key in keys if stored.get(key, 0) != rows.get(key, 0)}


def missing() -> bool:
    """True when pages the catalogue may show have no rows at all (a database from before the index)."""
    return not CatalogueEntry.objects.exists() and indexable_pages().exists()
