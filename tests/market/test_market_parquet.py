"""``report --parquet``: the same figures from Spark-shaped Parquet as from the DuckDB store."""

from __future__ import annotations

import json
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq
from market_fixtures import TEN, VERSION, add
from typer.testing import CliRunner

from mlepath.cli import app
from mlepath.extract import Requirements
from mlepath.sources import content_hash
from mlepath.store import Store


def _spark_rows() -> list[dict[str, object]]:
    """TEN as the rows ``mlepath extract --engine spark`` writes (Requirements JSON + posting)."""
    rows = []
    for pid, req, post in TEN:
        r = Requirements(**{"role_family": "ml_engineer", "ml_focus": "applied",
                            "seniority": "mid", "extractor_version": VERSION, **req})
        d = r.to_dict(pid)
        years = d["experience_min_years"]
        d["experience_min_years"] = None if years is None else float(years)
        if d["salary"]:
            d["salary"] = {k: (float(v) if k in ("min", "max") else v)
                           for k, v in d["salary"].items()}
        d["evidence"] = json.dumps(d["evidence"])
        d.update({"title": post.get("title", "Machine Learning Engineer"),
                  "company": post["company"], "location": post["location"],
                  "remote": post["remote"], "posted_at": post["posted_at"],
                  "source": post["source"], "url": None,
                  "content_hash": content_hash(f"posting text {pid}"), "error": None})
        rows.append(d)
    return rows


def test_report_from_parquet_equals_report_from_the_store(tmp_path: Path) -> None:
    table = pa.Table.from_pylist(_spark_rows())
    table = table.set_column(table.schema.get_field_index("posted_at"), "posted_at",
                             pc.cast(table["posted_at"], pa.date32()))
    pq.write_table(table, tmp_path / "part-0.parquet")
    db = tmp_path / "jobs.duckdb"
    with Store(db) as s:
        add(s, TEN)
    runner = CliRunner()
    from_db = runner.invoke(app, ["report", "--db", str(db), "--format", "json"])
    from_pq = runner.invoke(app, ["report", "--parquet", str(tmp_path), "--format", "json"])
    assert from_db.exit_code == 0, from_db.output
    assert from_pq.exit_code == 0, from_pq.output
    a, b = json.loads(from_db.output), json.loads(from_pq.output)
    assert b["n"] == 10
    assert a["figures"] == b["figures"]
    assert a["salary_by_degree"] == b["salary_by_degree"]
    assert a["distinguishing_skills"] == b["distinguishing_skills"]
