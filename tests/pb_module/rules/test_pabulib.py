"""Reading and writing pabulib files: every real file round-trips; bad files name the line and the reason."""

from fractions import Fraction
from pathlib import Path

import pytest

from pb_module.rules import pabulib

DATA = Path(__file__).resolve().parents[4] / "shared" / "data" / "pabulib"
FILES = sorted(DATA.glob("*.pb")) if DATA.is_dir() else []

GOOD = """META
key;value
description;Tiny test election
budget;100
vote_type;cumulative
rule;greedy
PROJECTS
project_id;cost;votes;name;selected
p1;60;2;Park;1
p2;50.5;1;Lights;0
VOTES
voter_id;vote;points;age
v1;p1,p2;3,2;30
v2;p1;5;41
"""


@pytest.mark.skipif(not FILES, reason=f"no pabulib files in {DATA}")
def test_every_real_file_reads_and_round_trips():
    for path in FILES:
        election = pabulib.read_file(path)
        again = pabulib.read(pabulib.write(election))
        assert again.meta == election.meta, path.name
        assert list(again.projects) == list(election.projects), path.name
        assert [p.cost for p in again.projects.values()] == [p.cost for p in election.projects.values()]
        assert [v.scores() for v in again.votes] == [v.scores() for v in election.votes], path.name
        assert election.meta.get("num_votes") in (None, str(len(election.votes))), path.name


def test_a_small_file_in_detail():
    election = pabulib.read(GOOD)
    assert election.budget == 100 and election.vote_type == "cumulative"
    assert election.projects["p2"].cost == Fraction(101, 2)
    assert election.votes[0].scores() == {"p1": 3, "p2": 2}
    assert election.votes[1].fields["age"] == "41"
    assert election.selected == ["p1"]
    assert pabulib.read(pabulib.write(election)).votes[0].points == [3, 2]


@pytest.mark.parametrize(
    ("text", "line", "reason"),
    [
        (
            GOOD.replace("VOTES\n", "")
            .replace("voter_id;vote;points;age\n", "")
            .replace("v1;p1,p2;3,2;30\n", "")
            .replace("v2;p1;5;41\n", ""),
            0,
            "missing section VOTES",
        ),
        (GOOD.replace("v2;p1;5;41", "v2;p9;5;41"), 14, "voter v2 votes for unknown project p9"),
        (GOOD.replace("p2;50.5;", "p2;fifty;"), 10, "the cost of project p2 is not a number: 'fifty'"),
        (GOOD.replace("v1;p1,p2;3,2;30", "v1;p1,p2;3;30"), 13, "voter v1 has 1 points for 2 projects"),
        (GOOD.replace("p1;60;2;Park;1", "p1;60;2;Park"), 9, "4 fields where the header on line 8 has 5"),
        (GOOD.replace("budget;100\n", ""), 0, "META has no budget"),
        ("PROJECTS\nproject_id;cost\n", 0, "missing section META, VOTES"),
        ("hello\n" + GOOD, 1, "the file must start with META"),
    ],
)
def test_malformed_files_are_refused_with_line_and_reason(text, line, reason):
    with pytest.raises(pabulib.PabulibError) as error:
        pabulib.read(text)
    assert (error.value.line, error.value.reason) == (line, reason)


def test_a_file_that_is_not_utf8_is_refused_with_its_line(tmp_path):
    path = tmp_path / "latin1.pb"
    path.write_bytes(GOOD.replace("Park", "Parc réno").encode("latin-1"))
    with pytest.raises(pabulib.PabulibError) as error:
        pabulib.read_file(path)
    assert (error.value.line, error.value.reason) == (9, "the file is not UTF-8 text")
