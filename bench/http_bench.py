"""Throughput of the public pages under gunicorn + PostgreSQL + Redis, on loopback, bounded in time and count.

    python bench/http_bench.py [--seconds 5] [--connections 8] [--workers 2] [--sqlite]

Creates a temporary PostgreSQL database (DATABASE_URL's server, default 127.0.0.1:5432) loaded with the demo and
uses Redis (REDIS_URL, default redis://127.0.0.1:6379/0, under a key prefix of its own that is deleted after) for
the cache and sessions. Serves the project with gunicorn (sync workers, DEBUG off) twice: with the anonymous page
cache (home/page_cache.py), without it (PAGE_CACHE_SECONDS=0: pages built from the kept parts, as every page a
signed-in visitor sees), and with nothing kept at all (PART_CACHE_SECONDS=0 too: every part rebuilt, as on the
first visit after a purge). In each run the bare `/healthz/` view is measured in the same way, and each page's
requests/s is printed beside its ratio to it: the goal is >= 0.5x for cached pages and >= 0.05x for uncached ones
(issue 15); the rebuilt run has no goal and is printed for comparison. The load comes from `wrk` when it is
installed (Debian's package; a C client leaves the cores to the server), otherwise from Python threads. Nothing
leaves the machine.
"""

import argparse
import http.client
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from pathlib import Path
from urllib.parse import quote

ROOT = Path(__file__).resolve().parent.parent
BARE = "/healthz/"
# The pages residents open on voting day, and the rest of the public site's page types.
PAGES = [
    "/kk/",
    "/ru/participatory-budget/aktau-2024/",
    "/kk/participatory-budget/aksu-2025/8/",  # a completed proposal: milestones, photos, reports, log
    "/en/participatory-budget/aktau-2024/results/",
    "/kk/projects/",
    "/ru/projects/?place=aktau&year=2024",
    "/kk/search/?q=" + quote("кеңес"),
    "/ru/news/",
    "/en/news/218-public-councils-3915-members/",
    "/kk/documents/concept-local-self-government-2025/",
    "/ru/public-centres/",
]
# A per-visitor page: never cached, measured in both runs for comparison.
PRIVATE = ["/kk/participatory-budget/almaty-bostandyq-2027/submit/"]
MAX_REQUESTS = 20_000
GOAL = {"cached": 0.5, "uncached": 0.05}


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def python_load(port, path, seconds, connections):
    latencies, errors, lock = [], [0], threading.Lock()
    deadline = time.monotonic() + seconds

    def worker():
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        while time.monotonic() < deadline:
            with lock:
                if len(latencies) + errors[0] >= MAX_REQUESTS:
                    return
            start = time.perf_counter()
            try:
                conn.request("GET", path, headers={"Host": "localhost"})
                response = conn.getresponse()
                response.read()
                ok = response.status == 200
            except (OSError, http.client.HTTPException):
                ok = False
                conn.close()
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
            with lock:
                (latencies.append(time.perf_counter() - start) if ok else errors.__setitem__(0, errors[0] + 1))
        conn.close()

    threads = [threading.Thread(target=worker) for _ in range(connections)]
    started = time.monotonic()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    elapsed = time.monotonic() - started
    latencies.sort()
    p50 = statistics.median(latencies) * 1000 if latencies else float("nan")
    return len(latencies) / elapsed, p50, errors[0]


WRK_RATE = re.compile(r"Requests/sec:\s+([\d.]+)")
WRK_P50 = re.compile(r"^\s+50%\s+([\d.]+)(us|ms|s)\s*$", re.M)
WRK_ERRORS = re.compile(
    r"Non-2xx or 3xx responses: (\d+)|Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)"
)


def wrk_load(port, path, seconds, connections):
    done = subprocess.run(
        [shutil.which("wrk"), "-t2", f"-c{connections}", f"-d{max(1, round(seconds))}s", "--latency",
         "-H", "Host: localhost", f"http://127.0.0.1:{port}{path}"],
        capture_output=True, text=True, timeout=seconds + 30, check=True,
    )  # fmt: skip
    out = done.stdout
    rate = float(WRK_RATE.search(out).group(1))
    value, unit = WRK_P50.search(out).groups()
    p50 = float(value) * {"us": 0.001, "ms": 1, "s": 1000}[unit]
    errors = sum(int(n) for match in WRK_ERRORS.findall(out) for n in match if n)
    return rate, p50, errors


