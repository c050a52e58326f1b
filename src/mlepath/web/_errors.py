"""One error shape for every failure: ``{"ok": false, "error": "...", "status": N}``.

API paths (and any client that does not ask for HTML) get that JSON; a browser on a page gets
the same message in the site's error page. Nothing about the server's internals (tracebacks,
SQL, file paths) is ever sent: unexpected exceptions are logged and answered with a 500 whose
message says only that.
"""

from __future__ import annotations

import json
import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from mlepath.errors import MlepathError, StoreError

log = logging.getLogger("mlepath.web")


class ApiError(Exception):
    """An error the web layer raises on purpose, with its HTTP status."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


def error_body(status: int, message: str) -> dict[str, Any]:
    return {"ok": False, "error": message, "status": status}


def error_body_bytes(status: int, message: str) -> bytes:
    return json.dumps(error_body(status, message)).encode()


# OpenAPI description of the error shape, referenced by every route's ``responses``.
ERROR_SCHEMA: dict[str, Any] = {
    "type": "object",
    "required": ["ok", "error", "status"],
    "properties": {"ok": {"type": "boolean", "enum": [False]},
                   "error": {"type": "string"}, "status": {"type": "integer"}},
}
ERROR_RESPONSES: dict[int | str, dict[str, Any]] = {
    code: {"description": text, "content": {"application/json": {"schema": ERROR_SCHEMA}}}
    for code, text in ((400, "Bad input"), (404, "Not found"), (413, "Upload too large"),
                       (415, "Unsupported file type"), (422, "Invalid parameters"))
}


def _wants_html(request: Request) -> bool:
    path = request.url.path
    if path.startswith(("/api/", "/openapi")):
        return False
    return "text/html" in request.headers.get("accept", "")


def _respond(request: Request, status: int, message: str) -> Response:
    if _wants_html(request):
        templates = getattr(request.app.state, "templates", None)
        if templates is not None:
            return templates.TemplateResponse(  # type: ignore[no-any-return]
                request, "error.html", {"status": status, "message": message},
                status_code=status)
    return JSONResponse(error_body(status, message), status_code=status)


def _validation_message(exc: RequestValidationError) -> str:
    parts = []
    for err in exc.errors()[:5]:
        where = ".".join(str(p) for p in err.get("loc", ()) if p not in ("body", "query", "path"))
        parts.append(f"{where or 'request'}: {err.get('msg', 'invalid')}")
    return "invalid request: " + "; ".join(parts)


def install_error_handlers(app: FastAPI) -> None:
    """Route every exception to the one error shape."""

    async def api_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, ApiError)
        return _respond(request, exc.status, exc.message)

    async def http_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, StarletteHTTPException)
        message = exc.detail if isinstance(exc.detail, str) else "request failed"
        if exc.status_code == 404 and message == "Not Found":
            message = f"nothing at {request.url.path}; see /docs for the API"
        response = _respond(request, exc.status_code, message)
        if exc.headers:
            response.headers.update(exc.headers)
        return response

    async def validation_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, RequestValidationError)
        return _respond(request, 422, _validation_message(exc))

    async def mlepath_error(request: Request, exc: Exception) -> Response:
        # StoreError: the store cannot serve this (e.g. ingest on a read-only server).
        status = 409 if isinstance(exc, StoreError) else 400
        return _respond(request, status, str(exc))

    async def unexpected(request: Request, exc: Exception) -> Response:
        log.exception("unhandled error on %s %s", request.method, request.url.path)
        return _respond(request, 500, "internal error; the server log has the details")

    app.add_exception_handler(ApiError, api_error)
    app.add_exception_handler(StarletteHTTPException, http_error)
    app.add_exception_handler(RequestValidationError, validation_error)
    app.add_exception_handler(MlepathError, mlepath_error)
    app.add_exception_handler(Exception, unexpected)
