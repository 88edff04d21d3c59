"""The catalogue's stored counts stay exact: the group counts (CatalogueGroup) and the per-word counts
(CatalogueWordGroup) the facets and the number of hits are read from equal a plain recount of the catalogue's rows
after a proposal is added, changed (status, text, topics, place) and deleted, and the hits and facets the catalogue
shows equal those counted plainly, state by state (on SQLite and on PostgreSQL: the suite runs on both). The
catalogue is the one of tests/catalogue/conftest.py, built once; each test changes it in its own savepoint."""

from collections import Counter
from urllib.parse import urlencode

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import connection, transaction
from django.http import QueryDict
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from pb_module import roles, services
from pb_module import signals as pb_signals
from pb_module.models import PBCyclePage, Proposal, ProposalPage
from pb_module.rules.statuses import Status
from search.catalogue import db as catalogue
from search.catalogue import index as catalogue_index
from search.catalogue import run_catalogue
from search.catalogue.state import FUNDED, TAG_FACET_SIZE, Lookups, query_stems
from search.models import CatalogueEntry, CatalogueTopic, CatalogueWordGroup

from . import _fx_catalogue as fx

pytestmark = pytest.mark.django_db

NEW_WORD = "зубрбақ"  # in no other proposal: the word counts of the added proposal's words come and go with it
FUNDED_VALUES = {s.value for s in FUNDED}


@pytest.fixture
def moderator(db):
    user = get_user_model().objects.create_user("counts-mod", "counts-mod@example.kz", "pw")
    user.groups.add(Group.objects.get(name=roles.MODERATORS))
    return user


def state_matches(row, state, lookups, stems, skip=None):
    """Whether a catalogue row is a hit of `state` under every filter but `skip` (a facet's key)."""
    words = set(row.search_text.split())
    tests = {
        "q": lambda: all(stem in words for stem in stems),
        "district": lambda: row.place_id in (lookups.place_ids_below(int(state["district"])) or {row.place_id}),
        "cycle": lambda: row.cycle_id in lookups.cycle_ids(int(state["cycle"])),
        "year": lambda: row.year == int(state["year"]),
        "status": lambda: row.status == state["status"],
        "tag": lambda: state["tag"] in row.tags.split(),
        "funded": lambda: (row.status in FUNDED_VALUES) == (state["funded"] == "yes"),
        "cost_min": lambda: row.cost is not None and row.cost >= int(state["cost_min"]),
        "cost_max": lambda: row.cost is not None and row.cost <= int(state["cost_max"]),
    }
    return all(test() for key, test in tests.items() if key in state and key != skip)


def recount(language: str, state: dict) -> tuple[list[int], dict]:
    """The hits (newest first) and the facet counts of a state, counted one row at a time in Python."""
    lookups = Lookups(language)
    with translation.override(language):
        stems = query_stems(state.get("q", ""), language)
    rows = list(CatalogueEntry.objects.filter(language=language))
    hits = sorted(
        (row for row in rows if state_matches(row, state, lookups, stems)),
        key=lambda row: (-row.created_at.timestamp(), row.page_id),
    )
    facets = {}
    for key in ("district", "cycle", "year", "status", "tag", "funded"):
        counted = Counter()
        for row in rows:
            if not state_matches(row, state, lookups, stems, skip=key):
                continue
            if key == "district":
                counted[lookups.places[row.place_id].key] += 1
            elif key == "cycle":
                counted[lookups.cycle_keys[row.cycle_id]] += 1
            elif key == "year":
                counted[row.year] += 1
            elif key == "status":
                counted[row.status] += 1
            elif key == "tag":
                counted.update(row.tags.split())
            else:
                counted["yes" if row.status in FUNDED_VALUES else "no"] += 1
        facets[key] = counted
    shown = {}
    chosen = lookups.places[int(state["district"])].key if "district" in state else None
    shown["district"] = {
        str(option.pk): n
        for option in lookups.options
        if (n := sum(facets["district"][key] for key in lookups.keys_below(option.pk))) or option.key == chosen
    }
    shown["cycle"] = {
        str(pk): facets["cycle"][str(key)] for pk, _t, key, _p in lookups.cycles if facets["cycle"][str(key)]
    }
    shown["year"] = {str(year): n for year, n in facets["year"].items() if n}
    shown["status"] = {status: n for status, n in facets["status"].items() if n}
    top = sorted(facets["tag"].items(), key=lambda item: (-item[1], item[0]))[:TAG_FACET_SIZE]
    shown["tag"] = {slug: n for slug, n in top if n}
    shown["funded"] = {"yes": facets["funded"]["yes"], "no": facets["funded"]["no"]}
    return [row.page_id for row in hits], shown


