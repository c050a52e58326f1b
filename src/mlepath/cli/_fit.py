"""``mlepath fit``: one person's résumé or profile against the postings they target."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Any

import typer

from mlepath.errors import ProfileError

from ._app import DbOption, FormatOption, app, console, resolve_db

_FORMATS = ("table", "json", "html")


@app.command()
def fit(
    file: Annotated[Path, typer.Argument(help="Résumé (.pdf, .docx, .md, .txt) or profile .yaml.")],
    db: DbOption = None,
    postings: Annotated[Path | None, typer.Option(
        "--postings", help="Postings file or folder, read and extracted in memory (not stored) "
        "instead of --db.")] = None,
    role: Annotated[str | None, typer.Option("--role", help="Role family(ies), e.g. "
                                             "ml_engineer.")] = None,
    focus: Annotated[str | None, typer.Option("--focus", help="research, applied, none.")] = None,
    seniority: Annotated[str | None, typer.Option("--seniority", help="intern, junior, mid, "
                                                  "senior, staff_plus, manager.")] = None,
    company: Annotated[str | None, typer.Option("--company", help="Company (substring, "
                                                "case-insensitive).")] = None,
    fmt: FormatOption = "table",
    out: Annotated[Path | None, typer.Option("--out", "-o", help="Write the report here.")] = None,
    show_profile: Annotated[bool, typer.Option(
        "--show-profile", help="Print what was read from FILE and stop (no audit).")] = False,
    save_profile: Annotated[Path | None, typer.Option(
        "--save-profile", help="Write what was read as an editable profile YAML.")] = None,
    save: Annotated[bool, typer.Option(
        "--save", help="Keep the profile and report in the store (table fit_audits); without "
        "it nothing about you is stored.")] = False,
) -> None:
    """Audit a résumé against target postings: eligibility, experience, missing skills, score.

    Example: mlepath fit resume.pdf --db jobs.duckdb --role ml_engineer --focus applied
    """
    from mlepath.profile import (
        audit_fit,
        load_targets,
        read_profile,
        render_html,
        render_text,
        targets_from_postings,
    )
    from mlepath.profile._render import profile_table

    if fmt not in _FORMATS:
        raise ProfileError(f"unknown format {fmt!r}; choose one of: {', '.join(_FORMATS)}")
    profile = read_profile(file)
    if save_profile is not None:
        save_profile.write_text(profile.to_yaml(), encoding="utf-8")
        console.print(f"wrote {save_profile}")
    if show_profile:
        if fmt == "json":
            typer.echo(json.dumps(profile.to_dict(), indent=2, ensure_ascii=False))
        else:
            console.print(profile_table(profile))
            console.print("Correct it with --save-profile me.yaml, edit, then: mlepath fit me.yaml")
        return
    if postings is not None:
        targets = targets_from_postings(postings)
    else:
        targets = _stored_targets(resolve_db(db), role=role, focus=focus, seniority=seniority,
                                  company=company, load_targets=load_targets)
    report = audit_fit(profile, targets)
    if report.n_postings == 0:
        raise ProfileError("no target postings match these filters; loosen --role/--focus/"
                           "--seniority/--company, or ingest and extract postings first")
    if fmt == "json":
        text = json.dumps(report.to_dict(), indent=2, ensure_ascii=False)
    elif fmt == "html":
        text = render_html(report)
    else:
        text = ""
    if save:
        from mlepath.store import Store

        with Store(resolve_db(db)) as store:
            audit_id = store.save_fit_audit(file.name, report.profile.to_dict(), report.to_dict())
        console.print(f"saved audit {audit_id} in {resolve_db(db)} (table fit_audits)")
    if out is not None:
        out.write_text(text if fmt != "table" else _table_text(report, render_text),
                       encoding="utf-8")
        console.print(f"wrote {out}")
    elif fmt == "table":
        console.print(render_text(report))
    else:
        typer.echo(text)


def _stored_targets(db_path: str, *, load_targets: Any, **filters: Any) -> Any:
    from mlepath.store import Store

    try:
        from mlepath.market import Filters
    except ImportError:  # the market stage is optional for fit
        spec: Any = None
        kwargs = filters
    else:
        spec = Filters.from_mapping({k: v for k, v in filters.items() if v is not None})
        kwargs = {}
    with Store(db_path, read_only=True) as store:
        return load_targets(store, spec, **kwargs)


def _table_text(report: Any, render_text: Any) -> str:
    import io

    from rich.console import Console

    buf = Console(record=True, width=120, file=io.StringIO())
    buf.print(render_text(report))
    return buf.export_text()
