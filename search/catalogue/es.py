"""The catalogue of proposals on Elasticsearch: the same filters, sorts, facets and result as search/catalogue/.

Used by `run_catalogue` when ``settings.ELASTICSEARCH_URL`` is set (the database catalogue answers when it is not,
or when Elasticsearch fails). One document per live public ProposalPage (every language, aliases included), in
an index of its own: ``settings.ELASTICSEARCH_CATALOGUE_INDEX`` is an alias over a dated index, so
``manage.py catalogue_reindex`` builds a fresh index and switches the alias at once. Signals (search/signals.py)
keep the documents current when a page is published, unpublished, moved, restricted or deleted and when its
proposal changes (status, cost, published votes).

Words are matched as in the database: the page's ``search_text`` (words/text.py, computed on save) is indexed
with the whitespace analyser, so our normaliser alone decides the stems, and each stem of the query must be one of
its words (a ``term`` query). Places are hierarchical: a document carries the translation key of its district and
of every place above it (``places``), so choosing a city is one ``term`` filter that finds its sub-places.

Facets follow the standard pattern: the text query, the locale and the cost range (not facets) are in ``query``;
the facet filters are in ``post_filter`` (they narrow the hits, not the aggregations); each facet's aggregation
is a ``filter`` aggregation holding every *other* facet filter, so each facet is counted under all the other
filters, as ``run_catalogue`` counts them.
"""

import logging
from decimal import Decimal
from functools import lru_cache

from django.conf import settings
from django.core.paginator import Paginator
from django.utils import timezone
from django.utils.translation import gettext as _
from elastic_transport import TransportError
from elasticsearch import ApiError, Elasticsearch, NotFoundError
from elasticsearch.dsl import (
    Boolean,
    DateNanos,
    Document,
    Integer,
    Keyword,
    Long,
    MetaField,
    Q,
    Search,
    Text,
)
from elasticsearch.helpers import bulk

from home.people_text import tag_fits
from pb_module.models import PBCyclePage, ProposalPage, Territory
from search.catalogue import index as catalogue_index
from search.catalogue.facets import build_facets
from search.catalogue.results import CatalogueResult, Total, page_number, result_page
from search.catalogue.state import (
    FACETS,
    FUNDED,
    PER_PAGE,
    PUBLIC_STATUSES,
    TAG_FACET_SIZE,
    check_state,
    place_options,
    query_stems,
)
from words.text import normalise

logger = logging.getLogger(__name__)

TIMEOUT = 5  # seconds, as for Wagtail's Elasticsearch backend
INDEX_SETTINGS = {"number_of_shards": 1, "number_of_replicas": 0}  # one shard: exact facet counts
TERMS_SIZE = 1000  # years and cycles: all of them
MAX_PAGE = 10_000 // PER_PAGE  # Elasticsearch serves hits up to from + size = 10,000 (index.max_result_window)
ERRORS = (ApiError, TransportError)  # what a failing or unreachable Elasticsearch raises


class CatalogueDocument(Document):
    """The mapping of the catalogue index (the body of a document is :func:`document_body`)."""

    page_id = Long()
    locale = Keyword()
    title = Text(index=False)  # shown, not searched: matching goes through search_text and title_stems
    summary = Text(index=False)
    url = Keyword(index=False)
    search_text = Text(analyzer="whitespace")  # normalised stems (words/text.py): our normaliser decides
    title_stems = Text(analyzer="whitespace")  # the title's stems, for relevance
    district = Keyword()  # translation key of the proposal's place
    places = Keyword()  # that key and the keys of every place above it
    year = Integer()
    cycle = Keyword()  # translation key of the cycle
    status = Keyword()
    tags = Keyword()  # slugs
    cost = Long()  # the validated cost when there is one, the estimate otherwise
    funded = Boolean()
    published_votes = Integer()  # absent until the cycle's results are published
    created_at = DateNanos()  # microseconds, as in the database (a date keeps milliseconds only)

    class Meta:
        dynamic = MetaField("strict")


def index_name() -> str:
    """The alias the site reads and writes; the index behind it is dated (see :func:`reindex`)."""
    return getattr(settings, "ELASTICSEARCH_CATALOGUE_INDEX", "qatysu-catalogue")


