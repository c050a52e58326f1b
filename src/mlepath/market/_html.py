"""``render_html``: the report as one self-contained HTML page (plotly.js inlined, no CDN)."""

from __future__ import annotations

import datetime as dt
import json
from functools import cache
from typing import Any

from jinja2 import Environment, PackageLoader, select_autoescape

from ._claims import MIN_N, ClaimResult
from ._report import EXPERIENCE_BUCKETS, HEADLINE_METRICS, MarketReport
from ._wilson import THIN_N, Share

# Gold-set accuracy of the extractor, quoted in the method notes (docs/extract.md has the
# command that measures it). Updated by hand when the extractor changes.
EXTRACTION_ACCURACY = (
    "On the 142 hand-labelled dev postings of shared/gold (extractor 2026.11.25-3; "
    "<code>mlepath eval --gold ../shared/gold/dev.jsonl --postings "
    "../shared/gold/dev-postings.jsonl</code>): min_required accuracy 0.993, preferred levels "
    "micro-F1 0.990, equivalent experience F1 0.982, required years exact 0.951, role family "
    "0.937, ML focus 0.908, seniority 0.922, fields micro-F1 0.982. The rules were tuned while "
    "reading that set, so expect lower figures on unseen postings, most of all for ML focus. "
    "Skill matching: when a skill is reported it is there in 0.91 (Green 2022) to 0.72 "
    "(SkillSpan) of cases by overlap precision; recall is bounded by the taxonomy "
    "(docs/extract.md, docs/skills.md)."
)
_COLOURS = {"all": "#4a5568", "research": "#7b3fa0", "applied": "#2b7bb9", "none": "#a0aec0"}
_CHART_METRICS = ("min_required>=bachelor", "min_required=bachelor", "min_required=master",
                  "min_required=phd", "preferred=master", "phd_required_or_preferred",
                  "equivalent_experience_ok")


@cache
def _plotly_js() -> str:
    # The bundle shipped inside the installed plotly package, so the page opens offline.
    from plotly.offline import get_plotlyjs

    return str(get_plotlyjs())


@cache
def _env() -> Environment:
    return Environment(loader=PackageLoader("mlepath.market", "templates"),
                       autoescape=select_autoescape(["html"]))


def _pct(x: float | None) -> str:
    from ._text import pct

    return "–" if x is None else pct(x)


def _money(x: float | None) -> str:
    return "–" if x is None else f"{x:,.0f}"


def _bar(name: str, figs: list[Share | None], labels: list[str], colour: str | None,
         horizontal: bool = False) -> dict[str, Any]:
    shares = [f.share if f and f.share is not None else None for f in figs]
    plus = [(f.ci95[1] - f.share) if f and f.share is not None else None for f in figs]
    minus = [(f.share - f.ci95[0]) if f and f.share is not None else None for f in figs]
    text = [f"{f.count}/{f.n}{' (thin)' if f.thin else ''}" if f else "" for f in figs]
    values, err = ("x", "error_x") if horizontal else ("y", "error_y")
    trace: dict[str, Any] = {
        "type": "bar", "name": name, values: shares, ("y" if horizontal else "x"): labels,
        err: {"type": "data", "symmetric": False, "array": plus, "arrayminus": minus},
        "hovertext": text, "hovertemplate": "%{hovertext}<extra>" + name + "</extra>",
    }
    if horizontal:
        trace["orientation"] = "h"
    if colour:
        trace["marker"] = {"color": colour}
    return trace


def _layout(title: str, horizontal: bool = False) -> dict[str, Any]:
    axis = {"tickformat": ".0%", "range": [0, 1], "title": "share of postings (95% CI)"}
    return {"title": {"text": title}, "barmode": "group", "margin": {"l": 160 if horizontal
            else 60, "r": 20, "t": 50, "b": 110}, ("xaxis" if horizontal else "yaxis"): axis,
            "legend": {"orientation": "h"}}


