"""The Elasticsearch catalogue (search/catalogue/es.py): request bodies, documents, signals, and a live check.

No Elasticsearch is needed except for the tests marked `live`, which run only when ELASTICSEARCH_URL is set:

    ELASTICSEARCH_URL=http://localhost:9200 ELASTICSEARCH_INDEX=qatysu-test \
        .venv/bin/pytest tests/search/test_es_catalogue.py

(with ELASTICSEARCH_URL set the whole session uses Elasticsearch; ELASTICSEARCH_INDEX keeps the test indices apart
from a site's; the live tests use a catalogue index of their own and delete it).

Each test builds the places and projects it needs (tests/search/_fx_es_catalogue.py, made with tests/factories.py):
no test reads the demo.
"""

import logging
import os
import uuid
from collections import Counter
from datetime import datetime
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.utils import translation
from elastic_transport import ConnectionError as ESConnectionError

from pb_module import roles, services
from pb_module.models import Proposal, ProposalPage, Territory
from search import signals
from search.catalogue import es, run_catalogue
from search.catalogue.state import check_state
from search.models import CatalogueEntry

from .. import factories as f
from ._fx_es_catalogue import (
    AKSU,
    AKSU_BALLOTS,
    CYCLE_LANE,
    CYCLE_LANE_COST,
    CYCLE_LANE_SUMMARY,
    PAVLODAR_PLACES,
    PLACES,
    SKATE_PARK,
    SKATE_PARK_TAGS,
    TOP_PLACES,
    Catalogue,
    everything,
)

NEWEST = [{"created_at": {"order": "desc"}}, {"page_id": {"order": "asc"}}]
PAGING = {"from": 0, "size": 20, "track_total_hits": True, "_source": False}
KK = {"term": {"locale": "kk"}}
EVERYTHING = {"match_all": {}}


@pytest.fixture
def moderator(db):
    user = get_user_model().objects.create_user("mod", "mod@example.kz", "pw", first_name="Айжан")
    user.groups.add(Group.objects.get(name=roles.MODERATORS))
    return user


@pytest.fixture
def catalogue(db):
    """The places of tests/search/_fx_es_catalogue.py, in three languages; a test adds the cycles it needs."""
    return Catalogue().with_places()


def by_key(key, lang="kk"):
    """The place of a translation key (as documents and requests hold it) in a language."""
    return Territory.objects.get(translation_key=key, locale__language_code=lang)


def state(params, page=1):
    """The cleaned filter state of request parameters, as the catalogue has it."""
    _filterset, clean, _stems, _sort = check_state(params, "kk")
    return {**clean, "page": page}


def body(params, language="kk", page=1):
    return es.build_search(state(params, page), language).to_dict()


def all_places(language="kk"):
    """The place facet counts every place (the filter offers them all, grouped): their keys in the filter's order."""
    return [str(t.translation_key) for t in es.place_options(language)]


def aggs(places=None, **filters):
    """The six facet aggregations; each counted under the filters of the *other* facets (given by key)."""

    def scope(key):
        others = [f for k, f in filters.items() if k != key]
        return {"bool": {"filter": others}} if others else EVERYTHING

    places = all_places() if places is None else places
    values = {
        "district": {"terms": {"field": "places", "include": places, "size": len(places)}},
        "year": {"terms": {"field": "year", "size": 1000}},
        "cycle": {"terms": {"field": "cycle", "size": 1000}},
        "status": {"terms": {"field": "status", "size": 11}},
        "tag": {"terms": {"field": "tags", "size": 20, "order": [{"_count": "desc"}, {"_key": "asc"}]}},
        "funded": {"filters": {"filters": {"yes": {"term": {"funded": True}}, "no": {"term": {"funded": False}}}}},
    }
    return {key: {"filter": scope(key), "aggs": {"values": value}} for key, value in values.items()}


def test_the_place_facet_counts_every_place_in_the_filters_order(catalogue):
    """Every Kazakh place, each top place (by Kazakh name) followed by the places below it, depth first."""
    keys = all_places()
    assert set(keys) == {
        str(k) for k in Territory.objects.filter(locale__language_code="kk").values_list("translation_key", flat=True)
    }
    assert len(keys) == len(PLACES)
    assert [key for key in keys if by_key(key).parent is None] == [catalogue.key(p) for p in TOP_PLACES]
    pavlodar = keys.index(catalogue.key("pavlodar"))
    # Aksu's three sub-places come before the region's next town.
    assert keys[pavlodar : pavlodar + len(PAVLODAR_PLACES)] == [catalogue.key(p) for p in PAVLODAR_PLACES]
    assert catalogue.place("aksu").parent == catalogue.place("pavlodar")


# --- Request bodies -----------------------------------------------------------------------------------------


