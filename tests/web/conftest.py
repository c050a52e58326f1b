"""A small store built by code (as datasette's fixtures are) and a TestClient over it."""

from __future__ import annotations

import random
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from mlepath.extract import Evidence, Requirements, Salary, SkillHit
from mlepath.sources import Posting
from mlepath.store import Store
from mlepath.web import create_app

XSS_TITLE = "<img src=x onerror=alert(1)> ML Engineer"
XSS_TEXT = ("About us: <script>alert('pwned')</script> we build models.\n"
            "Requirements:\n- BS in Computer Science & 3+ years of Python.\n"
            "- <b>PyTorch</b> experience.\n")

_SKILLS = {
    "python": SkillHit("python", "Python", "programming_language", True),
    "pytorch": SkillHit("pytorch", "PyTorch", "ml_framework", True),
    "docker": SkillHit("docker", "Docker", "mlops", False),
    "kubernetes": SkillHit("kubernetes", "Kubernetes", "mlops", True),
    "sql": SkillHit("sql", "SQL", "programming_language", True),
}


def _evidence(text: str, sentence: str) -> tuple[Evidence, ...]:
    start = text.index(sentence)
    return (Evidence(sentence, start, start + len(sentence)),)


def _rows() -> list[tuple[Posting, Requirements]]:
    rows: list[tuple[Posting, Requirements]] = []
    # (id, title, company, location, date, min_required, preferred, role, focus, seniority, skills)
    specs = [
        ("gh:1", "Machine Learning Engineer", "Acme", "San Francisco, CA", "2025-03-01",
         "bachelor", ("master",), "ml_engineer", "applied", "mid", ("python", "pytorch")),
        ("gh:2", "Senior ML Engineer", "Acme", "Remote, US", "2025-03-05",
         "bachelor", ("master", "phd"), "ml_engineer", "applied", "senior",
         ("python", "docker", "kubernetes")),
        ("gh:3", "Research Scientist, LLMs", "DeepLab", "London, UK", "2025-02-10",
         "phd", (), "research_scientist", "research", "senior", ("python", "pytorch")),
        ("lv:4", "ML Engineer, Research", "DeepLab", "New York, NY", "2025-01-20",
         "master", ("phd",), "ml_engineer", "research", "mid", ("pytorch",)),
        ("lv:5", "Data Engineer", "Pipes Inc", "Austin, TX", "2024-12-01",
         "unspecified", (), "data_engineer", "none", "mid", ("sql", "python")),
        ("lv:6", "Junior Machine Learning Engineer", "Startup", "Berlin, DE", "2025-03-10",
         "none", (), "ml_engineer", "applied", "junior", ("python",)),
    ]
    for pid, title, company, location, date, min_req, pref, role, focus, seniority, skills in specs:
        degree = {"bachelor": "BS in Computer Science or equivalent experience.",
                  "master": "MS in Computer Science or a related field.",
                  "phd": "PhD in Machine Learning or a related field.",
                  "none": "No degree required.",
                  "unspecified": "Great team."}[min_req]
        text = (f"{title} at {company}.\nMinimum qualifications:\n- {degree}\n"
                f"- 3+ years of experience with {', '.join(_SKILLS[s].name for s in skills)}.\n"
                "Preferred qualifications:\n- Experience shipping models.\n")
        posting = Posting(id=pid, source="greenhouse" if pid.startswith("gh") else "lever",
                          description_text=text, title=title, company=company,
                          location=location, posted_at=date, remote="Remote" in location,
                          url=f"https://jobs.example.com/{pid}")
        req = Requirements(
            min_required=min_req, preferred_levels=pref,
            equivalent_experience_ok=min_req == "bachelor", fields=("computer_science",),
            experience_min_years=3.0, role_family=role, ml_focus=focus, seniority=seniority,
            skills=tuple(_SKILLS[s] for s in skills),
            salary=Salary(150000.0, 200000.0, "USD", "year", "text") if pid == "gh:2" else None,
            evidence={"min_required": _evidence(text, degree),
                      "experience_min_years": _evidence(text, "3+ years of experience")},
            extractor_version="test-1")
        rows.append((posting, req))
    xss = Posting(id="gh:xss", source="greenhouse", description_text=XSS_TEXT, title=XSS_TITLE,
                  company="Evil <Corp>", location="Remote", posted_at="2025-03-02",
                  url="javascript:alert(1)")
    rows.append((xss, Requirements(
        min_required="bachelor", role_family="ml_engineer", ml_focus="applied",
        skills=(_SKILLS["python"], _SKILLS["pytorch"]), extractor_version="test-1",
        evidence={"min_required": _evidence(XSS_TEXT, "BS in Computer Science & 3+ years"),
                  "skills": _evidence(XSS_TEXT, "<b>PyTorch</b>")})))
    return rows