def _by_chart(report: MarketReport, dimension: str, title: str,
              metrics: tuple[str, ...]) -> dict[str, Any]:
    labels = list(metrics)
    traces = [_bar(f"all (n={report.n})", [report.figure(m) for m in metrics], labels,
                   _COLOURS["all"])]
    for value in report.group_values(dimension):
        figs = [report.figure(m, **{dimension: value}) for m in metrics]
        n = figs[0].n if figs and figs[0] else 0
        traces.append(_bar(f"{value} (n={n})", figs, labels, _COLOURS.get(value)))
    return {"data": traces, "layout": _layout(title)}


def _skills_chart(report: MarketReport, top: int = 20) -> dict[str, Any]:
    # soft skills ("communication") top every list and say little about the ML decision
    figs = [f for f in report.figures if f.metric.startswith("skill=") and not f.by
            and report.skills.get(f.metric[6:], {}).get("category") != "soft_skill"][:top]
    figs.reverse()  # largest at the top of a horizontal chart
    labels = [report.skills.get(f.metric[6:], {}).get("name", f.metric[6:]) for f in figs]
    traces = [_bar("all", list(figs), labels, _COLOURS["all"], horizontal=True)]
    for focus in ("research", "applied"):
        sub: list[Share | None] = [report.figure(f.metric, ml_focus=focus) for f in figs]
        if any(sub):
            traces.append(_bar(focus, sub, labels, _COLOURS[focus], horizontal=True))
    return {"data": traces, "layout": _layout("Top technical skills: share of postings mentioning each",
                                              horizontal=True)}


def _claim_rows(claims: list[ClaimResult]) -> list[dict[str, Any]]:
    rows = []
    for r in claims:
        lo, hi = r.claim.claimed
        rows.append({
            "text": r.claim.text, "reading": r.claim.reading, "rule": r.claim.rule,
            "metric": r.claim.metric,
            "population": ", ".join(f"{k}={v}" for k, v in r.claim.population.to_dict().items()),
            "claimed": _pct(lo) if lo == hi else f"{_pct(lo)}–{_pct(hi)}",
            "measured": "–" if r.measured is None else
            f"{_pct(r.measured)} ({_pct(r.ci95[0])}–{_pct(r.ci95[1])})",
            "n": r.n, "verdict": r.verdict})
    return rows


def _script_json(value: Any) -> str:
    # JSON inside <script>: "</" would end the element early.
    return json.dumps(value, ensure_ascii=False).replace("</", "<\\/")


def render_html(report: MarketReport, claims: list[ClaimResult] | None = None) -> str:
    """One self-contained HTML page: headline table, charts (degree by focus and by seniority,
    skill demand, experience), the claims table and method notes. plotly.js is inlined from the
    installed plotly package, so the file opens offline."""
    from markupsafe import Markup

    claims = claims or []
    charts = {
        "chart-focus": _by_chart(report, "ml_focus", "Degree requirements by ML focus",
                                 _CHART_METRICS),
        "chart-seniority": _by_chart(report, "seniority", "Degree requirements by seniority",
                                     _CHART_METRICS),
        "chart-skills": _skills_chart(report),
        "chart-experience": _by_chart(report, "ml_focus", "Required years of experience",
                                      tuple(f"experience={b}" for b in EXPERIENCE_BUCKETS)),
    }
    notes = sorted({n for r in claims for n in r.notes})
    sources = sorted({r.claim.source for r in claims})
    dist = report.distinguishing_skills
    return _env().get_template("report.html").render(
        report=report, plotly_js=_plotly_js(), charts_json=_script_json(charts),
        filters=", ".join(f"{k}={v}" for k, v in report.filters.to_dict().items()),
        versions=", ".join(report.extractor_versions) or "–",
        generated=dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC"),
        headline=[f for m in HEADLINE_METRICS if (f := report.figure(m)) is not None],
        distinguishing=[(side, d) for side in ("research", "applied")
                        for d in dist.get(side, [])],
        salary=report.salary_by_degree, claims=_claim_rows(claims),
        claims_source="; ".join(sources), claim_notes=notes, thin_n=THIN_N, min_n=MIN_N,
        accuracy=Markup(EXTRACTION_ACCURACY), pct=_pct, money=_money,
    )