def test_no_filter(catalogue):
    assert body({}) == {
        "query": {"bool": {"filter": [KK]}},
        "aggs": {
            "district": {
                "filter": EVERYTHING,
                "aggs": {"values": {"terms": {"field": "places", "include": all_places(), "size": len(PLACES)}}},
            },
            "year": {"filter": EVERYTHING, "aggs": {"values": {"terms": {"field": "year", "size": 1000}}}},
            "cycle": {"filter": EVERYTHING, "aggs": {"values": {"terms": {"field": "cycle", "size": 1000}}}},
            "status": {"filter": EVERYTHING, "aggs": {"values": {"terms": {"field": "status", "size": 11}}}},
            "tag": {
                "filter": EVERYTHING,
                "aggs": {
                    "values": {"terms": {"field": "tags", "size": 20, "order": [{"_count": "desc"}, {"_key": "asc"}]}}
                },
            },
            "funded": {
                "filter": EVERYTHING,
                "aggs": {
                    "values": {
                        "filters": {"filters": {"yes": {"term": {"funded": True}}, "no": {"term": {"funded": False}}}}
                    }
                },
            },
        },
        "sort": [{"created_at": {"order": "desc"}}, {"page_id": {"order": "asc"}}],
        "from": 0,
        "size": 20,
        "track_total_hits": True,
        "_source": False,
    }
    assert body({}) == {"query": {"bool": {"filter": [KK]}}, "aggs": aggs(), "sort": NEWEST, **PAGING}


def test_a_town_takes_in_its_sub_places_and_the_place_facet_counts_every_place(catalogue):
    aksu = {"term": {"places": catalogue.key("aksu")}}
    assert body({"district": str(catalogue.place("aksu").pk)}) == {
        "query": {"bool": {"filter": [KK]}},
        "post_filter": {"bool": {"filter": [aksu]}},
        "aggs": aggs(district=aksu),
        "sort": NEWEST,
        **PAGING,
    }
    # The same place in Russian: the same key, every place in the order of their Russian names.
    russian = body({"district": str(catalogue.place("aksu", "ru").pk)}, "ru")
    assert russian["post_filter"] == {"bool": {"filter": [aksu]}}
    assert russian["aggs"]["district"]["aggs"]["values"]["terms"]["include"] == all_places("ru")
    # An unknown place filters nothing (the form says so), as in the database catalogue.
    assert "post_filter" not in body({"district": "999999"})


def test_year_and_status(catalogue):
    year, status = {"term": {"year": 2025}}, {"term": {"status": "selected"}}
    assert body({"year": "2025", "status": "selected"}) == {
        "query": {"bool": {"filter": [KK]}},
        "post_filter": {"bool": {"filter": [year, status]}},
        "aggs": aggs(year=year, status=status),
        "sort": NEWEST,
        **PAGING,
    }


def test_cost_range_narrows_every_facet(catalogue):
    assert body({"cost_min": "1000000", "cost_max": "20000000"}) == {
        "query": {"bool": {"filter": [KK, {"range": {"cost": {"gte": 1000000, "lte": 20000000}}}]}},
        "aggs": aggs(),
        "sort": NEWEST,
        **PAGING,
    }
    assert body({"cost_min": "5000000"})["query"] == {"bool": {"filter": [KK, {"range": {"cost": {"gte": 5000000}}}]}}
    # An upper bound below the lower one: the range is ignored (and the form says so).
    assert body({"cost_min": "5", "cost_max": "1"})["query"] == {"bool": {"filter": [KK]}}


def test_funded(catalogue):
    for value, funded in (("yes", True), ("no", False)):
        term = {"term": {"funded": funded}}
        assert body({"funded": value}) == {
            "query": {"bool": {"filter": [KK]}},
            "post_filter": {"bool": {"filter": [term]}},
            "aggs": aggs(funded=term),
            "sort": NEWEST,
            **PAGING,
        }


def test_words_are_matched_by_their_normalised_stems(catalogue):
    # "саябақтағы" (in the park) and "балалар" (children): each stem must be a word of the page.
    assert body({"q": "Саябақтағы балалар"}) == {
        "query": {
            "bool": {
                "filter": [KK],
                "must": [{"term": {"search_text": "саябақ"}}, {"term": {"search_text": "бала"}}],
                "should": [{"term": {"title_stems": "саябақ"}}, {"term": {"title_stems": "бала"}}],
            }
        },
        "aggs": aggs(),
        "sort": [{"_score": {"order": "desc"}}, {"created_at": {"order": "desc"}}, {"page_id": {"order": "asc"}}],
        **PAGING,
    }
    # Another form of the same words asks for the same stems.
    assert body({"q": "саябақ баланың"})["query"] == body({"q": "Саябақтағы балалар"})["query"]
    assert body({"q": "парков"}, "ru")["query"]["bool"]["must"] == [{"term": {"search_text": "парк"}}]
    # Nothing searchable left: no text condition, newest first.
    assert body({"q": "!!! ***"}) == {"query": {"bool": {"filter": [KK]}}, "aggs": aggs(), "sort": NEWEST, **PAGING}


