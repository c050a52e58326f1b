"""Spark end to end (local mode): same values as the local path, errors recorded, reports run.

Each test reads the 50 real postings in tests/data/scale/postings.jsonl. The local side is
ingest's reader plus ``extract_posting``, the code ``mlepath extract --out`` runs.
"""

from __future__ import annotations

import csv
import json
import os
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from mlepath.extract import Requirements, extract_posting
from mlepath.sources import Posting, content_hash, read_path

pytestmark = pytest.mark.spark

CONTRACT = ("education", "experience_min_years", "role", "seniority", "skills", "salary",
            "evidence", "extractor_version")


def read_rows(out: Path) -> dict[str, dict[str, Any]]:
    """Spark's Parquet output, read with pyarrow (not with mlepath), by id."""
    rows = pq.read_table(out).to_pylist()
    by_id = {r["id"]: r for r in rows}
    assert len(by_id) == len(rows), "one output row per posting"
    return by_id


def local_postings(path: Path, mapping: dict[str, str] | None = None) -> list[Posting]:
    return list(read_path(path, None, mapping))


def as_contract(row: dict[str, Any]) -> dict[str, Any]:
    """The contract fields of one Parquet row, in ``to_dict`` form (evidence is JSON text)."""
    out = {k: row[k] for k in CONTRACT}
    out["evidence"] = json.loads(row["evidence"])
    return out


def test_spark_output_equals_local_extraction(spark_output: Path, sample: Path) -> None:
    rows = read_rows(spark_output)
    postings = local_postings(sample)
    assert sorted(rows) == sorted(p.id for p in postings)  # ids verbatim from the input
    for p in postings:
        row = rows[p.id]
        expected = extract_posting(p).to_dict(p.id)
        assert row["error"] is None
        got = as_contract(row)
        for key in CONTRACT:
            assert got[key] == expected[key], (p.id, key)
        # posting columns the reports filter on
        assert (row["title"], row["company"], row["location"], row["source"], row["url"]) == (
            p.title, p.company, p.location, p.source, p.url)
        assert row["posted_at"].isoformat() == p.posted_at
        assert row["content_hash"] == content_hash(p.description_text)
    # the sample is not degenerate: extraction found degrees and skills on Spark
    assert any(r["education"]["min_required"] in ("master", "phd") for r in rows.values())
    assert sum(len(r["skills"]) for r in rows.values()) > 50


def test_spark_output_schema_is_nested_like_the_json_contract(spark_output: Path) -> None:
    schema = pq.read_schema(next(spark_output.glob("*.parquet")))
    assert schema.field("education").type == pa.struct([
        ("min_required", pa.string()), ("preferred_levels", pa.list_(pa.string())),
        ("equivalent_experience_ok", pa.bool_()), ("fields", pa.list_(pa.string()))])
    assert schema.field("role").type == pa.struct([("family", pa.string()),
                                                   ("ml_focus", pa.string())])
    skill = schema.field("skills").type.value_type
    assert [f.name for f in skill] == ["id", "name", "category", "required"]
    assert [f.name for f in schema.field("salary").type] == ["min", "max", "currency", "period",
                                                             "source"]
    assert schema.field("posted_at").type == pa.date32()
    assert "error" in schema.names


def test_a_failing_posting_is_recorded_not_fatal(spark: Any, sample: Path, tmp_path: Path) -> None:
    from mlepath.scale import extract_spark

    postings = local_postings(sample)
    bad = postings[7]

    # Defined inside the test so Spark pickles it by value and the workers run it.
    def failing(posting: Posting, taxonomy: Any) -> Requirements:
        from mlepath.extract import extract_posting

        if posting.id == bad.id:
            raise ValueError(f"injected failure for {posting.id}")
        return extract_posting(posting, taxonomy)

    out = tmp_path / "req.parquet"
    summary = extract_spark([sample], out, spark=spark, extractor=failing)
    assert (summary.postings, summary.errors) == (50, 1)
    rows = read_rows(out)
    failed = rows[bad.id]
    assert failed["error"] == f"ValueError: injected failure for {bad.id}"
    assert all(failed[k] is None for k in CONTRACT)
    assert failed["title"] == bad.title  # the posting is still identifiable
    assert [i for i, r in rows.items() if r["error"] is not None] == [bad.id]
    other = postings[8]
    assert as_contract(rows[other.id]) == {k: extract_posting(other).to_dict(other.id)[k]
                                           for k in CONTRACT}

    # Reports skip the failed posting.
    from mlepath.store import open_parquet_store

    store = open_parquet_store(out)
    ids = {r["posting_id"] for r in store.query("SELECT posting_id FROM market")}
    assert bad.id not in ids and other.id in ids


