"""Real elections, imported into the database, give their official winners through `pb_tally`.

Every file's winners are reproduced from the file itself by tests/pb_module/rules/test_pabulib.py (a few seconds for
all 96). Through the database (`pb_import`, then `pb_tally` reading the ballots back), an election takes about 1.5 s,
and 90 of the 96 files are Warsaw 2019 districts counted by the same rule (greedy, approval ballots): by default
every file that is not a Warsaw 2019 district (each rule and kind of ballot there is) and every tenth of the Warsaw
ones, the largest among them; PB_TALLY_ALL_FILES=1 imports and counts every file."""

import json
import os
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command

from pb_module.rules import pabulib

pytestmark = pytest.mark.django_db
DATA = Path(__file__).resolve().parents[3] / "shared" / "data" / "pabulib"
ALL_FILES = sorted(DATA.glob("*.pb")) if DATA.is_dir() else []
WARSAW = [path for path in ALL_FILES if path.name.startswith("Poland_Warszawa_2019_")]
LARGEST_WARSAW = max(WARSAW, key=lambda path: path.stat().st_size, default=None)
FILES = (
    ALL_FILES
    if os.environ.get("PB_TALLY_ALL_FILES") == "1"
    else [p for p in ALL_FILES if p not in WARSAW or p == LARGEST_WARSAW or WARSAW.index(p) % 10 == 0]
)


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
