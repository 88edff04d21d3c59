"""The catalogue of proposals: filters, full-text query, facet counts, sorting.

One filter state (`state.CatalogueFilter`, checked by `state.check_state`) is answered by one of two backends with
the same `results.CatalogueResult` and the same facets (`facets.build_facets`):

* `es` (Elasticsearch) when ELASTICSEARCH_URL is set and it answers;
* `db`, the database's own catalogue rows (search.models.CatalogueEntry, kept by `index` and search/signals.py),
  otherwise, and whenever Elasticsearch fails.
"""

from search.catalogue.results import CatalogueResult
from search.catalogue.state import SORTS


def run_catalogue(data, language: str) -> CatalogueResult:
    """The answer to a filter state (a QueryDict or dict) in `language`, from the backend that serves it."""
    from search.catalogue import db, es

    if (answer := es.es_catalogue_or_none(data, language)) is not None:
        return answer
    return db.run_db_catalogue(data, language)


__all__ = ["SORTS", "CatalogueResult", "run_catalogue"]
