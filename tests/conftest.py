import fcntl
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import threading
import urllib.parse
from contextlib import contextmanager
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
# Files of the whole run on tmpfs when there is one: loading the demo commits a few thousand times, and each commit
# waits for the disk where /tmp is a disk.
TMPFS = "/dev/shm" if os.path.isdir("/dev/shm") and os.access("/dev/shm", os.W_OK) else None
# A folder for the whole run, made by the process that starts it (the pytest-xdist controller, or pytest alone) and
# inherited by the workers: the demo database they share and the work units they tell the controller about.
RUN_DIR = "QATYSU_TEST_RUN_DIR"


def pytest_configure(config):
    if not hasattr(config, "workerinput") and RUN_DIR not in os.environ:
        os.environ[RUN_DIR] = config._qatysu_run_dir = tempfile.mkdtemp(prefix="qatysu-tests-", dir=TMPFS)


def pytest_unconfigure(config):
    run_dir = getattr(config, "_qatysu_run_dir", None)
    if run_dir is None:
        return
    note = Path(run_dir) / "demo.kept"
    if note.exists() and not note.read_text().startswith("/"):  # a PostgreSQL database, not a file
        drop_database(note.read_text())
    shutil.rmtree(run_dir, ignore_errors=True)
    del os.environ[RUN_DIR]


def pytest_xdist_make_scheduler(config, log):
    """Under pytest-xdist (`make test`, .ci/run: `-n 2`) tests are handed out in work units, in the order the workers
    collected them (see `pytest_collection_modifyitems`). The tests of a module or package that builds something once
    (a module- or package-scoped fixture: data built in `module_db`, the catalogue of tests/catalogue/, a browser)
    are one unit, so that only one worker builds it; every other test is a unit of its own, as with `--dist load`.
    (`--dist loadgroup` with xdist_group marks cannot do this: pytest-xdist 3.8 renames the node ids, which pytest 9
    no longer reads.)"""
    if config.getoption("dist") not in ("load", "loadgroup"):
        return None
    from xdist.scheduler import LoadScopeScheduling

    config.option.loadscopereorder = False  # the workers' order: the largest units first, the demo's tests last

    class Units(LoadScopeScheduling):
        units = None

        def _split_scope(self, nodeid):
            if self.units is None:  # written by the workers as they collected, before the first call
                self.units = json.loads((Path(os.environ[RUN_DIR]) / "units.json").read_text())
            return self.units.get(nodeid, nodeid)

    return Units(config, log)


def _built_once_for(item) -> str | None:
    """Where the test's longest-lived fixture below the session is built once: its package's folder (a
    package-scoped fixture, as tests/catalogue/ shares), its module (data built in `module_db`, a browser), or None."""
    info = getattr(item, "_fixtureinfo", None)
    scopes = {defs[-1].scope for defs in info.name2fixturedefs.values() if defs} if info else set()
    module = item.nodeid.split("::", 1)[0]
    if "package" in scopes:
        return module.rsplit("/", 1)[0]
    return module if "module" in scopes else None


def _builds_once(item) -> bool:
    return _built_once_for(item) is not None


def _write_units(items):
    """Tell the controller which tests go together (see `pytest_xdist_make_scheduler`): each run of consecutive
    tests that share what is built once for their module or package. Every worker writes the same file."""
    units, previous, runs = {}, None, 0
    for item in items:
        where = _built_once_for(item)
        if where is not None:
            runs += where != previous
            units[item.nodeid] = f"{where}#{runs}"
        previous = where
    path = Path(os.environ[RUN_DIR]) / "units.json"
    partial = path.with_name(f"units.{os.getpid()}.json")
    partial.write_text(json.dumps(units))
    os.replace(partial, path)


# --- the demo site, loaded once a run ------------------------------------------------------------------------------


def _postgres(*statements):
    """Run statements on the PostgreSQL server of the tests' settings, outside Django (and its test database
    blocker): from any thread, at any time."""
    import psycopg
    from django.conf import settings

    db = settings.DATABASES["default"]
    params = {"host": db["HOST"] or None, "port": db["PORT"] or None, "user": db["USER"] or None}
    with psycopg.connect(dbname="postgres", password=db["PASSWORD"] or None, autocommit=True, **params) as server:
        for statement in statements:
            server.execute(statement)


