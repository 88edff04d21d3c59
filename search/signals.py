"""Keep the catalogue's indexes current: the database's (search/catalogue/index.py) at once, in the same
transaction, and Elasticsearch's (search/catalogue/es.py, only with ELASTICSEARCH_URL) once it commits.

Elasticsearch is written after the commit, so it never shows what a rollback undid, from what the database then
holds. A failing Elasticsearch is logged and does not fail the change: ``manage.py catalogue_reindex`` rebuilds
both indexes.
"""

import logging

from django.conf import settings
from django.db import connections, transaction
from django.db.models.signals import post_delete, post_migrate, post_save
from django.dispatch import receiver
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

from home import page_cache
from pb_module import signals as pb_signals
from pb_module.models import PBCyclePage, Proposal, ProposalPage, TallyResult, Territory
from search.catalogue import index as catalogue_index

from .models import CatalogueEntry, CatalogueGroup, CatalogueTopic, CatalogueWordGroup

logger = logging.getLogger(__name__)


def enabled() -> bool:
    return bool(settings.ELASTICSEARCH_URL)


def _sync(page_ids: list[int]) -> None:
    from search.catalogue import es as es_catalogue

    try:
        es_catalogue.sync_pages(page_ids)
    except es_catalogue.ERRORS:
        logger.exception("Could not update the Elasticsearch catalogue for pages %s", page_ids)


def pages_changed(page_ids) -> None:
    """Rewrite these pages' catalogue rows now and their Elasticsearch documents once the transaction commits."""
    ids = sorted({int(pk) for pk in page_ids})
    if not ids:
        return
    pending = pb_signals.in_batch("catalogue")
    if pending is not None:  # written once, when the batch ends (below)
        pending.update(ids)
        return
    catalogue_index.refresh(ids)
    if enabled():
        transaction.on_commit(lambda: _sync(ids))


@receiver(pb_signals.batch_finished)
def write_batched_pages(sender, collected, **kwargs):
    """The pages changed in a batch (pb_module.signals.batch: an import, the demo): their rows rewritten once."""
    pages_changed(collected.get("catalogue", ()))


def _pages_under(page) -> list[int]:
    return list(ProposalPage.objects.descendant_of(page, inclusive=True).values_list("pk", flat=True))


@receiver(post_save, sender=ProposalPage)
@receiver(page_published, sender=ProposalPage)
@receiver(page_unpublished, sender=ProposalPage)
def proposal_page_changed(sender, instance, **kwargs):
    """Saved (an alias made or synchronised, a draft), published, unpublished. Publishing saves the page before
    its topics (modelcluster writes child rows after the page), so post_save alone would miss a topic change."""
    pages_changed([instance.pk])


@receiver(post_delete, sender=CatalogueEntry)
def catalogue_row_deleted(sender, instance, **kwargs):
    """A row deleted with its page (the cascade of a page deletion) leaves its group counts.
    search/catalogue/index.py deletes rows itself without this signal and counts them in bulk."""
    catalogue_index.forget(instance)


@receiver(post_delete, sender=ProposalPage)
def proposal_page_deleted(sender, instance, **kwargs):
    pages_changed([instance.pk])  # no longer in the database: its row went with it, its document goes


@receiver(post_save, sender=Proposal)
def proposal_changed(sender, instance, **kwargs):
    """Status (and so funded), cost, place, published votes: every language's page of the proposal."""
    pages_changed(instance.pages.values_list("pk", flat=True))


@receiver(post_save, sender=Territory)
def place_changed(sender, instance, **kwargs):
    """A place's names (in every language) and those above it are words of its projects' rows and documents: a
    place renamed, moved or translated rewrites the rows of every project in it or below it."""
    keys = instance.descendant_keys
    pages_changed(
        ProposalPage.objects.filter(proposal__district__translation_key__in=keys).values_list("pk", flat=True)
    )


@receiver(post_save, sender=TallyResult)
def results_published(sender, instance, created, **kwargs):
    """Published votes are written with update(), which sends no signal: every page of the cycle."""
    if created:
        pages_changed(ProposalPage.objects.filter(proposal__cycle=instance.cycle).values_list("pk", flat=True))


@receiver(page_published, sender=PBCyclePage)
def cycle_published(sender, instance, **kwargs):
    """A cycle's year is in its proposals' rows."""
    pages_changed(ProposalPage.objects.filter(proposal__cycle=instance).values_list("pk", flat=True))


@receiver(post_page_move, sender=ProposalPage)
@receiver(post_page_move, sender=PBCyclePage)
def pages_moved(sender, instance, **kwargs):
    """A moved page (or cycle) may have left or entered a private section."""
    pages_changed(_pages_under(instance))


@receiver(post_save, sender=PageViewRestriction)
@receiver(post_delete, sender=PageViewRestriction)
def privacy_changed(sender, instance, **kwargs):
    """Pages made private leave the catalogue; pages made public again return to it."""
    page = Page.objects.filter(pk=instance.page_id).first()  # gone when the restriction goes with its page
    if page is not None:
        pages_changed(_pages_under(page))


@receiver(post_migrate)
def fill_catalogue(sender, app_config=None, using="default", **kwargs):
    """A database from before the catalogue's own index gets its rows once, after the migration that adds it
    (not after the migrations are taken back: then there is no table)."""
    if app_config is None or app_config.label != "search":
        return
    if CatalogueEntry._meta.db_table in connections[using].introspection.table_names() and catalogue_index.missing():
        logger.warning("The catalogue index is empty: indexing every proposal page")
        catalogue_index.rebuild()


# The anonymous page cache (home/page_cache.py) needs no purge of these: a proposal's own change purges its pages.
page_cache.NOT_WATCHED.update(
    {
        CatalogueEntry: "rebuilt from proposal pages, whose changes purge the catalogue",
        CatalogueGroup: "counts of catalogue rows, rebuilt with them",
        CatalogueWordGroup: "counts of catalogue rows by word, rebuilt with them",
        CatalogueTopic: "counts of catalogue rows by topic, rebuilt with them",
    }
)


def _purge_search(sender, instance, raw=False, **kwargs):
    """A promoted result added, moved or removed shows on the search page of every language at once."""
    if not raw:
        page_cache.purge(trees=[path for path in page_cache.site_wide_paths() if "/search/" in path])


def _watch_promotions():
    from wagtail.contrib.search_promotions.models import SearchPromotion

    post_save.connect(_purge_search, sender=SearchPromotion, dispatch_uid="page-cache-save:promotion")
    post_delete.connect(_purge_search, sender=SearchPromotion, dispatch_uid="page-cache-delete:promotion")


_watch_promotions()
