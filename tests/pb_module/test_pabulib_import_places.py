"""Imported pabulib elections are placed in a territory tree (unit > district) and in the file's language."""

import os
import time
from collections import defaultdict
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import Locale

from pb_module.models import Ballot, PBCyclePage, PBIndexPage, Proposal, ProposalPage, Territory
from pb_module.selectors.proposals import public_proposals
from tests.factories import TerritoryFactory

pytestmark = pytest.mark.django_db
DATA = Path(__file__).resolve().parents[3] / "shared" / "data" / "pabulib"
# Importing all 90 Warsaw 2019 files takes about 140 s: by default the two smallest files of each of the 18
# districts are imported (about 35 files, 480 projects); PB_IMPORT_ALL_WARSAW=1 imports every file.
ALL_WARSAW = os.environ.get("PB_IMPORT_ALL_WARSAW") == "1"


def run(*args) -> str:
    out = StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


def imported(path) -> PBCyclePage:
    return PBCyclePage.objects.get(pk=int(run("pb_import", str(path)).strip().splitlines()[-1]))


def read_meta(path: Path) -> dict:
    """The META section only (the whole file is not needed to choose files)."""
    meta = {}
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            line = line.rstrip("\r\n")
            if line == "PROJECTS":
                break
            key, _, value = line.partition(";")
            meta[key] = value
    return meta


def warsaw_2019() -> dict[str, list[Path]]:
    """District -> the Warsaw 2019 files of that district (by META unit and instance), smallest first."""
    districts = defaultdict(list)
    for path in sorted(DATA.glob("*.pb")) if DATA.is_dir() else []:
        meta = read_meta(path)
        if meta.get("unit") == "Warszawa" and meta.get("instance") == "2019":
            districts[meta["district"]].append(path)
    return {d: sorted(paths, key=lambda p: p.stat().st_size) for d, paths in districts.items()}


WARSAW = warsaw_2019()
needs_data = pytest.mark.skipif(not WARSAW, reason=f"no Warsaw 2019 pabulib files in {DATA}")


def pb_file(tmp_path, name="synthetic", **meta) -> Path:
    meta = {
        "description": f"Synthetic {name}",
        "unit": "Warszawa",
        "district": "Wawer",
        "instance": "2024",
        "budget": "150",
        "vote_type": "approval",
        "rule": "greedy",
        "language": "pl",
        **meta,
    }
    lines = ["META", "key;value", *(f"{k};{v}" for k, v in meta.items() if v is not None)]
    lines += ["PROJECTS", "project_id;cost;name", "p1;100;Skwer", "p2;50;Ławka", "p3;120;Boisko"]
    lines += ["VOTES", "voter_id;vote", "v1;p1", "v2;p1,p2", "v3;p3", "v4;p2"]
    path = tmp_path / f"{name}.pb"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def counts() -> tuple:
    return tuple(m.objects.count() for m in (Territory, PBCyclePage, Proposal, ProposalPage, Ballot))


@needs_data
def test_warsaw_districts_share_one_city_and_each_proposal_is_in_its_district():
    files = {d: paths if ALL_WARSAW else paths[:2] for d, paths in WARSAW.items()}
    began = time.perf_counter()
    cycles = {path: imported(path) for paths in files.values() for path in paths}
    seconds = time.perf_counter() - began
    print(f"imported {len(cycles)} Warsaw 2019 files in {seconds:.1f} s")

    warszawa = Territory.objects.get(name="Warszawa")
    assert warszawa.kind == Territory.Kind.CITY and warszawa.parent is None
    children = Territory.objects.filter(parent=warszawa)
    assert sorted(children.values_list("name", flat=True)) == sorted(files)  # one territory per district
    assert set(children.values_list("kind", flat=True)) == {Territory.Kind.DISTRICT}
    district = {t.name: t for t in children}
    for path, cycle in cycles.items():
        place = district[read_meta(path)["district"]]
        assert cycle.territory == place and cycle.locale.language_code == "kk"
        assert set(Proposal.objects.filter(cycle=cycle).values_list("district", flat=True)) == {place.pk}
        assert set(Ballot.objects.filter(cycle=cycle).values_list("district", flat=True)) == {place.pk}

    proposals = Proposal.objects.filter(cycle__in=cycles.values())
    below = {t.pk for t in warszawa.descendants()}
    assert set(proposals.values_list("district", flat=True)) <= below
    # The open catalogue: the city gives every imported proposal, a district exactly its own.
    assert set(public_proposals({"district": warszawa})) == set(proposals)
    wawer = [c for path, c in cycles.items() if read_meta(path)["district"] == "Wawer"]
    assert set(public_proposals({"district": district["Wawer"]})) == set(proposals.filter(cycle__in=wawer))

    before = counts()
    again = [path for paths in files.values() for path in paths[:1]]
    assert [imported(path).pk for path in again] == [cycles[path].pk for path in again]
    assert counts() == before