def test_sorts(catalogue):
    assert body({"sort": "votes"})["sort"] == [
        {"published_votes": {"order": "desc", "missing": "_last"}},
        {"created_at": {"order": "desc"}},
        {"page_id": {"order": "asc"}},
    ]
    assert body({"sort": "cost"})["sort"] == [{"cost": {"order": "asc"}}, {"page_id": {"order": "asc"}}]
    assert body({"sort": "-cost"})["sort"] == [{"cost": {"order": "desc"}}, {"page_id": {"order": "asc"}}]
    assert body({"sort": "oldest"})["sort"] == [{"created_at": {"order": "asc"}}, {"page_id": {"order": "asc"}}]
    assert body({"sort": "newest", "q": "саябақ"})["sort"] == NEWEST
    assert body({"sort": "relevance"})["sort"] == NEWEST  # relevance without words: newest, as in the database


def test_page_three(catalogue):
    assert body({}, page=3) == {
        "query": {"bool": {"filter": [KK]}},
        "aggs": aggs(),
        "sort": NEWEST,
        "from": 40,
        "size": 20,
        "track_total_hits": True,
        "_source": False,
    }


def test_each_facet_is_counted_under_all_the_other_filters(catalogue):
    aksu_2025 = catalogue.add_cycle("aksu", "aksu", 2025, "voting")
    params = {
        "district": str(catalogue.place("aksu").pk),
        "year": "2025",
        "cycle": str(aksu_2025.pk),
        "status": "selected",
        "tag": "lighting",
        "funded": "yes",
        "cost_max": "90000000",
    }
    district, year = {"term": {"places": catalogue.key("aksu")}}, {"term": {"year": 2025}}
    cycle, status = {"term": {"cycle": str(aksu_2025.translation_key)}}, {"term": {"status": "selected"}}
    tag, funded = {"term": {"tags": "lighting"}}, {"term": {"funded": True}}
    request = body(params)
    assert request["query"] == {"bool": {"filter": [KK, {"range": {"cost": {"lte": 90000000}}}]}}
    assert request["post_filter"] == {"bool": {"filter": [district, year, cycle, status, tag, funded]}}
    assert request["aggs"] == {
        "district": {
            "filter": {"bool": {"filter": [year, cycle, status, tag, funded]}},
            "aggs": {"values": {"terms": {"field": "places", "include": all_places(), "size": len(PLACES)}}},
        },
        "year": {
            "filter": {"bool": {"filter": [district, cycle, status, tag, funded]}},
            "aggs": {"values": {"terms": {"field": "year", "size": 1000}}},
        },
        "cycle": {
            "filter": {"bool": {"filter": [district, year, status, tag, funded]}},
            "aggs": {"values": {"terms": {"field": "cycle", "size": 1000}}},
        },
        "status": {
            "filter": {"bool": {"filter": [district, year, cycle, tag, funded]}},
            "aggs": {"values": {"terms": {"field": "status", "size": 11}}},
        },
        "tag": {
            "filter": {"bool": {"filter": [district, year, cycle, status, funded]}},
            "aggs": {
                "values": {"terms": {"field": "tags", "size": 20, "order": [{"_count": "desc"}, {"_key": "asc"}]}}
            },
        },
        "funded": {
            "filter": {"bool": {"filter": [district, year, cycle, status, tag]}},
            "aggs": {
                "values": {
                    "filters": {"filters": {"yes": {"term": {"funded": True}}, "no": {"term": {"funded": False}}}}
                }
            },
        },
    }
    assert request["aggs"] == aggs(district=district, year=year, cycle=cycle, status=status, tag=tag, funded=funded)


# --- Documents ------------------------------------------------------------------------------------------------


def test_the_document_of_a_page_in_a_sub_place(catalogue):
    catalogue.with_aksu_vote()
    page = catalogue.page("skate", "ru")
    document = es.document_body(page)
    assert document == {
        "page_id": page.pk,
        "locale": "ru",
        "title": SKATE_PARK,
        "summary": page.summary,
        "url": page.url,
        "search_text": f"{page.search_text.strip()} {place_words(page)}",
        "title_stems": "fx скейт парк в городск парк акс",
        "district": catalogue.key("aksu_centre"),
        "places": [catalogue.key("aksu_centre"), catalogue.key("aksu"), catalogue.key("pavlodar")],
        "year": 2025,
        "cycle": catalogue.cycle_key("aksu"),
        "status": "completed",
        "tags": sorted(SKATE_PARK_TAGS),
        "cost": page.proposal.cost,
        "funded": True,
        "published_votes": AKSU_BALLOTS,
        "created_at": page.proposal.created_at.isoformat(),
    }
    assert document["url"].startswith("/ru/") and {"скейт", "парк"} <= set(document["search_text"].split())
    # The names of its place and of the places above it, in every language and reading, are among its words.
    assert {"центр", "акс", "ақсу", "aksu", "павлодарск", "павлодар", "pavlodar"} <= set(
        document["search_text"].split()
    )


