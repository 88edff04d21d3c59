import unicodedata
from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.shortcuts import render
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale, Page
from wagtail.search.query import Or, PlainText

from home.models import ConceptDocumentPage, NewsPage
from pb_module.models import PBCyclePage, ProgressStoryPage, Proposal, ProposalPage, Territory
from pb_module.models.proposal import STATUS_LABELS
from pb_module.rules.statuses import Status

from .catalogue import SORTS, run_catalogue
from .text import normalise_query

MAX_QUERY_LENGTH = 200
RESULTS_PER_PAGE = 10
# The kinds of page a reader can narrow a search to, in the order the filter shows them.
TYPES = {
    "news": (NewsPage, _("News")),
    "documents": (ConceptDocumentPage, _("Documents")),
    "cycles": (PBCyclePage, _("Participatory budget cycles")),
    "proposals": (ProposalPage, _("Proposals")),
    "stories": (ProgressStoryPage, _("Progress stories")),
}
OTHER_LABEL = _("Page")


def without_controls(text: str) -> str:
    """`text` with each control character (NUL, ..., which PostgreSQL refuses in any text) as a space."""
    return "".join(" " if unicodedata.category(char) == "Cc" else char for char in text)


def searchable(query: str) -> str:
    """The words as typed, for the search backend: without double quotes (SQLite's full-text syntax reads a lone
    one as an unterminated string) and control characters."""
    return " ".join(without_controls(query).replace('"', " ").split())


def type_label(page) -> str:
    """What kind of page a result is, in the reader's language."""
    return next((label for model, label in TYPES.values() if isinstance(page, model)), OTHER_LABEL)


def add_proposal_facts(pages: list, language: str) -> None:
    """Give each proposal page among the results `facts`: its place (in `language`), its cycle's year and its
    status (value and label): two queries for the whole page of results."""
    if not pages:
        return
    facts = {
        row[0]: row[1:]
        for row in Proposal.objects.filter(pk__in={page.proposal_id for page in pages}).values_list(
            "pk", "status", "cycle__year", "district__translation_key", "district__name"
        )
    }
    names = dict(
        Territory.objects.filter(
            locale__language_code=language, translation_key__in={fact[2] for fact in facts.values()}
        ).values_list("translation_key", "name")
    )
    for page in pages:
        if page.proposal_id in facts:
            status, year, key, name = facts[page.proposal_id]
            label = STATUS_LABELS[Status(status)]
            page.facts = {"place": names.get(key, name), "year": year, "status": status, "status_label": label}


def search(request):
    """Site-wide search over live public pages in the reader's language, narrowed to one type if asked."""
    query = without_controls(request.GET.get("q", "")).strip()[:MAX_QUERY_LENGTH]
    chosen = request.GET.get("type", "")
    unknown_type = bool(chosen) and chosen not in TYPES
    if unknown_type:
        chosen = ""
    page_obj, facets = None, []
    if query:
        # All the words as typed, or all their stems: pages index both (search/indexing.py), so word forms match.
        stems = normalise_query(query, get_language())
        typed = searchable(query)
        terms = [PlainText(text) for text in dict.fromkeys((typed, stems)) if text]
        terms = Or(terms) if len(terms) > 1 else terms[0] if terms else None
        pages = Page.objects.live().public().filter(locale=Locale.get_active())
        facets = [
            {
                "key": key,
                "label": label,
                "count": pages.type(model).search(terms).count() if terms else 0,
                "current": key == chosen,
            }
            for key, (model, label) in TYPES.items()
        ]
        scoped = pages.type(TYPES[chosen][0]) if chosen else pages
        results = scoped.specific().search(terms) if terms else []
        page_obj = Paginator(results, RESULTS_PER_PAGE).get_page(request.GET.get("page"))
        for result in page_obj:
            result.type_label = type_label(result)
        add_proposal_facts([result for result in page_obj if isinstance(result, ProposalPage)], get_language())
    return render(
        request,
        "search/search.html",
        {
            "search_query": query,
            "page_obj": page_obj,
            "facets": facets,
            "chosen_type": chosen,
            "unknown_type": unknown_type,
            "query_prefix": urlencode({"q": query, **({"type": chosen} if chosen else {})}),
            "query_only": urlencode({"q": query}),
        },
    )


def projects(request):
    """The catalogue of proposals of every cycle: the whole state is in the address, no JavaScript needed."""
    result = run_catalogue(request.GET, get_language())
    state = [(k, v) for k, v in request.GET.items() if k != "page" and v]
    # "Filters (n active)": the facets and the cost bounds chosen, not the words or the order.
    filter_keys = {facet.key for facet in result.facets} | {"cost_min", "cost_max"}
    active_filters = sum(1 for key, _value in state if key in filter_keys)
    return render(
        request,
        "search/projects.html",
        {
            "result": result,
            "form": result.filterset.form,
            "page_obj": result.page_obj,
            "sorts": SORTS.items(),
            "query_prefix": urlencode(state),
            "q": request.GET.get("q", "")[:MAX_QUERY_LENGTH],
            "active_filters": active_filters,
        },
    )
