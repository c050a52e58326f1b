"""``mlepath serve``: the web app and HTTP API on a local port."""

from __future__ import annotations

from typing import Annotated

import typer

from ._app import DbOption, app, console, resolve_db

_LOOPBACK = {"127.0.0.1", "localhost", "::1"}


@app.command()
def serve(
    db: DbOption = None,
    host: Annotated[str, typer.Option(
        help="Address to bind. The default is this machine only; 0.0.0.0 exposes the app "
             "to your network (it has no login).")] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535)] = 8000,
    writable: Annotated[bool, typer.Option(
        "--writable", help="Open the store for writing so POST /api/ingest can add postings "
                           "(other processes cannot open the file meanwhile).")] = False,
    max_upload_mb: Annotated[float, typer.Option(
        min=0.01, max=1024, help="Largest accepted upload, in MB.")] = 10.0,
) -> None:
    """Serve the market, postings, fit, advice pages and the JSON API.

    Example: mlepath serve --db jobs.duckdb   (then open http://127.0.0.1:8000)
    """
    import uvicorn

    from mlepath.store import Store
    from mlepath.web import create_app

    path = resolve_db(db)
    # Open once here so a missing or locked file is one clear line, not a startup traceback.
    Store(path, read_only=not writable).close()
    web_app = create_app(path, writable=writable,
                         max_upload_bytes=int(max_upload_mb * 1024 * 1024))
    if host not in _LOOPBACK:
        console.print(f"[yellow]Warning:[/yellow] binding {host}: anyone who can reach this "
                      "machine can use the app (there is no login).")
    mode = "read-write" if writable else "read-only"
    console.print(f"mlepath: serving {path} ({mode}) on http://{_url_host(host)}:{port}")
    uvicorn.run(web_app, host=host, port=port, log_level="warning",
                server_header=False, proxy_headers=False)


def _url_host(host: str) -> str:
    return f"[{host}]" if ":" in host else host
