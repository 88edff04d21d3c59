"""A page of the catalogue's results and what the view gets back (both backends answer with `CatalogueResult`)."""

from dataclasses import dataclass

from django.core.paginator import EmptyPage, Page, PageNotAnInteger
from django.db.models.functions import Coalesce
from django.utils.translation import get_language
from wagtail.models import Page as WagtailPage

from pb_module.models import Milestone, ProposalPage, Territory
from pb_module.rules.statuses import TRACKED
from search.catalogue.facets import Facet
from search.catalogue.state import PUBLIC_STATUSES, CatalogueFilter, Lookups

# What a card of the catalogue (search/templates/search/projects.html) and its link read of a page and its proposal:
# the rest of a page (its body, its words, the revision and publishing fields) is not read for a list.
CARD_FIELDS = [
    *("title", "slug", "url_path", "path", "depth", "numchild", "locale_id", "alias_of_id", "live", "content_type_id"),
    *("translation_key", "proposal_id", "proposal__status", "proposal__published_votes", "proposal__language"),
    *("proposal__district_id", "proposal__cycle_id", "proposal__geometry"),
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