def serve(env, workers):
    port = free_port()
    command = [sys.executable, "-m", "gunicorn", "config.wsgi:application", "--bind", f"127.0.0.1:{port}",
               "--workers", str(workers), "--log-level", "warning"]  # fmt: skip
    server = subprocess.Popen(command, cwd=ROOT, env=env)
    for _ in range(150):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return server, port
        except OSError:
            time.sleep(0.2)
    server.kill()
    raise RuntimeError("gunicorn did not start")


def measure(env, label, args, load):
    server, port = serve(env, args.workers)
    rows = {}
    try:
        for path in [BARE, *PAGES, *PRIVATE]:
            # Warm-up: the workers' first renders and, with the cache, the stored page.
            python_load(port, path, 1, 2)
            rows[path] = load(port, path, args.seconds, args.connections)
    finally:
        server.terminate()
        server.wait(timeout=10)
    bare = rows[BARE][0]
    print(f"\n{label}: gunicorn {args.workers} sync workers, {args.connections} connections, {args.seconds:g} s a URL")
    print(f"{'url':58} {'req/s':>9} {'p50 ms':>8} {'x bare':>7} {'errors':>7}")
    for path, (rate, p50, errors) in rows.items():
        print(f"{path[:58]:58} {rate:9.1f} {p50:8.2f} {rate / bare:7.3f} {errors:7d}")
    ratios = [rows[path][0] / bare for path in PAGES]
    goal = f" (goal >= {GOAL[label]}x)" if label in GOAL else " (no goal: for comparison)"
    print(f"{label}: public pages {min(ratios):.3f}-{max(ratios):.3f}x the bare view{goal}")
    return ratios


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=float, default=5)
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--sqlite", action="store_true", help="a SQLite file instead of PostgreSQL")
    args = parser.parse_args()

    workdir = Path(tempfile.mkdtemp(prefix="qatysu-bench-"))
    database = f"qatysu_bench_{os.getpid()}"
    server_url = os.environ.get("BENCH_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432")
    prefix = f"qatysu-bench-{uuid.uuid4().hex[:8]}"
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.loadtest",
        "MEDIA_ROOT": str(workdir / "media"),
        "REDIS_URL": os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/0"),
        "CACHE_KEY_PREFIX": prefix,
        "DATABASE_URL": f"sqlite:///{workdir / 'bench.sqlite3'}" if args.sqlite else f"{server_url}/{database}",
    }
    psql = ["psql", f"{server_url}/postgres", "-qc"]
    if not args.sqlite:
        subprocess.run([*psql, f"CREATE DATABASE {database}"], check=True)
    load = wrk_load if shutil.which("wrk") else python_load
    try:
        for command in (["migrate", "--no-input", "-v0"], ["load_demo", "--no-admin"]):
            subprocess.run([sys.executable, "manage.py", *command], cwd=ROOT, env=env, check=True, capture_output=True)
        db = "SQLite" if args.sqlite else "PostgreSQL"
        print(f"Public pages under gunicorn, {db} + Redis, load from {'wrk' if load is wrk_load else 'Python threads'}")
        on = {"PAGE_CACHE_SECONDS": "600", "PART_CACHE_SECONDS": "3600"}
        cached = measure({**env, **on}, "cached", args, load)
        # Not in the page cache (as every page for a signed-in visitor, a voter with a session), built from the
        # kept parts; then with nothing kept at all, every part rebuilt (the first visit after a purge).
        uncached = measure({**env, **on, "PAGE_CACHE_SECONDS": "0"}, "uncached", args, load)
        rebuilt = measure({**env, "PAGE_CACHE_SECONDS": "0", "PART_CACHE_SECONDS": "0"}, "rebuilt", args, load)
        print(
            f"\nratio to the bare view: cached {min(cached):.2f}-{max(cached):.2f}x (goal >= 0.5x), "
            f"uncached {min(uncached):.3f}-{max(uncached):.3f}x (goal >= 0.05x), "
            f"every part rebuilt {min(rebuilt):.3f}-{max(rebuilt):.3f}x"
        )
    finally:
        clear = "from django.core.cache import cache; cache.delete_pattern('*')"  # under this run's prefix only
        subprocess.run([sys.executable, "manage.py", "shell", "-c", clear], cwd=ROOT, env=env, capture_output=True)
        if not args.sqlite:
            subprocess.run([*psql, f"DROP DATABASE IF EXISTS {database}"], check=False)
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