def shown(language: str, state: dict):
    """The hits (all pages, newest first) and the facet counts the catalogue shows for a state."""
    data = {**state, "sort": "newest"}
    with translation.override(language):
        result = run_catalogue(QueryDict(urlencode(data)), language)
    total = result.page_obj.paginator.count
    ids = [page.pk for page in result.page_obj.object_list]
    for number in range(2, result.page_obj.paginator.num_pages + 1):
        with translation.override(language):
            more = run_catalogue(QueryDict(urlencode({**data, "page": number})), language)
        ids += [page.pk for page in more.page_obj.object_list]
    assert total == len(ids)
    facets = {}
    for facet in result.facets:
        values = facet.values if facet.key != "district" else [v for g in facet.groups for v in g["values"]]
        facets[facet.key] = {str(value["value"]): value["count"] for value in values}
    for key in ("tag", "status", "year", "cycle"):  # values with no hits are not offered (the chosen place is)
        facets[key] = {value: n for value, n in facets[key].items() if n}
    return ids, facets


def states(world, word: str, language: str) -> list[dict]:
    """States of every kind of counting: stored group counts, stored word counts (with a cost range: less the rows
    outside it), the rows grouped (several words, a cost range alone)."""
    city = world.place("almaty", language)
    cycle = PBCyclePage.objects.filter(locale__language_code=language).order_by("pk").first()
    return [
        {},
        {"district": city.pk},
        {"year": str(fx.PUBLISHED_YEAR), "status": "in_implementation"},
        {"tag": "спорт", "funded": "no"},
        {"q": word},
        {"q": word, "district": city.pk},
        {"q": word, "year": str(fx.OPEN_VOTE_YEAR), "funded": "yes"},
        {"q": word, "cycle": cycle.pk, "status": Status.IN_DISCUSSION.value},
        {"q": word, "tag": "спорт"},
        {"q": word, "cost_max": "30000000"},
        {"q": word, "cost_min": "5000000", "cost_max": "90000000", "district": city.pk},
        {"q": f"{word} {NEW_WORD}"},
        {"q": NEW_WORD},
        {"cost_min": "10000000"},
    ]


def check_everything(world, language="kk", word="саябақ"):
    assert catalogue_index.group_problems() == {}
    assert not CatalogueWordGroup.objects.filter(n__lte=0).exists()
    for state in states(world, word, language):
        assert shown(language, state) == recount(language, state), state


def new_proposal(world, moderator, title, tags=("спорт",)):
    cycle = world.cycle("almaty")
    proposal = services.proposals.submit_proposal(
        cycle=cycle,
        language="kk",
        title=title,
        summary="Ауладағы саябақты абаттандыру.",
        description=f"Жаңа {NEW_WORD} және орындықтар.",
        district=cycle.territory,
        estimated_cost=7_000_000,
        author_name="Айгүл С.",
        author_contact="a@example.kz",
        tags=list(tags),
        historical=True,
    ).proposal
    services.proposals.change_status(proposal=proposal, new_status=Status.IN_MODERATION, user=moderator)
    return proposal


def test_the_counts_and_hits_equal_a_plain_recount_as_a_proposal_comes_changes_and_goes(world, moderator):
    check_everything(world)
    proposal = new_proposal(world, moderator, f"{NEW_WORD.capitalize()} саябағы")
    page = proposal.pages.get(locale__language_code="kk")
    assert CatalogueEntry.objects.filter(page=page).exists()
    assert CatalogueWordGroup.objects.filter(stem=NEW_WORD).exists()
    check_everything(world)

    services.proposals.change_status(
        proposal=proposal, new_status=Status.IN_DISCUSSION, user=moderator, reason="Талқылау."
    )
    check_everything(world)

    page = ProposalPage.objects.get(pk=page.pk)
    page.title, page.description = "Жаңа жарықтандыру", "Шамдар мен бағаналар."  # the new word leaves its text
    page.tags.add("жарықтандыру")
    page.save_revision(user=moderator).publish(user=moderator)
    assert not CatalogueWordGroup.objects.filter(stem=NEW_WORD).exists()
    check_everything(world)
    check_everything(world, "ru", "парк")

    proposal.refresh_from_db()
    proposal.district = world.place("medeu")  # another place of the cycle's city
    proposal.save()
    assert set(CatalogueEntry.objects.filter(page__proposal=proposal).values_list("place_id", flat=True)) == {
        proposal.district_id
    }
    check_everything(world)

    services.proposals.change_status(proposal=proposal, new_status=Status.REJECTED, user=moderator, reason="Жер жоқ.")
    check_everything(world)

    ProposalPage.objects.get(pk=page.pk).delete()
    assert not CatalogueEntry.objects.filter(page_id=page.pk).exists()
    check_everything(world)
    check_everything(world, "ru", "парк")


