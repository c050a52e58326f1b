"""Terminal rendering of the report and the claims check as Rich tables (the CLI prints them)."""

from __future__ import annotations

from rich.table import Table

from mlepath.extract import SKILL_CATEGORIES

from ._claims import ClaimNote, ClaimResult
from ._report import EXPERIENCE_BUCKETS, HEADLINE_METRICS, MarketReport
from ._wilson import THIN_N, Share

THIN_MARK = "*"
THIN_FOOTNOTE = f"{THIN_MARK} thin: fewer than {THIN_N} postings; ( ) = 95% Wilson interval"
_VERDICT_STYLE = {"consistent": "green", "contradicted": "red", "insufficient_data": "yellow"}


def pct(x: float | None, sign: str = "%") -> str:
    """Whole percent, with one decimal near 0 and 100 so 0.2% does not print as 0%."""
    if x is None:
        return "-"
    if 0 < x < 0.01 or 0.99 < x < 1:
        text = f"{100 * x:.1f}"
        if text in ("0.0", "100.0"):  # still rounds to the edge: say so
            text = "<0.1" if x < 0.5 else ">99.9"
        return text + sign
    return f"{100 * x:.0f}{sign}"


def format_share(s: Share | None, *, show_n: bool = True) -> str:
    """``"31% (27-35%) n=120"``; thin shares get a trailing ``*``."""
    if s is None or s.n == 0:
        return "-"
    lo, hi = s.ci95
    text = f"{pct(s.share)} ({pct(lo, '')}-{pct(hi, '')})"
    if show_n:
        text += f" n={s.n}"
    return text + (f" {THIN_MARK}" if s.thin else "")


def _breakdown(report: MarketReport, dimension: str, title: str,
               metrics: tuple[str, ...]) -> Table:
    values = report.group_values(dimension)
    table = Table(title=title, caption=THIN_FOOTNOTE, caption_justify="left")
    table.add_column("metric", no_wrap=True)
    table.add_column(f"all (n={report.n})", justify="right")
    for v in values:
        f = report.figure(metrics[0], **{dimension: v})
        table.add_column(f"{v} (n={f.n if f else 0})", justify="right")
    for metric in metrics:
        row = [metric, format_share(report.figure(metric), show_n=False)]
        row += [format_share(report.figure(metric, **{dimension: v}), show_n=False)
                for v in values]
        table.add_row(*row)
    return table


def _top(report: MarketReport, prefix: str, title: str, limit: int) -> Table:
    table = Table(title=title, caption=THIN_FOOTNOTE, caption_justify="left")
    table.add_column(prefix.rstrip("="))
    table.add_column("postings", justify="right")
    table.add_column("share (95% CI)", justify="right")
    figs = [f for f in report.figures if f.metric.startswith(prefix) and not f.by][:limit]
    for f in figs:
        table.add_row(f.metric[len(prefix):], str(f.count), format_share(f, show_n=False))
    return table


