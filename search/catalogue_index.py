"""The rows of the database catalogue's index (search.models.CatalogueEntry), built from the pages.

``refresh(page_ids)`` rewrites the rows of some pages (the signals call it as pages and proposals change),
``rebuild()`` all of them (``manage.py catalogue_reindex``, ``pb_generate``). Rows are read in bulk (one query for
the pages' fields, one for their topics), so 100 000 pages take seconds, not minutes.
"""

from django.db import connection, transaction
from django.db.models.functions import Coalesce
from wagtail.models import Locale

from pb_module.models import PBCyclePage, Proposal, ProposalPage, ProposalTag, Territory
from pb_module.rules.statuses import PUBLIC, Status

from .models import CatalogueEntry
from .text import normalise

CHUNK = 2000
PUBLIC_STATUSES = [s.value for s in Status if s in PUBLIC]


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
    places = dict(
        Territory.objects.filter(pk__in={p[2] for p in proposals.values()}).values_list("pk", "translation_key")
    )
    cycles = {
        pk: (key, year)
        for pk, key, year in PBCyclePage.objects.filter(pk__in={p[3] for p in proposals.values()}).values_list(
            "pk", "translation_key", "year"
        )
    }
    tags: dict[int, list[str]] = {}
    for page_id, slug in ProposalTag.objects.filter(content_object_id__in=page_ids).values_list(
        "content_object_id", "tag__slug"
    ):
        tags.setdefault(page_id, []).append(slug)
    rows = []
    for pk, locale_id, proposal_id, title, search_text in pages:
        if proposal_id not in proposals:
            continue  # not (or no longer) public
        _, status, district_id, cycle_id, cost, votes, created = proposals[proposal_id]
        cycle_key, year = cycles[cycle_id]
        rows.append(
            CatalogueEntry(
                page_id=pk,
                language=languages[locale_id],
                status=status,
                district_key=str(places[district_id]),
                cycle_key=str(cycle_key),
                year=year,
                cost=cost,
                votes=votes,
                created_at=created,
                tags=f" {' '.join(sorted(set(tags.get(pk, []))))} "[:1000],
                title_stems=f" {normalise(title)} ",
                search_text=f" {search_text.strip()} ",
            )
        )
    return rows


def refresh(page_ids) -> None:
    """Rewrite the rows of these pages: a row for each the catalogue may show, none for the others."""
    ids = sorted({int(pk) for pk in page_ids})
    with transaction.atomic():
        for start in range(0, len(ids), CHUNK):
            chunk = ids[start : start + CHUNK]
            CatalogueEntry.objects.filter(page_id__in=chunk).delete()
            CatalogueEntry.objects.bulk_create(_entries(chunk), batch_size=500)


def rebuild() -> int:
    """Rows for every page the catalogue may show, from scratch; their number."""
    with transaction.atomic():
        CatalogueEntry.objects.all().delete()
        ids = list(indexable_pages().order_by("pk").values_list("pk", flat=True))
        for start in range(0, len(ids), CHUNK):
            CatalogueEntry.objects.bulk_create(_entries(ids[start : start + CHUNK]), batch_size=500)
    with connection.cursor() as cursor:  # fresh planner statistics (SQLite never gathers them by itself)
        cursor.execute(f"ANALYZE {CatalogueEntry._meta.db_table}")
    return CatalogueEntry.objects.count()


def missing() -> bool:
    """True when pages the catalogue may show have no rows at all (a database from before the index)."""
    return not CatalogueEntry.objects.exists() and indexable_pages().exists()