def test_a_translated_proposal_changed_and_deleted_keeps_the_counts_of_its_language(world):
    skate = world.page("skate", "ru")
    skate.proposal.validated_cost = 95_000_000  # out of the cost ranges of `states`
    skate.proposal.save()
    check_everything(world, "ru", "парк")
    skate.delete()
    check_everything(world, "ru", "парк")


def test_a_one_word_query_reads_the_stored_counts_not_the_rows(world):
    with CaptureQueriesContext(connection) as queries, translation.override("kk"):
        result = run_catalogue(QueryDict(urlencode({"q": "саябақ"})), "kk")
        list(result.page_obj.object_list)
    grouped = [q["sql"] for q in queries if "GROUP BY" in q["sql"] and '"search_catalogueentry"' in q["sql"]]
    assert grouped == []
    assert result.page_obj.paginator.count == len(recount("kk", {"q": "саябақ"})[0]) > 0


def test_a_cost_range_that_leaves_out_many_rows_groups_the_rows_in_it(world, monkeypatch):
    monkeypatch.setattr(catalogue, "OUTSIDE_MAX", 0)  # as with many rows outside the range
    for state in ({"q": "саябақ", "cost_max": "30000000"}, {"q": "саябақ", "cost_min": "1", "tag": "спорт"}):
        assert shown("kk", state) == recount("kk", state), state


def word_counts():
    return set(CatalogueWordGroup.objects.values_list(*catalogue_index.WORD_KEY, "n"))


def test_a_rebuild_writes_the_word_counts_the_changes_kept(world, moderator):
    proposal = new_proposal(world, moderator, "Саябақ")
    services.proposals.change_status(
        proposal=proposal, new_status=Status.IN_DISCUSSION, user=moderator, reason="Талқылау."
    )
    kept = word_counts()
    catalogue_index.rebuild()
    assert word_counts() == kept


def test_many_rows_changed_at_once_move_their_counts_exactly(world):
    """Thousands of counts moved by one rewrite: several statements on SQLite, arrays on PostgreSQL."""
    pages = list(CatalogueEntry.objects.values_list("page_id", flat=True))
    proposals = ProposalPage.objects.filter(pk__in=pages).values_list("proposal_id", flat=True)
    Proposal.objects.filter(pk__in=proposals, status=Status.SELECTED).update(status=Status.IN_IMPLEMENTATION)
    before = word_counts()
    catalogue_index.refresh(pages)
    assert catalogue_index.group_problems() == {}
    assert len(before - word_counts()) > 500  # moved (or emptied and deleted) in one go
    check_everything(world)
    catalogue_index.remove(pages)
    assert not CatalogueWordGroup.objects.exists() and not CatalogueTopic.objects.exists()
    assert catalogue_index.group_problems() == {}


def test_changes_in_a_batch_are_written_once_at_its_end_and_not_when_it_fails(world, moderator):
    """`pb_module.signals.batch()` (the demo loader's and the pabulib import's): inside it a new proposal has no
    catalogue row yet; at its end the rows and counts are those written one change at a time; a block that raises
    leaves the rows as they were."""
    with pb_signals.batch():
        proposal = new_proposal(world, moderator, f"{NEW_WORD.capitalize()} саябағы")
        with pb_signals.batch():  # nested: the outer block writes
            services.proposals.change_status(
                proposal=proposal, new_status=Status.IN_DISCUSSION, user=moderator, reason="Талқылау."
            )
        assert not CatalogueEntry.objects.filter(page__proposal=proposal).exists()
        assert not CatalogueWordGroup.objects.filter(stem=NEW_WORD).exists()
    assert set(CatalogueEntry.objects.filter(page__proposal=proposal).values_list("status", flat=True)) == {
        Status.IN_DISCUSSION
    }
    assert CatalogueWordGroup.objects.filter(stem=NEW_WORD).exists()
    check_everything(world)
    kept = word_counts()
    catalogue_index.rebuild()
    assert word_counts() == kept

    page = proposal.pages.get(locale__language_code="kk")
    with pytest.raises(RuntimeError), transaction.atomic(), pb_signals.batch():
        services.proposals.change_status(proposal=proposal, new_status=Status.REJECTED, user=moderator, reason="Жоқ.")
        raise RuntimeError("the loader fails half-way")
    assert CatalogueEntry.objects.get(page=page).status == Status.IN_DISCUSSION
    check_everything(world)
