"""Formatting a ``FitReport``: Rich tables for the terminal, one self-contained HTML page.

Pure functions: they return renderables or a string; the CLI prints or writes them.
"""

from __future__ import annotations

from typing import Any

from rich.console import Group
from rich.table import Table
from rich.text import Text

from ._audit import SCORE_FORMULA, FitReport
from ._model import Profile

HTML_POSTINGS_LIMIT = 200  # the page lists the best-scoring postings; JSON has them all


def _pct(x: float | None) -> str:
    return "n/a" if x is None else f"{100 * x:.0f}%"


def profile_table(profile: Profile) -> Table:
    """What was read from the résumé, so the user can check and correct it."""
    t = Table(title=f"Profile read from {profile.source or 'input'}", show_header=False)
    t.add_column("field", style="bold")
    t.add_column("value")
    degrees = ", ".join(f"{d.level}" + (f" ({d.field})" if d.field else "") for d in
                        profile.degrees) or "none found"
    t.add_row("degrees", degrees)
    years = profile.years_experience
    t.add_row("years of experience", "unknown" if years is None else f"{years:g}")
    t.add_row("titles", "; ".join(profile.titles) or "none found")
    t.add_row("skills", ", ".join(profile.skills) or "none found")
    if profile.current_pay:
        p = profile.current_pay
        t.add_row("current pay", f"{p.amount:,.0f} {p.currency}/{p.period}")
    for note in profile.notes:
        t.add_row("note", Text(note, style="dim"))
    return t


def render_text(report: FitReport, top: int = 15) -> Group:
    """Rich tables: summary, missing skills, the best- and worst-fitting postings."""
    summary = Table(title=f"Fit against {report.n_postings} target postings", show_header=False)
    summary.add_column("measure", style="bold")
    summary.add_column("value", justify="right")
    summary.add_row("eligible (degree meets the minimum, or no minimum)",
                    _pct(report.eligible_share))
    summary.add_row("eligible incl. equivalent-experience route",
                    _pct(report.eligible_share_with_equivalent))
    for level, share in report.eligible_share_if.items():
        summary.add_row(f"eligible if you had a {level}", _pct(share))
    summary.add_row("short on years of experience", _pct(report.experience_short_share))
    summary.add_row("software-skill coverage", _pct(report.software_coverage))
    summary.add_row("ML-skill coverage", _pct(report.ml_coverage))
    summary.add_row("mean score", "n/a" if report.mean_score is None else f"{report.mean_score}")

    missing = Table(title="Missing skills, by share of target postings asking for them")
    missing.add_column("skill")
    missing.add_column("category")
    missing.add_column("postings", justify="right")
    missing.add_column("as required", justify="right")
    for m in report.missing_skills[:top]:
        missing.add_row(m["name"], m["category"], _pct(m["share"]), _pct(m["required_share"]))

    best = sorted(report.postings, key=lambda p: (-p.score, p.id))[:top]
    postings = Table(title=f"Best-fitting postings (top {len(best)})")
    for col in ("score", "title", "company", "education", "experience", "required missing"):
        postings.add_column(col, justify="right" if col == "score" else "left")
    for p in best:
        exp = p.experience if p.experience == "meets" else f"short {p.years_short:g}y"
        postings.add_row(f"{p.score:.1f}", p.title, p.company, p.education, exp,
                         ", ".join(p.required_missing) or "-")
    return Group(profile_table(report.profile), summary, missing, postings,
                 Text(SCORE_FORMULA, style="dim"))


_PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<title>mlepath fit: {{ profile.source or "profile" }}</title>
<style>
body{font-family:system-ui,sans-serif;max-width:1100px;margin:2em auto;padding:0 1em;color:#222}
table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #ccc;padding:.3em .6em;
text-align:left}th{background:#f3f3f3}.chart{width:100%;height:360px}.dim{color:#666}
</style>
<script>{{ plotly_js | safe }}</script>
</head><body>
<h1>Fit audit against {{ n }} target postings</h1>
<h2>Profile read</h2>
<table>
<tr><th>degrees</th><td>{% for d in profile.degrees %}{{ d.level }}{% if d.field %} ({{ d.field }}){% endif %}{% if not loop.last %}, {% endif %}{% else %}none found{% endfor %}</td></tr>
<tr><th>years of experience</th><td>{{ profile.years_experience if profile.years_experience is not none else "unknown" }}</td></tr>
<tr><th>titles</th><td>{{ profile.titles | join("; ") }}</td></tr>
<tr><th>skills</th><td>{{ profile.skills | join(", ") }}</td></tr>
</table>
<h2>Summary</h2>
<table>{% for label, value in summary %}<tr><th>{{ label }}</th><td>{{ value }}</td></tr>{% endfor %}</table>
<div id="eligibility" class="chart"></div>
<div id="coverage" class="chart"></div>
<div id="missing" class="chart" style="height:{{ 120 + 22 * missing|length }}px"></div>
<h2>Postings (best {{ postings|length }} of {{ n }})</h2>
<table><tr><th>score</th><th>title</th><th>company</th><th>education</th><th>experience</th>
<th>required skills missing</th></tr>
{% for p in postings %}<tr><td>{{ p.score }}</td><td>{{ p.title }}</td><td>{{ p.company }}</td>
<td>{{ p.education }}</td><td>{{ p.experience }}{% if p.years_short %} ({{ p.years_short }}y short){% endif %}</td>
<td>{{ p.required_skills_missing | join(", ") }}</td></tr>
{% endfor %}</table>
<p class="dim">{{ formula }}</p>
<script>
const figs = {{ figures | tojson }};
for (const [id, fig] of Object.entries(figs)) {
  Plotly.newPlot(id, fig.data, fig.layout, {displayModeBar: false, responsive: true});
}
</script>
</body></html>
"""


def _figures(report: FitReport, missing: list[dict[str, Any]]) -> dict[str, Any]:
    levels = ["now (degree only)", "now (+ equivalent experience)",
              *[f"with a {lv}" for lv in report.eligible_share_if]]
    shares = [report.eligible_share, report.eligible_share_with_equivalent,
              *report.eligible_share_if.values()]
    return {
        "eligibility": {
            "data": [{"type": "bar", "x": levels, "y": [s or 0 for s in shares]}],
            "layout": {"title": {"text": "Share of target postings you are eligible for"},
                       "yaxis": {"tickformat": ".0%", "range": [0, 1]}},
        },
        "coverage": {
            "data": [{"type": "bar", "x": ["software skills", "ML skills"],
                      "y": [report.software_coverage or 0, report.ml_coverage or 0]}],
            "layout": {"title": {"text": "Share of demanded skills you have (weighted by postings)"},
                       "yaxis": {"tickformat": ".0%", "range": [0, 1]}},
        },
        "missing": {
            "data": [{"type": "bar", "orientation": "h",
                      "y": [m["name"] for m in reversed(missing)],
                      "x": [m["share"] for m in reversed(missing)]}],
            "layout": {"title": {"text": "Missing skills by share of postings asking for them"},
                       "xaxis": {"tickformat": ".0%"}, "margin": {"l": 160}},
        },
    }


def render_html(report: FitReport, top_skills: int = 25) -> str:
    """One self-contained page (plotly.js embedded, works offline); all text is escaped."""
    import jinja2
    from plotly.offline import get_plotlyjs

    env = jinja2.Environment(autoescape=True)
    best = sorted(report.postings, key=lambda p: (-p.score, p.id))[:HTML_POSTINGS_LIMIT]
    missing = report.missing_skills[:top_skills]
    summary = [
        ("eligible (degree meets the minimum, or no minimum)", _pct(report.eligible_share)),
        ("eligible incl. equivalent-experience route",
         _pct(report.eligible_share_with_equivalent)),
        *[(f"eligible if you had a {lv}", _pct(s)) for lv, s in report.eligible_share_if.items()],
        ("software-skill coverage", _pct(report.software_coverage)),
        ("ML-skill coverage", _pct(report.ml_coverage)),
        ("mean score", report.mean_score),
    ]
    return env.from_string(_PAGE).render(
        profile=report.profile, n=report.n_postings, summary=summary,
        postings=[p.to_dict() for p in best], missing=missing,
        figures=_figures(report, missing), formula=SCORE_FORMULA, plotly_js=get_plotlyjs(),
    )