def _is_postgres() -> bool:
    from django.conf import settings

    return "postgresql" in settings.DATABASES["default"]["ENGINE"]


def site_environment(kept: str) -> dict:
    """The environment of a `manage.py` run (development settings) on the database `kept` (a SQLite file, or a
    PostgreSQL database on the tests' server), its media in the tests' MEDIA_ROOT (where the demo's files are)."""
    from django.conf import settings

    if kept.startswith("/"):
        url = f"sqlite:///{kept}"
    else:
        db = settings.DATABASES["default"]
        user = urllib.parse.quote(db["USER"] or "")
        password = f":{urllib.parse.quote(db['PASSWORD'])}" if db["PASSWORD"] else ""
        query = urllib.parse.urlencode(db["OPTIONS"], quote_via=urllib.parse.quote)
        url = f"postgres://{user}{password}@{db['HOST'] or 'localhost'}:{db['PORT'] or 5432}/{kept}"
        url += f"?{query}" if query else ""
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.dev",
        "DATABASE_URL": url,
        "MEDIA_ROOT": str(settings.MEDIA_ROOT),
    }


def copy_database(kept: str, copy: str) -> str:
    """A copy of the database `kept` (a SQLite file, or a PostgreSQL database) at `copy` (a file, or a name)."""
    if kept.startswith("/"):
        source, target = sqlite3.connect(kept), sqlite3.connect(copy)
        source.backup(target)
        source.close()
        target.close()
    else:
        _postgres(f'DROP DATABASE IF EXISTS "{copy}"', f'CREATE DATABASE "{copy}" TEMPLATE "{kept}"')
    return copy


def drop_database(name: str):
    try:
        _postgres(f'DROP DATABASE IF EXISTS "{name}"')
    except Exception as error:  # noqa: BLE001 - the run ends either way
        print(f"could not drop the test database {name}: {error}", file=sys.stderr)


def run_name() -> str:
    """A name of this run's own, for its PostgreSQL databases (test_qatysu_<run>_demo, ..._e2e_gw0)."""
    return "test_qatysu_" + Path(os.environ[RUN_DIR]).name.rsplit("-", 1)[-1].lower()


def _load_demo_database() -> str:
    """Make the demo database of the run: a new database (a SQLite file on tmpfs, or a PostgreSQL database on the
    tests' server) migrated and loaded by `manage.py load_demo --no-admin` (as `make demo` loads it, without the
    accounts). Returns where it is."""
    if _is_postgres():
        kept = f"{run_name()}_demo"
        _postgres(f'DROP DATABASE IF EXISTS "{kept}"', f'CREATE DATABASE "{kept}"')
    else:
        kept = str(Path(os.environ[RUN_DIR]) / "demo.sqlite3")
    for command in (["migrate", "--no-input", "-v0"], ["load_demo", "--no-admin"]):
        done = subprocess.run(
            [sys.executable, "manage.py", *command],
            cwd=ROOT,
            env=site_environment(kept),
            capture_output=True,
            text=True,
            timeout=900,
        )
        if done.returncode:
            raise RuntimeError(f"{' '.join(command)} failed on the demo database {kept}:\n{done.stderr[-3000:]}")
    return kept


