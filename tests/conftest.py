import fcntl
import os
import sqlite3

import pytest


def pytest_xdist_make_scheduler(config, log):
    """Under pytest-xdist (`make test`, .ci/run: `-n 2`) every browser test goes to one worker: one e2e server (and
    one E2E_DATABASE_URL database) serves them all, and its set-up is paid once, while the other worker runs the
    rest. The group is the largest unit, so it is handed out first. Every other test is a unit of its own, as with
    `--dist load`. (`--dist loadgroup` with xdist_group marks cannot do this: pytest-xdist 3.8 renames the node ids,
    which pytest 9 no longer reads.)"""
    if config.getoption("dist") not in ("load", "loadgroup"):
        return None
    from xdist.scheduler import LoadScopeScheduling

    class BrowserTestsTogether(LoadScopeScheduling):
        def _split_scope(self, nodeid):
            return "tests/e2e" if nodeid.startswith("tests/e2e/") else nodeid

    return BrowserTestsTogether(config, log)


def _load_demo():
    from demo.loading import load_all

    load_all()


def _keep_copy(connection, folder) -> str:
    """Copy the loaded test database aside for the other workers; returns where (a file or a database)."""
    if connection.vendor == "sqlite":
        path = str(folder / "demo.sqlite3")
        connection.ensure_connection()
        copy = sqlite3.connect(path)
        connection.connection.backup(copy)
        copy.close()
        return path
    name = connection.settings_dict["NAME"]
    template = f"{name}_demo"
    connection.close()  # CREATE DATABASE ... TEMPLATE needs the source without connections
    with connection._nodb_cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{template}"')
        cursor.execute(f'CREATE DATABASE "{template}" TEMPLATE "{name}"')
    return template


def _take_copy(connection, kept):
    """Replace this worker's (migrated, empty) test database by the copy another worker kept."""
    if connection.vendor == "sqlite":
        connection.ensure_connection()
        copy = sqlite3.connect(kept)
        copy.backup(connection.connection)
        copy.close()
    else:
        name = connection.settings_dict["NAME"]
        connection.close()
        with connection._nodb_cursor() as cursor:
            cursor.execute(f'DROP DATABASE "{name}"')
            cursor.execute(f'CREATE DATABASE "{name}" TEMPLATE "{kept}"')
    from django.contrib.contenttypes.models import ContentType
    from django.core.cache import cache

    ContentType.objects.clear_cache()  # ids read while migrating this worker's own database
    cache.clear()


def _drop_copy(connection, kept):
    if connection.vendor == "sqlite":
        os.unlink(kept)
    else:
        with connection._nodb_cursor() as cursor:
            cursor.execute(f'DROP DATABASE IF EXISTS "{kept}"')


@pytest.fixture(scope="session")
def demo_site(django_db_setup, django_db_blocker, tmp_path_factory):
    """The demo site, loaded into this worker's test database for the tests about the demo (`pytest.mark.demo`, or
    the `demo` fixture). Every other test builds its own data (`tests/factories.py`) on a database that is only
    migrated, so the demo can change without breaking it; those tests run first, before any demo is loaded, and a
    worker that gets none of the demo's tests never loads it.

    Under pytest-xdist every worker has its own test database (pytest-django names it after the worker). The first
    worker that needs the demo loads it (about 100 s of CPU) and keeps a copy of the database (a SQLite file, or a
    PostgreSQL template database); a worker that needs it later takes that copy instead of loading it again. The
    copy is dropped when the worker that made it ends, under the same lock, so a worker never takes a copy that is
    going away (it then loads the demo itself and keeps its own). Each test still runs in a rolled-back transaction.
    """
    from django.db import connection

    if not os.environ.get("PYTEST_XDIST_WORKER"):
        with django_db_blocker.unblock():
            _load_demo()
        yield
        return

    shared = tmp_path_factory.getbasetemp().parent  # one folder for all the workers of this run
    lock_path, note = shared / "demo-db.lock", shared / "demo-db.kept"
    kept_here = None
    with django_db_blocker.unblock(), open(lock_path, "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if note.exists():
            _take_copy(connection, note.read_text())
        else:
            _load_demo()
            kept_here = _keep_copy(connection, shared)
            note.write_text(kept_here)
    yield
    if kept_here:
        with django_db_blocker.unblock(), open(lock_path, "w") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            note.unlink()
            _drop_copy(connection, kept_here)


def _flushes(item) -> bool:
    """A transactional test: it commits, and the flush after it empties every table, the rows the migrations made
    (locales, the root page, the role groups) too."""
    marker = item.get_closest_marker("django_db")
    return "transactional_db" in item.fixturenames or bool(marker and marker.kwargs.get("transaction"))


def pytest_collection_modifyitems(config, items):
    """Tests marked `demo` (a module's `pytestmark`) get the demo site, and run after the tests that build their
    own data: those run on a database without the demo, and a worker loads the demo only once it reaches them.
    Transactional tests run last of all (as Django orders them): after their flush a worker's database is empty, and
    loading the demo there would find no locale."""
    for item in items:
        if item.get_closest_marker("demo") and "demo_site" not in item.fixturenames:
            item.fixturenames.insert(0, "demo_site")
    items.sort(key=lambda item: (_flushes(item), "demo_site" in item.fixturenames))


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


@pytest.fixture(scope="module")
def module_db(django_db_setup, django_db_blocker):
    """Data a module builds once for all its tests, as Django's `setUpTestData`: a module-scoped fixture builds it in
    `with module_db():` and returns ids; each test reads fresh rows in its own savepoint inside this transaction,
    which is rolled back when the module ends. Building a voting cycle through the services takes seconds: once per
    module instead of once per test."""
    from django.db import transaction

    with django_db_blocker.unblock():
        outer = transaction.atomic()
        outer.__enter__()
    yield django_db_blocker.unblock
    with django_db_blocker.unblock():
        transaction.set_rollback(True)
        outer.__exit__(None, None, None)
