"""The project catalogue at scale: typical filter states on 100 000 generated proposals, SQLite and PostgreSQL.

    python bench/catalogue_bench.py [--proposals 100000] [--repeat 30] [--seconds 10] [--db sqlite,postgres]
                                    [--keep DIR]
    CATALOGUE_BENCH_PROPOSALS=5000 CATALOGUE_BENCH_REPEAT=10 make bench     # a quick run

For each database kind: a fresh database (a SQLite file under /tmp; on PostgreSQL a temporary database
qatysu_bench_<pid> on CATALOGUE_BENCH_PG, default postgres://postgres@127.0.0.1:5432, dropped afterwards),
`migrate`, `load_demo --no-admin` (about a minute: the demo's territories and PB section), then
`pb_generate --proposals N`. Then each filter state is timed `--repeat` times after one warm-up (but for at
most `--seconds` a state once 5 runs are done; 0: no limit; column n gives the runs), twice:
`search.catalogue.run_catalogue` in kk with its page of results fetched, and the whole view
(GET /kk/projects/ through Django's test client, template included). Prints p50 and p95 per state and over all
states, the queries each state makes; then a generated proposal page and its cycle (routed among as many pages),
and the bare `/healthz/` view timed the same way (how fast the machine is during the run: figures of two runs
compare only beside it). Goals: p95 < 100 ms on PostgreSQL (issue 6), p50 < 40 ms too (issue 15), p95 < 150 ms
on SQLite, in every state.
PostgreSQL is skipped with a note when it cannot be reached. Nothing leaves the machine.

`--keep DIR` keeps the databases for the next run with the same DIR (the SQLite file in DIR, the PostgreSQL database
qatysu_bench_keep_<proposals>): a later run migrates them (new migrations apply) and measures again without loading
and generating anew, to compare code changes on the same data. Drop the database and DIR when done.
"""

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PG_DEFAULT = "postgres://postgres@127.0.0.1:5432"
GOAL_MS = {"sqlite": 150, "postgresql": 100}  # p95 of every state (issue 6)
GOAL_P50_MS = {"postgresql": 40}  # issue 15
BARE = "/healthz/"


def percentile(values, share):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(share * len(ordered)) - 1))]


# --- the measuring child (Django set up on one database) ----------------------------------------------


def timed(call, times) -> list[float]:
    """Milliseconds of each of `times` calls."""
    found = []
    for _ in range(times):
        began = time.perf_counter()
        call()
        found.append((time.perf_counter() - began) * 1000)
    return found


def states():
    """(name, GET parameters) of the typical catalogue states, on the demo's places and the generated years."""
    from pb_module.models import Territory

    kk = {"locale__language_code": "kk"}
    city = Territory.objects.get(name="Алматы", **kk)
    district = Territory.objects.get(name="Бостандық ауданы", **kk)
    return [
        ("no filter", {}),
        ("city (Almaty, 5 districts)", {"district": city.pk}),
        ("district (Bostandyq)", {"district": district.pk}),
        ("year 2024", {"year": "2024"}),
        ("city + year", {"district": city.pk, "year": "2024"}),
        ("status completed", {"status": "completed"}),
        ("funded = yes", {"funded": "yes"}),
        ("text, common word (алаң)", {"q": "алаң"}),
        ("text, rare word (қуат)", {"q": "қуат"}),
        ("sort by votes", {"sort": "votes"}),
        ("sort by lowest cost", {"sort": "cost"}),
        ("page 50", {"page": "50"}),
        (
            "city+year+text+cost+votes",
            {"district": city.pk, "year": "2025", "q": "алаң", "cost_max": "300000000", "sort": "votes"},
        ),
    ]


