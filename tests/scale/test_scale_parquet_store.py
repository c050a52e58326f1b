"""``open_parquet_store``: the store's relations over Spark-shaped Parquet (written here by
pyarrow in the output schema, so these tests need no Spark)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from mlepath.errors import StoreError
from mlepath.extract import Requirements, Salary, SkillHit
from mlepath.scale import OUTPUT_SCHEMA
from mlepath.scale._records import PostingMeta, record_row
from mlepath.store import open_parquet_store


def req(level: str, *skills: str) -> Requirements:
    return Requirements(min_required=level, fields=("computer_science",),
                        role_family="ml_engineer", ml_focus="applied", seniority="senior",
                        skills=tuple(SkillHit(s, s.title(), "ml_framework", True) for s in skills),
                        salary=Salary(100.0, 200.0, "USD", "year", "text"),
                        extractor_version="v1")


def write(path: Path, rows: list[dict[str, object]]) -> Path:
    path.mkdir(parents=True, exist_ok=True)
    half = len(rows) // 2  # two part files, as Spark writes them
    for i, chunk in enumerate((rows[:half], rows[half:])):
        pq.write_table(pa.Table.from_pylist(chunk, schema=OUTPUT_SCHEMA),
                       path / f"part-0000{i}.snappy.parquet")
    (path / "_SUCCESS").write_text("")
    return path


@pytest.fixture
def spark_dir(tmp_path: Path) -> Path:
    def meta(pid: str, text_hash: str) -> PostingMeta:
        return PostingMeta(id=pid, title=f"T {pid}", company="Acme", location="NY",
                           remote=False, posted_at="2025-03-04", source="jsonl",
                           content_hash=text_hash)

    return write(tmp_path / "out.parquet", [
        record_row(meta("a", "h1"), req("master", "pytorch", "jax"), None),
        record_row(meta("b", "h2"), req("bachelor", "pytorch"), None),
        record_row(meta("c", "h1"), req("master", "pytorch", "jax"), None),  # repost of a
        record_row(meta("d", "h3"), None, "ValueError: broken"),
    ])


def test_market_has_one_row_per_distinct_text_and_skips_errors(spark_dir: Path) -> None:
    store = open_parquet_store(spark_dir)
    rows = store.query("SELECT posting_id, min_required, role_family, posted_at, salary_min, "
                       "fields FROM market ORDER BY posting_id")
    assert rows == [
        {"posting_id": "a", "min_required": "master", "role_family": "ml_engineer",
         "posted_at": dt.date(2025, 3, 4), "salary_min": 100.0, "fields": ["computer_science"]},
        {"posting_id": "b", "min_required": "bachelor", "role_family": "ml_engineer",
         "posted_at": dt.date(2025, 3, 4), "salary_min": 100.0, "fields": ["computer_science"]},
    ]


def test_market_view_has_the_stores_columns(spark_dir: Path) -> None:
    from mlepath.store import Store

    want = [d[0] for d in Store.memory().cursor().execute("SELECT * FROM market").description]
    got = [d[0] for d in open_parquet_store(spark_dir).cursor().execute(
        "SELECT * FROM market").description]
    assert got == want


def test_requirement_skills_joins_market_like_the_store(spark_dir: Path) -> None:
    store = open_parquet_store(spark_dir)
    rows = store.query(
        "SELECT s.skill_id, count(*) AS n FROM requirement_skills s JOIN market m "
        "ON m.posting_id = s.posting_id AND m.extractor_version = s.extractor_version "
        "GROUP BY 1 ORDER BY 1")
    assert rows == [{"skill_id": "jax", "n": 1}, {"skill_id": "pytorch", "n": 2}]


def test_get_requirements_reads_the_record(spark_dir: Path) -> None:
    store = open_parquet_store(spark_dir)
    assert store.get_requirements("a") == req("master", "pytorch", "jax")
    assert store.get_requirements("d") is None


def test_a_single_file_and_a_glob_open_too(spark_dir: Path) -> None:
    one = next(spark_dir.glob("part-00001*"))
    assert open_parquet_store(one).scalar("SELECT count(*) FROM market") == 1  # c is in it; d failed
    assert open_parquet_store(str(spark_dir / "*.parquet")).scalar(
        "SELECT count(*) FROM market") == 2


def test_missing_or_foreign_parquet_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match=r"no Parquet at .*nothing.*mlepath extract --engine spark"):
        open_parquet_store(tmp_path / "nothing")
    (tmp_path / "empty").mkdir()
    with pytest.raises(StoreError, match=r"no \.parquet files under"):
        open_parquet_store(tmp_path / "empty")
    pq.write_table(pa.table({"id": ["x"], "text": ["y"]}), tmp_path / "other.parquet")
    with pytest.raises(StoreError, match="missing columns: education"):
        open_parquet_store(tmp_path / "other.parquet")


def test_the_parquet_store_refuses_writes(spark_dir: Path) -> None:
    from mlepath.sources import Posting

    store = open_parquet_store(spark_dir)
    with pytest.raises(StoreError, match="read-only"):
        store.upsert_postings([Posting(id="z", source="x", description_text="t")])