@lru_cache(maxsize=4)
def _client(url: str) -> Elasticsearch:
    return Elasticsearch(url, request_timeout=TIMEOUT)


def get_client() -> Elasticsearch:
    return _client(settings.ELASTICSEARCH_URL)


# --- Documents ----------------------------------------------------------------------------------------------


def indexable_pages():
    """Every page the catalogue may show, in any language: live, public, with a public status."""
    return catalogue_index.indexable_pages().select_related(
        "locale", "proposal", "proposal__district", "proposal__cycle"
    )


def place_keys(territory: Territory, cache: dict | None = None) -> list[str]:
    """The translation key of a place and of every place above it, the place first."""
    if cache is not None and territory.pk in cache:
        return cache[territory.pk]
    keys, place, seen = [], territory, set()
    while place is not None and place.pk not in seen:  # `seen`: a loop in bad data must not hang indexing
        seen.add(place.pk)
        keys.append(str(place.translation_key))
        place = place.parent
    if cache is not None:
        cache[territory.pk] = keys
    return keys


def place_text(territory: Territory, cache: dict | None = None) -> str:
    """The words of a place's names and of the places above it (catalogue_index.place_words), cached by place."""
    key = ("words", territory.pk)
    if cache is not None and key in cache:
        return cache[key]
    words = catalogue_index.place_words([territory.pk])[territory.pk]
    if cache is not None:
        cache[key] = words
    return words


def document_body(page: ProposalPage, places_cache: dict | None = None) -> dict:
    """The catalogue document of one proposal page. Its words are the page's and its place's, as in the database
    catalogue's row, so a word query that names a place finds the place's projects."""
    proposal = page.proposal
    body = {
        "page_id": page.pk,
        "locale": page.locale.language_code,
        "title": page.title,
        "summary": page.summary,
        "url": page.url,
        "search_text": catalogue_index.catalogue_text(page.search_text, place_text(proposal.district, places_cache)),
        "title_stems": normalise(page.title),
        "district": str(proposal.district.translation_key),
        "places": place_keys(proposal.district, places_cache),
        "year": proposal.cycle.year,
        "cycle": str(proposal.cycle.translation_key),
        "status": proposal.status,
        # Topics in the page's own words only, as in the database catalogue (search/catalogue/index.py).
        "tags": []
        if page.alias_of_id
        else sorted(tag.slug for tag in page.tags.all() if tag_fits(tag.name, page.locale.language_code)),
        "cost": proposal.cost,
        "funded": proposal.status in FUNDED,
        "created_at": proposal.created_at.isoformat(),
    }
    if proposal.published_votes is not None:
        body["published_votes"] = proposal.published_votes
    return body


def create_index(client: Elasticsearch, name: str) -> None:
    client.indices.create(index=name, settings=INDEX_SETTINGS, mappings=CatalogueDocument._doc_type.mapping.to_dict())


def _dated_name() -> str:
    return f"{index_name()}-{timezone.now():%Y%m%d%H%M%S%f}"


def ensure_index(client: Elasticsearch) -> None:
    """Before a first write: no index yet means a whole one is built (not an empty one that a few updates
    would leave incomplete)."""
    if not client.indices.exists(index=index_name()):
        logger.warning("No catalogue index %s yet: indexing every proposal page", index_name())
        reindex()


def sync_pages(page_ids) -> None:
    """Index the given pages that the catalogue may show and remove the others from the index."""
    ids = {int(pk) for pk in page_ids}
    if not ids:
        return
    client = get_client()
    ensure_index(client)
    pages = {page.pk: page for page in indexable_pages().filter(pk__in=ids)}
    cache = {}
    actions = [
        {"_op_type": "index", "_index": index_name(), "_id": str(pk), "_source": document_body(page, cache)}
        for pk, page in sorted(pages.items())
    ]
    actions += [{"_op_type": "delete", "_index": index_name(), "_id": str(pk)} for pk in sorted(ids - set(pages))]
    bulk(client, actions, ignore_status=(404,))


