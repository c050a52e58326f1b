"""``mlepath advise``, ``mlepath roi`` and ``mlepath plan``: thin shells over advise/ and plan/."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from mlepath.errors import AdviceError

from ._app import DbOption, app, console, resolve_db

FORMATS = ("table", "json", "html")
PathsOption = Annotated[Path | None, typer.Option(
    "--paths", help="YAML file overriding the packaged paths (same shape as advise/data/paths.yaml).")]
FormatOpt = Annotated[str, typer.Option("--format", "-f", help="table | json | html")]
OutOption = Annotated[Path | None, typer.Option("--out", "-o", help="Write to this file.")]


def _check_format(fmt: str, allowed: tuple[str, ...] = FORMATS) -> None:
    if fmt not in allowed:
        raise AdviceError(f"unknown format '{fmt}'; choose one of: {', '.join(allowed)}")


def _yes_no(value: str | None) -> bool | None:
    if value is None:
        return None
    v = value.strip().lower()
    if v in ("yes", "y", "true", "1"):
        return True
    if v in ("no", "n", "false", "0"):
        return False
    raise AdviceError(f"--employer-has-ml '{value}': answer yes or no")


def _open_store(db: str | None) -> Any:
    """The store when its file exists (read-only), else None: advice then rests on the answers."""
    path = resolve_db(db)
    if not Path(path).is_file():
        return None
    from mlepath.store import Store

    return Store(path, read_only=True)


def _emit(text: str, out: Path | None) -> None:
    if out is None:
        console.print(text, markup=False, highlight=False, soft_wrap=True)
    else:
        out.write_text(text, encoding="utf-8")
        console.print(f"wrote {out}", highlight=False)


def _money(x: float | None) -> str:
    return "–" if x is None else f"{x:,.0f}"


@app.command()
def advise(
    resume: Annotated[Path | None, typer.Argument(
        help="Résumé (PDF, DOCX, Markdown, text) or profile YAML; optional.")] = None,
    years: Annotated[float | None, typer.Option(help="Years of software experience.")] = None,
    goal: Annotated[str, typer.Option(help="product | research | undecided")] = "undecided",
    employer_has_ml: Annotated[str | None, typer.Option(
        "--employer-has-ml", help="Does your employer have ML teams? yes | no")] = None,
    math: Annotated[int | None, typer.Option(help="Maths/ML foundations, self-rated 1-5.")] = None,
    budget: Annotated[float | None, typer.Option(help="USD you can spend on direct costs.")] = None,
    hours_per_week: Annotated[float | None, typer.Option(
        "--hours-per-week", help="Hours a week free for study.")] = None,
    risk: Annotated[str | None, typer.Option(help="Risk tolerance: low | medium | high")] = None,
    current_pay: Annotated[float | None, typer.Option(
        "--current-pay", help="Current pay, USD/year.")] = None,
    target_pay: Annotated[float | None, typer.Option(
        "--target-pay", help="Expected ML-engineer pay, USD/year.")] = None,
    location: Annotated[str | None, typer.Option(help="Target location (market filter).")] = None,
    db: DbOption = None,
    paths: PathsOption = None,
    format: FormatOpt = "table",
    out: OutOption = None,
) -> None:
    """Rank the paths from software engineer to ML engineer, each reason with its evidence.

    Example: mlepath advise --years 5 --goal product --employer-has-ml yes --db jobs.duckdb
    """
    from mlepath.advise import AdviceInputs, path_rois, render_html
    from mlepath.advise import advise as run_advice

    _check_format(format)
    inputs = AdviceInputs(years=years, goal=goal,  # type: ignore[arg-type]
                          employer_has_ml=_yes_no(employer_has_ml), math=math, budget=budget,
                          hours_per_week=hours_per_week, risk=risk,  # type: ignore[arg-type]
                          current_pay=current_pay, target_pay=target_pay, location=location)
    store = _open_store(db)
    try:
        advice = run_advice(inputs, store=store, resume=resume, paths_file=paths)
    finally:
        if store is not None:
            store.close()
    if format == "json":
        _emit(json.dumps(advice.to_dict(), indent=2), out)
        return
    if format == "html":
        _emit(render_html(advice, path_rois(advice, paths_file=paths)), out)
        return
    buffer = io.StringIO()
    target = Console(file=buffer, width=120) if out is not None else console
    table = Table(title=f"Paths to ML engineer ({advice.segment} postings)")
    for col in ("#", "path", "score", "months", "cost (USD)", "NPV vs staying (USD)"):
        table.add_column(col, justify="left" if col == "path" else "right")
    for p in advice.paths:
        table.add_row(str(p.rank), p.id, str(p.score), f"{p.months[0]:g}–{p.months[1]:g}",
                      f"{p.cost[0]:,.0f}–{p.cost[1]:,.0f}", _money(p.npv))
    target.print(table)
    for p in advice.paths:
        target.print(f"[bold]{p.rank}. {escape(p.name)}[/bold] ({p.id}, score {p.score})")
        for r in p.reasons:
            source = r.evidence.get("source")
            cite = f" [dim]({escape(str(source))})[/dim]" if source and r.points == 0 else ""
            colour = "green" if r.points > 0 else "red" if r.points < 0 else "dim"
            target.print(f"   [{colour}]{r.points:+d}[/] {escape(r.text)}{cite}", soft_wrap=True)
    for note in advice.notes:
        target.print(f"[dim]{escape(note)}[/dim]")
    if out is not None:
        _emit(buffer.getvalue(), out)


@app.command()
def roi(
    path: Annotated[str, typer.Option("--path", help="Path id, e.g. masters-full-time.")],
    current_pay: Annotated[float, typer.Option("--current-pay", help="USD/year now.")],
    target_pay: Annotated[float, typer.Option("--target-pay", help="USD/year as ML engineer.")],
    tuition: Annotated[float | None, typer.Option(
        help="Total direct cost, USD (default: the path's range midpoint).")] = None,
    study_months: Annotated[float | None, typer.Option(
        "--study-months", help="Months of study (default: the path's midpoint).")] = None,
    p_land: Annotated[float | None, typer.Option(
        "--p-land", help="Probability (0-1) of landing the role.")] = None,
    years: Annotated[float | None, typer.Option(help="Years of experience (pivot is shorter at 3+).")] = None,
    horizon_years: Annotated[int, typer.Option("--horizon-years", help="Years compared.")] = 10,
    discount_rate: Annotated[float | None, typer.Option(
        "--discount-rate", help="Annual discount rate, e.g. 0.05.")] = None,
    pay_growth: Annotated[float | None, typer.Option(
        "--pay-growth", help="Annual pay growth, e.g. 0.03.")] = None,
    monte_carlo: Annotated[int, typer.Option(
        "--monte-carlo", help="Draws of a Monte Carlo over the input ranges (0 = off).")] = 0,
    seed: Annotated[int, typer.Option(help="Random seed of the Monte Carlo.")] = 0,
    paths: PathsOption = None,
    format: FormatOpt = "table",
    out: OutOption = None,
) -> None:
    """Net present value of a path against staying a software engineer, with a tornado.

    Example: mlepath roi --path masters-full-time --current-pay 180000 --target-pay 210000 --tuition 60000
    """
    from mlepath.advise import PATH_IDS, load_paths, render_html, roi_inputs_for_path
    from mlepath.advise import roi as compute_roi

    _check_format(format)
    specs = load_paths(paths)
    if path not in specs:
        raise AdviceError(f"unknown path '{path}'; choose one of: {', '.join(PATH_IDS)}")
    inputs = roi_inputs_for_path(specs[path], current_pay=current_pay, target_pay=target_pay,
                                 years=years, tuition=tuition, study_months=study_months,
                                 p_land=p_land, discount_rate=discount_rate,
                                 pay_growth=pay_growth, horizon_years=horizon_years)
    result = compute_roi(path, inputs, monte_carlo_draws=monte_carlo, seed=seed)
    if format == "json":
        _emit(json.dumps(result.to_dict(), indent=2), out)
        return
    if format == "html":
        _emit(render_html(None, {path: result}, title=f"mlepath ROI: {path}"), out)
        return
    be = result.break_even_month
    console.print(f"[bold]{path}[/bold] vs staying, {horizon_years} years: NPV "
                  f"[bold]{result.npv:,.0f}[/bold] USD; break-even "
                  f"{'month ' + str(be) if be is not None else 'not within the horizon'}")
    table = Table(title="Sensitivity (one input at a time, largest swing first)")
    for col in ("input", "low", "high", "NPV at low", "NPV at high", "swing"):
        table.add_column(col, justify="right" if col != "input" else "left")
    for row in result.sensitivity:
        table.add_row(row.input, f"{row.low:g}", f"{row.high:g}", _money(row.npv_low),
                      _money(row.npv_high), _money(row.swing))
    console.print(table)
    if result.monte_carlo is not None:
        mc = result.monte_carlo
        console.print(f"Monte Carlo ({mc.n} draws, seed {mc.seed}): mean {mc.mean:,.0f}, "
                      f"5th–95th percentile {mc.p5:,.0f} to {mc.p95:,.0f}, "
                      f"P(NPV > 0) = {mc.prob_positive:.0%}")


@app.command()
def plan(
    resume: Annotated[Path, typer.Argument(help="Résumé or profile YAML.")],
    db: DbOption = None,
    weeks: Annotated[int, typer.Option(help="Weeks the plan spans.")] = 20,
    hours_per_week: Annotated[float, typer.Option(
        "--hours-per-week", help="Hours a week for projects.")] = 10,
    path: Annotated[str, typer.Option("--path", help="The path whose habits to use.")] = "self-study",
    role: Annotated[str, typer.Option(help="Target role family.")] = "ml_engineer",
    focus: Annotated[str | None, typer.Option(help="Target ML focus: applied | research.")] = "applied",
    location: Annotated[str | None, typer.Option(help="Target location.")] = None,
    format: FormatOpt = "table",
    out: OutOption = None,
) -> None:
    """Portfolio projects that cover your most demanded missing skills, over your weeks.

    Example: mlepath plan resume.pdf --db jobs.duckdb --weeks 20 --hours-per-week 10
    """
    from mlepath.plan import plan_for_resume, render_html

    _check_format(format)
    store = _open_store(db)
    if store is None:
        raise AdviceError(f"no store at {resolve_db(db)}; a plan needs target postings: "
                          "pass --db jobs.duckdb (after mlepath ingest and extract)")
    filters = {k: v for k, v in {"role": role, "focus": focus, "location": location}.items() if v}
    try:
        result = plan_for_resume(resume, store, weeks=weeks, hours_per_week=hours_per_week,
                                 path_id=path, filters=filters)
    finally:
        store.close()
    doc = result.to_dict()
    if format == "json":
        _emit(json.dumps(doc, indent=2), out)
        return
    if format == "html":
        _emit(render_html(result), out)
        return
    console.print(f"[bold]{weeks} weeks × {hours_per_week:g} h = {doc['budget_hours']:g} h[/bold]"
                  f" for the {escape(path)} path")
    table = Table(title="Projects (greedy cover of your most demanded missing skills)")
    for col in ("weeks", "project", "hours", "covers"):
        table.add_column(col, overflow="fold")
    for p in doc["projects"]:
        when = f"{p['start_week']}–{p['end_week']}" if p["scheduled"] else "does not fit"
        table.add_row(when, escape(p["title"]), f"{p['hours']:g}", ", ".join(p["covers"]))
    console.print(table)
    if doc["uncovered"]:
        console.print("Not covered by any project: " + ", ".join(doc["uncovered"]))
    if doc["soft_skills"]:
        console.print("Soft skills your targets ask for (shown through work, not projects): "
                      + ", ".join(s["skill"] for s in doc["soft_skills"]))
    titles = Table(title="Titles to target (postings you fit best)")
    for col in ("title", "postings", "best fit", "eligible"):
        titles.add_column(col)
    for t in doc["titles"]:
        titles.add_row(escape(t["title"]), str(t["postings"]), str(t["best_fit"]),
                       f"{t['eligible_share']:.0%}")
    console.print(titles)
    console.print("[bold]Weekly habits[/bold]")
    for h in doc["habits"]:
        console.print(f" • {escape(h)}")