def test_votes_appear_in_the_document_only_once_results_are_published(
    catalogue, moderator, django_capture_on_commit_callbacks
):
    catalogue.with_shymkent_vote()
    page = catalogue.page("lane", "ru")
    before = es.document_body(page)
    assert before == {
        "page_id": page.pk,
        "locale": "ru",
        "title": CYCLE_LANE,
        "summary": CYCLE_LANE_SUMMARY,
        "url": page.url,
        "search_text": f"{page.search_text.strip()} {place_words(page)}",
        "title_stems": "fx велодорожк на проспект абая проспек",
        "district": catalogue.key("shymkent"),
        "places": [catalogue.key("shymkent")],
        "year": 2027,
        "cycle": catalogue.cycle_key("shymkent"),
        "status": "on_ballot",
        "tags": [],
        "cost": CYCLE_LANE_COST,
        "funded": False,
        "created_at": page.proposal.created_at.isoformat(),
    }
    cycle = f.close_voting(catalogue.cycle("shymkent"), moderator)
    with django_capture_on_commit_callbacks(execute=True):
        services.results.publish_results(cycle=cycle, user=moderator)
    proposal = Proposal.objects.get(pk=page.proposal_id)
    after = es.document_body(ProposalPage.objects.get(pk=page.pk))
    assert proposal.status in ("selected", "not_selected")
    assert after == {
        **before,
        "status": proposal.status,
        "funded": proposal.status == "selected",
        "published_votes": 1,  # one of the three ballots chose it
    }


def test_only_live_public_pages_with_a_public_status_are_indexed(catalogue):
    catalogue.with_shymkent_vote()
    submitted = catalogue.page("submitted", "ru")
    assert submitted.proposal.status == "submitted" and not submitted.live
    indexable = set(es.indexable_pages().values_list("pk", flat=True))
    assert submitted.pk not in indexable
    assert catalogue.page("lane", "ru").pk in indexable and catalogue.page("lane", "kk").pk in indexable
    assert indexable == set(
        ProposalPage.objects.live().public().exclude(proposal__status="submitted").values_list("pk", flat=True)
    )


class FakeIndices:
    def __init__(self, present=True):
        self.present = present

    def exists(self, index):
        return self.present


class FakeClient:
    def __init__(self, responses=()):
        self.indices = FakeIndices()
        self.responses = list(responses)
        self.requests = []

    def search(self, index, body, **params):
        self.requests.append((index, body))
        return type("Response", (), {"body": self.responses.pop(0)})()


def test_sync_indexes_what_may_be_shown_and_removes_the_rest(catalogue, settings, monkeypatch):
    catalogue.with_shymkent_vote()
    settings.ELASTICSEARCH_URL = "http://search.invalid:9200"
    settings.ELASTICSEARCH_CATALOGUE_INDEX = "catalogue"
    client, sent, rebuilt = FakeClient(), [], []
    monkeypatch.setattr(es, "get_client", lambda: client)
    monkeypatch.setattr(es, "bulk", lambda client, actions, **kw: sent.append((list(actions), kw)))
    monkeypatch.setattr(es, "reindex", lambda: rebuilt.append(True))
    shown = catalogue.page("lane", "ru")
    submitted = catalogue.page("submitted", "ru")

    es.sync_pages([submitted.pk, shown.pk])

    assert rebuilt == []
    [(actions, options)] = sent
    assert [(a["_op_type"], a["_index"], a["_id"]) for a in actions] == [
        ("index", "catalogue", str(shown.pk)),
        ("delete", "catalogue", str(submitted.pk)),
    ]
    assert actions[0]["_source"] == es.document_body(shown)
    assert options == {"ignore_status": (404,)}


def test_the_first_write_builds_the_whole_index(catalogue, settings, monkeypatch):
    """Not an empty index that the next few updates would leave incomplete."""
    catalogue.with_shymkent_vote()
    settings.ELASTICSEARCH_URL = "http://search.invalid:9200"
    client, sent, rebuilt = FakeClient(), [], []
    client.indices = FakeIndices(present=False)
    monkeypatch.setattr(es, "get_client", lambda: client)
    monkeypatch.setattr(es, "bulk", lambda client, actions, **kw: sent.append(list(actions)))
    monkeypatch.setattr(es, "reindex", lambda: rebuilt.append(True))
    es.index_document(catalogue.page("lane", "ru"))
    assert rebuilt == [True] and len(sent) == 1


class AliasIndices:
    """Indices and one alias, as reindex sees them."""

    def __init__(self):
        self.names, self.bodies, self.alias, self.calls = [], [], {}, []

    def create(self, index, **body):
        self.names.append(index)
        self.bodies.append(body)

    def exists(self, index):
        return index in self.names or index in self.alias

    def exists_alias(self, name):
        return name in self.alias

    def get_alias(self, name):
        return {self.alias[name]: {"aliases": {name: {}}}}

    def refresh(self, index):
        self.calls.append(("refresh", index))

    def update_aliases(self, actions):
        self.calls.append(("update_aliases", actions))
        for action in actions:
            if "add" in action:
                self.alias[action["add"]["alias"]] = action["add"]["index"]

    def delete(self, index):
        self.calls.append(("delete", index))
        self.names.remove(index)


