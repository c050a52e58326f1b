"""``mlepath demo``: the main job on the sample of real postings shipped with mlepath."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from ._app import app, console


@app.command()
def demo(
    db: Annotated[Path, typer.Option("--db", help="Store to create or update.")] = Path(
        "mlepath-demo.duckdb"),
    html: Annotated[Path | None, typer.Option(
        "--html", help="Also write the HTML market report here.")] = Path("mlepath-demo.html"),
) -> None:
    """Ingest the shipped sample of real postings, extract requirements, print the report.

    Example: mlepath demo --db demo.duckdb --html demo.html
    """
    from mlepath.market import (
        Filters,
        check_claims,
        claims_table,
        compute_report,
        render_html,
        report_tables,
    )
    from mlepath.pipeline import extract_store
    from mlepath.sources import sample_path
    from mlepath.store import Store

    with Store(db) as store:
        ingested = store.ingest([sample_path()])
        extracted = extract_store(store)
        console.print(f"[bold]Sample:[/bold] {sample_path().name}: {ingested.read:,} read, "
                      f"{ingested.stored:,} new, {extracted:,} extracted into {db}")
        result = compute_report(store, Filters())
        for table in report_tables(result):
            console.print(table)
        claim_results = check_claims(store)
        console.print(claims_table(claim_results))
        if html is not None:
            html.write_text(render_html(result, claim_results), encoding="utf-8")
            console.print(f"wrote {html} (open it in a browser; it works offline)")
    console.print("Next: mlepath report --db "
                  f"{db} --role ml_engineer --focus applied, or mlepath serve --db {db}")