def measure(repeat, seconds):
    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")
    sys.path.insert(0, str(ROOT))
    django.setup()
    from urllib.parse import urlencode

    from django.db import connection
    from django.http import QueryDict
    from django.test import Client
    from django.test.utils import CaptureQueriesContext, setup_test_environment
    from django.utils import translation

    from pb_module.models import ProposalPage
    from search.catalogue import run_catalogue

    setup_test_environment()
    client = Client()
    total = ProposalPage.objects.filter(locale__language_code="kk").count()
    print(f"{connection.vendor}: {total} kk proposal pages; {repeat} runs a state after a warm-up; times in ms")
    head = f"{'state':32} {'found':>7} {'n':>3} {'run_catalogue p50':>18} {'p95':>7} {'q':>3}"
    print(f"{head}   {'GET view p50':>13} {'p95':>7} {'q':>3}")
    pooled = {"run": [], "view": []}
    worst = {"p50": 0.0, "p95": 0.0}  # of any state, either measure

    def run(data):
        with translation.override("kk"):
            result = run_catalogue(QueryDict(urlencode(data)), "kk")
            list(result.page_obj.object_list)  # the page of results is fetched lazily: fetch it
        return result

    for name, data in states():
        with CaptureQueriesContext(connection) as queries:
            found = run(data).page_obj.paginator.count
        run_queries = len(queries)
        with CaptureQueriesContext(connection) as queries:
            response = client.get("/kk/projects/", data)
        assert response.status_code == 200, (name, response.status_code)
        view_queries = len(queries)
        times = {"run": [], "view": []}
        deadline = time.monotonic() + (seconds or float("inf"))
        for n in range(repeat):
            if n >= 5 and time.monotonic() > deadline:
                break
            began = time.perf_counter()
            run(data)
            times["run"].append((time.perf_counter() - began) * 1000)
            began = time.perf_counter()
            client.get("/kk/projects/", data)
            times["view"].append((time.perf_counter() - began) * 1000)
        for key in times:
            pooled[key] += times[key]
            worst["p50"] = max(worst["p50"], statistics.median(times[key]))
            worst["p95"] = max(worst["p95"], percentile(times[key], 0.95))
        r, v = times["run"], times["view"]
        print(
            f"{name[:32]:32} {found:7d} {len(r):3d} {statistics.median(r):18.1f} {percentile(r, 0.95):7.1f}"
            f" {run_queries:3d}   {statistics.median(v):13.1f} {percentile(v, 0.95):7.1f} {view_queries:3d}"
        )
    r, v = pooled["run"], pooled["view"]
    goal = GOAL_MS.get(connection.vendor)
    print(
        f"{'all states':32} {'':7} {len(r):3d} {statistics.median(r):18.1f} {percentile(r, 0.95):7.1f} {'':3}"
        f"   {statistics.median(v):13.1f} {percentile(v, 0.95):7.1f}"
    )
    # Pages among as many pages (routing reads the pages on the way), and the bare view the same way: how fast
    # this machine is at the moment of the run.
    proposal = ProposalPage.objects.filter(locale__language_code="kk").live().order_by("-pk").first()
    for name, url in (("a proposal page", proposal.url), ("its cycle", proposal.get_parent().url)):
        client.get(url)
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200, url
        count = len(queries)  # now: each request clears the log
        times = timed(lambda url=url: client.get(url), repeat)
        print(
            f"{name[:32]:32} {'':7} {len(times):3d} {'':18} {'':7} {'':3}   {statistics.median(times):13.1f}"
            f" {percentile(times, 0.95):7.1f} {count:3d}"
        )
    bare = timed(lambda: client.get(BARE), max(repeat, 30))
    print(
        f"{'bare view ' + BARE:32} {'':7} {len(bare):3d} {'':18} {'':7} {'':3}"
        f"   {statistics.median(bare):13.2f} {percentile(bare, 0.95):7.2f}"
        f"   (catalogue p50 = {statistics.median(v) / statistics.median(bare):.0f}x the bare view)"
    )
    if goal:
        goal50 = GOAL_P50_MS.get(connection.vendor)
        met = worst["p95"] < goal and (goal50 is None or worst["p50"] < goal50)
        also = f" and p50 < {goal50} ms" if goal50 else ""
        print(
            f"goal in every state, p95 < {goal} ms{also} on {connection.vendor}: {'met' if met else 'MISSED'}"
            f" (worst state p95 {worst['p95']:.1f} ms, p50 {worst['p50']:.1f} ms)"
        )


# --- the parent: fresh databases, demo, generation ------------------------------------------------


def manage(env, *args):
    began = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True, check=False
    )
    if done.returncode:
        sys.stderr.write(done.stdout + done.stderr)
        raise SystemExit(f"manage.py {' '.join(args)} failed")
    return done.stdout.strip(), time.perf_counter() - began