def index_document(page: ProposalPage) -> None:
    """Index a page, or remove it when the catalogue may not show it (a draft, private, not yet public)."""
    sync_pages([page.pk])


def delete_document(page: ProposalPage) -> None:
    get_client().options(ignore_status=404).delete(index=index_name(), id=str(page.pk))


def reindex(chunk_size: int = 500) -> int:
    """Index every page in a new dated index, then point the alias at it and drop the old index. The count."""
    client = get_client()
    alias, new = index_name(), _dated_name()
    create_index(client, new)
    cache = {}
    actions = (
        {"_op_type": "index", "_index": new, "_id": str(page.pk), "_source": document_body(page, cache)}
        for page in indexable_pages().prefetch_related("tags").order_by("pk").iterator(chunk_size=chunk_size)
    )
    count, _errors = bulk(client, actions, chunk_size=chunk_size)
    client.indices.refresh(index=new)
    old = list(client.indices.get_alias(name=alias)) if client.indices.exists_alias(name=alias) else []
    if not old and client.indices.exists(index=alias):
        client.indices.delete(index=alias)  # a plain index under the alias's name (made by hand): replaced
    actions = [{"remove": {"index": name, "alias": alias}} for name in old]
    client.indices.update_aliases(actions=[*actions, {"add": {"index": new, "alias": alias, "is_write_index": True}}])
    for name in old:
        client.indices.delete(index=name)
    return count


# --- Queries ------------------------------------------------------------------------------------------------


def _number(value):
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    return value


def _facet_filters(state: dict) -> dict:
    """The filter of each facet the state sets, by facet key."""
    filters = {}
    if state.get("district") is not None:
        territory = Territory.objects.filter(pk=state["district"]).first()
        if territory is not None:  # as in the database: an unknown place filters nothing
            filters["district"] = Q("term", places=str(territory.translation_key))
    if state.get("year") is not None:
        filters["year"] = Q("term", year=_number(state["year"]))
    if state.get("cycle") is not None:
        cycle = PBCyclePage.objects.filter(pk=state["cycle"]).first()
        filters["cycle"] = Q("term", cycle=str(cycle.translation_key)) if cycle else Q("match_none")
    if state.get("status"):
        filters["status"] = Q("term", status=state["status"])
    if state.get("tag"):
        filters["tag"] = Q("term", tags=state["tag"])
    if state.get("funded") in ("yes", "no"):
        filters["funded"] = Q("term", funded=state["funded"] == "yes")
    return filters


def _sort(sort: str, stems: list[str]) -> list:
    newest, by_page = {"created_at": {"order": "desc"}}, {"page_id": {"order": "asc"}}
    if sort == "votes":
        return [{"published_votes": {"order": "desc", "missing": "_last"}}, newest, by_page]
    if sort == "cost":
        return [{"cost": {"order": "asc"}}, by_page]
    if sort == "-cost":
        return [{"cost": {"order": "desc"}}, by_page]
    if sort == "oldest":
        return [{"created_at": {"order": "asc"}}, by_page]
    if sort == "relevance" and stems:
        return [{"_score": {"order": "desc"}}, newest, by_page]
    return [newest, by_page]


def _facet_aggregation(key: str, language: str) -> dict | None:
    if key == "district":  # every place: a document counts for its place and each place above it
        keys = [str(t.translation_key) for t in place_options(language)]
        return {"terms": {"field": "places", "include": keys, "size": len(keys)}} if keys else None
    if key == "year":
        return {"terms": {"field": "year", "size": TERMS_SIZE}}
    if key == "cycle":
        return {"terms": {"field": "cycle", "size": TERMS_SIZE}}
    if key == "status":
        return {"terms": {"field": "status", "size": len(PUBLIC_STATUSES)}}
    if key == "tag":
        return {"terms": {"field": "tags", "size": TAG_FACET_SIZE, "order": [{"_count": "desc"}, {"_key": "asc"}]}}
    return {"filters": {"filters": {"yes": {"term": {"funded": True}}, "no": {"term": {"funded": False}}}}}