@needs_data
def test_a_cycle_imported_before_the_hierarchy_is_moved_under_its_city():
    first, second = WARSAW["Wawer"][:2]
    cycle = imported(first)
    # As the import made it before: the district "Wawer" alone at the top, no city above it.
    wawer = cycle.territory
    Territory.objects.filter(pk=wawer.pk).update(parent=None, kind=Territory.Kind.CITY)
    Territory.objects.filter(name="Warszawa").delete()

    before = Territory.objects.count()
    assert imported(first).pk == cycle.pk
    wawer.refresh_from_db()
    assert (wawer.parent.name, wawer.kind) == ("Warszawa", Territory.Kind.DISTRICT)
    assert Territory.objects.count() == before + 1  # only the city is new
    assert imported(second).territory == wawer


def test_an_old_district_left_behind_is_merged_and_removed(tmp_path):
    old = pb_file(tmp_path, "old")
    cycle = imported(old)
    legacy = Territory.objects.create(locale=cycle.locale, name="Wawer", kind=Territory.Kind.CITY)
    # The state an old import left: made without ballots first, since a cycle's territory is frozen once they exist.
    Ballot.objects.filter(cycle=cycle).delete()
    PBCyclePage.objects.filter(pk=cycle.pk).update(territory=legacy)
    Proposal.objects.filter(cycle=cycle).update(district=legacy)
    Ballot.objects.create(cycle=cycle, voter_hash="l" * 64, age_band="25-34", district=legacy, cast_at=timezone.now())

    again = imported(old)
    assert again.pk == cycle.pk and again.territory.parent.name == "Warszawa"
    assert set(Proposal.objects.filter(cycle=cycle).values_list("district", flat=True)) == {again.territory.pk}
    assert not Territory.objects.filter(pk=legacy.pk).exists()


@pytest.mark.parametrize(
    ("language", "expected"), [("kk", "kk"), ("ru", "ru"), ("en", "en"), ("pl", "kk"), (None, "kk")]
)
def test_pages_and_territories_are_in_the_language_of_the_file(tmp_path, language, expected):
    cycle = imported(pb_file(tmp_path, language=language))
    locale = Locale.objects.get(language_code=expected)
    assert cycle.locale == locale
    assert cycle.get_parent().specific == PBIndexPage.objects.get(locale=locale)
    pages = ProposalPage.objects.child_of(cycle)
    assert pages.count() == 3 and {p.locale_id for p in pages} == {locale.pk}
    proposals = Proposal.objects.filter(cycle=cycle)
    assert {p.language for p in proposals} == {expected}
    assert {p.source_page.locale_id for p in proposals} == {locale.pk}
    assert cycle.territory.locale == locale and cycle.territory.parent.locale == locale
    # The cycle is its own source: proposals, ballots and the tally find it.
    assert cycle.canonical().pk == cycle.pk
    assert run("pb_tally", str(cycle.pk)).strip().endswith("}")
    assert '"p1"' in run("pb_tally", str(cycle.pk)) and Ballot.objects.filter(cycle=cycle).count() == 4
    before = counts()
    assert imported(pb_file(tmp_path, language=language)).pk == cycle.pk
    assert counts() == before


def test_places_already_on_the_site_are_used_in_their_language(tmp_path, kk):
    city = TerritoryFactory(name="Fx Алматы", translations={"ru": "Fx Алматы", "en": "Fx Almaty"})
    district = TerritoryFactory(
        name="Fx Бостандық ауданы",
        kind=Territory.Kind.DISTRICT,
        parent=city,
        translations={"ru": "Fx Бостандыкский район", "en": "Fx Bostandyk district"},
    )
    before = Territory.objects.count()
    in_kk = imported(pb_file(tmp_path, "kk", unit="Fx Алматы", district="Fx Бостандық ауданы", language="kk"))
    in_ru = imported(pb_file(tmp_path, "ru", unit="Fx Алматы", district="Fx Бостандыкский район", language="ru"))
    assert Territory.objects.count() == before
    assert in_kk.territory == district
    assert in_ru.territory.translation_key == district.translation_key and in_ru.territory.locale.language_code == "ru"
    found = set(public_proposals({"district": Territory.objects.get(pk=city.pk)}))  # read again: with its districts
    assert set(Proposal.objects.filter(cycle__in=[in_kk, in_ru])) <= found


def test_a_file_without_a_district_is_placed_by_its_subunit_or_in_its_unit(tmp_path):
    sector = imported(
        pb_file(tmp_path, "sector", unit="Toulouse", district=None, subunit="1 - Capitole / Carmes | large")
    )
    assert (sector.territory.name, sector.territory.parent.name) == ("1 - Capitole / Carmes", "Toulouse")
    town = imported(pb_file(tmp_path, "town", unit="Assen", district=None, language="nl"))
    assert (town.territory.name, town.territory.parent, town.territory.kind) == ("Assen", None, "city")
    same = imported(pb_file(tmp_path, "same", unit="Świecie", district="Świecie"))
    assert same.territory.name == "Świecie" and same.territory.parent is None


def test_a_cycle_keeps_the_language_it_was_imported_in(tmp_path):
    cycle = imported(pb_file(tmp_path, "first", language="pl"))
    path = pb_file(tmp_path, "first", language="ru")
    before = counts()
    again = imported(path)
    assert again.pk == cycle.pk and again.locale.language_code == "kk"
    assert counts() == before


def test_the_command_says_where_the_cycle_went(tmp_path):
    output = run("pb_import", str(pb_file(tmp_path, language="ru")))
    assert "territory Warszawa › Wawer, locale ru" in output
