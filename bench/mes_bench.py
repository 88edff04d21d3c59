"""Method of Equal Shares with add-one completion: pabutools against qatysu, on one real election.

    python bench/mes_bench.py [--file PATH] [--repeat 5]

Times pabutools' `method_of_equal_shares(sat_class=Cost_Sat, voter_budget_increment=1)` once (it takes
seconds) and `pb_module.rules.tally.equal_shares_add1` `--repeat` times (the median is reported), both on
an already parsed file, asserts that the winners are the same and prints one line. Default file: Świecie
2023 from the shared pabulib sample; when it is absent the bench says so and exits without failing.
"""

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # run as a script from anywhere: pb_module lives at the project root

from pabutools.election import Cost_Sat, parse_pabulib  # noqa: E402
from pabutools.rules import method_of_equal_shares  # noqa: E402

from pb_module.rules.pabulib import read_file  # noqa: E402
from pb_module.rules.tally import equal_shares_add1  # noqa: E402

DEFAULT = ROOT.parent / "shared" / "data" / "pabulib" / "Poland_Swiecie_2023.pb"


def main() -> int:
    """Time both implementations once on the same file; exit 1 when the winners differ."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--file", type=Path, default=DEFAULT)
    parser.add_argument("--repeat", type=int, default=5, help="runs of qatysu's rule (median reported)")
    args = parser.parse_args()
    if not args.file.is_file():
        print(f"MES add1 bench skipped: {args.file} not found")
        return 0

    election = read_file(args.file)
    instance, profile = parse_pabulib(str(args.file))

    began = time.perf_counter()
    theirs = method_of_equal_shares(instance, profile, sat_class=Cost_Sat, voter_budget_increment=1)
    pabutools_seconds = time.perf_counter() - began

    times = []
    for _ in range(max(1, args.repeat)):
        began = time.perf_counter()
        ours = equal_shares_add1(election)
        times.append(time.perf_counter() - began)
    qatysu_seconds = statistics.median(times)

    # Sets: pabutools breaks ties by project name, qatysu by score then file order; winners must agree.
    same = {p.name for p in theirs} == set(ours)
    meta = election.meta
    title = f"{meta.get('unit', args.file.stem)} {meta.get('instance', '')}".strip()
    print(
        f"MES add1 on {title} ({len(election.votes)} voters, {len(election.projects)} projects): "
        f"pabutools {pabutools_seconds:.2f} s, qatysu {qatysu_seconds:.3f} s, "
        f"{pabutools_seconds / qatysu_seconds:.0f}x faster, same winners: {'yes' if same else 'NO'}"
    )
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main())
