"""The CLI faces of the Spark stage: ``mlepath extract --engine spark`` and ``report --parquet``."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from mlepath.cli import app

pytestmark = pytest.mark.spark


def test_extract_engine_spark_writes_parquet(spark: Any, sample: Path, tmp_path: Path) -> None:
    out = tmp_path / "req.parquet"
    result = CliRunner().invoke(app, ["extract", "--engine", "spark", "--master", "local[2]",
                                      str(sample), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert "extracted 50 postings (0 errors)" in result.output
    table = pq.read_table(out)
    assert table.num_rows == 50
    assert set(table.column("id").to_pylist()) == {json.loads(line)["id"]
                                                   for line in sample.open()}


def test_report_parquet_reads_spark_output(spark_output: Path) -> None:
    result = CliRunner().invoke(app, ["report", "--parquet", str(spark_output),
                                      "--format", "json"])
    assert result.exit_code == 0, result.output
    doc = json.loads(result.output)
    n_distinct = pq.read_table(spark_output, columns=["content_hash"]).column(
        "content_hash").unique()
    assert doc["n"] == len(n_distinct)
