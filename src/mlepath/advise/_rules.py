"""The recommendation rules: scored criteria, each with the evidence it rests on.

Every rule adds points to some paths and says why, citing its evidence (an input, a market
figure with n and its 95% interval, a fit-audit figure, or the path's sourced data). A path's
score is the sum of its points; paths are ranked by score, ties broken by the shorter duration.

The first two tables are the article's 2×2 framework (0–2 vs 3+ years × product vs research
goal): with nothing else known they alone decide the ranking (see docs/advise.md).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from ._evidence import SEGMENTS
from ._inputs import AdviceInputs, Figure, FitSummary, MarketEvidence
from ._paths import PATH_IDS, PathSpec, load_paths
from ._roi import npv, roi_inputs_for_path

ARTICLE = ("Interview Kickstart (2026), \"Do You Need a Master's or PhD to Become a Machine "
           "Learning Engineer?\"")

# --- the 2×2: goal × experience --------------------------------------------------------------
GOAL_POINTS: dict[str, dict[str, int]] = {
    "product": {"internal-pivot": 3, "self-study": 3, "bootcamp": 2, "masters-part-time": 1,
                "masters-full-time": 0, "phd": -3},
    "research": {"internal-pivot": 0, "self-study": 0, "bootcamp": -1, "masters-part-time": 2,
                 "masters-full-time": 3, "phd": 3},
    "undecided": {"internal-pivot": 1, "self-study": 2, "bootcamp": 1, "masters-part-time": 2,
                  "masters-full-time": 0, "phd": -1},
}
GOAL_WHY: dict[str, str] = {
    "product": "product/applied ML-engineer roles screen on shipped software and ML work more "
               "than on degrees",
    "research": "research roles (new methods, papers) are where advanced degrees dominate",
    "undecided": "cheap, reversible paths keep both the product and the research door open",
}
EXPERIENCE_POINTS: dict[str, dict[str, int]] = {
    "0-2": {"internal-pivot": -2, "self-study": 1, "bootcamp": 1, "phd": 1},
    "3+": {"internal-pivot": 2, "self-study": 1, "bootcamp": -1, "masters-part-time": 1},
}
EXPERIENCE_WHY: dict[str, dict[str, str]] = {
    "0-2": {"internal-pivot": "with little track record an internal transfer is harder to win",
            "self-study": "a portfolio stands in for the track record you don't have yet",
            "bootcamp": "a structured course gives a junior engineer a guided portfolio",
            "phd": "early in a career the pay given up for a PhD is smallest"},
    "3+": {"internal-pivot": "3+ years of delivery is leverage for an internal move "
                             "(3–6 months instead of 6–12)",
           "self-study": "your software experience already covers most of the software criteria",
           "bootcamp": "a bootcamp re-teaches much of what 3+ years of engineering covered",
           "masters-part-time": "a part-time degree keeps your senior pay while adding the "
                                "credential"},
}


@dataclass(frozen=True, slots=True)
class Reason:
    text: str
    evidence: dict[str, Any]
    points: int = 0

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "evidence": self.evidence, "points": self.points}


@dataclass(frozen=True, slots=True)
class RankedPath:
    id: str
    name: str
    rank: int
    score: int
    reasons: tuple[Reason, ...]
    months: tuple[float, float]
    cost: tuple[float, float]
    npv: float | None

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "name": self.name, "rank": self.rank, "score": self.score,
                "reasons": [r.to_dict() for r in self.reasons],
                "months": list(self.months), "cost": list(self.cost),
                "npv": None if self.npv is None else round(self.npv, 2)}


@dataclass(frozen=True, slots=True)
class Advice:
    paths: tuple[RankedPath, ...]
    inputs: AdviceInputs
    segment: str
    notes: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {"paths": [p.to_dict() for p in self.paths], "inputs": self.inputs.to_dict(),
                "segment": self.segment, "notes": list(self.notes)}


Score = tuple[str, Reason]  # (path id, reason with its points)


def _input(field: str, value: Any) -> dict[str, Any]:
    return {"kind": "input", "field": field, "value": value}


def _fit(field: str, value: Any, n: int) -> dict[str, Any]:
    return {"kind": "fit", "field": field, "value": value, "n_postings": n}


def _framework_rules(i: AdviceInputs) -> Iterator[Score]:
    for pid, pts in GOAL_POINTS[i.goal].items():
        if pts:
            yield pid, Reason(f"Goal '{i.goal}': {GOAL_WHY[i.goal]}.",
                              {**_input("goal", i.goal), "source": ARTICLE}, pts)
    if i.years is None:
        return
    band = "3+" if i.years >= 3 else "0-2"
    for pid, pts in EXPERIENCE_POINTS[band].items():
        yield pid, Reason(f"{i.years:g} years of experience ({band}): "
                          f"{EXPERIENCE_WHY[band][pid]}.",
                          {**_input("years", i.years), "source": ARTICLE}, pts)


def _personal_rules(i: AdviceInputs, paths: dict[str, PathSpec]) -> Iterator[Score]:
    if i.employer_has_ml is True:
        yield "internal-pivot", Reason(
            "Your employer has ML teams: an internal move skips the résumé screen.",
            _input("employer_has_ml", True), 3)
    elif i.employer_has_ml is False:
        yield "internal-pivot", Reason(
            "Your employer has no ML team to move into.", _input("employer_has_ml", False), -4)
    if i.math is not None and i.math <= 2:
        for pid in ("bootcamp", "masters-part-time", "masters-full-time"):
            yield pid, Reason(f"Maths/ML foundations self-rated {i.math}/5: structured teaching "
                              "covers linear algebra, probability and optimisation.",
                              _input("math", i.math), 1)
        yield "self-study", Reason(f"Maths/ML foundations self-rated {i.math}/5: self-study "
                                   "leaves you to find the foundations alone.",
                                   _input("math", i.math), -1)
    elif i.math is not None and i.math >= 4:
        yield "self-study", Reason(f"Maths/ML foundations self-rated {i.math}/5: you can learn "
                                   "the rest from projects.", _input("math", i.math), 1)
    for pid, p in paths.items():
        lo, hi = p.cost
        if i.budget is not None and lo > i.budget:
            yield pid, Reason(f"Costs at least ${lo:,.0f}, above your budget of ${i.budget:,.0f}.",
                              {**_input("budget", i.budget), "cost": [lo, hi],
                               "source": p.source("cost")}, -3)
        elif i.budget is not None and hi > i.budget:
            yield pid, Reason(f"Can cost up to ${hi:,.0f}, above your budget of "
                              f"${i.budget:,.0f}.", {**_input("budget", i.budget),
                                                     "cost": [lo, hi],
                                                     "source": p.source("cost")}, -1)
        need = p.hours_per_week[0]
        if i.hours_per_week is not None and p.pay_continues and need > i.hours_per_week:
            yield pid, Reason(f"Needs at least {need:g} h/week beside your job; you have "
                              f"{i.hours_per_week:g}.",
                              {**_input("hours_per_week", i.hours_per_week),
                               "needs": list(p.hours_per_week),
                               "source": p.source("hours_per_week")}, -2)
        if not p.pay_continues and i.risk in ("low", "medium"):
            pts = -2 if i.risk == "low" else -1
            yield pid, Reason(f"Your pay stops while you study; with {i.risk} risk tolerance "
                              "that counts against it.",
                              {**_input("risk", i.risk), "source": p.source("pay_continues")},
                              pts)
    if i.risk == "low":
        yield "internal-pivot", Reason("Low risk tolerance: an internal move risks neither pay "
                                       "nor job.", _input("risk", "low"), 1)


def _market_rules(ev: MarketEvidence) -> Iterator[Score]:
    def cite(fig: Figure) -> str:
        return f"of {fig.n:,} {fig.segment} postings, {fig.percent()}"

    def thin(fig: Figure, pid: str) -> Score:
        return pid, Reason(f"Only {fig.n} {fig.segment} postings measure '{fig.metric}': "
                           "too few to weigh (thin).", fig.to_dict(), 0)

    fig = ev.phd_required
    if fig is not None:
        if fig.thin:
            yield thin(fig, "phd")
        elif fig.ci95[1] < 0.10:
            yield "phd", Reason(f"Few postings ask for it: {cite(fig)} require a PhD.",
                                fig.to_dict(), -2)
        elif fig.ci95[0] >= 0.5:
            yield "phd", Reason(f"Most of your targets ask for it: {cite(fig)} require a PhD.",
                                fig.to_dict(), 2)
        else:
            yield "phd", Reason(f"For reference, {cite(fig)} require a PhD.", fig.to_dict(), 0)
    fig = ev.advanced_required
    if fig is not None and fig.thin:
        yield thin(fig, "masters-full-time")
    elif fig is not None and fig.ci95[1] < 0.25:
        text = (f"A bachelor's passes most screens: {cite(fig)} require a master's or PhD as the "
                "minimum.")
        yield "self-study", Reason(text, fig.to_dict(), 1)
        yield "internal-pivot", Reason(text, fig.to_dict(), 1)
        yield "masters-full-time", Reason(text, fig.to_dict(), -1)
    elif fig is not None and fig.ci95[0] > 0.5:
        text = f"Most postings screen on the degree: {cite(fig)} require a master's or PhD."
        for pid in ("masters-part-time", "masters-full-time"):
            yield pid, Reason(text, fig.to_dict(), 2)
        for pid in ("self-study", "bootcamp"):
            yield pid, Reason(text, fig.to_dict(), -1)
    elif fig is not None:  # between the thresholds: cited, not weighed
        text = f"For reference, {cite(fig)} require a master's or PhD as the minimum."
        for pid in ("masters-part-time", "masters-full-time"):
            yield pid, Reason(text, fig.to_dict(), 0)
    fig = ev.master_preferred
    if fig is not None and not fig.thin and fig.share >= 0.5:
        yield "masters-part-time", Reason(
            f"A master's is a plus: {cite(fig)} list it as preferred; a part-time degree adds it "
            "without stopping your pay.", fig.to_dict(), 1)
    elif fig is not None and not fig.thin:
        yield "masters-part-time", Reason(
            f"For reference, {cite(fig)} list a master's as preferred.", fig.to_dict(), 0)
    fig = ev.equivalent_ok
    if fig is not None and not fig.thin and fig.ci95[0] >= 0.3:
        text = f"Experience can stand in for the degree: {cite(fig)} accept equivalent experience."
        yield "self-study", Reason(text, fig.to_dict(), 1)
        yield "bootcamp", Reason(text, fig.to_dict(), 1)
    elif fig is not None and not fig.thin:
        yield "self-study", Reason(f"For reference, {cite(fig)} accept equivalent experience "
                                   "instead of the degree.", fig.to_dict(), 0)
    fig = ev.research_share
    if fig is not None and not fig.thin:
        yield "phd", Reason(f"Research roles are a small target: {cite(fig)} are research-focused.",
                            fig.to_dict(), 0)


def _fit_rules(fit: FitSummary) -> Iterator[Score]:
    n, now = fit.n_postings, fit.eligible_share
    # a master's is weighed against today; a PhD against the master's (its marginal value)
    master = fit.eligible_share_if.get("master")
    phd = fit.eligible_share_if.get("phd")
    comparisons: list[tuple[str, float, float, str, tuple[str, ...]]] = []
    if master is not None:
        comparisons.append(("master", master, now, "today", ("masters-part-time",
                                                             "masters-full-time")))
    if phd is not None:
        base, base_label = (max(now, master), "with a master's") if master is not None \
            else (now, "today")
        comparisons.append(("phd", phd, base, base_label, ("phd",)))
    for degree, then, base, base_label, pids in comparisons:
        gain = then - base
        evidence = _fit(f"eligible_share_if.{degree}", round(then, 4), n) | {
            "compared_with": round(base, 4), "eligible_share": round(now, 4)}
        label = "a master's" if degree == "master" else "a PhD"
        if gain >= 0.15:
            for pid in pids:
                yield pid, Reason(f"With {label} you would be eligible for {then:.0%} of your "
                                  f"{n:,} target postings instead of {base:.0%} {base_label}.",
                                  evidence, 2)
        elif gain <= 0.05:
            for pid in pids:
                yield pid, Reason(f"{label[0].upper()}{label[1:]} would open few postings: eligible for "
                                  f"{then:.0%} of your {n:,} targets instead of {base:.0%} "
                                  f"{base_label}.", evidence, -1)
    if now >= 0.6:
        text = (f"You already meet the degree requirement of {now:.0%} of your {n:,} target "
                "postings: the gap is skills, not degrees.")
        for pid in ("self-study", "internal-pivot"):
            yield pid, Reason(text, _fit("eligible_share", round(now, 4), n), 1)
    ml = fit.ml_coverage
    if ml is not None and ml < 0.4:
        text = (f"You cover {ml:.0%} of the ML skills your {n:,} targets ask for: a structured "
                "programme covers the foundations.")
        for pid in ("bootcamp", "masters-part-time"):
            yield pid, Reason(text, _fit("ml_coverage", round(ml, 4), n), 1)
    elif ml is not None and ml >= 0.7:
        yield "self-study", Reason(f"You already cover {ml:.0%} of the ML skills your {n:,} "
                                   "targets ask for: projects close the rest.",
                                   _fit("ml_coverage", round(ml, 4), n), 1)


def _usd(value: float) -> str:
    return f"-${-value:,.0f}" if value < 0 else f"${value:,.0f}"


def _npv_rules(i: AdviceInputs, paths: dict[str, PathSpec]) -> tuple[dict[str, float],
                                                                      list[Score]]:
    if i.current_pay is None or i.target_pay is None:
        return {}, []
    values = {pid: npv(roi_inputs_for_path(p, current_pay=i.current_pay,
                                           target_pay=i.target_pay, years=i.years))
              for pid, p in paths.items()}
    best = max(values, key=lambda pid: values[pid])
    scores: list[Score] = []
    for pid, value in values.items():
        evidence = {"kind": "roi", "npv": round(value, 2), "current_pay": i.current_pay,
                    "target_pay": i.target_pay, "horizon_years": 10, "baseline": "stay"}
        if pid == best and value > 0:
            scores.append((pid, Reason(f"Best 10-year net present value of all paths: "
                                       f"{_usd(value)} against staying.", evidence, 1)))
        elif value < 0:
            scores.append((pid, Reason(f"Loses money over 10 years: net present value "
                                       f"{_usd(value)} against staying.", evidence, -1)))
    return values, scores


def _profile_reason(p: PathSpec, years: float | None) -> Reason:
    lo, hi = p.months_for(years)
    clo, chi = p.cost
    pay = "your pay continues" if p.pay_continues else "your pay stops"
    field = "months_experienced" if (lo, hi) != p.months else "months"
    return Reason(f"Takes {lo:g}–{hi:g} months and costs ${clo:,.0f}–{chi:,.0f}; {pay}.",
                  {"kind": "path", "months": [lo, hi], "cost": [clo, chi],
                   "pay_continues": p.pay_continues, "source": p.source(field)}, 0)


def recommend(inputs: AdviceInputs, evidence: MarketEvidence | None = None,
              fit: FitSummary | None = None, paths: dict[str, PathSpec] | None = None) -> Advice:
    """Rank the six paths for one person; every reason cites its evidence.

    >>> recommend(AdviceInputs(years=5, goal="product")).paths[0].id
    'internal-pivot'
    """
    paths = paths if paths is not None else load_paths()
    values, npv_scores = _npv_rules(inputs, paths)
    scored: list[Score] = [*_framework_rules(inputs), *_personal_rules(inputs, paths),
                           *(_market_rules(evidence) if evidence is not None else ()),
                           *(_fit_rules(fit) if fit is not None else ()), *npv_scores]
    notes = []
    if evidence is None or evidence.n == 0:
        notes.append("No stored postings for this segment: ranked on your answers and the "
                     "article's figures only.")
    reasons: dict[str, list[Reason]] = {pid: [] for pid in PATH_IDS}
    for pid, reason in scored:
        reasons[pid].append(reason)
    ranked = []
    for pid in PATH_IDS:
        p = paths[pid]
        ordered = sorted(reasons[pid], key=lambda r: -abs(r.points))
        ranked.append((sum(r.points for r in ordered), p, [*ordered,
                                                           _profile_reason(p, inputs.years)]))
    ranked.sort(key=lambda t: (-t[0], sum(t[1].months_for(inputs.years)), t[1].id))
    segment = evidence.segment if evidence is not None else SEGMENTS[inputs.goal][1]
    return Advice(
        paths=tuple(RankedPath(id=p.id, name=p.name, rank=rank, score=score,
                               reasons=tuple(rs), months=p.months_for(inputs.years), cost=p.cost,
                               npv=values.get(p.id))
                    for rank, (score, p, rs) in enumerate(ranked, start=1)),
        inputs=inputs, segment=segment, notes=tuple(notes))