def test_reindex_fills_a_new_index_then_moves_the_alias_to_it(catalogue, settings, monkeypatch):
    catalogue.with_shymkent_vote()
    settings.ELASTICSEARCH_URL = "http://search.invalid:9200"
    settings.ELASTICSEARCH_CATALOGUE_INDEX = "catalogue"
    client, sent = FakeClient(), []
    client.indices = AliasIndices()
    monkeypatch.setattr(es, "get_client", lambda: client)

    def bulk(client, actions, **kwargs):
        sent.append(list(actions))
        return len(sent[-1]), []

    monkeypatch.setattr(es, "bulk", bulk)
    assert es.reindex() == es.indexable_pages().count() == len(sent[0])
    [first] = client.indices.names
    assert {a["_index"] for a in sent[0]} == {first} and first.startswith("catalogue-")
    [created] = client.indices.bodies
    assert created["settings"] == {"number_of_shards": 1, "number_of_replicas": 0}
    mapping = created["mappings"]
    assert mapping["dynamic"] == "strict"
    assert set(mapping["properties"]) == set(sent[0][0]["_source"]) | {"published_votes"}
    assert mapping["properties"]["search_text"] == {"type": "text", "analyzer": "whitespace"}
    assert mapping["properties"]["places"] == {"type": "keyword"}
    assert mapping["properties"]["created_at"] == {"type": "date_nanos"}
    assert client.indices.calls == [
        ("refresh", first),
        ("update_aliases", [{"add": {"index": first, "alias": "catalogue", "is_write_index": True}}]),
    ]
    client.indices.calls.clear()
    es.reindex()
    [second] = client.indices.names
    assert second != first
    assert client.indices.calls == [
        ("refresh", second),
        (
            "update_aliases",
            [
                {"remove": {"index": first, "alias": "catalogue"}},
                {"add": {"index": second, "alias": "catalogue", "is_write_index": True}},
            ],
        ),
        ("delete", first),
    ]


# --- Signals ----------------------------------------------------------------------------------------------------


@pytest.fixture
def synced(monkeypatch):
    """The page ids each sync was asked for; Elasticsearch itself is never reached."""
    calls = []
    monkeypatch.setattr(es, "sync_pages", lambda ids: calls.append(sorted(ids)))
    monkeypatch.setattr(es, "get_client", lambda: pytest.fail("no Elasticsearch client may be made"))
    return calls


@pytest.fixture
def two_votes(catalogue):
    """Aksu's published vote and Shymkent's open one."""
    return catalogue.with_aksu_vote().with_shymkent_vote()


def change_things(world, moderator):
    """A page published (in Aksu), a page unpublished (in Shymkent), a proposal saved, results published (of
    Shymkent)."""
    page = world.page("skate", "ru")
    page.save_revision(user=moderator).publish(user=moderator)
    other = world.page("lane", "ru")
    other.unpublish(user=moderator)
    page.proposal.save()
    cycle = f.close_voting(world.cycle("shymkent"), moderator)
    services.results.publish_results(cycle=cycle, user=moderator)
    return page, other


def test_signals_do_nothing_without_elasticsearch_url(
    two_votes, moderator, settings, synced, django_capture_on_commit_callbacks
):
    settings.ELASTICSEARCH_URL = ""
    with django_capture_on_commit_callbacks(execute=True):
        change_things(two_votes, moderator)
    assert synced == []


def test_signals_sync_the_changed_pages_after_commit(
    two_votes, moderator, settings, synced, django_capture_on_commit_callbacks
):
    settings.ELASTICSEARCH_URL = "http://search.invalid:9200"
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        page, other = change_things(two_votes, moderator)
    assert synced == []  # nothing before the commit
    for callback in callbacks:
        callback()
    asked = {pk for call in synced for pk in call}
    assert {page.pk, other.pk} <= asked
    assert set(page.proposal.pages.values_list("pk", flat=True)) <= asked  # the proposal's every language
    shymkent = set(
        ProposalPage.objects.filter(proposal__cycle=two_votes.cycle("shymkent")).values_list("pk", flat=True)
    )
    assert len(shymkent) > 3 and shymkent <= asked  # results published: every page of the cycle's proposals


def test_a_failing_elasticsearch_is_logged_not_raised(moderator, settings, monkeypatch, caplog):
    settings.ELASTICSEARCH_URL = "http://search.invalid:9200"

    def down(ids):
        raise ESConnectionError("connection refused")

    monkeypatch.setattr(es, "sync_pages", down)
    with caplog.at_level(logging.ERROR, logger="search.signals"):
        signals._sync([1, 2])
    assert "Could not update the Elasticsearch catalogue for pages [1, 2]" in caplog.text


# --- Answering ----------------------------------------------------------------------------------------------------


