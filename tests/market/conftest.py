"""The ``ten`` fixture: the store of ``market_fixtures.TEN``."""

from __future__ import annotations

import pytest
from market_fixtures import TEN, add

from mlepath.store import Store


@pytest.fixture
def ten(store: Store) -> Store:
    add(store, TEN)
    return store
