"""The catalogue and site-search tests share one catalogue of projects (`_fx_catalogue.py`): built once for the
package (see `package_db` in tests/conftest.py), its modules run one after the other on one worker, and each test
reads fresh rows and changes them in its own savepoint."""

import pytest

from . import _fx_catalogue as fx


@pytest.fixture(scope="package")
def world_ids(package_db):
    with package_db():
        return fx.build()


@pytest.fixture
def world(db, world_ids):
    return fx.World(world_ids)
