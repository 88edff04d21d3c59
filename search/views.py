import unicodedata
from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.db.models import OuterRef, Subquery, TextField
from django.db.models.functions import Coalesce
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page, get_page_models
from wagtail.search.query import Or, PlainText
from wagtail.search.utils import normalise_query_string

from home import page_cache
from home.models import ConceptDocumentPage, NewsPage
from home.routing import locale_for
from pb_module.models import MeetingPage, PBCyclePage, ProgressStoryPage, Proposal, ProposalPage, Territory
from pb_module.rules.statuses import Status
from pb_module.vocabulary import STATUS_LABELS
from search.catalogue import SORTS, run_catalogue
from words.text import normalise_query

MAX_QUERY_LENGTH = 200
RESULTS_PER_PAGE = 10
# The kinds of page a reader can narrow a search to, in the order the filter shows them.
TYPES = {
    "news": (NewsPage, _("News")),
    "documents": (ConceptDocumentPage, _("Documents")),
    "cycles": (PBCyclePage, _("Participatory budget cycles")),
    "proposals": (ProposalPage, _("Proposals")),
    "stories": (ProgressStoryPage, _("Progress stories")),
    "meetings": (MeetingPage, _("Meetings")),
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


def _own_field(model, name: str):
    """`name` of `model`'s page with the same id, for a query of pages (a subclass shares its parent's row)."""
    return Subquery(model.objects.filter(pk=OuterRef("pk")).values(name)[:1])


def _kinds_with(name: str) -> list:
    """Every kind of page whose own row has the field `name` (a kind that inherits it shares its parent's row)."""
    return [model for model in get_page_models() if any(field.name == name for field in model._meta.local_fields)]


def with_their_texts(pages: list) -> list:
    """The found pages as their own kind of page, with the texts a result shows and a proposal page's proposal id,
    read for the whole page of results in one query (`.specific()` makes one for each kind of page found)."""
    if not pages:
        return []
    fields = {
        name: Coalesce(*(_own_field(model, name) for model in _kinds_with(name)), output_field=TextField())
        for name in ("summary", "intro")  # what a result shows under its title
    }
    texts = {
        row["pk"]: row
        for row in Page.objects.filter(pk__in=[page.pk for page in pages])
        .annotate(**fields, own_proposal_id=_own_field(ProposalPage, "proposal_id"))
        .values("pk", "own_proposal_id", *fields)
    }
    found = []
    for page in pages:
        page = page.specific_deferred  # no query: its own fields are set below or never read
        row = texts.get(page.pk, {})
        page.summary, page.intro = row.get("summary"), row.get("intro")
        if isinstance(page, ProposalPage):
            page.proposal_id = row.get("own_proposal_id")
        found.append(page)
    return found


def add_proposal_facts(pages: list, language: str) -> None:
    """Give each proposal page among the results `facts`: its place (in `language`), its cycle's year and its
    status (value and label): one query for the whole page of results."""
    if not pages:
        return
    local_name = Territory.objects.filter(
        locale__language_code=language, translation_key=OuterRef("district__translation_key")
    ).values("name")[:1]
    facts = {
        row[0]: row[1:]
        for row in Proposal.objects.filter(pk__in={page.proposal_id for page in pages})
        .annotate(local_name=Subquery(local_name))
        .values_list("pk", "status", "cycle__year", "local_name", "district__name")
    }
    for page in pages:
        if page.proposal_id in facts:
            status, year, local, name = facts[page.proposal_id]
            label = STATUS_LABELS[Status(status)]
            page.facts = {"place": local or name, "year": year, "status": status, "status_label": label}


def promoted(query: str, language: str) -> list:
    """The pages editors promoted for this query (Settings -> Promoted search results), in the reader's language:
    each promoted page's translation that is live and public, in the editors' order."""
    from wagtail.contrib.search_promotions.models import SearchPromotion

    picks = SearchPromotion.objects.filter(query__query_string=normalise_query_string(query), page__isnull=False)
    locale = locale_for(language)
    pages = []
    for pick in picks.select_related("page").order_by("sort_order"):
        page = pick.page.get_translation_or_none(locale)
        if page is not None and page.live and not page.get_view_restrictions().exists():
            pages.append(page.specific)
    return pages


def _search(query: str, chosen: str, number, language: str) -> dict:
    """The page of results and the count of each type of page, with what the results show."""
    # All the words as typed, or all their stems: pages index both (words/indexing.py), so word forms match.
    stems = normalise_query(query, language)
    typed = searchable(query)
    terms = [PlainText(text) for text in dict.fromkeys((typed, stems)) if text]
    terms = Or(terms) if len(terms) > 1 else terms[0] if terms else None
    pages = Page.objects.live().public().filter(locale=locale_for(language))
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
    results = scoped.search(terms) if terms else []
    paginator = Paginator(results, RESULTS_PER_PAGE)
    if chosen:
        paginator.count = next(facet["count"] for facet in facets if facet["current"])  # counted already
    page_obj = page_cache.keepable(paginator.get_page(number))
    page_obj.object_list = with_their_texts(page_obj.object_list)
    for result in page_obj.object_list:
        result.type_label = type_label(result)
    add_proposal_facts([result for result in page_obj.object_list if isinstance(result, ProposalPage)], language)
    first_page = not chosen and page_obj.number == 1
    picks = promoted(query, language) if first_page else []
    for pick in picks:
        pick.type_label = type_label(pick)
    return {"page_obj": page_obj, "facets": facets, "promoted": picks}


def search(request):
    """Site-wide search over live public pages in the reader's language, narrowed to one type if asked."""
    query = without_controls(request.GET.get("q", "")).strip()[:MAX_QUERY_LENGTH]
    chosen = request.GET.get("type", "")
    unknown_type = bool(chosen) and chosen not in TYPES
    if unknown_type:
        chosen = ""
    page_obj, facets, picks = None, [], []
    if query:
        # Kept with the search page (`page_cache.kept_one`): any page published, changed or withdrawn purges it.
        number, language = request.GET.get("page"), get_language()
        found = page_cache.kept_one(
            "search",
            request.path,
            lambda: _search(query, chosen, number, language),
            vary=f"{request.get_host()}\n{query}\n{chosen}\n{number}",
        )
        page_obj, facets, picks = found["page_obj"], found["facets"], found.get("promoted", [])
    return render(
        request,
        "search/search.html",
        {
            "search_query": query,
            "page_obj": page_obj,
            "facets": facets,
            "promoted": picks,
            "chosen_type": chosen,
            "unknown_type": unknown_type,
            "query_prefix": urlencode({"q": query, **({"type": chosen} if chosen else {})}),
            "query_only": urlencode({"q": query}),
        },
    )


def projects(request):
    """The catalogue of proposals of every cycle: the whole state is in the address, no JavaScript needed. Its
    content is the same for every visitor: kept with the catalogue's path and query string (`page_cache.kept_one`;
    any change to a proposal or a page it lists purges the catalogue), so a signed-in visitor's filters are not
    counted again."""
    content = page_cache.kept_one(
        "catalogue",
        request.path,
        lambda: _catalogue(request, get_language()),
        vary=f"{request.get_host()}\n{request.META.get('QUERY_STRING', '')}",
    )
    return render(request, "search/projects.html", {"content": mark_safe(content)})  # noqa: S308 (rendered below)


def _catalogue(request, language: str) -> str:
    result = run_catalogue(request.GET, language)
    state = [(k, v) for k, v in request.GET.items() if k != "page" and v]
    # "Filters (n active)": the facets and the cost bounds chosen, not the words or the order.
    filter_keys = {facet.key for facet in result.facets} | {"cost_min", "cost_max"}
    active_filters = sum(1 for key, _value in state if key in filter_keys)
    return render_to_string(
        "search/includes/catalogue.html",
        {
            "result": result,
            "form": result.filterset.form,
            "page_obj": result.page_obj,
            "sorts": SORTS.items(),
            "query_prefix": urlencode(state),
            "q": request.GET.get("q", "")[:MAX_QUERY_LENGTH],
            "active_filters": active_filters,
        },
        request=request,
    )
