"""Throughput of the public pages under gunicorn, on loopback, bounded in time and count.

    python bench/http_bench.py [--seconds 8] [--concurrency 8] [--workers 2]

Serves the project with gunicorn (sync workers, settings config.settings.test, DEBUG off) on a
free 127.0.0.1 port, against DATABASE_URL (default: a fresh SQLite file loaded with the demo),
then requests each URL from `--concurrency` threads for `--seconds` (at most 20 000 requests a
URL) and prints requests/s and latency percentiles. Nothing leaves the machine.
"""

import argparse
import http.client
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
URLS = [
    "/kk/",
    "/ru/news/",
    "/en/news/218-public-councils-3915-members/",
    "/kk/documents/concept-local-self-government-2025/",
    "/ru/public-centres/",
    "/kk/search/?q=%D0%BA%D0%B5%D2%A3%D0%B5%D1%81",
    "/ru/participatory-budget/aktau-2024/",
    "/kk/participatory-budget/almaty-bostandyq-2027/submit/",
]
MAX_REQUESTS = 20_000


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def hammer(port, path, seconds, concurrency):
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
                if ok:
                    latencies.append(time.perf_counter() - start)
                else:
                    errors[0] += 1
        conn.close()

    threads = [threading.Thread(target=worker) for _ in range(concurrency)]
    started = time.monotonic()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    elapsed = time.monotonic() - started
    return latencies, errors[0], elapsed


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=float, default=8)
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()

    workdir = Path(tempfile.mkdtemp(prefix="qatysu-bench-"))
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings.test", "MEDIA_ROOT": str(workdir / "media")}
    env.setdefault("DATABASE_URL", f"sqlite:///{workdir / 'bench.sqlite3'}")
    for command in (["migrate", "--no-input", "-v0"], ["load_demo", "--no-admin"]):
        subprocess.run([sys.executable, "manage.py", *command], cwd=ROOT, env=env, check=True, capture_output=True)
    port = free_port()
    gunicorn = [
        sys.executable,
        "-m",
        "gunicorn",
        "config.wsgi:application",
        "--bind",
        f"127.0.0.1:{port}",
        "--workers",
        str(args.workers),
        "--log-level",
        "warning",
    ]
    server = subprocess.Popen(gunicorn, cwd=ROOT, env=env)
    try:
        for _ in range(100):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                time.sleep(0.2)
        db = env["DATABASE_URL"].split(":", 1)[0]
        print(f"gunicorn {args.workers} sync workers, {args.concurrency} clients, {args.seconds:.0f} s a URL, db={db}")
        print(f"{'url':52} {'req/s':>8} {'p50 ms':>8} {'p95 ms':>8} {'errors':>7}")
        for path in URLS:
            hammer(port, path, 1, 2)  # warm-up
            latencies, errors, elapsed = hammer(port, path, args.seconds, args.concurrency)
            latencies.sort()
            p50 = statistics.median(latencies) * 1000 if latencies else float("nan")
            p95 = latencies[int(len(latencies) * 0.95) - 1] * 1000 if latencies else float("nan")
            print(f"{path[:52]:52} {len(latencies) / elapsed:8.1f} {p50:8.1f} {p95:8.1f} {errors:7d}")
    finally:
        server.terminate()
        server.wait(timeout=10)


if __name__ == "__main__":
    main()
