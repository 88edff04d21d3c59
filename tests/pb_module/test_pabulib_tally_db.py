"""Every real election, imported into the database, gives its official winners through `pb_tally`."""

import json
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command

from pb_module.rules import pabulib

pytestmark = pytest.mark.django_db
DATA = Path(__file__).resolve().parents[3] / "shared" / "data" / "pabulib"
FILES = sorted(DATA.glob("*.pb")) if DATA.is_dir() else []


def run(*args) -> str:
    out = StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


@pytest.mark.skipif(not FILES, reason=f"pabulib files not found in {DATA}")
@pytest.mark.parametrize("path", FILES, ids=[p.stem for p in FILES])
def test_imported_election_reproduces_the_official_winners(path):
    election = pabulib.read_file(path)
    if election.selected is None:
        pytest.skip(f"{path.name} records no official winners (no `selected` column): nothing to compare")
    cycle_id = run("pb_import", str(path)).strip().splitlines()[-1]
    result = json.loads(run("pb_tally", cycle_id).strip().splitlines()[-1])
    assert result["rule"] == election.rule
    assert sorted(result["selected"]) == sorted(election.selected)
