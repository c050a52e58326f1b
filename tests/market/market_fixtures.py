"""Builders for hand-built stores whose figures are known by construction (see ``TEN``)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from mlepath.extract import Requirements, Salary, SkillHit
from mlepath.sources import Posting
from mlepath.store import Store

VERSION = "test-1"


def skill(sid: str, category: str = "ml_framework", required: bool = True) -> SkillHit:
    return SkillHit(sid, sid.title(), category, required)


def add(store: Store, rows: Iterable[tuple[str, dict[str, Any], dict[str, Any]]]) -> None:
    """``(id, requirements kwargs, posting kwargs)`` rows -> postings + requirements."""
    rows = list(rows)
    postings = []
    reqs = []
    for pid, req, post in rows:
        post = {"source": "hand", "title": "Machine Learning Engineer", **post}
        postings.append(Posting(id=pid, description_text=f"posting text {pid}", **post))
        reqs.append((pid, Requirements(**{"role_family": "ml_engineer", "ml_focus": "applied",
                                          "seniority": "mid", "extractor_version": VERSION,
                                          **req})))
    store.upsert_postings(postings)
    store.save_requirements(reqs)


# Ten ML-engineer postings. By construction:
#   min_required: phd x3 (h0-h2), master x1 (h3), bachelor x5 (h4-h8), unspecified x1 (h9)
#   ml_focus research: h0, h1, h3 (3); applied: the other 7
#   preferred master: h4, h5, h6, h9 (4); preferred phd: h3, h4 (2)
#   phd required or preferred: h0, h1, h2, h3, h4 (5)
#   equivalent experience ok: h7, h8 (2)
#   seniority senior: h0, h4, h5 (3); others mid
#   experience: h0 none, h1 0.5, h2 2, h3 3, h4 4, h5 5, h6 7, h7 8, h8 10, h9 none
#   skills: pytorch everywhere (10); jax on h0, h1, h3 (research only); docker on h5-h9
#   salary: h4 USD 100k-140k/year, h5 USD 50/hour, h6 EUR 6000/month
#   source: h0-h4 "board_a", h5-h9 "board_b"; company "Acme" on h0-h2, else "Globex"
#   location "San Francisco, CA" on even ids, "Remote, US" on odd (remote=True);
#   posted_at 2025-01-0{i+1}, except h9 has no date
TEN: list[tuple[str, dict[str, Any], dict[str, Any]]] = []
_MIN = ["phd", "phd", "phd", "master", "bachelor", "bachelor", "bachelor", "bachelor", "bachelor",
        "unspecified"]
_PREF: list[tuple[str, ...]] = [(), (), (), ("phd",), ("master", "phd"), ("master",), ("master",),
                                (), (), ("master",)]
_YEARS = [None, 0.5, 2, 3, 4, 5, 7, 8, 10, None]
_SALARY = {4: Salary(100_000, 140_000, "USD", "year", "text"),
           5: Salary(50, 50, "USD", "hour", "text"),
           6: Salary(6000, 6000, "EUR", "month", "text")}
for i in range(10):
    skills = [skill("pytorch")]
    if i in (0, 1, 3):
        skills.append(skill("jax"))
    if i >= 5:
        skills.append(skill("docker", "mlops"))
    TEN.append((f"h{i}", {
        "min_required": _MIN[i], "preferred_levels": _PREF[i],
        "equivalent_experience_ok": i in (7, 8),
        "ml_focus": "research" if i in (0, 1, 3) else "applied",
        "seniority": "senior" if i in (0, 4, 5) else "mid",
        "experience_min_years": _YEARS[i], "skills": tuple(skills), "salary": _SALARY.get(i),
        "fields": ("computer_science",) if i < 6 else (),
    }, {
        "source": "board_a" if i < 5 else "board_b",
        "company": "Acme" if i < 3 else "Globex",
        "location": "San Francisco, CA" if i % 2 == 0 else "Remote, US",
        "remote": i % 2 == 1,
        "posted_at": None if i == 9 else f"2025-01-0{i + 1}",
        "title": "Research Engineer" if i in (0, 1, 3) else "Machine Learning Engineer",
    }))
