"""``compute_report``: every figure of the market report, from one SQL statement.

Figures are ``Share`` objects (count of n postings, Wilson 95% interval, thin when n < 30) named
by metric (see ``_metrics``) and the subgroup they were computed in (``by``). Figures that are
not shares (salary by degree, experience quantiles, the skills that separate research from
applied roles) are separate fields of ``MarketReport``.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from mlepath.extract import (
    DEGREE_LEVELS,
    ML_FOCUS_VALUES,
    ROLE_FAMILIES,
    SENIORITY_VALUES,
    SKILL_CATEGORIES,
)
from mlepath.extract._model import MIN_REQUIRED_VALUES

from ._filters import Filters
from ._wilson import Share, wilson

if TYPE_CHECKING:
    from mlepath.store import Store

DEGREE_METRICS: tuple[str, ...] = tuple(f"min_required={v}" for v in MIN_REQUIRED_VALUES)
AT_LEAST_METRICS: tuple[str, ...] = ("min_required>=bachelor", "min_required>=master")
PREFERENCE_METRICS: tuple[str, ...] = (
    "preferred=bachelor", "preferred=master", "preferred=phd", "master_required_or_preferred",
    "phd_required_or_preferred", "equivalent_experience_ok",
)
EXPERIENCE_BUCKETS: tuple[str, ...] = ("unstated", "0", "1-2", "3-4", "5-7", "8+")
EXPERIENCE_METRICS: tuple[str, ...] = tuple(f"experience={b}" for b in EXPERIENCE_BUCKETS)
# the degree figures, in display order ("the decision" first)
HEADLINE_METRICS: tuple[str, ...] = (
    "min_required>=bachelor", "min_required=bachelor", "min_required=master", "min_required=phd",
    "preferred=master", "preferred=phd", "phd_required_or_preferred", "equivalent_experience_ok",
    "min_required=unspecified",
)
BREAKDOWNS: tuple[str, ...] = ("ml_focus", "seniority", "role_family")
TOP_SKILLS = 30  # skills shown overall
TOP_PER_CATEGORY = 5  # and the top few of each category
TOP_TITLES = 20
DISTINGUISH_MIN_COUNT = 10  # a skill needs this many research+applied postings to be ranked
DISTINGUISH_TOP = 10


@dataclass
class MarketReport:
    n: int
    filters: Filters
    figures: list[Share]
    skills: dict[str, dict[str, str]] = field(default_factory=dict)  # id -> name, category
    distinguishing_skills: dict[str, Any] = field(default_factory=dict)
    salary_by_degree: list[dict[str, Any]] = field(default_factory=list)
    experience_summary: dict[str, Any] = field(default_factory=dict)
    extractor_versions: dict[str, int] = field(default_factory=dict)
    _index: dict[tuple[str, tuple[tuple[str, str], ...]], Share] | None = field(
        default=None, init=False, repr=False, compare=False)

    def figure(self, metric: str, **by: str) -> Share | None:
        """The figure named ``metric`` in subgroup ``by`` (``ml_focus="research"``), if present."""
        if self._index is None:
            self._index = {}
            for f in self.figures:
                self._index.setdefault((f.metric, tuple(sorted(f.by.items()))), f)
        return self._index.get((metric, tuple(sorted(by.items()))))

    def group_values(self, dimension: str) -> list[str]:
        """The subgroups of ``dimension`` that have figures, in vocabulary order."""
        seen: list[str] = []
        for f in self.figures:
            value = f.by.get(dimension)
            if value is not None and len(f.by) == 1 and value not in seen:
                seen.append(value)
        return seen

    def to_dict(self) -> dict[str, Any]:
        """The ``mlepath report --format json`` document (see docs/market.md)."""
        return {
            "n": self.n,
            "filters": self.filters.to_dict(),
            "figures": [f.to_dict() for f in self.figures],
            "skills": self.skills,
            "distinguishing_skills": self.distinguishing_skills,
            "salary_by_degree": self.salary_by_degree,
            "experience_summary": self.experience_summary,
            "extractor_versions": self.extractor_versions,
        }


def _vocab_order(dimension: str) -> list[str]:
    return list({"ml_focus": ML_FOCUS_VALUES, "seniority": SENIORITY_VALUES,
                 "role_family": ROLE_FAMILIES}[dimension])


def _degree_figures(cells: list[dict[str, Any]]) -> tuple[int, list[Share]]:
    """Figures overall and per ML focus, seniority and role family, summed from the cells."""
    counted = [k for k in cells[0] if k not in BREAKDOWNS] if cells else ["n"]
    groups: dict[tuple[str, str], dict[str, int]] = {}
    for cell in cells:
        keys = [("", "")] + [(dim, cell[dim]) for dim in BREAKDOWNS if cell[dim] is not None]
        for key in keys:
            acc = groups.setdefault(key, dict.fromkeys(counted, 0))
            for k in counted:
                acc[k] += int(cell[k])
    total = groups.get(("", ""), {}).get("n", 0)
    ordered: list[tuple[dict[str, str], dict[str, int]]] = [({}, groups.get(("", ""), {}))]
    for dim in BREAKDOWNS:
        order = _vocab_order(dim)
        values = sorted((v for d, v in groups if d == dim),
                        key=lambda v: (order.index(v) if v in order else 99, v))
        ordered += [({dim: v}, groups[(dim, v)]) for v in values]
    figures: list[Share] = []
    for by, row in ordered:
        n = int(row.get("n", 0))
        for metric in DEGREE_METRICS + PREFERENCE_METRICS + EXPERIENCE_METRICS:
            figures.append(Share(metric, int(row.get(metric, 0)), n, by))
        for metric in AT_LEAST_METRICS:
            low = metric.split(">=")[1]
            levels = DEGREE_LEVELS[DEGREE_LEVELS.index(low):]
            figures.append(Share(metric, sum(int(row.get(f"min_required={lv}", 0))
                                             for lv in levels), n, by))
    return total, figures


def _focus_n(figures: list[Share], focus: str) -> int:
    return next((f.n for f in figures if f.by == {"ml_focus": focus}), 0)


def _skill_figures(rows: list[dict[str, Any]], total: int, degree: list[Share],
                   ) -> tuple[list[Share], dict[str, dict[str, str]], dict[str, dict[str, int]],
                              dict[str, dict[str, str]]]:
    """Top skills overall and per category, overall and by research/applied focus."""
    by_skill: dict[str, dict[str, int]] = {}
    catalog: dict[str, dict[str, str]] = {}
    for r in rows:
        sid = r["skill_id"]
        catalog.setdefault(sid, {"name": r["name"] or sid, "category": r["category"] or ""})
        by_skill.setdefault(sid, {})[r["ml_focus"] or "none"] = int(r["count"])
    overall = {sid: sum(c.values()) for sid, c in by_skill.items()}
    ranked = sorted(overall, key=lambda s: (-overall[s], s))
    chosen = ranked[:TOP_SKILLS]
    for cat in SKILL_CATEGORIES:
        chosen += [s for s in ranked if catalog[s]["category"] == cat][:TOP_PER_CATEGORY]
    chosen = list(dict.fromkeys(chosen))
    figures = [Share(f"skill={s}", overall[s], total) for s in chosen]
    for focus in ("research", "applied"):
        n = _focus_n(degree, focus)
        if n:
            figures += [Share(f"skill={s}", by_skill[s].get(focus, 0), n, {"ml_focus": focus})
                        for s in chosen]
    return figures, {s: catalog[s] for s in chosen}, by_skill, catalog


def _distinguishing(by_skill: dict[str, dict[str, int]], catalog: dict[str, dict[str, str]],
                    n_research: int, n_applied: int, min_count: int) -> dict[str, Any]:
    """Skills ranked by the z-score of the research-vs-applied log-odds ratio.

    With r of n_r research and a of n_a applied postings mentioning a skill, and ½ added to
    every cell: log_odds = log((r+½)/(n_r−r+½)) − log((a+½)/(n_a−a+½)),
    se = sqrt(1/(r+½) + 1/(n_r−r+½) + 1/(a+½) + 1/(n_a−a+½)), z = log_odds / se.
    Ranking by z (not by the raw log-odds) keeps rare skills seen in two postings from topping
    the list; a skill needs ``min_count`` research + applied postings to be ranked at all.
    """
    out: dict[str, Any] = {"method": "z-score of the log-odds ratio research vs applied, "
                                     "+0.5 per cell",
                           "min_count": min_count, "research_n": n_research,
                           "applied_n": n_applied, "research": [], "applied": []}
    if not n_research or not n_applied:
        return out
    items: list[dict[str, Any]] = []
    for sid, counts in by_skill.items():
        cr, ca = counts.get("research", 0), counts.get("applied", 0)
        if cr + ca < min_count:
            continue
        cells = (cr + 0.5, n_research - cr + 0.5, ca + 0.5, n_applied - ca + 0.5)
        log_odds = math.log(cells[0] / cells[1]) - math.log(cells[2] / cells[3])
        z = log_odds / math.sqrt(sum(1 / c for c in cells))
        pr, pa = cr / n_research, ca / n_applied
        items.append({
            "skill": sid, "name": catalog[sid]["name"], "category": catalog[sid]["category"],
            "research": {"count": cr, "share": round(pr, 4),
                         "ci95": [round(x, 4) for x in wilson(cr, n_research)]},
            "applied": {"count": ca, "share": round(pa, 4),
                        "ci95": [round(x, 4) for x in wilson(ca, n_applied)]},
            "diff": round(pr - pa, 4), "log_odds": round(log_odds, 4), "z": round(z, 3),
        })
    items.sort(key=lambda d: (-d["z"], d["skill"]))
    out["research"] = [d for d in items if d["z"] > 0][:DISTINGUISH_TOP]
    out["applied"] = [d for d in reversed(items) if d["z"] < 0][:DISTINGUISH_TOP]
    return out


def _round(value: Any, digits: int = 2) -> Any:
    return round(float(value), digits) if value is not None else None


def compute_report(store: Store, filters: Filters | None = None, *,
                   min_count: int = DISTINGUISH_MIN_COUNT) -> MarketReport:
    """Every figure of the market report over the postings matching ``filters``.

    >>> compute_report(store, Filters(role="ml_engineer")).to_dict()["n"]
    """
    filters = filters or Filters()
    data = store.market_report_data(filters.to_store(), title_limit=TOP_TITLES)
    total, figures = _degree_figures(data["degree"])
    field_figs = [Share(f"field={k}", v, total) for k, v in
                  sorted(data["fields"].items(), key=lambda kv: (-kv[1], kv[0]))]
    skill_figs, catalog, by_skill, full_catalog = _skill_figures(data["skills"], total, figures)
    title_figs = [Share(f"title={t}", c, total) for t, c in data["titles"]]
    distinguishing = _distinguishing(by_skill, full_catalog, _focus_n(figures, "research"),
                                     _focus_n(figures, "applied"), min_count)
    exp = data["experience"]
    salary = [{"min_required": r["min_required"], "currency": r["currency"], "n": int(r["n"]),
               "p25": _round(r["p25"], 0), "median": _round(r["median"], 0),
               "p75": _round(r["p75"], 0), "mean": _round(r["mean"], 0)}
              for r in data["salary"]]
    # the currency with the most salaries first, then degrees from none to phd
    per_currency: dict[str, int] = {}
    for r in salary:
        per_currency[r["currency"]] = per_currency.get(r["currency"], 0) + r["n"]
    degree_order = ("none", "unspecified", *DEGREE_LEVELS)
    salary.sort(key=lambda r: (-per_currency[r["currency"]], r["currency"],
                               degree_order.index(r["min_required"])
                               if r["min_required"] in degree_order else 99))
    return MarketReport(
        n=total, filters=filters,
        figures=figures + field_figs + skill_figs + title_figs,
        skills=catalog, distinguishing_skills=distinguishing, salary_by_degree=salary,
        experience_summary={"stated": int(exp.get("stated") or 0),
                            **{k: _round(exp.get(k)) for k in ("p25", "median", "p75", "mean")}},
        extractor_versions=data["versions"],
    )
