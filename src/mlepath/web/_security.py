"""Security at the edge: response headers, a request-body cap, and upload type checks.

Postings are untrusted HTML and uploads are untrusted files, so:
- every response carries a strict Content-Security-Policy (scripts and styles only from this
  server, no inline script, no framing) plus ``X-Content-Type-Options: nosniff``;
- a request body larger than the upload limit is refused with 413 before anything parses it;
- an upload is accepted only when its extension *and* its first bytes agree on the type, and it
  is read into memory (never saved under the name the client chose).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import PurePosixPath

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from ._errors import ApiError, error_body_bytes, log

DEFAULT_UPLOAD_LIMIT = 10 * 1024 * 1024  # bytes
# Multipart framing (boundaries, part headers, small form fields) on top of the file itself.
_MULTIPART_OVERHEAD = 64 * 1024

# Scripts: only files from this server (no inline script, no eval). Plotly needs no
# 'unsafe-eval' for the SVG charts drawn here (its one `new Function` is in WebGL code).
# Styles: stylesheets only from this server; plotly's own rules, which it would inject as a
# <style> element, are served as /static/plotly.css. Plotly and Chromium also set `style`
# attributes on chart elements, so `style-src-attr 'unsafe-inline'` allows attributes (not
# <style> elements); a style attribute cannot run script, and posting text is escaped anyway.
CONTENT_SECURITY_POLICY = "; ".join((
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "style-src-attr 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
))
SECURITY_HEADERS: tuple[tuple[bytes, bytes], ...] = (
    (b"content-security-policy", CONTENT_SECURITY_POLICY.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"no-referrer"),
    (b"cross-origin-opener-policy", b"same-origin"),
)


class SecurityMiddleware:
    """Adds the security headers to every response and caps request bodies (pure ASGI, cheap)."""

    def __init__(self, app: ASGIApp, *, max_body: int) -> None:
        self.app = app
        self.max_body = max_body + _MULTIPART_OVERHEAD

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        started = False

        async def send_with_headers(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                headers = [h for h in message.get("headers", [])
                           if h[0].lower() not in _SECURITY_HEADER_NAMES]
                headers.extend(SECURITY_HEADERS)
                message["headers"] = headers
            await send(message)

        if scope["method"] in ("POST", "PUT", "PATCH"):
            declared = _content_length(scope["headers"])
            if declared is not None and declared > self.max_body:
                await _send_too_large(send_with_headers, self.max_body - _MULTIPART_OVERHEAD)
                return
            if declared is None:  # chunked: buffer (bounded) so the cap still holds
                body = bytearray()
                more = True
                while more:
                    message = await receive()
                    if message["type"] != "http.request":
                        break
                    body.extend(message.get("body", b""))
                    more = bool(message.get("more_body", False))
                    if len(body) > self.max_body:
                        await _send_too_large(send_with_headers,
                                              self.max_body - _MULTIPART_OVERHEAD)
                        return
                receive = _replay(bytes(body))
        try:
            await self.app(scope, receive, send_with_headers)
        except Exception:
            # Answered here (not by Starlette's outermost error middleware) so a 500 carries
            # the security headers too; the traceback goes to the log only.
            log.exception("unhandled error on %s %s", scope["method"], scope["path"])
            if started:
                raise
            error = error_body_bytes(500, "internal error; the server log has the details")
            await send_with_headers({"type": "http.response.start", "status": 500, "headers": [
                (b"content-type", b"application/json"),
                (b"content-length", str(len(error)).encode())]})
            await send_with_headers({"type": "http.response.body", "body": error})


_SECURITY_HEADER_NAMES = {name for name, _ in SECURITY_HEADERS}


def _content_length(headers: Iterable[tuple[bytes, bytes]]) -> int | None:
    for name, value in headers:
        if name.lower() == b"content-length":
            try:
                return int(value)
            except ValueError:
                return None
    return None


def _replay(body: bytes) -> Receive:
    sent = False

    async def receive() -> Message:
        nonlocal sent
        if sent:
            return {"type": "http.disconnect"}
        sent = True
        return {"type": "http.request", "body": body, "more_body": False}

    return receive


async def _send_too_large(send: Send, limit: int) -> None:
    body = error_body_bytes(413, f"upload too large; the limit is {limit:,} bytes "
                                 "(start the server with --max-upload-mb to change it)")
    await send({"type": "http.response.start", "status": 413,
                "headers": [(b"content-type", b"application/json"),
                            (b"content-length", str(len(body)).encode())]})
    await send({"type": "http.response.body", "body": body})


# -- upload types -------------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class UploadKind:
    """One accepted upload type: its extensions and a check on its first bytes."""

    name: str
    extensions: tuple[str, ...]
    magic: tuple[bytes, ...] = ()  # any of these prefixes; empty = must be UTF-8 text
    text_starts: bytes = b""  # for text kinds: allowed first non-blank bytes (empty = any)

    def matches(self, data: bytes) -> bool:
        if self.magic:
            return any(data.startswith(m) for m in self.magic)
        if data.startswith(_BINARY_MAGIC) or not _looks_like_text(data):
            return False
        first = data.removeprefix(b"\xef\xbb\xbf").lstrip()[:1]
        return not self.text_starts or (bool(first) and first in self.text_starts)


# Files that are plainly not text even when their bytes happen to decode as UTF-8.
_BINARY_MAGIC = (b"%PDF-", b"PK\x03\x04", b"PAR1", b"\x7fELF", b"MZ", b"\x89PNG", b"GIF8",
                 b"\xff\xd8\xff", b"\x1f\x8b", b"{\\rtf")


PDF = UploadKind("pdf", (".pdf",), (b"%PDF-",))
DOCX = UploadKind("docx", (".docx",), (b"PK\x03\x04",))
TEXT = UploadKind("text", (".txt", ".md", ".markdown"))
YAML = UploadKind("yaml", (".yaml", ".yml"))
JSON = UploadKind("json", (".json", ".jsonl", ".ndjson"), text_starts=b"{[")
CSV = UploadKind("csv", (".csv", ".tsv"))
HTML = UploadKind("html", (".html", ".htm", ".xhtml"))
PARQUET = UploadKind("parquet", (".parquet",), (b"PAR1",))

RESUME_KINDS: tuple[UploadKind, ...] = (PDF, DOCX, TEXT, YAML)
POSTINGS_KINDS: tuple[UploadKind, ...] = (JSON, CSV, HTML, TEXT, PARQUET)


@dataclass(frozen=True, slots=True)
class Upload:
    """An accepted upload, in memory. ``suffix`` is the checked extension, never a path."""

    data: bytes
    kind: str
    suffix: str
    filename: str  # the client's name, for messages and format hints only


def check_upload(filename: str | None, data: bytes, kinds: Iterable[UploadKind],
                 limit: int) -> Upload:
    """Accept ``data`` if it is within ``limit`` and its extension and bytes agree on a type.

    Raises ``ApiError`` 413 (too large), 415 (unknown extension or bytes of another type) or
    400 (empty).
    """
    kinds = tuple(kinds)
    if len(data) > limit:
        raise ApiError(413, f"upload too large: {len(data):,} bytes; the limit is {limit:,} bytes")
    name = PurePosixPath((filename or "").replace("\\", "/")).name
    suffix = PurePosixPath(name).suffix.lower()
    allowed = ", ".join(ext for k in kinds for ext in k.extensions)
    kind = next((k for k in kinds if suffix in k.extensions), None)
    if kind is None:
        raise ApiError(415, f"unsupported file type {suffix or '(no extension)'!r} "
                            f"for {name or 'the upload'}; send one of: {allowed}")
    if not data:
        raise ApiError(400, f"{name} is empty; send a file with content")
    if not kind.matches(data):
        raise ApiError(415, f"{name} does not look like a {kind.name} file "
                            f"(its content does not match the {suffix} extension)")
    return Upload(data=data, kind=kind.name, suffix=suffix, filename=name)


def _looks_like_text(data: bytes) -> bool:
    head = data[:65536]
    if b"\x00" in head:
        return False
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as exc:
        # A multi-byte character cut at the 64 KiB boundary is still text.
        return exc.start >= len(head) - 4
    return True



class DropEmptyQueryMiddleware:
    """Removes empty ``name=`` pairs from page URLs (not ``/api``).

    A plain HTML GET form sends every field, blank ones included; for the pages a blank field
    means "no filter", so it is dropped before validation. The API stays strict.
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope["method"] == "GET" \
                and not scope["path"].startswith("/api/"):
            query: bytes = scope.get("query_string", b"")
            if query and (b"=&" in query + b"&"):
                kept = [pair for pair in query.split(b"&") if pair and not pair.endswith(b"=")]
                scope = {**scope, "query_string": b"&".join(kept)}
        await self.app(scope, receive, send)
