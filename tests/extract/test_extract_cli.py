"""``mlepath extract``, ``explain`` and ``eval`` through the Typer runner, checked in files and the store."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from mlepath.cli import app
from mlepath.errors import ExtractError, MlepathError
from mlepath.extract import EXTRACTOR_VERSION
from mlepath.sources import Posting
from mlepath.store import Store

runner = CliRunner()

_POSTINGS = [
    {"id": "Acme/ML-42 (NYC)", "title": "Senior Machine Learning Engineer",
     "description": "Requirements:\n- MS in Computer Science or equivalent experience\n- 5+ years of Python\n"},
    {"id": "x:0001", "title": "Data Analyst",
     "description": "What you'll need\n- Bachelor's degree\n- 2 years of SQL\nNice to have\n- PhD\n"},
]


def _jsonl(tmp_path: Path) -> Path:
    path = tmp_path / "postings.jsonl"
    path.write_text("".join(json.dumps(p) + "\n" for p in _POSTINGS), encoding="utf-8")
    return path


def test_extract_out_keeps_ids_verbatim(tmp_path: Path) -> None:
    out = tmp_path / "req.jsonl"
    result = runner.invoke(app, ["extract", str(_jsonl(tmp_path)), "--out", str(out)])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    by_id = {r["id"]: r for r in rows}
    assert set(by_id) == {"Acme/ML-42 (NYC)", "x:0001"}
    first = by_id["Acme/ML-42 (NYC)"]
    assert first["education"] == {"min_required": "master", "preferred_levels": [],
                                  "equivalent_experience_ok": True, "fields": ["computer_science"]}
    assert first["experience_min_years"] == 5 and first["seniority"] == "senior"
    assert first["role"] == {"family": "ml_engineer", "ml_focus": "applied"}
    assert first["extractor_version"] == EXTRACTOR_VERSION
    assert by_id["x:0001"]["education"]["preferred_levels"] == ["phd"]


def _store_with_postings(path: Path) -> None:
    with Store(path) as store:
        store.upsert_postings([Posting(id=p["id"], source="test", description_text=p["description"],
                                       title=p["title"]) for p in _POSTINGS])


def test_extract_db_then_rerun_extracts_nothing(store_path: Path) -> None:
    _store_with_postings(store_path)
    first = runner.invoke(app, ["extract", "--db", str(store_path)])
    assert first.exit_code == 0, first.output
    assert "extracted 2 postings" in first.output
    with Store(store_path, read_only=True) as store:
        assert store.ids_needing_extraction(EXTRACTOR_VERSION) == []
        req = store.get_requirements("x:0001")
        assert req is not None and req.min_required == "bachelor" and req.experience_min_years == 2
    again = runner.invoke(app, ["extract", "--db", str(store_path)])
    assert again.exit_code == 0 and "extracted 0 postings" in again.output
    forced = runner.invoke(app, ["extract", "--db", str(store_path), "--all"])
    assert forced.exit_code == 0 and "extracted 2 postings" in forced.output


def test_explain_shows_values_and_evidence(store_path: Path) -> None:
    _store_with_postings(store_path)
    runner.invoke(app, ["extract", "--db", str(store_path)])
    result = runner.invoke(app, ["explain", "Acme/ML-42 (NYC)", "--db", str(store_path)])
    assert result.exit_code == 0, result.output
    assert "MS in Computer Science or equivalent experience" in result.output
    assert "min_required" in result.output and "master" in result.output
    missing = runner.invoke(app, ["explain", "nope", "--db", str(store_path)])
    # the runner sees the MlepathError that ``mlepath.cli.main`` turns into one line + exit 1
    assert isinstance(missing.exception, MlepathError)
    assert "no posting 'nope'" in str(missing.exception)


def test_eval_json_and_table(tmp_path: Path) -> None:
    postings = _jsonl(tmp_path)
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps({
        "id": "x:0001", "education": {"min_required": "master", "preferred_levels": ["phd"],
                                      "equivalent_experience_ok": False, "fields": []},
        "experience_min_years": 2, "role": {"family": "data_analyst", "ml_focus": "none"},
        "seniority": "mid"}) + "\n", encoding="utf-8")
    result = runner.invoke(app, ["eval", "--gold", str(gold), "--postings", str(postings), "--format", "json"])
    assert result.exit_code == 0, result.output
    doc = json.loads(result.output)
    assert doc["n"] == 1
    assert doc["accuracy"]["min_required"] == 0.0  # gold says master, the text says bachelor
    assert doc["accuracy"]["experience_min_years"] == 1.0
    assert doc["confusion_min_required"] == {"master": {"bachelor": 1}}
    table = runner.invoke(app, ["eval", "--gold", str(gold), "--postings", str(postings), "--show-errors"])
    assert table.exit_code == 0 and "x:0001  min_required" in table.output


def test_bad_options_are_one_line_errors(tmp_path: Path) -> None:
    result = runner.invoke(app, ["extract", str(_jsonl(tmp_path))])
    assert isinstance(result.exception, ExtractError) and "needs --out" in str(result.exception)
    result = runner.invoke(app, ["extract", "--engine", "flink", "--db", str(tmp_path / "x.duckdb")])
    assert isinstance(result.exception, ExtractError)
    assert "unknown engine 'flink'" in str(result.exception)
