"""The ingest CLI through typer's CliRunner, checked against the DuckDB file it writes."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

from typer.testing import CliRunner

from mlepath.cli import app
from mlepath.sources import read_path, sample_path
from mlepath.store import Store

runner = CliRunner()
DOCS = Path(__file__).resolve().parents[2] / "docs" / "ingest.md"


def test_ingest_list_show_stats(data: Path, tmp_path: Path) -> None:
    db = str(tmp_path / "jobs.duckdb")
    result = runner.invoke(app, ["ingest", str(data / "lever.json"), str(data / "pages"),
                                 "--db", db])
    assert result.exit_code == 0, result.output
    assert "Read 6 records: stored 6 new" in result.output
    assert "no schema.org JobPosting found on the page" in result.output
    stats = json.loads(runner.invoke(app, ["postings", "stats", "--db", db, "--format",
                                           "json"]).output)
    assert stats == {"postings": 6, "by_source": {"jsonld_html": 4, "lever": 2},
                     "duplicates": 0, "near_duplicates": 0}
    listed = json.loads(runner.invoke(app, ["postings", "list", "--db", db, "--limit", "2",
                                            "--format", "json"]).output)
    # ordered by id: the microdata page (no identifier: a 16-hex-digit hash id) sorts first
    assert listed[0]["id"].startswith("jsonld_html:") and len(listed[0]["id"]) == 12 + 16
    assert listed[1]["id"] == "jsonld_html:Contoso Health:R-0042817"
    assert listed[1]["title"] == "Senior Data Scientist - Remote"
    shown = runner.invoke(app, ["postings", "show", "jsonld_html:Fabrikam:4311187001",
                                "--db", db])
    assert shown.exit_code == 0
    assert "Applied Scientist" in shown.output
    assert "Basic Qualifications\n- PhD, or Master's degree" in shown.output
    missing = runner.invoke(app, ["postings", "show", "nope:1", "--db", db])
    assert missing.exit_code == 1 and "no posting 'nope:1'" in missing.output


def test_cli_reingest_is_idempotent_and_exits_zero(data: Path, tmp_path: Path) -> None:
    db = str(tmp_path / "jobs.duckdb")
    args = ["ingest", str(data / "ashby.json"), "--db", db]
    assert runner.invoke(app, args).exit_code == 0
    again = runner.invoke(app, args)
    assert again.exit_code == 0
    assert "stored 0 new, 2 already stored" in again.output


def test_map_option_reaches_the_generic_reader(tmp_path: Path) -> None:
    path = tmp_path / "custom.csv"
    path.write_text("role,jd\nMLE,Need PyTorch\n", encoding="utf-8")
    db = tmp_path / "jobs.duckdb"
    result = runner.invoke(app, ["ingest", str(path), "--db", str(db), "--map", "description=jd",
                                 "--map", "title=role"])
    assert result.exit_code == 0, result.output
    with Store(db, read_only=True) as store:
        assert store.query("SELECT title, description_text FROM postings") == [
            {"title": "MLE", "description_text": "Need PyTorch"}]


def test_sample_ships_real_postings_without_gold_ids(shared: Path, tmp_path: Path) -> None:
    with gzip.open(sample_path(), "rt", encoding="utf-8") as f:
        rows = [json.loads(line) for line in f]
    assert 0 < len(rows) <= 300
    gold = {json.loads(line)["id"] for line in
            (shared / "gold" / "dev-postings.jsonl").read_text().splitlines() if line}
    assert not gold & {r["id"] for r in rows}
    assert (sample_path().parent / "SOURCES.md").is_file()


def test_ingest_sample(tmp_path: Path) -> None:
    db = tmp_path / "jobs.duckdb"
    result = runner.invoke(app, ["ingest", "--sample", "--db", str(db)])
    assert result.exit_code == 0, result.output
    ids = [p.id for p in read_path(sample_path())]
    with Store(db, read_only=True) as store:
        stats = store.posting_stats()
        assert stats["postings"] + stats["duplicates"] == len(ids)
        assert set(stats["by_source"]) == {"linkedin_us", "glassdoor_ds"}
        assert store.get_posting(ids[0]) is not None


def test_no_paths_is_a_usage_error(tmp_path: Path) -> None:
    result = runner.invoke(app, ["ingest", "--db", str(tmp_path / "x.duckdb")])
    assert result.exit_code == 2 and "give at least one file or folder, or --sample" in \
        result.output


def test_every_command_is_documented() -> None:
    docs = DOCS.read_text(encoding="utf-8")
    for command in ("mlepath ingest", "mlepath fetch", "mlepath postings list",
                    "mlepath postings show", "mlepath postings stats", "--map", "--format",
                    "--base-url", "--sample", "--encoding", "--refresh", "--cache-dir"):
        assert command in docs, command
