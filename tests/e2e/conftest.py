"""End-to-end tests: the demo site served by a real server process, driven in Debian's Chromium.

The server runs `manage.py runserver` on a free loopback port against its own copy of the run's demo database
(a SQLite file on tmpfs, or a PostgreSQL database on the tests' server; see `demo_database` in tests/conftest.py).
"""

import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path

import pytest

from tests.conftest import TMPFS, copy_database, demo_database, drop_database, run_name, site_environment

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
E2E_SMS_CODE = "246810"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def pytest_collection_modifyitems(config, items):
    reason = None
    if not os.path.exists(CHROMIUM):
        reason = f"end-to-end tests skipped: no Chromium at {CHROMIUM} (apt-get install -y chromium)"
    elif not AXE.exists():
        reason = "end-to-end tests skipped: axe-core missing (npm install, run by `make test`)"
    for item in items:
        if "tests/e2e" in str(item.fspath):
            item.add_marker(pytest.mark.e2e)
            if reason:
                item.add_marker(pytest.mark.skip(reason=reason))


def _free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


# The environment of the e2e server, for commands run against its database (see `site_manage`).
SITE_ENV: dict = {}


def site_manage(*args, **kwargs) -> str:
    """Run `manage.py ARGS` against the e2e server's database; returns what it printed."""
    done = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=SITE_ENV,
        check=True,
        capture_output=True,
        text=True,
        timeout=300,
        **kwargs,
    )
    return done.stdout


@pytest.fixture(scope="session")
def live_site():
    """The demo served by `manage.py runserver` on a free loopback port, on its own copy of the run's demo database
    (tests/conftest.py `demo_database`: a SQLite file on tmpfs, or a PostgreSQL database on the tests' server)."""
    # Under pytest-xdist each worker that runs browser tests has its own server, on its own copy.
    if os.environ.get("E2E_SITE_URL"):
        # A server already running the demo (for working on one test): its database is E2E_DATABASE_URL.
        SITE_ENV.clear()
        SITE_ENV.update({**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings.dev"})
        SITE_ENV["DATABASE_URL"] = os.environ["E2E_DATABASE_URL"]
        yield os.environ["E2E_SITE_URL"].rstrip("/")
        return
    workdir = Path(tempfile.mkdtemp(prefix="qatysu-e2e-", dir=TMPFS))
    served = None
    try:
        with demo_database() as kept:
            worker = os.environ.get("PYTEST_XDIST_WORKER", "main")
            name = str(workdir / "e2e.sqlite3") if kept.startswith("/") else f"{run_name()}_e2e_{worker}"
            served = copy_database(kept, name)
        env = {
            **site_environment(served),
            # One-time codes the test knows: the fixed-code backend (which production settings refuse).
            "PB_SMS_BACKEND": "fixed",
            "PB_SMS_FIXED_CODE": E2E_SMS_CODE,
        }
        SITE_ENV.clear()
        SITE_ENV.update(env)
        with _server(env, workdir) as base:
            yield base
    finally:
        if served and not served.startswith("/"):
            drop_database(served)
        shutil.rmtree(workdir, ignore_errors=True)


@contextmanager
def _server(env, workdir):
    """`manage.py runserver` on a free loopback port in `env`, once it answers; stopped at the end."""
    port = _free_port()
    with open(workdir / "server.log", "w") as log:
        server = subprocess.Popen(
            [sys.executable, "manage.py", "runserver", f"127.0.0.1:{port}", "--noreload"],
            cwd=ROOT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        try:
            base = f"http://127.0.0.1:{port}"
            deadline = time.monotonic() + 60
            while True:
                try:
                    urllib.request.urlopen(base + "/healthz/", timeout=2)  # noqa: S310 - loopback only
                    break
                except OSError as error:
                    if time.monotonic() > deadline or server.poll() is not None:
                        log_tail = (workdir / "server.log").read_text()[-2000:]
                        raise RuntimeError("the e2e server did not start: " + log_tail) from error
                    time.sleep(0.3)
            yield base
        finally:
            server.terminate()
            server.wait(timeout=10)


@pytest.fixture(scope="module")
def browser():
    """One Chromium a test module. Playwright's sync API keeps an event loop running in this thread while it is
    open, and Django then refuses database access from the thread ("async context"); under pytest-xdist the worker
    that runs the browser tests goes on with database tests after them, so the browser closes with its module."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context()
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    context.close()


def axe_violations(page):
    """Serious and critical WCAG 2.1 A/AA violations that axe-core finds on the current page."""
    page.add_script_tag(path=str(AXE))
    result = page.evaluate(
        "async () => await axe.run(document, {runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']})"
    )
    return [
        f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes']][:3]}"
        for v in result["violations"]
        if v.get("impact") in ("serious", "critical")
    ]
