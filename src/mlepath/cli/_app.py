"""The Typer app and the options every command shares. Commands live in sibling modules."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.console import Console

app = typer.Typer(
    name="mlepath",
    help="What ML-engineering job postings really require, and your fastest path there.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)
postings_app = typer.Typer(help="See what is stored.", no_args_is_help=True)
app.add_typer(postings_app, name="postings")

console = Console()
err_console = Console(stderr=True)

DbOption = Annotated[
    str | None,
    typer.Option("--db", envvar="MLEPATH_DB",
                 help="DuckDB store file (default: $MLEPATH_DB, else ./mlepath.duckdb)."),
]
FormatOption = Annotated[str, typer.Option("--format", "-f", help="table | json | html")]


def resolve_db(db: str | None) -> str:
    from mlepath.store import default_db_path

    return db or default_db_path()


def parse_map(pairs: list[str] | None) -> dict[str, str] | None:
    """``--map FIELD=COLUMN`` options as a mapping (``None`` when none were given)."""
    if not pairs:
        return None
    mapping: dict[str, str] = {}
    for pair in pairs:
        key, sep, column = pair.partition("=")
        if not sep or not key.strip() or not column.strip():
            raise typer.BadParameter(f"{pair!r} is not FIELD=COLUMN, e.g. "
                                     "--map description=job_description", param_hint="--map")
        mapping[key.strip()] = column.strip()
    return mapping
