"""``create_app``: the FastAPI app behind ``mlepath serve``.

One ``Store`` per process, opened in the lifespan handler (read-only unless ``writable=True``,
so CLI commands can still read the same file while the server runs). Endpoints are plain
``def`` functions, which FastAPI runs in its thread pool; each reaches DuckDB through
``store.cursor()``, a cursor per thread on the one connection.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

import jinja2
from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from starlette.formparsers import MultiPartParser

from mlepath import __version__
from mlepath.store import Store

from ._cache import DocumentCache
from ._errors import install_error_handlers
from ._security import DEFAULT_UPLOAD_LIMIT, DropEmptyQueryMiddleware, SecurityMiddleware
from ._settings import WebSettings

HERE = Path(__file__).resolve().parent
TEMPLATES = HERE / "templates"
STATIC = HERE / "static"


def create_app(db: str | Path | Store, *, writable: bool = False,
               max_upload_bytes: int = DEFAULT_UPLOAD_LIMIT) -> FastAPI:
    """The web app over a store file (opened on startup) or an already open ``Store``.

    ``create_app("jobs.duckdb")`` opens the file read-only; ``writable=True`` opens it for
    writing so ``POST /api/ingest`` can store postings (the file is then locked against other
    processes). A ``Store`` passed in is used as is and left open on shutdown.
    """
    settings = WebSettings(writable=writable, max_upload_bytes=max_upload_bytes)
    # Keep every multipart upload (already capped at max_upload_bytes) in memory: Starlette
    # would otherwise roll parts over 1 MB into a temporary file on disk.
    MultiPartParser.spool_max_size = max(MultiPartParser.spool_max_size, max_upload_bytes + 1)
    MultiPartParser.max_part_size = max(MultiPartParser.max_part_size, max_upload_bytes + 1)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        if isinstance(db, Store):
            app.state.store = db
            yield
            return
        store = Store(db, read_only=not writable)
        app.state.store = store
        try:
            yield
        finally:
            store.close()

    app = FastAPI(
        title="mlepath",
        version=__version__,
        description="What ML-engineering job postings really require, and a software "
                    "engineer's fastest path there. Every error is "
                    '`{"ok": false, "error": "...", "status": N}`.',
        lifespan=lifespan,
        docs_url=None,  # FastAPI's /docs loads Swagger UI from a CDN; ours is local
        redoc_url=None,
    )
    app.state.settings = settings
    app.state.cache = DocumentCache()
    if isinstance(db, Store):
        app.state.store = db
    # Autoescape everything: posting text, titles and company names are untrusted.
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(TEMPLATES)), autoescape=True)
    templates = Jinja2Templates(env=env)
    templates.env.globals["version"] = __version__
    app.state.templates = templates
    app.add_middleware(DropEmptyQueryMiddleware)
    app.add_middleware(SecurityMiddleware, max_body=max_upload_bytes)  # outermost
    install_error_handlers(app)
    app.mount("/static", StaticFiles(directory=str(STATIC)), name="static")

    from ._api import router as api_router
    from ._api_advice import router as advice_router
    from ._api_fit import router as fit_router
    from ._api_market import router as market_router
    from ._pages import router as pages_router

    app.include_router(api_router)
    app.include_router(market_router)
    app.include_router(fit_router)
    app.include_router(advice_router)
    app.include_router(pages_router)
    return app
