"""Shared fixtures: an in-memory store, a store file, and the path of ../shared when present."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from mlepath.store import Store

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
TEST_DATA = Path(__file__).resolve().parent / "data"


@pytest.fixture
def store() -> Iterator[Store]:
    s = Store.memory()
    yield s
    s.close()


@pytest.fixture
def store_path(tmp_path: Path) -> Path:
    return tmp_path / "jobs.duckdb"


@pytest.fixture
def shared() -> Path:
    """``../shared`` beside the repo; tests that need it skip cleanly when it is absent."""
    if not SHARED.is_dir():
        pytest.skip("../shared is not beside the repo")
    return SHARED