def test_the_database_answers_when_elasticsearch_fails(catalogue, settings, monkeypatch, caplog):
    catalogue.with_aksu_vote()
    settings.ELASTICSEARCH_URL = ""
    params = {"district": str(catalogue.place("aksu").pk), "sort": "cost"}
    expected = run_catalogue(params, "kk")
    assert expected.page_obj.paginator.count == len(AKSU)  # every project of Aksu
    settings.ELASTICSEARCH_URL = "http://search.invalid:9200"

    class Down:
        def search(self, **kwargs):
            raise ESConnectionError("connection refused")

    monkeypatch.setattr(es, "get_client", Down)
    with caplog.at_level(logging.ERROR, logger="search.catalogue.es"):
        result = run_catalogue(params, "kk")
    assert [p.pk for p in result.page_obj] == [p.pk for p in expected.page_obj]
    assert result.page_obj.paginator.count == expected.page_obj.paginator.count
    assert "the database catalogue answers" in caplog.text


def test_an_elasticsearch_answer_becomes_the_catalogue_result(catalogue, settings, monkeypatch):
    catalogue.with_aksu_vote()
    settings.ELASTICSEARCH_URL = "http://search.invalid:9200"
    kalkaman = catalogue.key("kalkaman")
    pages = list(
        ProposalPage.objects.filter(locale__language_code="kk", proposal__district__translation_key=kalkaman)
        .live()
        .order_by("pk")[:3]
    )
    assert len(pages) == 3
    cycle = catalogue.cycle("aksu")
    answer = {
        "took": 1,
        "timed_out": False,
        "_shards": {"total": 1, "successful": 1, "skipped": 0, "failed": 0},
        "hits": {
            "total": {"value": 3, "relation": "eq"},
            "max_score": None,
            "hits": [{"_index": "catalogue", "_id": str(p.pk), "_score": None} for p in reversed(pages)],
        },
        "aggregations": {
            "district": {"doc_count": 3, "values": {"buckets": [{"key": kalkaman, "doc_count": 3}]}},
            "year": {
                "doc_count": 9,
                "values": {"buckets": [{"key": 2025, "doc_count": 3}, {"key": 2024, "doc_count": 6}]},
            },
            "cycle": {"doc_count": 3, "values": {"buckets": [{"key": str(cycle.translation_key), "doc_count": 3}]}},
            "status": {
                "doc_count": 3,
                "values": {"buckets": [{"key": "not_selected", "doc_count": 1}, {"key": "selected", "doc_count": 2}]},
            },
            "tag": {"doc_count": 3, "values": {"buckets": [{"key": "lighting", "doc_count": 1}]}},
            "funded": {"doc_count": 3, "values": {"buckets": {"yes": {"doc_count": 2}, "no": {"doc_count": 1}}}},
        },
    }
    client = FakeClient([answer, answer])
    monkeypatch.setattr(es, "get_client", lambda: client)
    with translation.override("kk"):
        result = run_catalogue({"district": str(catalogue.place("aksu").pk), "year": "2025", "page": "7"}, "kk")

    # Page 7 of 3 hits: asked for, then the last page asked for, as the database catalogue shows it.
    assert [request["from"] for _index, request in client.requests] == [120, 0]
    assert result.page_obj.number == 1 and result.page_obj.paginator.count == 3
    assert [str(n) for n in result.notices] == ["Мұндай бет жоқ: міне, 1-бет."]
    assert [p.pk for p in result.page_obj] == [p.pk for p in reversed(pages)]  # Elasticsearch's order
    assert result.sort == "newest" and result.district == catalogue.place("aksu")
    facets = {facet.key: facet.values for facet in result.facets}
    assert facets["district"] == [  # the chosen place is offered (and selected) whatever its count
        {"value": catalogue.place("aksu").pk, "label": "Fx Ақсу", "count": 0, "current": True},
        {"value": catalogue.place("kalkaman").pk, "label": "Fx Қалқаман ауылы — Fx Ақсу", "count": 3, "current": False},
    ]
    assert facets["year"] == [
        {"value": 2025, "label": "2025", "count": 3, "current": True},
        {"value": 2024, "label": "2024", "count": 6, "current": False},
    ]
    assert facets["cycle"] == [{"value": cycle.pk, "label": cycle.title, "count": 3, "current": False}]
    assert [(v["value"], v["count"]) for v in facets["status"]] == [("selected", 2), ("not_selected", 1)]
    assert facets["tag"] == [{"value": "lighting", "label": "lighting", "count": 1, "current": False}]
    assert [(v["value"], v["count"]) for v in facets["funded"]] == [("yes", 2), ("no", 1)]


def test_reindex_without_elasticsearch_url_rebuilds_the_database_rows_only(catalogue, settings):
    catalogue.with_shymkent_vote()
    settings.ELASTICSEARCH_URL = ""
    pages = set(es.indexable_pages().values_list("pk", flat=True))
    assert catalogue.page("lane", "kk").pk in pages and CatalogueEntry.objects.filter(language="kk").exists()
    CatalogueEntry.objects.filter(language="kk").delete()
    out = StringIO()
    call_command("catalogue_reindex", stdout=out)
    assert set(CatalogueEntry.objects.values_list("page_id", flat=True)) == pages
    assert f"Wrote {len(pages)} catalogue rows" in out.getvalue()
    assert "ELASTICSEARCH_URL is not set" in out.getvalue()


# --- The same pages as the database ------------------------------------------------------------------------------


