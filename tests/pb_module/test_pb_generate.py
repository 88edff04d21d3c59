"""pb_generate: proposals written in bulk are real pages the catalogue, the page URLs and treebeard agree on."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.test import Client
from wagtail.models import Page

from pb_module.models import PBCyclePage, Proposal, ProposalPage, ProposalStatusChange, ProposalTag, Territory
from pb_module.models.proposal import searchable_text
from pb_module.rules.phases import PhaseDates, phase_problems
from pb_module.rules.statuses import PUBLIC, TRANSITIONS, Status
from search.catalogue import index as catalogue_index
from search.models import CatalogueEntry
from words.text import normalise_query

from .. import factories as f

SEED = 7
N = 300


def generate(**options):
    out = StringIO()
    call_command("pb_generate", seed=SEED, years="2024-2027", cycles_per_year=2, stdout=out, **options)
    return out.getvalue()


def catalogue_count(client, **params):
    response = client.get("/kk/projects/", params)
    assert response.status_code == 200
    return response.context["page_obj"].paginator.count


def public_kk(**filters):
    public = ProposalPage.objects.live().filter(
        locale__language_code="kk", proposal__status__in=[s.value for s in PUBLIC]
    )
    return public.filter(**filters)


def generated():
    return Proposal.objects.filter(external_id__startswith=f"gen:{SEED}:")


def build_places():
    """What pb_generate builds on: the PB section in Kazakh and the Kazakh cities (translated), one of them
    divided into districts and microdistricts, the other not, which has a cycle of its own with one public
    proposal made through the services (not generated). Returns the divided city."""
    f.PBIndexPageFactory()
    kind = Territory.Kind
    # English names as the demo's: pb_generate makes the cycles' slugs of them.
    divided = f.TerritoryFactory(
        name="Fx үлкен қала", population_16_plus=900_000, translations={"ru": "Fx большой город", "en": "Fx Big City"}
    )
    for n in (1, 2):
        district = f.TerritoryFactory(
            name=f"Fx {n}-аудан",
            kind=kind.DISTRICT,
            settlement_category="",
            parent=divided,
            translations={"ru": f"Fx район {n}", "en": f"Fx District {n}"},
        )
        for m in (1, 2):
            f.TerritoryFactory(
                name=f"Fx {n}-аудан {m}-шағын ауданы",
                kind=kind.MICRODISTRICT,
                settlement_category="",
                parent=district,
                translations=True,
            )
    small = f.TerritoryFactory(
        name="Fx шағын қала",
        settlement_category=Territory.Category.OBLAST,
        population_16_plus=60_000,
        translations={"ru": "Fx малый город", "en": "Fx Small Town"},
    )
    f.ProposalFactory(cycle=f.cycle(territory=small), status=Status.IN_MODERATION)
    return divided


@pytest.fixture(scope="module")
def made_ids(module_db):
    """The places, and N proposals generated on them, once for the module (see `module_db`): the divided city's id,
    the catalogue's count before and what pb_generate printed."""
    with module_db():
        divided = build_places()
        before = catalogue_count(Client())
        return {"divided": divided.pk, "before": before, "output": generate(proposals=N)}


@pytest.fixture
def places(db, made_ids):
    """The divided city, read afresh (its `descendant_keys` is cached on the object)."""
    return Territory.objects.get(pk=made_ids["divided"])


@pytest.fixture
def made(places, made_ids):
    return {"before": made_ids["before"], "output": made_ids["output"]}


def test_generates_n_proposals_each_with_a_live_kk_page(made):
    assert made["before"] == 1  # the proposal made through the services
    assert f"{N} new proposals" in made["output"] and "rows/s" in made["output"]
    assert generated().count() == N
    pages = ProposalPage.objects.filter(proposal__in=generated())
    assert pages.count() == N
    assert set(pages.values_list("locale__language_code", "live", "depth")) == {("kk", True, 5)}
    assert set(generated().values_list("status", flat=True)) <= {s.value for s in PUBLIC}
    assert len(set(generated().values_list("status", flat=True))) >= 5


