"""The catalogue and site-search tests share one catalogue of projects (`_fx_catalogue.py`): built once for the
package in a transaction rolled back when the package ends (as `module_db` does for a module, tests/conftest.py),
its modules run one after the other on one worker, and each test reads fresh rows and changes them in its own
savepoint."""

import pytest

from tests.conftest import kept_for_the_scope

from . import _fx_catalogue as fx


@pytest.fixture(scope="package")
def world_ids(django_db_setup, django_db_blocker):
    with kept_for_the_scope(django_db_blocker) as unblock, unblock():
        yield fx.build()


@pytest.fixture
def world(db, world_ids):
    return fx.World(world_ids)
