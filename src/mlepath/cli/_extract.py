"""``mlepath extract``, ``mlepath explain`` and ``mlepath eval``."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.markup import escape
from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table
from rich.text import Text

from mlepath.errors import ExtractError, MlepathError
from mlepath.extract import EXTRACTOR_VERSION, Requirements, compiled, evaluate, extract_posting
from mlepath.extract._explain import evidence_spans, value_rows
from mlepath.sources import BadRecord, read_path
from mlepath.store import Store

from ._app import DbOption, app, console, err_console, parse_map, resolve_db

_ENGINES = ("local", "spark")
_SHORT = {"high_school": "hs", "associate": "assoc", "bachelor": "bach", "master": "mast",
          "phd": "phd", "none": "none", "unspecified": "unspec"}


def _build() -> str:
    # Says which build ran, so timings quoted from the CLI can be compared (docs/extract.md).
    return "mypyc-compiled" if compiled() else "pure Python"


def _progress(known_total: bool = True) -> Progress:
    count = "{task.completed:,}/{task.total:,} postings" if known_total else "{task.completed:,} postings"
    return Progress(SpinnerColumn(), TextColumn("{task.description}"), BarColumn(),
                    TextColumn(count), TimeElapsedColumn(), console=err_console, transient=True)


def _report_bad(bad: BadRecord) -> None:
    err_console.print(f"[yellow]skipped[/yellow] {escape(str(bad))}", highlight=False, soft_wrap=True)


@app.command("extract")
def extract_cmd(
    inputs: Annotated[list[Path] | None, typer.Argument(help="Posting files or folders (any format ingest reads).")] = None,
    out: Annotated[Path | None, typer.Option("--out", "-o", help="Write requirements JSONL here.")] = None,
    db: DbOption = None,
    all_: Annotated[bool, typer.Option("--all", help="With --db: re-extract every posting.")] = False,
    engine: Annotated[str, typer.Option("--engine", help="local | spark")] = "local",
    master: Annotated[str, typer.Option("--master", help="Spark master URL (with --engine spark).")] = "local[*]",
    input_format: Annotated[str | None, typer.Option("--format", help="Input format (default: detect).")] = None,
    map_: Annotated[list[str] | None, typer.Option("--map", help="FIELD=COLUMN mapping for tabular inputs.")] = None,
) -> None:
    """Extract what each posting requires (degree, years, role, seniority, skills, salary).

    The summary line says which build ran: mypyc-compiled or pure Python (same output).

    Example: mlepath extract postings.csv --out requirements.jsonl
    """
    if engine not in _ENGINES:
        raise ExtractError(f"unknown engine {engine!r}; choose one of: {', '.join(_ENGINES)}")
    mapping = parse_map(map_)
    if engine == "spark":
        if not inputs or out is None:
            raise ExtractError("--engine spark needs INPUTS and --out, e.g. "
                               "mlepath extract postings/ --out req.parquet --engine spark")
        _extract_spark([str(p) for p in inputs], str(out), master, mapping, input_format)
        return
    if inputs:
        if out is None:
            raise ExtractError("extracting files needs --out FILE.jsonl (or use --db to extract the store)")
        n = _extract_files(inputs, out, input_format, mapping)
        console.print(f"extracted {n:,} postings -> {out} (extractor {EXTRACTOR_VERSION}, {_build()})")
        return
    from mlepath.pipeline import extract_store

    path = resolve_db(db)
    with Store(path) as store, _progress() as progress:
        task = progress.add_task("extracting", total=0)  # the real total arrives with batch 1
        done = extract_store(store, force=all_, on_progress=lambda d, t: progress.update(
            task, completed=d, total=t))
    console.print(f"extracted {done:,} postings in {path} (extractor {EXTRACTOR_VERSION}, {_build()}); "
                  f"{'all re-extracted' if all_ else 'others were already up to date'}")


def _extract_files(inputs: list[Path], out: Path, input_format: str | None,
                   mapping: dict[str, str] | None) -> int:
    n = 0
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("w", encoding="utf-8") as fh, _progress(known_total=False) as progress:
        task = progress.add_task("extracting", total=None)
        for path in inputs:
            for posting in read_path(path, format=input_format, mapping=mapping, on_error=_report_bad):
                fh.write(json.dumps(extract_posting(posting).to_dict(posting.id), ensure_ascii=False))
                fh.write("\n")
                n += 1
                if n % 500 == 0:
                    progress.update(task, completed=n)
    return n


def _extract_spark(inputs: list[str], out: str, master: str, mapping: dict[str, str] | None,
                   input_format: str | None) -> None:
    try:
        from mlepath.scale import extract_spark
    except ImportError as exc:
        raise MlepathError("the Spark engine needs: pip install 'mlepath[spark]'") from exc
    summary = extract_spark(inputs, out, master=master, mapping=mapping, input_format=input_format)
    console.print(str(summary))


@app.command("explain")
def explain_cmd(
    posting_id: Annotated[str, typer.Argument(help="Posting id (as stored).")],
    db: DbOption = None,
) -> None:
    """Show one posting with the evidence of each extracted value highlighted.

    Example: mlepath explain greenhouse:4012345 --db jobs.duckdb
    """
    path = resolve_db(db)
    with Store(path, read_only=True) as store:
        posting = store.get_posting(posting_id)
        if posting is None:
            raise MlepathError(f"no posting {posting_id!r} in {path}; list ids with: mlepath postings list")
        req = store.get_requirements(posting.id) or extract_posting(posting)
    console.print(format_explain(posting.title, posting.description_text, req))


_STYLES = {"min_required": "bold black on yellow", "preferred_levels": "black on cyan",
           "equivalent_experience_ok": "black on green", "fields": "underline",
           "experience_min_years": "bold black on magenta", "seniority": "black on bright_blue"}


def format_explain(title: str, text: str, req: Requirements) -> Any:
    """The posting text with evidence highlighted, then a table of values (a Rich renderable)."""
    from rich.console import Group

    body = Text(text)
    for start, end, key in evidence_spans(req, len(text)):
        body.stylize(_STYLES.get(key, "reverse"), start, end)
    table = Table(title=f"{title or '(no title)'} - extractor {req.extractor_version}")
    table.add_column("field")
    table.add_column("value")
    table.add_column("evidence")
    for name, value, evidence in value_rows(req):
        style = _STYLES.get(name, "")
        table.add_row(Text(name, style=style), escape(value), escape(evidence))
    return Group(body, table)


@app.command("eval")
def eval_cmd(
    gold: Annotated[Path, typer.Option("--gold", help="Gold labels JSONL (GUIDELINES.md fields).")],
    postings: Annotated[Path, typer.Option("--postings", help="The postings of the gold ids (JSONL).")],
    fmt: Annotated[str, typer.Option("--format", "-f", help="table | json")] = "table",
    show_errors: Annotated[bool, typer.Option("--show-errors", help="List every disagreement.")] = False,
) -> None:
    """Score the extractor against gold labels: accuracy, micro P/R/F1, confusion matrix.

    Example: mlepath eval --gold ../shared/gold/dev.jsonl --postings ../shared/gold/dev-postings.jsonl
    """
    from mlepath.extract._evaluate import gold_postings_predictions

    if fmt not in ("table", "json"):
        raise ExtractError(f"unknown format {fmt!r}; choose one of: table, json")
    gold_rows, preds = gold_postings_predictions(gold, postings)
    report = evaluate(gold_rows, preds)
    if fmt == "json":
        typer.echo(json.dumps(report.to_dict(), indent=2, ensure_ascii=False))
        return
    table = Table(title=f"extractor {EXTRACTOR_VERSION} on {report.n} gold postings")
    for col in ("field", "metric", "value", "P", "R", "target", "met"):
        table.add_column(col)
    for name, t in report.targets().items():
        prf = report.prf.get(name)
        table.add_row(name, t["metric"], f"{t['value']:.3f}",
                      f"{prf.precision:.3f}" if prf else "", f"{prf.recall:.3f}" if prf else "",
                      f"{t['target']:.2f}", "yes" if t["met"] else "[red]no[/red]")
    console.print(table)
    levels = ["high_school", "associate", "bachelor", "master", "phd", "none", "unspecified"]
    cm = Table(title="min_required confusion (rows gold, columns predicted)")
    cm.add_column("gold \\ pred")
    for lv in levels:
        cm.add_column(_SHORT.get(lv, lv))
    for g in levels:
        row = report.confusion.get(g, {})
        if row:
            cm.add_row(g, *[str(row.get(p, 0) or "") for p in levels])
    console.print(cm)
    if report.missing:
        err_console.print(f"[yellow]{len(report.missing)} gold ids had no posting[/yellow]")
    if show_errors:
        for d in report.disagreements:
            console.print(f"{escape(d.id)}  {d.field}: gold={d.gold!r} predicted={d.predicted!r}",
                          highlight=False)
    else:
        console.print(f"{len(report.disagreements)} disagreements (see them with --show-errors)")