def bench_database(url, workdir, proposals, repeat, seconds, kept=None):
    """Fill a database and measure it. `kept`: a file marking a database filled by an earlier run (--keep)."""
    # The database catalogue is measured: no Elasticsearch, even when the caller's environment names one.
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings.test", "DATABASE_URL": url, "ELASTICSEARCH_URL": ""}
    env["MEDIA_ROOT"] = str(workdir / "media")
    _, took = manage(env, "migrate", "--no-input", "-v0")
    if kept is not None and kept.exists():
        print(f"migrate {took:.0f} s; the demo and {proposals} proposals kept from an earlier run")
    else:
        _, loaded = manage(env, "load_demo", "--no-admin")
        print(f"migrate {took:.0f} s, load_demo {loaded:.0f} s")
        out, _ = manage(env, "pb_generate", "--proposals", str(proposals))
        print(out.splitlines()[-1])
        if kept is not None:
            kept.write_text(url)
    measuring = [sys.executable, __file__, "--measure", "--repeat", str(repeat), "--seconds", str(seconds)]
    subprocess.run(measuring, cwd=ROOT, env=env, check=True)


def postgres(base, proposals, repeat, seconds, workdir, keep=False):
    import psycopg

    name = f"qatysu_bench_keep_{proposals}" if keep else f"qatysu_bench_{os.getpid()}"
    try:
        admin = psycopg.connect(f"{base}/postgres", autocommit=True, connect_timeout=3)
    except psycopg.OperationalError as error:
        print(f"PostgreSQL skipped: {base} cannot be reached ({str(error).strip()[:80]})")
        return
    with admin:
        kept = workdir / f"postgres-{proposals}.filled" if keep else None
        exists = admin.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
        if not (kept and kept.exists() and exists):
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            admin.execute(f'CREATE DATABASE "{name}"')
            if kept:
                kept.unlink(missing_ok=True)
        try:
            bench_database(f"{base}/{name}", workdir, proposals, repeat, seconds, kept)
        finally:
            if not keep:
                admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--proposals", type=int, default=int(os.environ.get("CATALOGUE_BENCH_PROPOSALS", 100_000)))
    parser.add_argument("--repeat", type=int, default=int(os.environ.get("CATALOGUE_BENCH_REPEAT", 30)))
    parser.add_argument("--seconds", type=float, default=float(os.environ.get("CATALOGUE_BENCH_SECONDS", 10)))
    parser.add_argument("--db", default=os.environ.get("CATALOGUE_BENCH_DB", "sqlite,postgres"))
    parser.add_argument("--measure", action="store_true", help="Only time the states on DATABASE_URL (as it is).")
    parser.add_argument("--keep", metavar="DIR", help="Keep the databases in DIR for the next run.")
    args = parser.parse_args()
    if args.measure:
        measure(max(1, args.repeat), args.seconds)
        return
    kinds = [k.strip() for k in args.db.split(",") if k.strip()]
    print(
        f"Catalogue bench: {args.proposals} generated proposals, up to {args.repeat} runs a state "
        f"(at most {args.seconds:g} s once 5 are done), databases: {', '.join(kinds)}"
    )
    with tempfile.TemporaryDirectory(prefix="qatysu-catalogue-") as tmp:
        workdir = Path(args.keep) if args.keep else Path(tmp)
        workdir.mkdir(parents=True, exist_ok=True)
        if "sqlite" in kinds:
            print("--- SQLite")
            database = workdir / f"catalogue-{args.proposals}.sqlite3"
            kept = workdir / f"sqlite-{args.proposals}.filled" if args.keep else None
            if not (kept and kept.exists() and database.exists()):
                database.unlink(missing_ok=True)
                if kept:
                    kept.unlink(missing_ok=True)
            bench_database(f"sqlite:///{database}", workdir, args.proposals, args.repeat, args.seconds, kept)
        if "postgres" in kinds:
            print("--- PostgreSQL")
            base = os.environ.get("CATALOGUE_BENCH_PG", PG_DEFAULT)
            postgres(base, args.proposals, args.repeat, args.seconds, workdir, keep=bool(args.keep))


if __name__ == "__main__":
    main()
