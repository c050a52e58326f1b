"""``mlepath fit`` through the CLI runner: formats, profile display/saving, --postings, --save."""

from __future__ import annotations

import json
from pathlib import Path

import duckdb
import pytest
from fit_helpers import RESUME_LINES
from typer.testing import CliRunner

from mlepath.cli import app
from mlepath.extract import Requirements, SkillHit
from mlepath.sources import Posting
from mlepath.store import Store

runner = CliRunner()
PY = SkillHit("python", "Python", "programming_language", True)
TORCH = SkillHit("pytorch", "PyTorch", "ml_framework", True)


@pytest.fixture
def db(store_path: Path) -> Path:
    reqs = [
        ("c:1", "ML Engineer", "Acme <b>Labs</b>",
         Requirements(min_required="bachelor", role_family="ml_engineer", ml_focus="applied",
                      skills=(PY, TORCH), extractor_version="v1")),
        ("c:2", "Research Scientist", "Beta",
         Requirements(min_required="phd", role_family="research_scientist", ml_focus="research",
                      skills=(TORCH,), extractor_version="v1")),
    ]
    with Store(store_path) as s:
        s.upsert_postings(Posting(id=p, source="c", title=t, company=c, description_text=p)
                          for p, t, c, _ in reqs)
        s.save_requirements((p, r) for p, _, _, r in reqs)
    return store_path


@pytest.fixture
def profile_yaml(tmp_path: Path) -> Path:
    f = tmp_path / "me.yaml"
    f.write_text("degrees: [{level: bachelor, field: computer_science}]\nyears_experience: 6\n"
                 "skills: [python]\n", encoding="utf-8")
    return f


def test_json_output(db: Path, profile_yaml: Path) -> None:
    res = runner.invoke(app, ["fit", str(profile_yaml), "--db", str(db), "--format", "json"])
    assert res.exit_code == 0, res.output
    d = json.loads(res.output)
    assert d["n_postings"] == 2 and d["eligible_share"] == 0.5
    assert d["eligible_share_if"] == {"master": 0.5, "phd": 1.0}
    assert d["missing_skills"][0]["skill"] == "pytorch"
    assert [p["id"] for p in d["postings"]] == ["c:1", "c:2"]


def test_filters_and_table_output(db: Path, profile_yaml: Path) -> None:
    res = runner.invoke(app, ["fit", str(profile_yaml), "--db", str(db), "--role", "ml_engineer",
                              "--focus", "applied"])
    assert res.exit_code == 0, res.output
    assert "Fit against 1 target postings" in res.output
    assert "ML Engineer" in res.output and "Research Scientist" not in res.output
    assert "score = 100" in res.output  # the formula is explained


def test_html_is_self_contained_and_escaped(db: Path, profile_yaml: Path, tmp_path: Path) -> None:
    out = tmp_path / "fit.html"
    res = runner.invoke(app, ["fit", str(profile_yaml), "--db", str(db), "--format", "html",
                              "--out", str(out)])
    assert res.exit_code == 0, res.output
    html = out.read_text(encoding="utf-8")
    assert "Acme &lt;b&gt;Labs&lt;/b&gt;" in html and "<b>Labs</b>" not in html
    assert "Plotly.newPlot" in html and "<script src=" not in html
    assert len(html) > 1_000_000  # plotly.js is embedded: the page works offline


def test_show_and_save_profile_from_a_resume(tmp_path: Path) -> None:
    cv = tmp_path / "cv.txt"
    cv.write_text("\n".join(RESUME_LINES), encoding="utf-8")
    saved = tmp_path / "me.yaml"
    res = runner.invoke(app, ["fit", str(cv), "--show-profile", "--save-profile", str(saved)])
    assert res.exit_code == 0, res.output
    assert "master (computer_science)" in res.output
    assert "Senior Software Engineer" in res.output
    again = runner.invoke(app, ["fit", str(saved), "--show-profile", "--format", "json"])
    d = json.loads(again.output)
    assert d["highest_degree"] == "master" and d["titles"][0] == "Senior Software Engineer"
    assert d["years_experience"] is not None and d["years_experience"] >= 8.3


def test_nothing_is_stored_unless_save(db: Path, profile_yaml: Path) -> None:
    def tables() -> set[str]:
        con = duckdb.connect(str(db), read_only=True)
        try:
            return {r[0] for r in con.execute(
                "SELECT table_name FROM information_schema.tables").fetchall()}
        finally:
            con.close()

    assert runner.invoke(app, ["fit", str(profile_yaml), "--db", str(db)]).exit_code == 0
    assert "fit_audits" not in tables()
    res = runner.invoke(app, ["fit", str(profile_yaml), "--db", str(db), "--save"])
    assert res.exit_code == 0, res.output
    con = duckdb.connect(str(db), read_only=True)
    try:
        source, report = con.execute("SELECT source, report FROM fit_audits").fetchone()
    finally:
        con.close()
    assert source == "me.yaml" and json.loads(report)["n_postings"] == 2


def test_postings_folder_is_extracted_in_memory(tmp_path: Path, profile_yaml: Path) -> None:
    folder = tmp_path / "saved_jds"
    folder.mkdir()
    (folder / "a.md").write_text(
        "# Machine Learning Engineer\n\nRequirements:\n- Bachelor's degree in Computer Science\n"
        "- 3+ years of experience with Python and PyTorch\n", encoding="utf-8")
    (folder / "b.md").write_text(
        "# Research Scientist\n\nMinimum qualifications:\n- PhD in Machine Learning or a "
        "related field\n- Experience with PyTorch\n", encoding="utf-8")
    res = runner.invoke(app, ["fit", str(profile_yaml), "--postings", str(folder),
                              "--format", "json"])
    assert res.exit_code == 0, res.output
    d = json.loads(res.output)
    assert d["n_postings"] == 2
    by_title = {p["title"]: p for p in d["postings"]}
    assert by_title["Machine Learning Engineer"]["education"] == "eligible"
    assert by_title["Research Scientist"]["education"] == "below_minimum"
    assert not list(tmp_path.glob("*.duckdb"))  # nothing written


def test_errors_are_one_line(tmp_path: Path, db: Path) -> None:
    bad = tmp_path / "me.yaml"
    bad.write_text("years_experience: lots\n", encoding="utf-8")
    res = runner.invoke(app, ["fit", str(bad), "--db", str(db)])
    assert res.exit_code != 0
    assert "years_experience" in str(res.exception)
    res = runner.invoke(app, ["fit", str(bad), "--db", str(db), "--format", "pdf"])
    assert "unknown format 'pdf'" in str(res.exception)
