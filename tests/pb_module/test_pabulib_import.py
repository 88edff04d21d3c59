"""Importing real pabulib elections into the database and exporting them back."""

from collections import Counter
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from pb_module.models import Ballot, BallotItem, PBCyclePage, Proposal
from pb_module.rules import pabulib

pytestmark = pytest.mark.django_db
DATA = Path(__file__).resolve().parents[3] / "shared" / "data" / "pabulib"
SMALL = DATA / "Poland_Warszawa_2019_Marysin_Wawerski_Poludniowy.pb"
needs_data = pytest.mark.skipif(not SMALL.exists(), reason=f"pabulib files not found in {DATA}")


def run(*args) -> str:
    out = StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


@needs_data
def test_import_creates_the_cycle_and_running_it_again_updates_without_duplicates():
    election = pabulib.read_file(SMALL)
    cycle_id = int(run("pb_import", str(SMALL)).strip().splitlines()[-1])
    cycle = PBCyclePage.objects.get(pk=cycle_id)
    assert cycle.total_budget == int(election.budget) and cycle.tally_rule == election.rule
    assert set(Proposal.objects.filter(cycle=cycle).values_list("external_id", flat=True)) == set(election.projects)
    assert Ballot.objects.filter(cycle=cycle).count() == len(election.votes)
    counts = Counter(p for v in election.votes for p in v.projects)
    for proposal in Proposal.objects.filter(cycle=cycle):
        assert BallotItem.objects.filter(proposal=proposal).count() == counts[proposal.external_id]

    again = int(run("pb_import", str(SMALL)).strip().splitlines()[-1])
    assert again == cycle_id
    assert Proposal.objects.filter(cycle=cycle).count() == len(election.projects)
    assert Ballot.objects.filter(cycle=cycle).count() == len(election.votes)


@needs_data
def test_export_as_pb_reads_back_to_the_same_ballots():
    cycle_id = int(run("pb_import", str(SMALL)).strip().splitlines()[-1])
    original = pabulib.read_file(SMALL)
    exported = pabulib.read(run("pb_export", str(cycle_id), "--format", "pb"))
    assert exported.budget == original.budget
    assert {p: c.cost for p, c in exported.projects.items()} == {p: c.cost for p, c in original.projects.items()}
    assert sorted(sorted(v.projects) for v in exported.votes) == sorted(sorted(v.projects) for v in original.votes)
    assert run("pb_export", str(cycle_id), "--format", "csv").startswith("voter_id,project_id,points,age_band")
    assert '"meta"' in run("pb_export", str(cycle_id), "--format", "json")


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (
            b"META\nkey;value\nbudget;100\nPROJECTS\nproject_id;cost\np1;10\nVOTES\nvoter_id;vote\nv1;p2\n",
            "line 9: voter v1 votes for unknown project p2",
        ),
        (
            b"META\nkey;value\nbudget;100\nPROJECTS\nproject_id;cost\np1;ten\nVOTES\nvoter_id;vote\n",
            "line 6: the cost of project p1 is not a number",
        ),
        (b"META\nkey;value\nbudget;100\nPROJECTS\nproject_id;cost\np1;10\n", "missing section VOTES"),
        (b"META\nkey;value\nbudget;100\ndescription;Caf\xe9\n", "line 4: the file is not UTF-8 text"),
    ],
)
def test_malformed_file_is_refused_and_nothing_is_imported(tmp_path, content, message):
    path = tmp_path / "bad.pb"
    path.write_bytes(content)
    before = (PBCyclePage.objects.count(), Proposal.objects.count(), Ballot.objects.count())
    with pytest.raises(CommandError) as error:
        run("pb_import", str(path))
    assert message in str(error.value)
    assert (PBCyclePage.objects.count(), Proposal.objects.count(), Ballot.objects.count()) == before


def _fresh_site():
    """What a database that is only migrated has: Wagtail's root and its placeholder welcome page, no home page."""
    from wagtail.models import Page, Site

    for page in Page.get_first_root_node().get_children():
        if not page.specific_class or page.specific_class.__name__ != "Page":
            page.delete()
    if not Page.objects.filter(depth=2).exists():
        Page.get_first_root_node().add_child(instance=Page(title="Welcome to your new Wagtail site!", slug="home"))
    Site.objects.update(root_page=Page.objects.get(depth=2))


def test_import_on_a_fresh_database_makes_the_section_it_needs(tmp_path, client):
    from wagtail.models import Site

    from home.models import HomePage
    from pb_module.models import PBIndexPage

    _fresh_site()
    assert not HomePage.objects.exists() and not PBIndexPage.objects.exists()
    path = tmp_path / "fresh.pb"
    body = "PROJECTS\nproject_id;cost;name\np1;100;Skwer\np2;50;Ławka\nVOTES\nvoter_id;vote\nv1;p1\nv2;p1,p2\n"
    for language in ("ru", "kk"):
        meta = f"META\nkey;value\ndescription;Fresh {language}\nunit;Aksu\nbudget;150\nvote_type;approval\n"
        path.write_text(f"{meta}language;{language}\n{body}", encoding="utf-8")
        cycle = PBCyclePage.objects.get(pk=int(run("pb_import", str(path), "--key", f"fresh-{language}").split()[-1]))
        section = cycle.get_parent().specific
        assert isinstance(section, PBIndexPage) and section.live and section.locale.language_code == language
        assert section.get_parent().specific_class is HomePage
        assert Proposal.objects.filter(cycle=cycle).count() == 2
    sections = {s.locale.language_code: s for s in PBIndexPage.objects.all()}
    assert set(sections) == {"ru", "kk"}
    # The interface's words in each language; the Kazakh home page is a translation of the first one made.
    assert sections["ru"].title == "Циклы бюджета участия" and sections["kk"].title == "Қатысу бюджеті циклдері"
    homes = [s.get_parent().specific for s in sections.values()]
    assert homes[0].translation_key == homes[1].translation_key
    assert Site.objects.get(is_default_site=True).root_page.specific_class is HomePage
    response = client.get(PBCyclePage.objects.get(slug="fresh-ru").url)
    assert response.status_code == 200 and "Fresh ru" in response.content.decode()
