"""``compute_report`` on the hand-built store of ``conftest.TEN``: figures known by construction."""

from __future__ import annotations

import json

import pytest
from market_fixtures import add, skill

from mlepath.market import Filters, compute_report, wilson
from mlepath.store import Store


def test_degree_figures_overall(ten: Store) -> None:
    r = compute_report(ten)
    assert r.n == 10
    expected = {"min_required=phd": 3, "min_required=master": 1, "min_required=bachelor": 5,
                "min_required=unspecified": 1, "min_required=none": 0,
                "min_required>=bachelor": 9, "min_required>=master": 4, "preferred=master": 4,
                "phd_required_or_preferred": 5, "equivalent_experience_ok": 2}
    for metric, count in expected.items():
        f = r.figure(metric)
        assert f is not None and (f.count, f.n) == (count, 10), metric
        assert f.ci95 == wilson(count, 10)


def test_breakdowns_by_focus_and_seniority_side_by_side(ten: Store) -> None:
    r = compute_report(ten)
    research = r.figure("min_required=phd", ml_focus="research")
    applied = r.figure("min_required=phd", ml_focus="applied")
    assert research is not None and (research.count, research.n) == (2, 3)
    assert applied is not None and (applied.count, applied.n) == (1, 7)
    senior = r.figure("min_required>=bachelor", seniority="senior")  # h0 phd, h4 + h5 bachelor
    assert senior is not None and (senior.count, senior.n) == (3, 3)
    mid = r.figure("phd_required_or_preferred", seniority="mid")  # h1, h2, h3 of 7
    assert mid is not None and (mid.count, mid.n) == (3, 7)
    assert r.group_values("ml_focus") == ["research", "applied"]
    assert r.group_values("seniority") == ["mid", "senior"]


def test_experience_distribution_and_summary(ten: Store) -> None:
    r = compute_report(ten)
    got = {b: r.figure(f"experience={b}").count  # type: ignore[union-attr]
           for b in ("unstated", "0", "1-2", "3-4", "5-7", "8+")}
    assert got == {"unstated": 2, "0": 1, "1-2": 1, "3-4": 2, "5-7": 2, "8+": 2}
    # stated years: 0.5, 2, 3, 4, 5, 7, 8, 10 -> median (4 + 5) / 2
    assert r.experience_summary["stated"] == 8
    assert r.experience_summary["median"] == 4.5


def test_skills_fields_and_titles(ten: Store) -> None:
    r = compute_report(ten)
    pytorch = r.figure("skill=pytorch")
    assert pytorch is not None and (pytorch.count, pytorch.n) == (10, 10)
    jax_research = r.figure("skill=jax", ml_focus="research")
    assert jax_research is not None and (jax_research.count, jax_research.n) == (3, 3)
    assert r.skills["docker"] == {"name": "Docker", "category": "mlops"}
    field = r.figure("field=computer_science")
    assert field is not None and field.count == 6
    titles = [f for f in r.figures if f.metric.startswith("title=")]
    assert [(f.metric, f.count) for f in titles] == [
        ("title=machine learning engineer", 7), ("title=research engineer", 3)]


def test_salary_by_degree_is_annualised_per_currency(ten: Store) -> None:
    salary = compute_report(ten).salary_by_degree
    assert [r["currency"] for r in salary] == ["USD", "EUR"]  # most salaries first
    rows = {(r["min_required"], r["currency"]): r for r in salary}
    # bachelor/USD: h4 midpoint 120,000/year and h5 50/hour x 2080 = 104,000
    usd = rows[("bachelor", "USD")]
    assert usd["n"] == 2 and usd["median"] == 112_000 and usd["mean"] == 112_000
    assert rows[("bachelor", "EUR")]["median"] == 72_000  # 6,000/month x 12
    assert len(rows) == 2


def test_distinguishing_skills_rank_by_log_odds_with_a_minimum_count(store: Store) -> None:
    # 20 research, 20 applied: jax 15 vs 1, docker 2 vs 16, pytorch 10 vs 10, rare 1 vs 0
    rows = []
    for i in range(40):
        research = i < 20
        k = i if research else i - 20
        skills = [skill("pytorch")] if k < 10 else []
        if (research and k < 15) or (not research and k < 1):
            skills.append(skill("jax"))
        if (research and k < 2) or (not research and k < 16):
            skills.append(skill("docker", "mlops"))
        if research and k == 0:
            skills.append(skill("rare"))
        rows.append((f"d{i}", {"ml_focus": "research" if research else "applied",
                               "skills": tuple(skills)}, {}))
    add(store, rows)
    d = compute_report(store, min_count=5).distinguishing_skills
    assert (d["research_n"], d["applied_n"]) == (20, 20)
    assert [x["skill"] for x in d["research"]] == ["jax"]
    assert [x["skill"] for x in d["applied"]] == ["docker"]
    jax = d["research"][0]
    assert jax["research"]["count"] == 15 and jax["applied"]["count"] == 1
    assert jax["diff"] == pytest.approx(0.70)
    # log((15.5 / 5.5) / (1.5 / 19.5)) = 3.6010; se = sqrt(1/15.5 + 1/5.5 + 1/1.5 + 1/19.5)
    assert jax["log_odds"] == pytest.approx(3.6010, abs=1e-3)
    assert jax["z"] == pytest.approx(3.6010 / 0.98198, abs=1e-2)
    assert all(x["skill"] != "rare" for x in d["research"] + d["applied"])


def test_filters_apply_to_every_figure(ten: Store) -> None:
    r = compute_report(ten, Filters(source="board_a"))
    assert r.n == 5
    phd = r.figure("min_required=phd")
    assert phd is not None and (phd.count, phd.n) == (3, 5)
    docker = r.figure("skill=docker")  # docker only on h5-h9 (board_b)
    assert docker is None or docker.count == 0


def test_json_document_shape(ten: Store) -> None:
    doc = json.loads(json.dumps(compute_report(ten, Filters(role="ml_engineer")).to_dict()))
    assert doc["n"] == 10 and doc["filters"] == {"role": "ml_engineer"}
    assert {"skills", "distinguishing_skills", "salary_by_degree", "experience_summary",
            "extractor_versions"} <= set(doc)
    assert doc["extractor_versions"] == {"test-1": 10}
    phd = next(f for f in doc["figures"] if f["metric"] == "min_required=phd" and not f["by"])
    assert phd == {"metric": "min_required=phd", "share": 0.3, "count": 3, "n": 10,
                   "ci95": [0.1078, 0.6032], "thin": True, "by": {}}
    for f in doc["figures"]:
        assert set(f) == {"metric", "share", "count", "n", "ci95", "thin", "by"}


def test_thin_marks_follow_n(store: Store) -> None:
    add(store, [(f"p{i}", {"ml_focus": "research" if i < 29 else "applied"}, {})
                for i in range(60)])
    r = compute_report(store)
    research = r.figure("min_required=unspecified", ml_focus="research")
    applied = r.figure("min_required=unspecified", ml_focus="applied")
    overall = r.figure("min_required=unspecified")
    assert research is not None and research.n == 29 and research.thin
    assert applied is not None and applied.n == 31 and not applied.thin
    assert overall is not None and not overall.thin


def test_empty_store_report(store: Store) -> None:
    r = compute_report(store)
    assert r.n == 0 and r.salary_by_degree == []
    assert r.to_dict()["n"] == 0
