"""``mlepath report`` and ``mlepath claims``: the market figures and the claims check."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Any

import typer

from ._app import DbOption, FormatOption, app, console, resolve_db

RoleOpt = Annotated[str | None, typer.Option("--role", help="Role family(ies), comma-separated, "
                                             "e.g. ml_engineer.")]
FocusOpt = Annotated[str | None, typer.Option("--focus", help="ML focus: research, applied, none.")]
SeniorityOpt = Annotated[str | None, typer.Option("--seniority", help="intern, junior, mid, "
                                                  "senior, staff_plus, manager.")]
CompanyOpt = Annotated[str | None, typer.Option("--company", help="Company (case-insensitive).")]
LocationOpt = Annotated[str | None, typer.Option("--location", help="Substring of the location.")]
RemoteOpt = Annotated[bool | None, typer.Option("--remote/--onsite", help="Only remote / only "
                                                "non-remote postings.")]
SinceOpt = Annotated[str | None, typer.Option("--since", help="Posted on or after (YYYY-MM-DD).")]
UntilOpt = Annotated[str | None, typer.Option("--until", help="Posted on or before (YYYY-MM-DD).")]
SourceOpt = Annotated[str | None, typer.Option("--source", help="Source(s), comma-separated.")]
OutOpt = Annotated[Path | None, typer.Option("--out", "-o", help="Write to this file.")]


def _open_store(db: str | None, parquet: str | None) -> Any:
    if parquet:
        try:
            from mlepath.store import open_parquet_store
        except ImportError:
            from mlepath.market import MarketError

            raise MarketError("--parquet needs mlepath.store.open_parquet_store (the Spark stage), "
                              "which this build does not have; use --db instead") from None
        return open_parquet_store(parquet)
    from mlepath.store import Store

    return Store(resolve_db(db), read_only=True)


def _write(text: str, out: Path | None) -> None:
    if out is None:
        typer.echo(text)
    else:
        out.write_text(text, encoding="utf-8")
        console.print(f"wrote {out}")


def _check_format(fmt: str, allowed: tuple[str, ...]) -> None:
    if fmt not in allowed:
        from mlepath.market import MarketError

        raise MarketError(f"unknown format {fmt!r}; choose one of: {', '.join(allowed)}")


@app.command()
def report(
    db: DbOption = None,
    role: RoleOpt = None,
    focus: FocusOpt = None,
    seniority: SeniorityOpt = None,
    company: CompanyOpt = None,
    location: LocationOpt = None,
    remote: RemoteOpt = None,
    since: SinceOpt = None,
    until: UntilOpt = None,
    source: SourceOpt = None,
    fmt: FormatOption = "table",
    out: OutOpt = None,
    parquet: Annotated[str | None, typer.Option(
        "--parquet", help="Read Spark's Parquet output instead of the DuckDB store.")] = None,
) -> None:
    """What the postings require: degree shares with 95% intervals, skills, experience, salary.

    Example: mlepath report --db jobs.duckdb --role ml_engineer --focus applied --format json
    """
    from mlepath.market import (
        Filters,
        MarketError,
        check_claims,
        compute_report,
        render_html,
        report_tables,
    )

    _check_format(fmt, ("table", "json", "html"))
    if fmt == "html" and out is None:
        raise MarketError("--format html needs --out FILE (the page embeds plotly.js, ~5 MB)")
    filters = Filters.from_mapping({
        "role": role, "focus": focus, "seniority": seniority, "company": company,
        "location": location, "remote": remote, "date_from": since, "date_to": until,
        "source": source})
    with _open_store(db, parquet) as store:
        result = compute_report(store, filters)
        if fmt == "json":
            _write(json.dumps(result.to_dict(), indent=2, ensure_ascii=False), out)
        elif fmt == "html":
            # claims keep their own populations; only source and dates carry over
            narrow = Filters(source=filters.source, date_from=filters.date_from,
                             date_to=filters.date_to)
            _write(render_html(result, check_claims(store, narrow)), out)
        else:
            for table in report_tables(result):
                console.print(table)
            if result.n == 0:
                console.print("No extracted postings match; run `mlepath extract` or relax "
                              "the filters.")


@app.command()
def claims(
    db: DbOption = None,
    fmt: FormatOption = "table",
    source: SourceOpt = None,
    since: SinceOpt = None,
    until: UntilOpt = None,
    out: OutOpt = None,
    claims_file: Annotated[Path | None, typer.Option(
        "--file", help="A claims YAML file (default: the packaged claims; see docs/market.md).")
    ] = None,
) -> None:
    """Published claims (degrees, research share, skills) checked against the stored postings.

    Example: mlepath claims --db jobs.duckdb --format json
    """
    from mlepath.market import (
        Filters,
        check_claims,
        claims_table,
        claims_to_dict,
        load_claims,
    )

    _check_format(fmt, ("table", "json"))
    filters = Filters.from_mapping({"source": source, "date_from": since, "date_to": until})
    with _open_store(db, None) as store:
        results = check_claims(store, filters, path=claims_file)
    if fmt == "json":
        _write(json.dumps(claims_to_dict(results, claims_file), indent=2, ensure_ascii=False),
               out)
    else:
        console.print(claims_table(results, load_claims(claims_file)[1]))
