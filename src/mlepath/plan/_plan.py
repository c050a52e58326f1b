"""``make_plan``: projects that close the person's most demanded gaps, laid out over their weeks.

Schedule: projects run one after another in cover order. With h = hours per week and H0 the
hours of the projects scheduled before it, a project of P hours runs from week
floor(H0 / h) + 1 to week ceil((H0 + P) / h); it is scheduled when that end week is within the
plan's weeks, otherwise it is listed with the hours it would still need (later, smaller
projects may still fit).
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from mlepath.errors import AdviceError

from ._catalogue import Project, habits_for, load_projects, soft_skill_ids
from ._cover import CoverStep, greedy_cover

ELIGIBLE_EDUCATION = ("eligible", "eligible_via_experience", "no_requirement")


@dataclass(frozen=True, slots=True)
class PlannedProject:
    step: CoverStep
    start_week: int | None
    end_week: int | None

    @property
    def scheduled(self) -> bool:
        return self.start_week is not None

    def to_dict(self) -> dict[str, Any]:
        p = self.step.project
        return {"id": p.id, "title": p.title, "hours": p.hours,
                "covers": list(self.step.covers), "weight": round(self.step.weight, 4),
                "scheduled": self.scheduled, "start_week": self.start_week,
                "end_week": self.end_week, "deliverables": list(p.deliverables)}


@dataclass(frozen=True, slots=True)
class TargetTitle:
    title: str
    postings: int        # target postings using this title
    best_fit: int        # of them, in the half of the target set the person fits best
    eligible_share: float  # share of them whose education and experience bar the person meets

    def to_dict(self) -> dict[str, Any]:
        return {"title": self.title, "postings": self.postings, "best_fit": self.best_fit,
                "eligible_share": round(self.eligible_share, 4)}


@dataclass(frozen=True, slots=True)
class Plan:
    path: str
    weeks: int
    hours_per_week: float
    missing: tuple[tuple[str, float], ...]
    soft_skills: tuple[tuple[str, float], ...]
    projects: tuple[PlannedProject, ...]
    titles: tuple[TargetTitle, ...]
    habits: tuple[str, ...]

    @property
    def uncovered(self) -> list[str]:
        covered = {s for p in self.projects for s in p.step.covers}
        return [s for s, _ in self.missing if s not in covered]

    def to_dict(self) -> dict[str, Any]:
        return {
            "path": self.path, "weeks": self.weeks, "hours_per_week": self.hours_per_week,
            "budget_hours": self.weeks * self.hours_per_week,
            "missing_skills": [{"skill": s, "share": round(w, 4)} for s, w in self.missing],
            "soft_skills": [{"skill": s, "share": round(w, 4)} for s, w in self.soft_skills],
            "projects": [p.to_dict() for p in self.projects],
            "uncovered": self.uncovered,
            "titles": [t.to_dict() for t in self.titles],
            "habits": list(self.habits),
        }


def schedule(steps: Sequence[CoverStep], weeks: int, hours_per_week: float) -> list[PlannedProject]:
    """Lay the chosen projects out over ``weeks`` at ``hours_per_week`` (see module docstring)."""
    used = 0.0
    budget = weeks * hours_per_week
    out = []
    for step in steps:
        hours = step.project.hours
        if used + hours <= budget + 1e-9:
            start = math.floor(used / hours_per_week) + 1
            end = math.ceil((used + hours) / hours_per_week - 1e-9)
            out.append(PlannedProject(step, start, end))
            used += hours
        else:
            out.append(PlannedProject(step, None, None))
    return out


def target_titles(postings: Iterable[Mapping[str, Any]], limit: int = 8) -> list[TargetTitle]:
    """Titles of the postings the person fits best (top half by score), most frequent first."""
    rows = [p for p in postings if str(p.get("title") or "").strip()]
    if not rows:
        return []
    scores = sorted((float(p.get("score") or 0.0) for p in rows), reverse=True)
    cutoff = scores[(len(scores) - 1) // 2]  # the median: the best-fitting half
    spelled: dict[str, Counter[str]] = defaultdict(Counter)
    total: Counter[str] = Counter()
    best: Counter[str] = Counter()
    eligible: Counter[str] = Counter()
    for p in rows:
        title = " ".join(str(p["title"]).split())
        key = title.casefold()
        spelled[key][title] += 1
        total[key] += 1
        if float(p.get("score") or 0.0) >= cutoff:
            best[key] += 1
        if p.get("education") in ELIGIBLE_EDUCATION and p.get("experience", "meets") == "meets":
            eligible[key] += 1
    ranked = sorted(best, key=lambda k: (-best[k], -total[k], k))[:limit]
    return [TargetTitle(spelled[k].most_common(1)[0][0], total[k], best[k], eligible[k] / total[k])
            for k in ranked]


def make_plan(fit: Any, weeks: int = 20, hours_per_week: float = 10, *,
              path_id: str = "self-study", top_skills: int = 15,
              projects: Sequence[Project] | None = None) -> Plan:
    """A portfolio plan from a fit audit (a ``FitReport`` or its ``fit --format json`` dict).

        plan = make_plan(audit_fit(profile, targets), weeks=20, hours_per_week=10)

    :param top_skills: how many of the most demanded missing skills the cover aims at; soft
        skills (communication, ownership, ...) are listed apart, since no project proves them.
    """
    if weeks < 1:
        raise AdviceError(f"--weeks {weeks}: give at least 1 week")
    if not 0 < hours_per_week <= 100:
        raise AdviceError(f"--hours-per-week {hours_per_week}: give 1-100 hours")
    doc = fit.to_dict() if hasattr(fit, "to_dict") else fit
    if not isinstance(doc, Mapping) or "missing_skills" not in doc:
        raise AdviceError("a plan needs a fit report with 'missing_skills'; run "
                          "`mlepath fit RESUME --format json` first")
    missing = [(str(m["skill"]), float(m.get("share") or 0.0)) for m in doc["missing_skills"]]
    missing.sort(key=lambda sw: (-sw[1], sw[0]))
    soft = soft_skill_ids()
    soft_missing = [sw for sw in missing if sw[0] in soft]
    missing = [sw for sw in missing if sw[0] not in soft][:top_skills]
    steps = greedy_cover(dict(missing), projects if projects is not None else load_projects())
    planned = schedule(steps, weeks, hours_per_week)
    first = next((p.step.project.title for p in planned if p.scheduled), None)
    return Plan(path=path_id, weeks=weeks, hours_per_week=hours_per_week, missing=tuple(missing),
                soft_skills=tuple(soft_missing),
                projects=tuple(planned), titles=tuple(target_titles(doc.get("postings") or [])),
                habits=tuple(habits_for(path_id, first)))
