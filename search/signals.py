"""Keep the Elasticsearch catalogue (search/es_catalogue.py) current; nothing at all without ELASTICSEARCH_URL.

The index is written once the transaction commits (so it never shows what a rollback undid), from what the
database then holds. A failing Elasticsearch is logged and does not fail the change: ``manage.py
catalogue_reindex`` rebuilds the whole index.
"""

import logging

from django.conf import settings
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

from pb_module.models import PBCyclePage, Proposal, ProposalPage, TallyResult

logger = logging.getLogger(__name__)


def enabled() -> bool:
    return bool(settings.ELASTICSEARCH_URL)


def _sync(page_ids: list[int]) -> None:
    from . import es_catalogue

    try:
        es_catalogue.sync_pages(page_ids)
    except es_catalogue.ERRORS:
        logger.exception("Could not update the Elasticsearch catalogue for pages %s", page_ids)


def sync_after_commit(page_ids) -> None:
    """Index (or remove from the index) these pages once the current transaction commits."""
    ids = sorted({int(pk) for pk in page_ids})
    if enabled() and ids:
        transaction.on_commit(lambda: _sync(ids))


def _pages_under(page) -> list[int]:
    return list(ProposalPage.objects.descendant_of(page, inclusive=True).values_list("pk", flat=True))


@receiver(page_published, sender=ProposalPage)
@receiver(page_unpublished, sender=ProposalPage)
def proposal_page_changed(sender, instance, **kwargs):
    sync_after_commit([instance.pk])


@receiver(post_delete, sender=ProposalPage)
def proposal_page_deleted(sender, instance, **kwargs):
    sync_after_commit([instance.pk])  # no longer in the database: removed from the index


@receiver(post_save, sender=Proposal)
def proposal_changed(sender, instance, **kwargs):
    """Status (and so funded), cost, published votes: every language's page of the proposal."""
    if enabled():
        sync_after_commit(instance.pages.values_list("pk", flat=True))


@receiver(post_save, sender=TallyResult)
def results_published(sender, instance, created, **kwargs):
    """Published votes are written with update(), which sends no signal: every page of the cycle."""
    if enabled() and created:
        sync_after_commit(ProposalPage.objects.filter(proposal__cycle=instance.cycle).values_list("pk", flat=True))


@receiver(post_page_move, sender=ProposalPage)
@receiver(post_page_move, sender=PBCyclePage)
def pages_moved(sender, instance, **kwargs):
    """A moved page (or cycle) has new addresses, and may have left or entered a private section."""
    if enabled():
        sync_after_commit(_pages_under(instance))


@receiver(post_save, sender=PageViewRestriction)
@receiver(post_delete, sender=PageViewRestriction)
def privacy_changed(sender, instance, **kwargs):
    """Pages made private leave the catalogue; pages made public again return to it."""
    if not enabled():
        return
    page = Page.objects.filter(pk=instance.page_id).first()  # gone when the restriction goes with its page
    if page is not None:
        sync_after_commit(_pages_under(page))