class MiniElasticsearch:
    """Answers build_search's requests over document_body()s as Elasticsearch answers them, for the subset of the
    query DSL that build_search uses (bool, term, range, match_all/none; post_filter; filter, terms and filters
    aggregations; field sorts). Scores only count the matching `should` clauses: relevance is compared as a set.
    It checks the bodies and the documents against the database catalogue without a server; the live tests below
    check Elasticsearch itself."""

    def __init__(self):
        self.docs = {page.pk: es.document_body(page) for page in es.indexable_pages()}

    @staticmethod
    def values(doc, field):
        value = doc.get(field)
        if field in ("search_text", "title_stems"):  # the whitespace analyser
            return value.split()
        return [] if value is None else value if isinstance(value, list) else [value]

    def score(self, query, doc):
        """None when the document does not match, else its score."""
        ((kind, spec),) = query.items()
        if kind == "match_all":
            return 0
        if kind == "match_none":
            return None
        if kind == "term":
            ((field, value),) = spec.items()
            return 1 if value in self.values(doc, field) else None
        if kind == "range":
            ((field, bounds),) = spec.items()
            value = doc.get(field)
            low, high = bounds.get("gte", float("-inf")), bounds.get("lte", float("inf"))
            return 0 if value is not None and low <= value <= high else None
        assert kind == "bool" and set(spec) <= {"filter", "must", "should"}, query
        if any(self.score(q, doc) is None for q in spec.get("filter", []) + spec.get("must", [])):
            return None
        return sum(1 for q in spec.get("should", []) + spec.get("must", []) if self.score(q, doc) is not None)

    def sort_key(self, specs, pk, score):
        doc, key = self.docs[pk], []
        for spec in specs:
            ((field, options),) = spec.items()
            value = score if field == "_score" else doc.get(field)
            if field == "created_at":
                value = datetime.fromisoformat(value).timestamp()
            sign = -1 if options["order"] == "desc" else 1
            key.append((value is None, 0 if value is None else sign * value))  # missing: last
        return key

    def aggregate(self, spec, pks):
        if "filter" in spec:
            inside = [pk for pk in pks if self.score(spec["filter"], self.docs[pk]) is not None]
            return {"doc_count": len(inside), **{k: self.aggregate(v, inside) for k, v in spec["aggs"].items()}}
        if "filters" in spec:
            return {
                "buckets": {
                    name: {"doc_count": sum(1 for pk in pks if self.score(q, self.docs[pk]) is not None)}
                    for name, q in spec["filters"]["filters"].items()
                }
            }
        terms = spec["terms"]
        counts = Counter(v for pk in pks for v in set(self.values(self.docs[pk], terms["field"])))
        if "include" in terms:
            counts = Counter({k: n for k, n in counts.items() if k in terms["include"]})
        ordered = sorted(counts.items(), key=lambda item: (-item[1], item[0]))[: terms["size"]]
        return {"buckets": [{"key": k, "doc_count": n} for k, n in ordered]}

    def search(self, index, body, **params):
        scores = {pk: self.score(body["query"], doc) for pk, doc in self.docs.items()}
        matched = [pk for pk, score in scores.items() if score is not None]
        hits = [pk for pk in matched if self.score(body.get("post_filter", EVERYTHING), self.docs[pk]) is not None]
        hits.sort(key=lambda pk: self.sort_key(body["sort"], pk, scores[pk]))
        window = hits[body["from"] : body["from"] + body["size"]]
        answer = {
            "took": 1,
            "timed_out": False,
            "_shards": {"total": 1, "successful": 1, "skipped": 0, "failed": 0},
            "hits": {
                "total": {"value": len(hits), "relation": "eq"},
                "max_score": None,
                "hits": [{"_index": index, "_id": str(pk), "_score": scores[pk]} for pk in window],
            },
            "aggregations": {name: self.aggregate(spec, matched) for name, spec in body["aggs"].items()},
        }
        return type("Response", (), {"body": answer})()


def place_words(page):
    from search.catalogue.index import place_words

    return place_words([page.proposal.district_id])[page.proposal.district_id]


def database_and_elasticsearch(settings, params, language):
    url = settings.ELASTICSEARCH_URL
    settings.ELASTICSEARCH_URL = ""
    with translation.override(language):
        expected = run_catalogue(params, language)
    settings.ELASTICSEARCH_URL = url
    with translation.override(language):
        result = es.run_es_catalogue(params, language)
    return expected, result


def facet_values(result):
    return {f.key: [(v["value"], str(v["label"]), v["count"], v["current"]) for v in f.values] for f in result.facets}


