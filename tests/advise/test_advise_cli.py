"""``mlepath advise`` / ``roi`` / ``plan`` through CliRunner: JSON shapes, HTML, errors."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from mlepath.cli import app

runner = CliRunner()


def run(*args):
    return runner.invoke(app, list(args))


def test_advise_json_shape_and_2x2(tmp_path):
    result = run("advise", "--years", "5", "--goal", "product", "--employer-has-ml", "yes",
                 "--current-pay", "180000", "--target-pay", "210000",
                 "--db", str(tmp_path / "none.duckdb"), "--format", "json")
    assert result.exit_code == 0, result.output
    doc = json.loads(result.output)
    ids = [p["id"] for p in doc["paths"]]
    assert sorted(ids) == sorted(["internal-pivot", "self-study", "bootcamp",
                                  "masters-part-time", "masters-full-time", "phd"])
    first = doc["paths"][0]
    assert first["id"] == "internal-pivot" and first["rank"] == 1
    assert isinstance(first["npv"], float) and first["npv"] > 0
    assert len(first["months"]) == 2 and len(first["cost"]) == 2
    for p in doc["paths"]:
        for reason in p["reasons"]:
            assert reason["text"] and reason["evidence"]


def test_advise_table_lists_every_path(tmp_path):
    result = run("advise", "--years", "1", "--goal", "research",
                 "--db", str(tmp_path / "none.duckdb"))
    assert result.exit_code == 0, result.output
    for pid in ("internal-pivot", "self-study", "bootcamp", "masters-part-time",
                "masters-full-time", "phd"):
        assert pid in result.output


def test_advise_html_is_offline_and_escaped(tmp_path):
    out = tmp_path / "advice.html"
    result = run("advise", "--years", "4", "--goal", "product", "--current-pay", "150000",
                 "--target-pay", "175000", "--location", "<script>alert(1)</script>",
                 "--db", str(tmp_path / "none.duckdb"), "--format", "html", "--out", str(out))
    assert result.exit_code == 0, result.output
    html = out.read_text()
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "Plotly.newPlot" in html and "tornado-0" in html
    assert "<script src=" not in html  # plotly.js is inline, nothing is fetched


def test_advise_bad_answers_are_one_line_errors(tmp_path):
    from mlepath.cli import main  # noqa: F401  (the entry point prints MlepathError as one line)

    result = run("advise", "--employer-has-ml", "maybe", "--db", str(tmp_path / "x.duckdb"))
    assert result.exit_code != 0
    assert "answer yes or no" in str(result.exception)
    result = run("advise", "--goal", "fame", "--db", str(tmp_path / "x.duckdb"))
    assert "unknown goal 'fame'" in str(result.exception)


def test_advise_with_a_bad_paths_file(tmp_path):
    bad = tmp_path / "paths.yaml"
    bad.write_text("paths:\n  - id: phd\n    months: [84, 48]\n")
    result = run("advise", "--paths", str(bad), "--db", str(tmp_path / "x.duckdb"))
    assert result.exit_code != 0
    assert "'months' low 84 is above high 48" in str(result.exception)


def test_roi_json_shape_and_hand_checked_npv():
    result = run("roi", "--path", "masters-full-time", "--current-pay", "120000",
                 "--target-pay", "180000", "--tuition", "12000", "--study-months", "12",
                 "--p-land", "1", "--discount-rate", "0", "--pay-growth", "0",
                 "--horizon-years", "4", "--format", "json")
    assert result.exit_code == 0, result.output
    doc = json.loads(result.output)
    assert set(doc) >= {"path", "npv", "baseline", "break_even_month", "inputs", "sensitivity"}
    assert doc["path"] == "masters-full-time" and doc["baseline"] == "stay"
    # search months default to the path's midpoint, 2.5 -> 3 whole months at the old pay:
    # 12 * -(10k + 1k) + (48 - 12 - 3) * 5k
    assert doc["npv"] == pytest.approx(-132_000 + 33 * 5_000)
    assert doc["break_even_month"] == 12 + 3 + 27
    swings = [row["swing"] for row in doc["sensitivity"]]
    assert swings == sorted(swings, reverse=True)
    assert doc["inputs"]["tuition"] == 12_000


def test_roi_monte_carlo_is_reproducible_with_seed():
    args = ("roi", "--path", "bootcamp", "--current-pay", "150000", "--target-pay", "170000",
            "--monte-carlo", "200", "--seed", "3", "--format", "json")
    a, b = run(*args), run(*args)
    assert a.exit_code == 0, a.output
    assert json.loads(a.output)["monte_carlo"] == json.loads(b.output)["monte_carlo"]


def test_roi_table_and_unknown_path():
    ok = run("roi", "--path", "phd", "--current-pay", "150000", "--target-pay", "220000")
    assert ok.exit_code == 0 and "Sensitivity" in ok.output
    bad = run("roi", "--path", "mba", "--current-pay", "1", "--target-pay", "2")
    assert bad.exit_code != 0 and "unknown path 'mba'" in str(bad.exception)


def test_plan_without_a_store_says_how_to_fix(tmp_path):
    resume = tmp_path / "me.md"
    resume.write_text("# Me\n")
    result = run("plan", str(resume), "--db", str(tmp_path / "none.duckdb"))
    assert result.exit_code != 0
    assert "a plan needs target postings" in str(result.exception)


def test_every_command_has_an_example_in_its_docstring():
    from mlepath.cli import _advise

    for fn in (_advise.advise, _advise.roi, _advise.plan):
        assert "Example: mlepath " in (fn.__doc__ or "")


def test_every_command_is_documented():
    from pathlib import Path

    text = (Path(__file__).resolve().parents[2] / "docs" / "advise.md").read_text("utf-8")
    for command in ("mlepath advise", "mlepath roi", "mlepath plan"):
        assert command in text


def test_advise_table_out_writes_the_readable_report(tmp_path):
    out = tmp_path / "advice.txt"
    result = run("advise", "--years", "2", "--goal", "product", "--db",
                 str(tmp_path / "none.duckdb"), "--out", str(out))
    assert result.exit_code == 0, result.output
    text = out.read_text()
    assert "applied ML-engineer" in text and "1. Self-study and portfolio" in text


def test_advise_html_without_pay_says_how_to_get_the_roi(tmp_path):
    out = tmp_path / "a.html"
    result = run("advise", "--years", "1", "--goal", "product", "--db",
                 str(tmp_path / "none.duckdb"), "--format", "html", "--out", str(out))
    assert result.exit_code == 0, result.output
    html = out.read_text()
    assert "Give --current-pay and --target-pay" in html and "tornado-0" not in html


def test_roi_html_has_the_tornado(tmp_path):
    out = tmp_path / "roi.html"
    result = run("roi", "--path", "bootcamp", "--current-pay", "150000", "--target-pay",
                 "170000", "--format", "html", "--out", str(out))
    assert result.exit_code == 0, result.output
    html = out.read_text()
    assert "tornado-0" in html and "Sensitivity of bootcamp" in html
