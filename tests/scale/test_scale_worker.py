"""The Spark pieces that need no Spark: output rows, the worker function, formats, laziness."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from mlepath.errors import MlepathError, SourceError
from mlepath.extract import Evidence, Requirements, Salary, SkillHit
from mlepath.scale import OUTPUT_SCHEMA, detect_format, extract_batches, row_to_contract
from mlepath.sources import Posting

REQ = Requirements(
    min_required="master", preferred_levels=("phd",), equivalent_experience_ok=True,
    fields=("computer_science", "statistics"), experience_min_years=3.0,
    role_family="ml_engineer", ml_focus="applied", seniority="senior",
    skills=(SkillHit("pytorch", "PyTorch", "ml_framework", True),
            SkillHit("go", "Go", "programming_language", False)),
    salary=Salary(150000.0, 190000.0, "USD", "year", "text"),
    evidence={"min_required": (Evidence("MS in CS required", 10, 27),), "skills": ()},
    extractor_version="test-1",
)


def batch(rows: list[dict[str, Any]]) -> pa.RecordBatch:
    return pa.RecordBatch.from_pylist(rows)


COLUMNS = {"id": "id", "description": "description", "title": "title", "posted_at": "date"}


def run(rows: list[dict[str, Any]], extractor: Any) -> list[dict[str, Any]]:
    out = list(extract_batches(iter([batch(rows)]), columns=COLUMNS, default_source="jsonl",
                               extractor=extractor))
    assert all(b.schema == OUTPUT_SCHEMA for b in out)
    return pa.Table.from_batches(out, schema=OUTPUT_SCHEMA).to_pylist()


def test_a_row_round_trips_through_parquet_as_the_json_contract(tmp_path: Path) -> None:
    rows = run([{"id": "a1", "description": "MS in CS required. PyTorch.", "title": "MLE",
                 "date": "2024-06-02"}], lambda posting, taxonomy: REQ)
    pq.write_table(pa.Table.from_pylist(rows, schema=OUTPUT_SCHEMA), tmp_path / "x.parquet")
    back = pq.read_table(tmp_path / "x.parquet").to_pylist()[0]
    assert row_to_contract(back) == REQ.to_dict("a1")
    assert back["experience_min_years"] == 3.0
    assert back["posted_at"] == dt.date(2024, 6, 2)
    assert (back["title"], back["source"], back["error"]) == ("MLE", "jsonl", None)


def test_the_worker_records_an_exception_and_keeps_going() -> None:
    def extractor(posting: Posting, taxonomy: Any) -> Requirements:
        if "boom" in posting.description_text:
            raise RuntimeError("rule table broken")
        return REQ

    rows = run([{"id": "ok1", "description": "fine text", "title": "A", "date": None},
                {"id": "bad", "description": "boom goes the posting", "title": "B",
                 "date": "2025-01-31"},
                {"id": "ok2", "description": "fine too", "title": "C", "date": None}], extractor)
    assert [r["id"] for r in rows] == ["ok1", "bad", "ok2"]
    assert rows[1]["error"] == "RuntimeError: rule table broken"
    assert rows[1]["education"] is None and rows[1]["skills"] is None
    assert rows[1]["title"] == "B"
    assert rows[0]["error"] is None and rows[0]["education"]["min_required"] == "master"


def test_a_row_ingest_would_skip_becomes_an_error_row_with_a_stable_id() -> None:
    rows = run([{"id": None, "description": "   ", "title": "Empty", "date": None}],
               lambda posting, taxonomy: REQ)
    assert rows[0]["error"] is not None and "empty description" in rows[0]["error"]
    assert rows[0]["id"].startswith("jsonl:")
    again = run([{"id": None, "description": "   ", "title": "Empty", "date": None}],
                lambda posting, taxonomy: REQ)
    assert again[0]["id"] == rows[0]["id"]


def test_without_an_id_column_the_id_is_ingests_stable_id() -> None:
    from mlepath.sources import stable_id

    text = "We need a PhD in physics."
    rows = run([{"id": None, "description": text, "title": "RS", "date": None}],
               lambda posting, taxonomy: REQ)
    assert rows[0]["id"] == stable_id("jsonl", None, None, text)


def test_the_taxonomy_is_built_once_per_process() -> None:
    from mlepath.scale import _worker

    for _ in range(3):
        run([{"id": "x", "description": "Python", "title": "", "date": None}],
            lambda posting, taxonomy: REQ)
    assert _worker.TAXONOMY_BUILDS.count(os.getpid()) == 1


def test_the_worker_uses_extract_posting_by_default() -> None:
    from mlepath.extract import extract_posting

    text = "Requirements:\n- PhD in Computer Science\n- 5+ years of Python and PyTorch"
    rows = run([{"id": "r1", "description": text, "title": "Research Scientist",
                 "date": None}], None)
    want = extract_posting(Posting(id="r1", source="jsonl", description_text=text,
                                   title="Research Scientist")).to_dict("r1")
    assert row_to_contract(rows[0]) == want


@pytest.mark.parametrize(("names", "fmt"), [
    (["a.parquet", "b.parquet"], "parquet"),
    (["x.jsonl"], "jsonl"), (["x.ndjson.gz"], "jsonl"),
    (["jobs.csv"], "csv"), (["jobs.csv.gz"], "csv"),
    (["s3a://bucket/postings/"], "parquet"),
])
def test_detect_format_from_names(names: list[str], fmt: str) -> None:
    assert detect_format(names) == fmt


def test_detect_format_looks_inside_a_directory(tmp_path: Path) -> None:
    (tmp_path / "part-0.csv").write_text("description\nx\n")
    (tmp_path / "_SUCCESS").write_text("")
    assert detect_format([str(tmp_path)]) == "csv"


def test_detect_format_errors_name_the_fix() -> None:
    with pytest.raises(SourceError, match="mix formats"):
        detect_format(["a.csv", "b.parquet"])
    with pytest.raises(SourceError, match=r"cannot tell the format of 'postings\.txt'"):
        detect_format(["postings.txt"])
    with pytest.raises(SourceError, match="unknown input format 'xml'"):
        detect_format(["a.csv"], "xml")
    assert detect_format(["whatever"], "JSON") == "jsonl"


def test_importing_extract_or_scale_does_not_import_pyspark() -> None:
    code = ("import sys, mlepath.extract, mlepath.scale, mlepath.store; "
            "print('pyspark' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True)
    assert out.stdout.strip() == "False"


def test_missing_pyspark_names_the_extra(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from mlepath.scale import extract_spark, spark_session

    monkeypatch.setitem(sys.modules, "pyspark", None)  # import pyspark -> ImportError
    with pytest.raises(MlepathError) as err:
        spark_session("local[1]")
    assert str(err.value) == "the Spark engine needs: pip install 'mlepath[spark]'"
    with pytest.raises(MlepathError, match=r"mlepath\[spark\]"):
        extract_spark([tmp_path], tmp_path / "out")


def test_missing_input_is_a_clear_error(tmp_path: Path) -> None:
    pytest.importorskip("pyspark")
    from mlepath.scale import extract_spark

    with pytest.raises(SourceError, match=r"no such input: .*nope\.jsonl"):
        extract_spark([tmp_path / "nope.jsonl"], tmp_path / "out")


def test_evidence_is_stored_as_json_text() -> None:
    rows = run([{"id": "e", "description": "t", "title": "", "date": None}],
               lambda posting, taxonomy: REQ)
    assert json.loads(rows[0]["evidence"]) == REQ.to_dict()["evidence"]
