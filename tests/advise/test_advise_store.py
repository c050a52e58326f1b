"""Advice and plan over a small hand-built store whose figures are known by construction."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from mlepath.advise import AdviceInputs, advise, market_evidence
from mlepath.cli import app
from mlepath.extract import Requirements, SkillHit
from mlepath.plan import plan_for_resume
from mlepath.sources import Posting
from mlepath.store import Store

PYTORCH = SkillHit("pytorch", "PyTorch", "ml_framework", True)
DOCKER = SkillHit("docker", "Docker", "mlops", True)
PYTHON = SkillHit("python", "Python", "programming_language", True)


def _fill(store: Store) -> None:
    """40 applied ML-engineer postings: 4 require a PhD, 8 a master's, 28 a bachelor's;
    12 accept equivalent experience. 10 research ML-engineer postings, all PhD."""
    postings, reqs = [], []
    for i in range(50):
        research = i >= 40
        level = "phd" if (research or i < 4) else "master" if i < 12 else "bachelor"
        title = "Research Engineer" if research else ("ML Engineer" if i % 2 else
                                                     "Machine Learning Engineer")
        p = Posting(id=f"p{i}", source="test", description_text=f"posting {i} text",
                    title=title, company=f"Co{i}", location="Remote")
        postings.append(p)
        reqs.append((p.id, Requirements(
            min_required=level, equivalent_experience_ok=(not research and i >= 28),
            experience_min_years=2, role_family="ml_engineer",
            ml_focus="research" if research else "applied", seniority="mid",
            skills=(PYTHON, PYTORCH, DOCKER) if i % 2 else (PYTHON, PYTORCH),
            extractor_version="test")))
    store.upsert_postings(postings)
    store.save_requirements(reqs)


@pytest.fixture
def filled(store_path):
    s = Store(store_path)
    _fill(s)
    yield s
    s.close()


def test_market_evidence_counts_are_the_constructed_ones(filled):
    ev = market_evidence(filled, AdviceInputs(goal="product"))
    assert ev.segment == "applied ML-engineer"
    assert (ev.phd_required.count, ev.phd_required.n) == (4, 40)
    assert (ev.advanced_required.count, ev.advanced_required.n) == (12, 40)
    assert (ev.equivalent_ok.count, ev.equivalent_ok.n) == (12, 40)
    assert (ev.research_share.count, ev.research_share.n) == (10, 50)


def test_advice_cites_the_store(filled):
    advice = advise(AdviceInputs(years=5, goal="product"), store=filled)
    phd = next(p for p in advice.paths if p.id == "phd")
    texts = " ".join(r.text for r in phd.reasons)
    assert "of 40 applied ML-engineer postings, 10%" in texts
    assert not advice.notes


def test_advice_and_plan_from_a_resume(filled, tmp_path):
    resume = tmp_path / "me.yaml"
    resume.write_text("degrees:\n  - level: bachelor\n    field: computer_science\n"
                      "years_experience: 6\nskills: [python]\n")
    advice = advise(AdviceInputs(goal="product"), store=filled, resume=resume)
    assert advice.inputs.years == 6  # read from the profile
    assert any(r.evidence.get("kind") == "fit" for p in advice.paths for r in p.reasons)
    plan = plan_for_resume(resume, filled, weeks=20, hours_per_week=10)
    doc = plan.to_dict()
    covered = {s for p in doc["projects"] for s in p["covers"]}
    assert {"pytorch", "docker"} <= covered
    assert doc["titles"] and doc["titles"][0]["title"] in ("ML Engineer",
                                                           "Machine Learning Engineer")


def test_cli_plan_json(filled, store_path, tmp_path):
    filled.close()
    resume = tmp_path / "me.yaml"
    resume.write_text("years_experience: 3\nskills: [python, docker]\n")
    result = CliRunner().invoke(app, ["plan", str(resume), "--db", str(store_path),
                                      "--weeks", "10", "--hours-per-week", "8",
                                      "--format", "json"])
    assert result.exit_code == 0, result.output
    doc = json.loads(result.output)
    assert doc["budget_hours"] == 80
    assert doc["missing_skills"][0]["skill"] == "pytorch"
    assert doc["projects"][0]["covers"] == ["pytorch"]