def assert_same(expected, result):
    """The same hits, page, notices and facet counts as the database catalogue."""
    assert result.sort == expected.sort
    assert result.page_obj.paginator.count == expected.page_obj.paginator.count
    assert result.page_obj.number == expected.page_obj.number
    assert [str(n) for n in result.notices] == [str(n) for n in expected.notices]
    found, wanted = [p.pk for p in result.page_obj], [p.pk for p in expected.page_obj]
    if result.sort == "relevance":  # scores are not the database's title-first order: the same pages
        assert sorted(found) == sorted(wanted)
    else:
        assert found == wanted
    ours, theirs = facet_values(result), facet_values(expected)
    # Topics: ties on the count are listed by slug here, by name there; at 20 topics they may be cut apart.
    our_tags, their_tags = ours.pop("tag"), theirs.pop("tag")
    floor = min(v[2] for v in their_tags) if len(their_tags) == es.TAG_FACET_SIZE else 0
    assert sorted(v for v in our_tags if v[2] > floor) == sorted(v for v in their_tags if v[2] > floor)
    assert len(our_tags) == len(their_tags)
    assert ours == theirs


# Places and cycles are named by their key in tests/search/_fx_es_catalogue.py.
QUERIES = [
    ({}, "kk"),
    ({"district": "aksu"}, "kk"),
    ({"district": "pavlodar", "sort": "votes"}, "ru"),
    ({"district": "shymkent"}, "en"),
    ({"year": "2024", "status": "selected", "sort": "cost"}, "ru"),
    ({"cost_min": "1000000", "cost_max": "20000000", "sort": "-cost"}, "en"),
    ({"funded": "yes", "sort": "oldest"}, "kk"),
    ({"funded": "no", "page": "2"}, "ru"),
    ({"page": "99"}, "kk"),
    ({"page": "0"}, "ru"),
    ({"page": "two"}, "en"),
    ({"tag": "park"}, "en"),
    ({"cycle": "aksu", "sort": "votes"}, "kk"),
    ({"q": "саябақ"}, "kk"),
    ({"q": "көшелерді жарықтандыру"}, "kk"),
    ({"q": "парков"}, "ru"),
    ({"q": "street lighting", "sort": "cost"}, "en"),
    ({"q": "в Актау"}, "ru"),  # a place's name finds its projects (its words are in every row and document)
    ({"q": "Ақтау"}, "kk"),
    ({"q": "Aktau", "sort": "votes"}, "ru"),
]


def with_pks(world, params, language):
    """Places and cycles are chosen by their id in the reader's language."""
    params = dict(params)
    if "district" in params:
        params["district"] = str(world.place(params["district"], language).pk)
    if "cycle" in params:
        params["cycle"] = str(world.cycle(params["cycle"], language).pk)
    return params


def test_the_requests_select_what_the_database_selects(db, settings, monkeypatch, subtests):
    """Every query of QUERIES (a subtest each, over one built catalogue of about thirty projects)."""
    world = everything()
    settings.ELASTICSEARCH_URL = "http://search.invalid:9200"
    mini = MiniElasticsearch()
    monkeypatch.setattr(es, "get_client", lambda: mini)
    for params, language in QUERIES:
        with subtests.test(params=params, language=language):
            expected, result = database_and_elasticsearch(settings, with_pks(world, params, language), language)
            assert expected.page_obj.paginator.count > 0  # each query finds something
            if params.get("page") == "2":
                assert expected.page_obj.number == 2  # a second page there is
            assert_same(expected, result)


# --- Live: a real Elasticsearch -----------------------------------------------------------------------------------

live = pytest.mark.skipif(
    not os.environ.get("ELASTICSEARCH_URL"), reason="set ELASTICSEARCH_URL to run against a real Elasticsearch"
)


@pytest.fixture
def live_index(db, settings):
    """Index what the test built into a catalogue index of this test's own (call it: the number of documents),
    deleted afterwards."""
    settings.ELASTICSEARCH_URL = os.environ["ELASTICSEARCH_URL"]
    settings.ELASTICSEARCH_CATALOGUE_INDEX = f"qatysu-test-catalogue-{uuid.uuid4().hex[:8]}"
    client = es.get_client()
    yield es.reindex
    for name in client.indices.get(index=f"{es.index_name()}-*"):  # a name each: no wildcard deletes in ES 8
        client.indices.delete(index=name)


@live
def test_live_elasticsearch_finds_what_the_database_finds(live_index, settings, subtests):
    world = everything()
    assert live_index() == es.indexable_pages().count()
    for params, language in QUERIES:
        with subtests.test(params=params, language=language):
            expected, result = database_and_elasticsearch(settings, with_pks(world, params, language), language)
            assert expected.page_obj.paginator.count > 0
            assert_same(expected, result)


@live
def test_live_index_follows_published_results(
    live_index, catalogue, settings, moderator, django_capture_on_commit_callbacks
):
    catalogue.with_shymkent_vote()
    assert live_index() == es.indexable_pages().count()
    cycle = f.close_voting(catalogue.cycle("shymkent"), moderator)
    with django_capture_on_commit_callbacks(execute=True):
        services.results.publish_results(cycle=cycle, user=moderator)
    es.get_client().indices.refresh(index=es.index_name())
    for language in ("kk", "ru"):
        params = with_pks(catalogue, {"district": "shymkent", "sort": "votes"}, language)
        expected, result = database_and_elasticsearch(settings, params, language)
        assert_same(expected, result)
        assert expected.page_obj.paginator.count == 3
        assert all(page.proposal.published_votes is not None for page in result.page_obj)
