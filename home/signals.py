from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from . import page_cache
from .models import NewsIndexPage, NewsPageTag, PublicCentre, PublicCouncil
from .workflows import assign_news_workflow


@receiver(post_save, sender=NewsIndexPage)
def news_index_gets_workflow(sender, instance, raw=False, **kwargs):
    if not raw:
        assign_news_workflow(instance)


# The anonymous page cache (home/page_cache.py): which saved rows purge which pages.
def _page_changed(sender, instance, **kwargs):
    page_cache.touch_pages([instance])


def _page_deleted(sender, instance, **kwargs):
    if isinstance(instance, Page):
        page_cache.touch_pages([instance])


page_published.connect(_page_changed, dispatch_uid="page-cache-published")
page_unpublished.connect(_page_changed, dispatch_uid="page-cache-unpublished")
post_delete.connect(_page_deleted, dispatch_uid="page-cache-page-deleted")


@receiver(post_page_move)
def _page_moved(sender, instance, **kwargs):
    page_cache.touch_everything()  # its old address, and every page whose links or breadcrumbs led there


# A view restriction hides a section from every listing, feed and menu; the kept routes carry the restrictions.
for _model in (PageViewRestriction, PublicCouncil, PublicCentre, Site, Locale):
    page_cache.watch(_model, page_cache.everywhere)
for _model in (get_image_model(), get_document_model()):
    page_cache.watch(_model, page_cache.unless_new)
page_cache.NOT_WATCHED[NewsPageTag] = "written with its news page, which is published"
