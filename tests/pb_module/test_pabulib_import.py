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
