"""Spark fixtures: one local SparkSession for the whole test run, and the 50-posting sample."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

SAMPLE = Path(__file__).resolve().parents[1] / "data" / "scale" / "postings.jsonl"


@pytest.fixture(scope="session")
def spark() -> Iterator[Any]:
    """A ``local[2]`` session (two tasks, so repartitioning and worker reuse are exercised)."""
    pytest.importorskip("pyspark", reason="pyspark is not installed (pip install 'mlepath[spark]')")
    from mlepath.scale import spark_session

    # C1-only JIT and the serial GC: the JVM starts in about half the time, and these jobs
    # are far too small for C2 to pay off.
    session = spark_session("local[2]", app_name="mlepath-tests", shuffle_partitions=2,
                            java_options="-XX:TieredStopAtLevel=1 -XX:+UseSerialGC")
    yield session
    session.stop()


@pytest.fixture(scope="session")
def sample() -> Path:
    """50 real US postings (LinkedIn 'Data Scientist' search, see tests/data/scale/SOURCES.md)."""
    return SAMPLE


@pytest.fixture(scope="session")
def spark_output(spark: Any, sample: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample extracted once on Spark with the real extractor (shared by several tests)."""
    from mlepath.scale import extract_spark

    out = tmp_path_factory.mktemp("spark") / "requirements.parquet"
    summary = extract_spark([sample], out, spark=spark)
    assert summary.postings == 50
    return out