def report_tables(report: MarketReport) -> list[Table]:
    """The report as Rich tables, in reading order (decision first, detail after)."""
    head = Table(title="Market report", show_header=False)
    head.add_row("postings (n)", str(report.n))
    head.add_row("filters", ", ".join(f"{k}={v}" for k, v in report.filters.to_dict().items())
                 or "none")
    head.add_row("extractor versions",
                 ", ".join(f"{k} ({v})" for k, v in report.extractor_versions.items()) or "-")
    tables = [head]
    if not report.n:
        return tables
    tables.append(_breakdown(report, "ml_focus", "Degree requirements by ML focus",
                             HEADLINE_METRICS))
    tables.append(_breakdown(report, "seniority", "Degree requirements by seniority",
                             HEADLINE_METRICS))
    if len(report.group_values("role_family")) > 1:
        tables.append(_breakdown(report, "role_family", "Degree requirements by role family",
                                 HEADLINE_METRICS))
    tables.append(_breakdown(report, "ml_focus", "Required years of experience",
                             tuple(f"experience={b}" for b in EXPERIENCE_BUCKETS)))
    tables.append(_top(report, "field=", "Fields of study named", 12))
    skills = Table(title="Top skills", caption=THIN_FOOTNOTE, caption_justify="left")
    for col in ("skill", "category", "all", "research", "applied"):
        skills.add_column(col, justify="left" if col in ("skill", "category") else "right")
    for f in [f for f in report.figures if f.metric.startswith("skill=") and not f.by][:30]:
        sid = f.metric[len("skill="):]
        skills.add_row(report.skills.get(sid, {}).get("name", sid),
                       report.skills.get(sid, {}).get("category", ""),
                       format_share(f, show_n=False),
                       format_share(report.figure(f.metric, ml_focus="research"), show_n=False),
                       format_share(report.figure(f.metric, ml_focus="applied"), show_n=False))
    tables.append(skills)
    by_cat = Table(title="Top skills by category (share of all postings)")
    by_cat.add_column("category", no_wrap=True)
    by_cat.add_column("skills")
    for cat in SKILL_CATEGORIES:
        figs = [f for f in report.figures if f.metric.startswith("skill=") and not f.by
                and report.skills.get(f.metric[6:], {}).get("category") == cat][:5]
        if figs:
            by_cat.add_row(cat, ", ".join(
                f"{report.skills[f.metric[6:]]['name']} {pct(f.share)}" for f in figs))
    tables.append(by_cat)
    dist = report.distinguishing_skills
    if dist.get("research") or dist.get("applied"):
        t = Table(title=f"Skills that distinguish research from applied (ranked by z of the "
                        f"log-odds; at least {dist['min_count']} postings; research "
                        f"n={dist['research_n']}, applied n={dist['applied_n']})")
        for col in ("leans", "skill", "research", "applied", "log-odds", "z"):
            t.add_column(col, justify="left" if col in ("leans", "skill") else "right")
        for side in ("research", "applied"):
            for d in dist.get(side, []):
                t.add_row(side, d["name"], pct(d["research"]["share"]),
                          pct(d["applied"]["share"]), f"{d['log_odds']:+.2f}",
                          f"{d['z']:+.1f}")
        tables.append(t)
    if report.salary_by_degree:
        t = Table(title="Annual salary by required degree (midpoint of the posted range)")
        for col in ("min_required", "currency", "n", "p25", "median", "p75"):
            t.add_column(col, justify="right" if col not in ("min_required", "currency")
                         else "left")
        for r in report.salary_by_degree:
            t.add_row(r["min_required"], r["currency"], str(r["n"]),
                      *(f"{r[k]:,.0f}" if r[k] is not None else "-"
                        for k in ("p25", "median", "p75")))
        tables.append(t)
    tables.append(_top(report, "title=", "Most common titles", 15))
    return tables


def claims_table(results: list[ClaimResult], notes: list[ClaimNote] | None = None) -> Table:
    """One row per claim: claimed, measured with its interval, n and the verdict."""
    table = Table(title="Published claims vs the data",
                  caption="\n".join(f"Note: {n.text}" for n in notes or []) or None,
                  caption_justify="left")
    for col in ("claim", "metric", "claimed", "measured (95% CI)", "n", "verdict"):
        table.add_column(col, justify="right" if col in ("n",) else "left",
                         no_wrap=col in ("claim", "verdict", "n"), overflow="fold")
    for r in results:
        lo, hi = r.claim.claimed
        claimed = pct(lo) if lo == hi else f"{pct(lo)}-{pct(hi)}"
        measured = ("-" if r.measured is None else
                    f"{pct(r.measured)} ({pct(r.ci95[0], '')}-{pct(r.ci95[1], '')})")
        style = _VERDICT_STYLE.get(r.verdict, "")
        table.add_row(r.claim.id, r.claim.metric, claimed, measured, str(r.n),
                      f"[{style}]{r.verdict}[/{style}]")
    return table
