"""The database catalogue's own rows (search.models.CatalogueEntry): what they hold, kept current by the signals
as editors and moderators work, and words found through the full-text index (FTS5 / PostgreSQL tsvector). The
catalogue is the one of tests/catalogue/conftest.py."""

from urllib.parse import urlencode

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import QueryDict
from django.utils import translation
from wagtail.models import PageViewRestriction

from home.templatetags.qatysu_tags import page_links
from pb_module import roles, services
from search.catalogue import db as catalogue_db
from search.catalogue import index as catalogue_index
from search.catalogue import run_catalogue
from search.catalogue.index import GROUPED
from search.catalogue.state import entries, with_words
from search.models import CatalogueEntry, CatalogueGroup
from words.text import normalise_query

from .. import factories as f
from . import _fx_catalogue as fx

COLUMNS = ["page_id", "language", "status", "place_id", "cycle_id", "year", "cost", "votes", "created_at", "tags"]


def snapshot():
    return {row[0]: row for row in CatalogueEntry.objects.values_list(*COLUMNS, "title_stems", "search_text")}


def group_counts():
    return set(CatalogueGroup.objects.filter(n__gt=0).values_list(*GROUPED, "tag", "n"))


@pytest.fixture
def moderator(db):
    user = get_user_model().objects.create_user("mod", "mod@example.kz", "pw")
    user.groups.add(Group.objects.get(name=roles.MODERATORS))
    return user


def test_every_page_the_catalogue_may_show_has_one_row_with_its_facts(world):
    assert catalogue_index.group_problems() == {}
    assert CatalogueGroup.objects.filter(language="kk", tag="", n__gt=0).exists()
    pages = catalogue_index.indexable_pages()
    assert set(CatalogueEntry.objects.values_list("page_id", flat=True)) == set(pages.values_list("pk", flat=True))
    assert {lang for lang in CatalogueEntry.objects.values_list("language", flat=True)} == {"kk", "ru", "en"}
    page = world.page("skate", "ru")  # translated into Russian, with its own topics; selected by a published vote
    row = CatalogueEntry.objects.get(page=page)
    proposal = page.proposal
    assert (row.language, row.status, row.year) == ("ru", proposal.status, proposal.cycle.year)
    assert (row.place_id, row.cycle_id) == (proposal.district_id, proposal.cycle_id)
    assert row.cost == proposal.cost and row.votes == proposal.published_votes and row.votes > 0
    assert row.tags.split() == sorted(tag.slug for tag in page.tags.all()) and len(row.tags.split()) == 2
    assert normalise_query("скейт", "ru") in row.title_stems.split()


def test_the_signals_keep_the_rows_as_a_rebuild_would_write_them(world, moderator):
    skate = world.page("skate", "ru")
    lighting = world.page("light7", "ru")
    lighting.unpublish(user=moderator)
    assert not CatalogueEntry.objects.filter(page=lighting).exists()

    skate.tags.add("skateboarding")
    skate.save_revision(user=moderator).publish(user=moderator)
    assert "skateboarding" in CatalogueEntry.objects.get(page=skate).tags.split()

    proposal = skate.proposal
    proposal.validated_cost = 12_345_000
    proposal.save()
    assert set(CatalogueEntry.objects.filter(page__proposal=proposal).values_list("cost", flat=True)) == {12_345_000}

    cycle = f.close_voting(world.cycle("shymkent"), moderator)  # a vote with ballots, its count not published
    assert not CatalogueEntry.objects.filter(page__proposal__cycle=cycle).exclude(votes=None).exists()
    services.results.publish_results(cycle=cycle, user=moderator)
    shymkent = CatalogueEntry.objects.filter(page__proposal__cycle=cycle)
    assert shymkent.exclude(votes=None).exists()
    assert set(shymkent.values_list("status", flat=True)) <= {"selected", "not_selected"}

    section = world.cycle("taldy_talk", "en")
    assert CatalogueEntry.objects.filter(page__path__startswith=section.path).exists()
    PageViewRestriction.objects.create(page=section, restriction_type=PageViewRestriction.LOGIN)
    assert not CatalogueEntry.objects.filter(page__path__startswith=section.path).exists()

    skate.delete()
    assert not CatalogueEntry.objects.filter(page_id=skate.pk).exists()

    assert catalogue_index.group_problems() == {}  # the group counts moved with every change
    kept, groups = snapshot(), group_counts()
    catalogue_index.rebuild()
    assert snapshot() == kept
    assert group_counts() == groups


def test_a_cycle_published_with_another_year_moves_its_proposals_rows(world, moderator):
    cycle = world.cycle("taldy_talk")
    assert cycle.year == fx.TALK_YEAR
    cycle.year = 2026
    cycle.save_revision(user=moderator).publish(user=moderator)
    rows = CatalogueEntry.objects.filter(page__proposal__cycle=cycle)
    assert rows.exists() and set(rows.values_list("year", flat=True)) == {2026}


@pytest.mark.parametrize(
    "words, language",
    [("саябақ", "kk"), ("аудан", "kk"), ("парк", "ru"), ("парков скейт", "ru"), ("lighting", "en"), ("жол", "kk")],
)
def test_the_full_text_index_finds_exactly_the_rows_whose_text_has_every_stem(world, words, language):
    stems = normalise_query(words, language).split()
    every = Q()
    for stem in stems:
        every &= Q(search_text__contains=f" {stem} ")
    expected = set(entries(language).filter(every).values_list("page_id", flat=True))
    assert set(with_words(entries(language), stems).values_list("page_id", flat=True)) == expected
    assert expected  # the catalogue has such projects: the comparison is not between two empty sets
    assert expected != set(entries(language).values_list("page_id", flat=True))  # nor between all the rows


@pytest.mark.parametrize("words, language", [("жол", "kk"), ("парк", "ru"), ("жарық", "kk")])
def test_relevance_pages_list_title_hits_first_then_the_rest_newest_first_without_gaps(
    world, monkeypatch, words, language
):
    per_page = 4  # a few hits a page: the title hits and the others run across several pages
    monkeypatch.setattr(catalogue_db, "PER_PAGE", per_page)
    stems = normalise_query(words, language).split()
    hits = list(with_words(entries(language), stems))
    titled = [e for e in hits if set(stems) & set(e.title_stems.split())]
    assert 0 < len(titled) < len(hits), "the catalogue has hits with and without the word in their title"
    assert len(hits) > 2 * per_page
    expected = sorted(hits, key=lambda e: (e not in titled, -e.created_at.timestamp(), e.page_id))
    listed = []
    for number in range(1, len(hits) // per_page + 2):
        with translation.override(language):
            result = run_catalogue(QueryDict(urlencode({"q": words, "page": number})), language)
        assert result.sort == "relevance" and result.page_obj.number == number
        listed += [page.pk for page in result.page_obj.object_list]
    assert listed == [e.page_id for e in expected]


def test_page_links_keep_the_first_and_last_pages_and_two_around_the_current_one():
    page = Paginator(range(100_000), 20).page(50)
    assert page_links(page) == [1, None, 48, 49, 50, 51, 52, None, 5000]
    assert page_links(Paginator(range(100), 20).page(1)) == [1, 2, 3, 4, 5]