def test_taxonomy_is_built_once_per_worker_process(spark: Any, sample: Path,
                                                   tmp_path: Path) -> None:
    from mlepath.scale import extract_spark

    def report_builds(posting: Posting, taxonomy: Any) -> Requirements:
        import os

        from mlepath.scale import _worker

        builds = _worker.TAXONOMY_BUILDS.count(os.getpid())
        return Requirements(extractor_version=f"{os.getpid()}:{builds}")

    out = tmp_path / "req.parquet"
    extract_spark([sample], out, spark=spark, extractor=report_builds)
    versions = [r["extractor_version"] for r in read_rows(out).values()]
    assert len(versions) == 50
    assert {v.split(":")[1] for v in versions} == {"1"}  # never rebuilt per row or batch
    pids = {v.split(":")[0] for v in versions}
    assert str(os.getpid()) not in pids  # it really ran in worker processes
    assert len(pids) <= 4


def _write_csv_with_other_names(sample: Path, path: Path) -> dict[str, str]:
    names = {"id": "ref", "title": "job_title", "company": "employer_name",
             "location": "where", "date": "date_posted", "url": "link",
             "description": "job_description"}
    with sample.open() as src, path.open("w", newline="") as dst:
        writer = csv.DictWriter(dst, fieldnames=list(names.values()))
        writer.writeheader()
        for line in src:
            rec = json.loads(line)
            writer.writerow({names[k]: v for k, v in rec.items()})
    return {"id": "ref", "title": "job_title", "company": "employer_name",
            "location": "where", "description": "job_description"}


@pytest.mark.parametrize("fmt", ["csv", "parquet", "json_list"])
def test_csv_parquet_and_json_list_inputs_give_the_same_rows(fmt: str, spark: Any, sample: Path,
                                                   spark_output: Path, tmp_path: Path) -> None:
    from mlepath.scale import extract_spark

    mapping: dict[str, str] | None = None
    if fmt == "csv":
        path = tmp_path / "postings.csv"
        mapping = _write_csv_with_other_names(sample, path)
    elif fmt == "parquet":
        path = tmp_path / "postings.parquet"
        recs = [json.loads(line) for line in sample.open()]
        pq.write_table(pa.Table.from_pylist(recs), path, row_group_size=20)
    else:  # one JSON list, not JSON Lines: ingest reads both
        path = tmp_path / "postings.json"
        path.write_text(json.dumps([json.loads(line) for line in sample.open()], indent=1))
    out = tmp_path / "out.parquet"
    summary = extract_spark([path], out, spark=spark, mapping=mapping)
    assert summary.input_format == {"json_list": "jsonl"}.get(fmt, fmt)
    got, want = read_rows(out), read_rows(spark_output)
    assert sorted(got) == sorted(want)
    local_ids = sorted(p.id for p in local_postings(path, mapping))
    assert sorted(got) == local_ids
    for pid, row in got.items():
        assert as_contract(row) == as_contract(want[pid]), pid
        assert (row["title"], row["company"], row["location"], row["posted_at"]) == (
            want[pid]["title"], want[pid]["company"], want[pid]["location"],
            want[pid]["posted_at"])


def test_a_mapping_to_a_missing_column_is_a_clear_error(spark: Any, sample: Path,
                                                        tmp_path: Path) -> None:
    from mlepath.errors import SourceError
    from mlepath.scale import extract_spark

    with pytest.raises(SourceError, match="job_text"):
        extract_spark([sample], tmp_path / "o", spark=spark,
                      mapping={"description": "job_text"})


def _local_store(sample: Path) -> Any:
    from mlepath.store import Store

    store = Store.memory()
    store.ingest([sample])
    postings = local_postings(sample)
    store.save_requirements((p.id, extract_posting(p)) for p in postings)
    return store


def test_parquet_store_relations_equal_the_duckdb_store(spark_output: Path, sample: Path) -> None:
    from mlepath.store import open_parquet_store

    local = _local_store(sample)
    parquet = open_parquet_store(spark_output)
    market_sql = "SELECT * FROM market ORDER BY posting_id"
    want = local.query(market_sql)
    assert len(want) >= 45  # the sample's distinct postings
    assert parquet.query(market_sql) == want
    skills_sql = ("SELECT posting_id, extractor_version, skill_id, name, category, required "
                  "FROM requirement_skills ORDER BY ALL")
    assert parquet.query(skills_sql) == local.query(skills_sql)
    pid = want[0]["posting_id"]
    assert parquet.get_requirements(pid) == local.get_requirements(pid)


def test_market_report_from_parquet_equals_report_from_store(spark_output: Path,
                                                             sample: Path) -> None:
    from mlepath.market import compute_report
    from mlepath.store import open_parquet_store

    local = compute_report(_local_store(sample)).to_dict()
    from_parquet = compute_report(open_parquet_store(spark_output)).to_dict()
    assert from_parquet == local
    assert from_parquet["n"] >= 45


def test_spark_ddl_matches_the_arrow_schema(spark: Any) -> None:
    from pyspark.sql.pandas.types import to_arrow_schema
    from pyspark.sql.types import StructType

    from mlepath.scale import OUTPUT_SCHEMA, SPARK_DDL

    spark_schema = StructType.fromDDL(SPARK_DDL)
    arrow = to_arrow_schema(spark_schema)
    assert arrow.names == OUTPUT_SCHEMA.names
    for field in OUTPUT_SCHEMA:
        got = arrow.field(field.name).type
        assert str(got).replace("element", "item") == str(field.type), field.name