def test_the_catalogue_counts_them_and_filters_match_the_database(made, places, client):
    assert catalogue_count(client) == made["before"] + N == public_kk().count()
    cycle = PBCyclePage.objects.filter(slug__startswith=f"gen-s{SEED}-", proposals__isnull=False).first()
    year = cycle.year
    assert catalogue_count(client, year=year) == public_kk(proposal__cycle__year=year).count() > 0
    assert catalogue_count(client, cycle=cycle.pk) == public_kk(proposal__cycle=cycle).count() > 0
    city = places  # a city with districts: its own proposals and theirs
    in_city = public_kk(proposal__district__translation_key__in=city.descendant_keys)
    assert catalogue_count(client, district=city.pk) == in_city.count() > 0
    assert catalogue_count(client, district=city.pk) < catalogue_count(client)  # not the other city's
    assert catalogue_count(client, district=city.pk, year=year) == in_city.filter(proposal__cycle__year=year).count()
    district = generated().order_by("pk").first().district
    expected = public_kk(proposal__district__translation_key=district.translation_key).count()
    assert catalogue_count(client, district=district.pk) == expected > 0
    stem = normalise_query("алаң", "kk")
    assert catalogue_count(client, q="алаң") == public_kk(search_text__contains=f" {stem} ").count() > 0
    funded = ["selected", "in_implementation", "completed", "stalled"]
    assert catalogue_count(client, funded="yes") == public_kk(proposal__status__in=funded).count() > 0


def test_a_generated_page_is_served_at_its_url_and_stores_what_save_would(made, client):
    page = ProposalPage.objects.get(proposal__external_id=f"gen:{SEED}:0")
    response = client.get(page.url)
    assert response.status_code == 200
    assert page.title in response.content.decode()
    assert page.url_path == page.get_parent().url_path + page.slug + "/"
    assert page.search_text == searchable_text(page)
    assert page.get_parent().specific_class is PBCyclePage
    assert page.tags.exists()
    cycle = page.get_parent().specific
    assert client.get(cycle.url).status_code == 200
    assert phase_problems([PhaseDates(p.phase, p.starts_on, p.ends_on) for p in cycle.phases.all()]) == []


def test_the_page_tree_and_the_catalogue_rows_stay_consistent(made):
    assert Page.find_problems() == ([], [], [], [], [])
    generated_pages = ProposalPage.objects.filter(proposal__external_id__startswith=f"gen:{SEED}:")
    assert CatalogueEntry.objects.filter(page__in=generated_pages).count() == N
    assert catalogue_index.group_problems() == {}
    for cycle in PBCyclePage.objects.filter(slug__startswith=f"gen-s{SEED}-"):
        assert cycle.numchild == cycle.get_children().count()


def test_status_logs_follow_the_rules_and_costs_the_caps(made):
    for proposal in generated().order_by("pk")[:60]:
        log = list(ProposalStatusChange.objects.filter(proposal=proposal).order_by("changed_at", "pk"))
        assert log[0].from_status == "" and log[0].to_status == Status.SUBMITTED
        for change in log[1:]:
            assert Status(change.to_status) in TRANSITIONS[Status(change.from_status)]
        assert log[-1].to_status == proposal.status
        cap = proposal.cycle.specific.proposal_cap_tenge
        if cap is not None:
            assert 0 < proposal.cost <= cap
        if proposal.published_votes is not None:
            assert proposal.cycle.specific.results_published


def test_a_second_run_adds_nothing_and_a_larger_n_only_the_rest(made):
    pages, tags = Page.objects.count(), ProposalTag.objects.count()
    assert "0 new proposals" in generate(proposals=N)
    assert (Page.objects.count(), ProposalTag.objects.count(), generated().count()) == (pages, tags, N)
    assert "20 new proposals" in generate(proposals=N + 20)
    assert generated().count() == N + 20
    assert Page.find_problems() == ([], [], [], [], [])


def test_delete_removes_them_and_leaves_the_tree_consistent(made, client):
    cycles = PBCyclePage.objects.filter(slug__startswith=f"gen-s{SEED}-")
    assert cycles.exists()
    call_command("pb_generate", delete=True, seed=SEED, stdout=StringIO())
    assert not generated().exists()
    assert not ProposalPage.objects.filter(proposal__external_id__startswith=f"gen:{SEED}:").exists()
    assert not cycles.exists()
    assert not ProposalStatusChange.objects.filter(proposal__external_id__startswith="gen:").exists()
    assert Page.find_problems() == ([], [], [], [], [])
    assert catalogue_index.group_problems() == {}
    assert catalogue_count(client) == made["before"]
