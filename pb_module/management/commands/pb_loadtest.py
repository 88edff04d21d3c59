"""Drive the real voting flow over HTTP and check that every accepted ballot is in the database, once.

    PB_SMS_BACKEND=fixed PB_SMS_FIXED_CODE=123456 PB_SMS_PER_IP_LIMIT=1000000 \\
      DJANGO_SETTINGS_MODULE=config.settings.loadtest gunicorn config.wsgi -b 127.0.0.1:8001 -w 2 &
    python manage.py pb_loadtest --url http://127.0.0.1:8001 --voters 400 --concurrency 16

Run it with the same DATABASE_URL as the server: it reads the database afterwards to count lost and
doubled ballots. Loopback addresses only; at most 5000 voters and 64 concurrent clients.
"""

import http.client
import json
import statistics
import threading
import time
import urllib.parse
from datetime import date, timedelta
from http.cookies import SimpleCookie

from django.core.management.base import BaseCommand, CommandError

from pb_module import services
from pb_module.models import Ballot, Receipt
from pb_module.rules.iin import make_iin

LOOPBACK = {"127.0.0.1", "localhost", "::1"}


class Client:
    """One browser: its own connection and cookies (CSRF token and session)."""

    def __init__(self, host, port):
        self.conn = http.client.HTTPConnection(host, port, timeout=10)
        self.cookies = {}

    def request(self, method, path, body=None):
        headers = {"Accept-Language": "en", "Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items())}
        if body is not None:
            headers.update({"Content-Type": "application/json", "X-CSRFToken": self.cookies.get("csrftoken", "")})
        self.conn.request(method, path, body=json.dumps(body) if body is not None else None, headers=headers)
        response = self.conn.getresponse()
        data = response.read()
        for header in response.headers.get_all("Set-Cookie") or []:
            for name, morsel in SimpleCookie(header).items():
                self.cookies[name] = morsel.value
        return response.status, (
            json.loads(data) if data and response.headers.get_content_type() == "application/json" else None
        )


class Command(BaseCommand):
    help = "Load and integrity test of voting over HTTP against a running server (loopback only)."

    def add_arguments(self, parser):
        parser.add_argument("--url", default="http://127.0.0.1:8001")
        parser.add_argument("--voters", type=int, default=200)
        parser.add_argument("--concurrency", type=int, default=16)
        parser.add_argument("--code", default="123456", help="PB_SMS_FIXED_CODE of the server")
        parser.add_argument("--baseline-seconds", type=float, default=5.0)

    def handle(self, *args, url, voters, concurrency, code, baseline_seconds, **options):
        target = urllib.parse.urlparse(url)
        if target.hostname not in LOOPBACK:
            raise CommandError("pb_loadtest sends traffic to loopback addresses only")
        if not 1 <= voters <= 5000 or not 1 <= concurrency <= 64:
            raise CommandError("--voters must be 1..5000 and --concurrency 1..64")
        host, port = target.hostname, target.port or 80

        status, cycles = Client(host, port).request("GET", "/api/v1/cycles/?phase=voting")
        if status != 200 or not cycles:
            raise CommandError("no cycle is open for voting on the server")
        cycle = cycles[0]
        _, proposals = Client(host, port).request("GET", f"/api/v1/cycles/{cycle['id']}/proposals/")
        cheapest = min(proposals, key=lambda p: p["cost"])["id"]
        district = cycle["districts"][0]["id"]
        start_day = date(1950, 1, 1)
        run_tag = int(time.time()) % 9000
        people = [
            (
                make_iin(start_day + timedelta(days=(run_tag * 37 + n * 11) % 18000), "female", n),
                start_day + timedelta(days=(run_tag * 37 + n * 11) % 18000),
                f"+7 7{run_tag:04d}{n:05d}",
            )
            for n in range(voters)
        ]

        baseline = self.bare_view_rate(host, port, concurrency, baseline_seconds)
        queue, lock = list(people), threading.Lock()
        latencies, receipts, failures = [], [], []

        def worker():
            while True:
                with lock:
                    if not queue:
                        return
                    iin, born, phone = queue.pop()
                client = Client(host, port)
                try:
                    client.request("GET", f"/api/v1/cycles/{cycle['id']}/")
                    s1, b1 = client.request(
                        "POST",
                        "/api/v1/voting/verify/start",
                        {
                            "cycle": cycle["id"],
                            "iin": iin,
                            "birth_date": born.isoformat(),
                            "district": district,
                            "phone": phone,
                        },
                    )
                    s2, b2 = client.request(
                        "POST", "/api/v1/voting/verify/confirm", {"cycle": cycle["id"], "iin": iin, "code": code}
                    )
                    began = time.perf_counter()
                    s3, b3 = client.request(
                        "POST", f"/api/v1/cycles/{cycle['id']}/ballot", {"items": [{"proposal": cheapest}]}
                    )
                    elapsed = time.perf_counter() - began
                except (OSError, http.client.HTTPException) as error:
                    with lock:
                        failures.append(str(error))
                    continue
                with lock:
                    if s3 == 201:
                        latencies.append(elapsed)
                        receipts.append((iin, b3["receipt"]))
                    else:
                        failures.append(
                            f"{s1}/{s2}/{s3} {(b1 or {}).get('code')}/{(b2 or {}).get('code')}/{(b3 or {}).get('code')}"
                        )

        began = time.perf_counter()
        threads = [threading.Thread(target=worker) for _ in range(concurrency)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        wall = time.perf_counter() - began

        stored = Ballot.objects.filter(voter_hash__in=[services.voting.voter_hash(iin) for iin, _ in receipts])
        hashes = set(
            Receipt.objects.filter(code_hash__in=[services.voting.receipt_hash(r) for _, r in receipts]).values_list(
                "code_hash", flat=True
            )
        )
        lost = sum(1 for _, r in receipts if services.voting.receipt_hash(r) not in hashes)
        doubled = stored.count() - len({b.voter_hash for b in stored})
        latencies.sort()
        p50 = statistics.median(latencies) * 1000 if latencies else float("nan")
        p99 = latencies[max(0, int(len(latencies) * 0.99) - 1)] * 1000 if latencies else float("nan")
        requests_per_s = 4 * len(receipts) / wall
        self.stdout.write(
            f"voters {voters}, concurrency {concurrency}, accepted {len(receipts)}, "
            f"failed {len(failures)}, wall {wall:.1f} s"
        )
        self.stdout.write(
            f"ballots/s {len(receipts) / wall:.1f} (each ballot = 4 requests: {requests_per_s:.1f} req/s)"
        )
        self.stdout.write(f"ballot POST latency p50 {p50:.1f} ms, p99 {p99:.1f} ms")
        self.stdout.write(
            f"bare Django view (/healthz/) {baseline:.1f} req/s; voting requests / bare view = "
            f"{requests_per_s / baseline:.2f}"
        )
        self.stdout.write(f"lost {lost}, doubled {doubled}")
        if failures:
            self.stdout.write(f"first failures: {failures[:5]}")

    def bare_view_rate(self, host, port, concurrency, seconds) -> float:
        """Requests per second of /healthz/ (no database) with the same concurrency, for comparison."""
        deadline = time.perf_counter() + seconds
        counts = [0] * concurrency

        def hit(slot):
            conn = http.client.HTTPConnection(host, port, timeout=10)
            while time.perf_counter() < deadline and counts[slot] < 50_000:
                conn.request("GET", "/healthz/")
                conn.getresponse().read()
                counts[slot] += 1
            conn.close()

        threads = [threading.Thread(target=hit, args=(i,)) for i in range(concurrency)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        return sum(counts) / seconds
