"""Fixtures for the sources/ingest tests: the committed format slices in tests/data/sources."""

from __future__ import annotations

from pathlib import Path

import pytest

DATA = Path(__file__).resolve().parents[1] / "data" / "sources"


@pytest.fixture
def data() -> Path:
    return DATA
