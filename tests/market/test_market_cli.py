from __future__ import annotations

import json
from pathlib import Path

import pytest
from market_fixtures import TEN, add
from typer.testing import CliRunner

from mlepath.cli import app
from mlepath.market import MarketError
from mlepath.store import Store

runner = CliRunner()


@pytest.fixture
def db(store_path: Path) -> str:
    with Store(store_path) as s:
        add(s, TEN)
    return str(store_path)


def test_report_table(db: str) -> None:
    result = runner.invoke(app, ["report", "--db", db, "--focus", "research"])
    assert result.exit_code == 0, result.output
    assert "Degree requirements by ML focus" in result.output
    assert "postings (n)" in result.output and "focus=research" in result.output
    assert "67% (21-94)" in result.output  # 2 of 3 research postings require a PhD
    assert "thin" in result.output


def test_report_json_matches_the_library(db: str) -> None:
    result = runner.invoke(app, ["report", "--db", db, "--format", "json", "--role",
                                 "ml_engineer", "--since", "2025-01-01", "--source", "board_a"])
    assert result.exit_code == 0, result.output
    doc = json.loads(result.output)
    assert doc["n"] == 5
    assert doc["filters"] == {"role": "ml_engineer", "date_from": "2025-01-01",
                              "source": "board_a"}
    phd = next(f for f in doc["figures"] if f["metric"] == "min_required=phd" and not f["by"])
    assert (phd["count"], phd["n"]) == (3, 5)


def test_report_html_to_a_file(db: str, tmp_path: Path) -> None:
    out = tmp_path / "market.html"
    result = runner.invoke(app, ["report", "--db", db, "--format", "html", "--out", str(out)])
    assert result.exit_code == 0, result.output
    html = out.read_text()
    assert html.startswith("<!DOCTYPE html>") and "Plotly.newPlot" in html


def test_claims_json_and_table(db: str) -> None:
    result = runner.invoke(app, ["claims", "--db", db, "--format", "json"])
    assert result.exit_code == 0, result.output
    doc = json.loads(result.output)
    ids = [c["id"] for c in doc["claims"]]
    assert ids[:2] == ["bachelor_minimum_exactly", "bachelor_minimum_at_least"]
    assert all(c["verdict"] == "insufficient_data" for c in doc["claims"])  # n = 10 < 30
    table = runner.invoke(app, ["claims", "--db", db])
    assert table.exit_code == 0 and "cannot both hold" in table.output
    assert "phd_required" in table.output


@pytest.mark.parametrize(("args", "message"), [
    (["report", "--role", "ml_enginer"], "unknown role 'ml_enginer'"),
    (["report", "--format", "pdf"], "unknown format 'pdf'"),
    (["report", "--format", "html"], "--format html needs --out FILE"),
    (["report", "--since", "yesterday"], "bad date_from 'yesterday'"),
    (["claims", "--format", "html"], "unknown format 'html'"),
])
def test_bad_options_are_one_line_errors(db: str, args: list[str], message: str) -> None:
    result = runner.invoke(app, [*args, "--db", db])
    assert result.exit_code == 1
    assert isinstance(result.exception, MarketError)
    assert message in str(result.exception)


def test_missing_store_names_the_fix(tmp_path: Path) -> None:
    result = runner.invoke(app, ["report", "--db", str(tmp_path / "nope.duckdb")])
    assert result.exit_code == 1 and "mlepath ingest" in str(result.exception)


def test_percentages_near_the_edges_keep_a_decimal() -> None:
    from mlepath.market._text import pct

    assert [pct(x) for x in (0.0, 0.00245, 0.0004, 0.3, 0.99755, 0.99999, 1.0)] == [
        "0%", "0.2%", "<0.1%", "30%", "99.8%", ">99.9%", "100%"]


def test_claims_from_a_user_file(db: str, tmp_path: Path) -> None:
    path = tmp_path / "mine.yaml"
    path.write_text("claims:\n  - {id: mine, text: Most ML jobs want a PhD, source: me,\n"
                    "     population: {role: ml_engineer}, metric: min_required=phd,\n"
                    "     claimed: [0.5, 1.0]}\n")
    result = runner.invoke(app, ["claims", "--db", db, "--file", str(path), "--format", "json"])
    assert result.exit_code == 0, result.output
    (claim,) = json.loads(result.output)["claims"]
    assert (claim["id"], claim["count"], claim["n"]) == ("mine", 3, 10)
    assert claim["verdict"] == "insufficient_data"


def test_role_family_table_only_when_several_families(store: Store) -> None:
    from market_fixtures import add
    from rich.console import Console

    from mlepath.market import compute_report, report_tables

    def titles() -> list[str]:
        return [str(t.title) for t in report_tables(compute_report(store))]

    add(store, [("a", {}, {})])
    assert "Degree requirements by role family" not in titles()
    add(store, [("b", {"role_family": "data_scientist", "min_required": "phd"}, {})])
    assert "Degree requirements by role family" in titles()
    console = Console(width=200, record=True)
    for t in report_tables(compute_report(store)):
        console.print(t)
    assert "data_scientist (n=1)" in console.export_text()
