"""Set cover, schedule, titles and the catalogue."""

from __future__ import annotations

import itertools
import json
from importlib import resources

import pytest

from mlepath.errors import AdviceError
from mlepath.plan import Project, greedy_cover, load_projects, make_plan, schedule, target_titles


def proj(pid, skills, hours=10):
    return Project(id=pid, title=pid, hours=hours, skills=frozenset(skills))


def smallest_cover_size(weights, projects):
    need = set(weights)
    for k in range(1, len(projects) + 1):
        for combo in itertools.combinations(projects, k):
            if need <= set().union(*(p.skills for p in combo)):
                return k
    return None


def test_two_disjoint_projects_beat_four_partial_ones():
    weights = {"a": 0.5, "b": 0.4, "c": 0.3, "d": 0.2}
    projects = [proj("ab", "ab"), proj("cd", "cd"), proj("ac", "ac"), proj("b", "b"),
                proj("d", "d")]
    steps = greedy_cover(weights, projects)
    assert [s.project.id for s in steps] == ["ab", "cd"]
    assert len(steps) == smallest_cover_size(weights, projects) == 2
    assert steps[0].covers == ("a", "b") and steps[0].weight == pytest.approx(0.9)


def test_one_big_project_covers_everything():
    weights = {s: 0.1 for s in "abcdef"}
    projects = [proj("abc", "abc"), proj("def", "def"), proj("all", "abcdef", hours=40)]
    steps = greedy_cover(weights, projects)
    assert [s.project.id for s in steps] == ["all"]


def test_demand_weight_beats_skill_count():
    # one heavily demanded skill outweighs three rare ones
    weights = {"pytorch": 0.8, "x": 0.05, "y": 0.05, "z": 0.05}
    projects = [proj("rare", "xyz"), proj("torch", ["pytorch"])]
    assert greedy_cover(weights, projects)[0].project.id == "torch"


def test_ties_go_to_fewer_hours_and_useless_projects_are_never_picked():
    weights = {"a": 0.5}
    projects = [proj("slow", "a", hours=80), proj("fast", "a", hours=20), proj("other", "q")]
    steps = greedy_cover(weights, projects)
    assert [s.project.id for s in steps] == ["fast"]


def test_schedule_weeks_and_overflow():
    steps = greedy_cover({"a": 0.5, "b": 0.4, "c": 0.1},
                         [proj("A", "a", 25), proj("B", "b", 30), proj("C", "c", 100)])
    planned = schedule(steps, weeks=6, hours_per_week=10)
    # A: hours 0-25 -> weeks 1-3; B: hours 25-55 -> weeks 3-6; C does not fit in 60 hours
    assert [(p.start_week, p.end_week) for p in planned] == [(1, 3), (3, 6), (None, None)]


def test_target_titles_count_best_fit_and_eligibility():
    postings = [
        {"title": "ML Engineer", "score": 90, "education": "eligible", "experience": "meets"},
        {"title": "ml  engineer", "score": 80, "education": "below_minimum", "experience": "meets"},
        {"title": "Research Scientist", "score": 20, "education": "below_minimum",
         "experience": "short"},
        {"title": "Applied Scientist", "score": 85, "education": "eligible",
         "experience": "short"},
    ]
    titles = target_titles(postings)
    assert titles[0].title == "ML Engineer"
    # scores 90, 85 | 80, 20: the best-fitting half is the 90 and the 85
    assert (titles[0].postings, titles[0].best_fit, titles[0].eligible_share) == (2, 1, 0.5)
    assert [t.title for t in titles] == ["ML Engineer", "Applied Scientist"]  # top half only


def test_make_plan_from_fit_document():
    fit = {"missing_skills": [{"skill": "pytorch", "share": 0.6},
                              {"skill": "docker", "share": 0.5},
                              {"skill": "kubernetes", "share": 0.4},
                              {"skill": "rag", "share": 0.3}],
           "postings": [{"title": "Machine Learning Engineer", "score": 70,
                         "education": "eligible", "experience": "meets"}]}
    plan = make_plan(fit, weeks=20, hours_per_week=10, path_id="internal-pivot")
    doc = plan.to_dict()
    assert doc["budget_hours"] == 200
    covered = {s for p in doc["projects"] for s in p["covers"]}
    assert covered == {"pytorch", "docker", "kubernetes", "rag"}
    assert doc["uncovered"] == []
    assert doc["titles"][0] == {"title": "Machine Learning Engineer", "postings": 1,
                                "best_fit": 1, "eligible_share": 1.0}
    assert any("Volunteer for one internal ML project" in h for h in doc["habits"])
    assert any(doc["projects"][0]["title"] in h for h in doc["habits"])


@pytest.mark.parametrize(("kwargs", "message"), [({"weeks": 0}, "--weeks"),
                                                 ({"hours_per_week": 0}, "--hours-per-week"),
                                                 ({"path_id": "mba"}, "unknown path")])
def test_bad_plan_inputs(kwargs, message):
    with pytest.raises(AdviceError, match=message):
        make_plan({"missing_skills": [{"skill": "pytorch", "share": 0.5}]}, **kwargs)


def test_catalogue_has_the_classic_three_and_uses_taxonomy_ids():
    projects = {p.id: p for p in load_projects()}
    assert {"churn-prediction", "cv-classifier", "time-series-forecaster", "recommender",
            "llm-rag-app", "mlops-pipeline"} <= set(projects)
    assert {"xgboost", "lightgbm", "apis"} <= projects["churn-prediction"].skills
    assert {"pytorch", "docker", "web_frameworks"} <= projects["cv-classifier"].skills
    assert {"time_series", "model_monitoring"} <= projects["time-series-forecaster"].skills
    text = resources.files("mlepath.extract").joinpath("data/taxonomy.json").read_text("utf-8")
    known = {s["id"] for s in json.loads(text)["skills"]}
    for p in projects.values():
        assert p.skills <= known, f"{p.id}: unknown ids {sorted(p.skills - known)}"


def test_soft_skills_are_listed_apart_not_covered_by_projects():
    fit = {"missing_skills": [{"skill": "communication", "share": 0.9},
                              {"skill": "pytorch", "share": 0.5}]}
    doc = make_plan(fit).to_dict()
    assert doc["missing_skills"] == [{"skill": "pytorch", "share": 0.5}]
    assert doc["soft_skills"] == [{"skill": "communication", "share": 0.9}]
    assert doc["uncovered"] == []


def test_plan_html_is_offline_and_escaped():
    from mlepath.plan import render_html

    fit = {"missing_skills": [{"skill": "pytorch", "share": 0.5}],
           "postings": [{"title": "<img src=x onerror=alert(1)>", "score": 50,
                         "education": "eligible", "experience": "meets"}]}
    html = render_html(make_plan(fit, weeks=8, hours_per_week=10))
    assert "<img src=x" not in html and "&lt;img src=x" in html
    assert "Plotly.newPlot" in html and "<script src=" not in html
