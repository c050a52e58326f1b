"""``mlepath ingest``, ``mlepath fetch`` and ``mlepath postings list|show|stats``."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.markup import escape
from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table

from mlepath.sources import SOURCES, BadRecord, fetch_board, sample_path
from mlepath.store import Store
from mlepath.store._postings import reason_key

from ._app import DbOption, app, console, err_console, parse_map, postings_app, resolve_db

_SHOWN_PROBLEMS = 20  # bad-record lines printed before "... and N more"


class _ProblemPrinter:
    """Prints the first bad records as they arrive, one line each; counts the rest."""

    def __init__(self) -> None:
        self.shown = 0
        self.hidden = 0
        self._per_reason: Counter[tuple[str, str]] = Counter()

    def __call__(self, bad: BadRecord) -> None:
        # at most 3 lines per (file, kind of problem): a file of 449 identical problems is
        # one problem, summarised with its count at the end
        key = (bad.file, reason_key(bad.reason))
        self._per_reason[key] += 1
        if self.shown < _SHOWN_PROBLEMS and self._per_reason[key] <= 3:
            err_console.print(f"[yellow]skipped[/yellow] {escape(str(bad))}", highlight=False,
                              soft_wrap=True)
            self.shown += 1
        else:
            self.hidden += 1


def _progress() -> Progress:
    return Progress(SpinnerColumn(), TextColumn("{task.description}"), BarColumn(),
                    TextColumn("{task.completed:,} records"), TimeElapsedColumn(),
                    console=err_console, transient=True,
                    disable=not err_console.is_terminal)


@app.command()
def ingest(
    paths: Annotated[list[Path] | None, typer.Argument(
        help="Files or folders of postings (CSV, JSON, JSONL, Parquet, HTML, text).")] = None,
    db: DbOption = None,
    format: Annotated[str | None, typer.Option(
        "--format", "-f", help=f"Skip detection: one of {', '.join(sorted(SOURCES))}.")] = None,
    map_: Annotated[list[str] | None, typer.Option(
        "--map", help="FIELD=COLUMN for generic tables, e.g. description=job_description.")
    ] = None,
    encoding: Annotated[str, typer.Option(help="Text encoding of the files.")] = "utf-8",
    sample: Annotated[bool, typer.Option(
        "--sample", help="Also ingest the sample of real postings shipped with mlepath.")
    ] = False,
) -> None:
    """Read postings from files or folders into the store (re-running changes nothing).

    Example: mlepath ingest postings.csv greenhouse.json saved_pages/ --db jobs.duckdb
    """
    inputs: list[str | Path] = list(paths or [])
    if sample:
        inputs.append(sample_path())
    if not inputs:
        raise typer.BadParameter("give at least one file or folder, or --sample",
                                 param_hint="PATHS")
    mapping = parse_map(map_)
    problems = _ProblemPrinter()
    with Store(resolve_db(db)) as store, _progress() as progress:
        task = progress.add_task("Ingesting", total=None)
        report = store.ingest(inputs, format=format, mapping=mapping, encoding=encoding,
                              on_error=problems,
                              on_progress=lambda n: progress.update(task, completed=n))
    if problems.hidden:
        err_console.print(f"... and {problems.hidden:,} more skipped records (reasons below)",
                          highlight=False)
    console.print(format_ingest_summary(report.to_dict()), highlight=False, markup=False,
                  soft_wrap=True)
    if report.stored + report.unchanged + report.duplicates == 0:
        err_console.print("[red]Error:[/red] nothing could be ingested from "
                          f"{escape(', '.join(str(p) for p in inputs))} (see the reasons above)",
                          highlight=False, soft_wrap=True)
        raise typer.Exit(1)


def format_ingest_summary(summary: dict[str, Any]) -> str:
    """The final summary: read, stored, duplicates, skipped with reasons."""
    lines = [
        f"Read {summary['read']:,} records: stored {summary['stored']:,} new, "
        f"{summary['unchanged']:,} already stored, {summary['duplicates']:,} exact duplicates "
        f"(linked), {summary['near_duplicates']:,} near-duplicates (flagged), "
        f"skipped {summary['skipped']:,}."
    ]
    if summary["failed_files"]:
        lines.append(f"Files not read: {summary['failed_files']:,}.")
    for reason, count in summary["skipped_reasons"].items():
        lines.append(f"  {count:,} × {reason}")
    return "\n".join(lines)


@app.command()
def fetch(
    kind: Annotated[str, typer.Argument(help="greenhouse | lever | ashby")],
    board: Annotated[str, typer.Argument(help="The board name, e.g. anthropic.")],
    db: DbOption = None,
    base_url: Annotated[str | None, typer.Option(
        help="Use this API host instead of the public one.")] = None,
    cache_dir: Annotated[Path | None, typer.Option(
        help="Where raw responses are cached (default ~/.cache/mlepath/fetch).")] = None,
    refresh: Annotated[bool, typer.Option(
        "--refresh", help="Ignore a cached response and fetch again.")] = False,
) -> None:
    """Fetch a public job board (Greenhouse, Lever, Ashby) into the store.

    Example: mlepath fetch greenhouse anthropic --db jobs.duckdb
    """
    problems = _ProblemPrinter()
    with err_console.status(f"Fetching {kind} board {board} ..."):
        result = fetch_board(kind, board, base_url=base_url, cache_dir=cache_dir,
                             refresh=refresh, on_error=problems)
    skipped = problems.shown + problems.hidden
    with Store(resolve_db(db)) as store, _progress() as progress:
        task = progress.add_task("Storing", total=len(result.postings))
        upserted = store.upsert_postings(result.postings, source_file=result.url,
                                         batch_size=500)
        progress.update(task, completed=len(result.postings))
    origin = "cache " + str(result.cache_file) if result.from_cache else result.url
    console.print(f"Fetched {len(result.postings) + skipped:,} postings from {origin}: "
                  f"stored {upserted.stored:,} new, {upserted.unchanged:,} already stored, "
                  f"{upserted.duplicates:,} exact duplicates, {upserted.near_duplicates:,} "
                  f"near-duplicates, skipped {skipped:,}.", highlight=False)
    if not result.postings:
        err_console.print(f"[red]Error:[/red] no postings could be read from {result.url}",
                          highlight=False)
        raise typer.Exit(1)


_ListFormat = Annotated[str, typer.Option("--format", "-f", help="table | json")]


@postings_app.command("list")
def postings_list(
    db: DbOption = None,
    limit: Annotated[int, typer.Option(help="How many postings to show.")] = 20,
    offset: Annotated[int, typer.Option(help="Skip this many first.")] = 0,
    format: _ListFormat = "table",
) -> None:
    """List stored postings (id, source, title, company, location, date).

    Example: mlepath postings list --db jobs.duckdb --limit 20
    """
    with Store(resolve_db(db), read_only=True) as store:
        rows = store.list_postings(limit=limit, offset=offset)
    if format == "json":
        typer.echo(json.dumps(rows, default=str, ensure_ascii=False))
        return
    table = Table("id", "source", "title", "company", "location", "posted", "near dup of")
    for r in rows:
        table.add_row(r["id"], r["source"], r["title"] or "", r["company"] or "",
                      r["location"] or "", str(r["posted_at"] or ""),
                      r["near_duplicate_of"] or "")
    console.print(table)


@postings_app.command("show")
def postings_show(
    posting_id: Annotated[str, typer.Argument(metavar="ID", help="A posting id (or alias).")],
    db: DbOption = None,
    format: Annotated[str, typer.Option("--format", "-f", help="text | json")] = "text",
) -> None:
    """Show one posting with its normalised text.

    Example: mlepath postings show greenhouse:5193736007 --db jobs.duckdb
    """
    with Store(resolve_db(db), read_only=True) as store:
        posting = store.get_posting(posting_id)
    if posting is None:
        err_console.print(f"[red]Error:[/red] no posting {posting_id!r}; list ids with: "
                          "mlepath postings list", highlight=False)
        raise typer.Exit(1)
    if format == "json":
        from dataclasses import asdict

        typer.echo(json.dumps(asdict(posting), default=str, ensure_ascii=False))
        return
    console.print(f"[bold]{posting.title}[/bold] · {posting.company} · {posting.location}",
                  highlight=False)
    salary = ""
    if posting.salary_min or posting.salary_max:
        salary = (f" · salary {posting.salary_min or ''}-{posting.salary_max or ''} "
                  f"{posting.salary_currency or ''}/{posting.salary_period or '?'}")
    console.print(f"{posting.id} · {posting.source} · posted {posting.posted_at or '?'}"
                  f"{salary}", highlight=False)
    if posting.url:
        console.print(posting.url, highlight=False)
    console.print()
    console.print(posting.description_text, highlight=False, markup=False,
                  soft_wrap=True)


@postings_app.command("stats")
def postings_stats(
    db: DbOption = None,
    format: _ListFormat = "table",
) -> None:
    """Counts: postings, by source, exact duplicates, near-duplicates.

    Example: mlepath postings stats --db jobs.duckdb --format json
    """
    with Store(resolve_db(db), read_only=True) as store:
        stats = store.posting_stats()
    if format == "json":
        typer.echo(json.dumps(stats))
        return
    table = Table("source", "postings")
    for source, n in stats["by_source"].items():
        table.add_row(source, f"{n:,}")
    console.print(table)
    console.print(f"{stats['postings']:,} postings, {stats['duplicates']:,} exact duplicates "
                  f"(linked), {stats['near_duplicates']:,} near-duplicates (flagged)",
                  highlight=False)