def build_search(state: dict, language: str) -> Search:
    """The request for a cleaned filter state (CatalogueFilter's ``cleaned_data``, plus ``page``, a number).

    ``sort`` missing or empty means what ``run_catalogue`` means: relevance when there are words, else newest."""
    stems = query_stems(state.get("q"), language)
    sort = state.get("sort") or ("relevance" if stems else "newest")
    page = state.get("page") or 1

    query_filters = [Q("term", locale=language)]
    cost = {op: _number(state[k]) for op, k in (("gte", "cost_min"), ("lte", "cost_max")) if state.get(k) is not None}
    if cost:
        query_filters.append(Q("range", cost=cost))
    if stems:
        query = Q(
            "bool",
            filter=query_filters,
            must=[Q("term", search_text=stem) for stem in stems],
            should=[Q("term", title_stems=stem) for stem in stems],
        )
    else:
        query = Q("bool", filter=query_filters)

    search = Search(index=index_name()).query(query)
    filters = _facet_filters(state)
    if filters:
        search = search.post_filter(Q("bool", filter=[filters[key] for key in FACETS if key in filters]))
    for key in FACETS:
        aggregation = _facet_aggregation(key, language)
        if aggregation is None:
            continue
        others = [filters[other] for other in FACETS if other in filters and other != key]
        scope = Q("bool", filter=others) if others else Q("match_all")
        search.aggs.bucket(key, "filter", filter=scope).bucket("values", aggregation)
    return (
        search.sort(*_sort(sort, stems))
        .source(False)
        .extra(from_=(page - 1) * PER_PAGE, size=PER_PAGE, track_total_hits=True)
    )


# --- Answering ------------------------------------------------------------------------------------------------


def _buckets(aggregations: dict, key: str) -> dict:
    values = aggregations.get(key, {}).get("values", {}).get("buckets", {})
    if isinstance(values, dict):  # the "filters" aggregation (funded)
        return {name: bucket["doc_count"] for name, bucket in values.items()}
    return {bucket["key"]: bucket["doc_count"] for bucket in values}


def run_es_catalogue(data, language: str) -> CatalogueResult:
    """What ``run_catalogue`` answers, from Elasticsearch; the pages themselves are read from the database."""
    filterset, clean, stems, sort = check_state(data, language)
    asked = data.get("page") or "1"
    try:
        number = min(max(1, int(str(asked).strip())), MAX_PAGE)
    except ValueError:
        number = 1
    state = {**clean, "sort": sort}
    client = get_client()
    response = build_search({**state, "page": number}, language).using(client).execute()
    paginator = Paginator(Total(response.hits.total.value), PER_PAGE)
    final = min(page_number(paginator, asked), MAX_PAGE)
    if final != number:  # past the last page (or "0"): the page the database catalogue would show
        response = build_search({**state, "page": final}, language).using(client).execute()
    ids = [int(hit.meta.id) for hit in response.hits]
    page_obj = result_page(ids, final, paginator)
    notices = []
    if str(page_obj.number) != str(asked).strip():
        notices.append(_("That page does not exist; here is page %(n)s.") % {"n": page_obj.number})
    chosen = Territory.objects.filter(pk=clean["district"]).first() if clean.get("district") else None
    aggregations = response.aggregations.to_dict()
    counts = {key: {str(k): n for k, n in _buckets(aggregations, key).items()} for key in FACETS}
    counts["year"] = {int(k): n for k, n in counts["year"].items()}
    facets = build_facets(counts, filterset, data, chosen, language)
    return CatalogueResult(filterset, page_obj, facets, sort, notices, chosen and chosen.localized)


def es_catalogue_or_none(data, language: str) -> CatalogueResult | None:
    """The Elasticsearch answer when ELASTICSEARCH_URL is set and Elasticsearch answers; None otherwise, so the
    database catalogue answers instead."""
    if not settings.ELASTICSEARCH_URL:
        return None
    try:
        return run_es_catalogue(data, language)
    except NotFoundError:
        logger.warning("No catalogue index %s: run manage.py catalogue_reindex", index_name())
        return None
    except ERRORS:
        logger.exception("The Elasticsearch catalogue failed; the database catalogue answers")
        return None