@contextmanager
def demo_database():
    """The run's demo database (a SQLite file, or a PostgreSQL database), made once by the first process that needs
    it and kept until the run ends; it is copied, never used. Under a lock: nobody copies it while it is made."""
    run_dir = Path(os.environ[RUN_DIR])
    note = run_dir / "demo.kept"
    with open(run_dir / "demo.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not note.exists():
            note.write_text(_load_demo_database())
        yield note.read_text()


def _make_demo_database_meanwhile():
    """Make the demo database in a background thread (its work is in a subprocess), while the tests that build their
    own data run: the browser tests and the demo's tests then find it ready."""

    def make():
        try:
            with demo_database():
                pass
        except Exception as error:  # noqa: BLE001 - the test that needs the demo makes it again and fails there
            print(f"the demo database could not be made in the background: {error}", file=sys.stderr)

    threading.Thread(target=make, name="demo database", daemon=True).start()


def _take_copy(connection, kept):
    """Replace this worker's (migrated, empty) test database by a copy of the demo database."""
    if connection.vendor == "sqlite":
        connection.ensure_connection()
        copy = sqlite3.connect(kept)
        copy.backup(connection.connection)
        copy.close()
    else:
        connection.close()  # the database is dropped and made again from the demo's
        copy_database(kept, connection.settings_dict["NAME"])
    from django.contrib.contenttypes.models import ContentType
    from django.core.cache import cache

    ContentType.objects.clear_cache()  # ids read while migrating this worker's own database
    cache.clear()


@pytest.fixture(scope="session")
def demo_site(django_db_setup, django_db_blocker):
    """The demo site, in this worker's test database, for the tests about the demo (`pytest.mark.demo`, or the
    `demo` fixture). Every other test builds its own data (`tests/factories.py`) on a database that is only
    migrated, so the demo can change without breaking it; those tests run first, before the demo is copied in, and a
    worker that gets none of the demo's tests never copies it.

    The demo is loaded once a run (`demo_database`, in the background from the start when a test will need it) and
    every worker copies it into its own test database (a SQLite backup, or a PostgreSQL database made from it as a
    template). Each test still runs in a rolled-back transaction."""
    from django.db import connection

    with demo_database() as kept, django_db_blocker.unblock():
        _take_copy(connection, kept)


def _flushes(item) -> bool:
    """A transactional test: it commits, and the flush after it empties every table, the rows the migrations made
    (locales, the root page, the role groups) too."""
    marker = item.get_closest_marker("django_db")
    return "transactional_db" in item.fixturenames or bool(marker and marker.kwargs.get("transaction"))


def pytest_collection_modifyitems(config, items):
    """Tests marked `demo` (a module's `pytestmark`) get the demo site, and run after the tests that build their
    own data: those run on a database without the demo, and a worker copies the demo in only once it reaches them.
    Transactional tests run last of all (as Django orders them): after their flush a worker's database is empty (no
    locale, no root page) for any test after them. Before them, the largest work units come first (see
    `pytest_xdist_make_scheduler`): the modules that build their data once, then the browser tests (the demo
    database, made meanwhile, is ready by then), then the others."""
    for item in items:
        if item.get_closest_marker("demo") and "demo_site" not in item.fixturenames:
            item.fixturenames.insert(0, "demo_site")

    def order(item):
        unit = 1 if item.nodeid.startswith("tests/e2e/") else 0 if _builds_once(item) else 2
        return (_flushes(item), "demo_site" in item.fixturenames, unit)

    items.sort(key=order)
    if os.environ.get("PYTEST_XDIST_WORKER"):
        _write_units(items)
    uses_server = not os.environ.get("E2E_SITE_URL") and any("live_site" in item.fixturenames for item in items)
    if uses_server or any("demo_site" in item.fixturenames for item in items):
        _make_demo_database_meanwhile()


@pytest.fixture
def demo(demo_site, db):
    from wagtail.models import Locale

    from home.models import ConceptDocumentPage, HomePage, NewsIndexPage, NewsPage

    kk = Locale.objects.get(language_code="kk")
    return {
        "home": HomePage.objects.get(locale=kk),
        "news_index": NewsIndexPage.objects.get(locale=kk),
        "news": list(NewsPage.objects.filter(locale=kk).order_by("-date")),
        "concept": ConceptDocumentPage.objects.get(locale=kk),
    }


@pytest.fixture(autouse=True)
def _no_language_left_active():
    """The test client's requests activate their page's language in the test's own thread, and it stays active
    after them: each test starts from the site's language, whatever the test before it requested."""
    from django.conf import settings
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


@contextmanager
def kept_for_the_scope(django_db_blocker):
    """An outer transaction for a fixture's scope, rolled back when the scope ends (see `module_db`; a package-scoped
    fixture uses it itself, as tests/catalogue/conftest.py: `package` is the package where the fixture is defined)."""
    from django.db import transaction

    with django_db_blocker.unblock():
        outer = transaction.atomic()
        outer.__enter__()
    try:
        yield django_db_blocker.unblock
    finally:
        with django_db_blocker.unblock():
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)


@pytest.fixture(scope="module")
def module_db(django_db_setup, django_db_blocker):
    """Data a module builds once for all its tests, as Django's `setUpTestData`: a module-scoped fixture builds it in
    `with module_db():` and returns ids; each test reads fresh rows in its own savepoint inside this transaction,
    which is rolled back when the module ends. Building a voting cycle through the services takes seconds: once per
    module instead of once per test."""
    with kept_for_the_scope(django_db_blocker) as unblock:
        yield unblock