def _generated(n: int) -> list[tuple[Posting, Requirements]]:
    """``n`` more postings spread over focus, seniority and degree (seeded, same every run)."""
    rng = random.Random(42)
    rows = []
    for i in range(n):
        focus = rng.choice(("applied", "applied", "applied", "research", "none"))
        role = "research_scientist" if focus == "research" and rng.random() < 0.4 else (
            "ml_engineer" if focus != "none" else "data_engineer")
        min_req = rng.choice(("bachelor", "bachelor", "master", "phd", "unspecified")
                             if focus == "research" else
                             ("bachelor", "bachelor", "bachelor", "master", "unspecified", "none"))
        skills = tuple(rng.sample(sorted(_SKILLS), rng.randint(1, 3)))
        text = f"Generated posting {i}.\nRequirements:\n- {min_req} degree.\n- Python.\n"
        posting = Posting(id=f"gen:{i}", source="generated", description_text=text,
                          title=f"{'Senior ' if i % 3 == 0 else ''}ML Engineer {i}",
                          company=rng.choice(("Acme", "Globex", "Initech", "Umbrella")),
                          location=rng.choice(("San Francisco, CA", "New York, NY", "Remote")),
                          posted_at=f"2025-0{1 + i % 6}-{10 + i % 18}")
        rows.append((posting, Requirements(
            min_required=min_req, preferred_levels=("phd",) if min_req == "master" else (),
            equivalent_experience_ok=min_req == "bachelor" and i % 2 == 0,
            experience_min_years=float(i % 9), role_family=role, ml_focus=focus,
            seniority=rng.choice(SENIORITIES), skills=tuple(_SKILLS[k] for k in skills),
            extractor_version="test-1")))
    return rows


SENIORITIES = ("junior", "mid", "mid", "senior", "senior", "staff_plus")


def fill_store(store: Store, extra: int = 0) -> Store:
    rows = _rows() + _generated(extra)
    store.upsert_postings(p for p, _ in rows)
    store.save_requirements((p.id, r) for p, r in rows)
    return store


def _assert_error(response: Any, status: int) -> dict[str, Any]:
    """The one error shape: exactly ok/error/status, JSON, no traceback."""
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/json")
    body: dict[str, Any] = response.json()
    assert set(body) == {"ok", "error", "status"}
    assert body["ok"] is False and body["status"] == status
    assert isinstance(body["error"], str) and body["error"]
    assert "Traceback" not in body["error"]
    return body


@pytest.fixture
def assert_error() -> Callable[[Any, int], dict[str, Any]]:
    return _assert_error


@pytest.fixture
def web_store() -> Iterator[Store]:
    store = fill_store(Store.memory())
    yield store
    store.close()


@pytest.fixture
def client(web_store: Store) -> Iterator[TestClient]:
    with TestClient(create_app(web_store)) as c:
        yield c


@pytest.fixture
def web_store_path(tmp_path: Path) -> Path:
    path = tmp_path / "web.duckdb"
    with Store(path) as store:
        fill_store(store)
    return path


@pytest.fixture(scope="session")
def browser_store_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fixture postings plus 60 generated ones, in a store file (for a live server)."""
    path = tmp_path_factory.mktemp("browser") / "jobs.duckdb"
    with Store(path) as store:
        fill_store(store, extra=60)
    return path
