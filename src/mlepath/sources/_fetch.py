"""Live fetch of public job boards (Greenhouse, Lever, Ashby) with httpx.

One GET per board, with a timeout, retries with exponential back-off on timeouts, connection
errors, 429 and 5xx (``Retry-After`` is honoured), and a polite minimum interval between
requests to the same host. The raw response body is cached at
``<cache_dir>/<kind>/<board>.json`` (default cache dir: ``$MLEPATH_CACHE_DIR``, else
``$XDG_CACHE_HOME/mlepath/fetch``, else ``~/.cache/mlepath/fetch``) and reused for
``max_age`` seconds, so repeated runs do not hit the board again. ``base_url`` replaces the
API host (tests point it at a server on 127.0.0.1).
"""

from __future__ import annotations

import json
import os
import re
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlparse

from mlepath.errors import FetchError, SourceError

from . import ashby, greenhouse, lever
from ._posting import Posting
from ._records import OnError

if TYPE_CHECKING:
    import httpx

# kind → (default base URL, path template, parser)
BOARDS: dict[str, tuple[str, str, Callable[..., Any]]] = {
    "greenhouse": ("https://boards-api.greenhouse.io", "/v1/boards/{board}/jobs?content=true",
                   greenhouse.parse),
    "lever": ("https://api.lever.co", "/v0/postings/{board}?mode=json", lever.parse),
    "ashby": ("https://api.ashbyhq.com",
              "/posting-api/job-board/{board}?includeCompensation=true", ashby.parse),
}
_RETRY_STATUS = frozenset({429, 500, 502, 503, 504})
_BOARD_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")
_MAX_WAIT = 60.0
_USER_AGENT = "mlepath (job-posting research; +https://github.com/mlepath)"

_last_request: dict[str, float] = {}
_rate_lock = threading.Lock()


@dataclass
class FetchResult:
    """The postings of one board, where they came from, and what was skipped."""

    kind: str
    board: str
    url: str
    cache_file: Path
    from_cache: bool
    postings: list[Posting] = field(default_factory=list)


def default_cache_dir() -> Path:
    if os.environ.get("MLEPATH_CACHE_DIR"):
        return Path(os.environ["MLEPATH_CACHE_DIR"])
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "mlepath" / "fetch"


def board_url(kind: str, board: str, base_url: str | None = None) -> str:
    if kind not in BOARDS:
        raise FetchError(f"unknown job board {kind!r}; choose one of: {', '.join(sorted(BOARDS))}")
    if not _BOARD_NAME.match(board):
        raise FetchError(f"invalid board name {board!r}; use the token from the board's URL, "
                         "e.g. 'anthropic' in boards.greenhouse.io/anthropic")
    default_base, template, _ = BOARDS[kind]
    return (base_url or default_base).rstrip("/") + template.format(board=board)


def fetch_board(kind: str, board: str, *, base_url: str | None = None,
                cache_dir: str | Path | None = None, max_age: float = 3600.0,
                refresh: bool = False, timeout: float = 20.0, retries: int = 4,
                backoff: float = 1.0, min_interval: float = 1.0,
                on_error: OnError | None = None,
                client: httpx.Client | None = None) -> FetchResult:
    """Fetch one public board and parse it into postings (bad postings go to ``on_error``).

        result = fetch_board("greenhouse", "anthropic")
        store.upsert_postings(result.postings, source_file=result.url)

    :param base_url: API host to use instead of the public one (tests, proxies).
    :param max_age: seconds a cached response is reused; ``refresh=True`` always refetches.
    :param retries: extra attempts after the first; the wait doubles from ``backoff`` seconds.
    :param min_interval: least seconds between two requests to the same host.
    """
    url = board_url(kind, board, base_url)
    cache_file = Path(cache_dir or default_cache_dir()) / kind / f"{board}.json"
    from_cache = (not refresh and cache_file.is_file()
                  and time.time() - cache_file.stat().st_mtime < max_age)
    if from_cache:
        body = cache_file.read_bytes()
    else:
        body = _get(url, timeout=timeout, retries=retries, backoff=backoff,
                    min_interval=min_interval, client=client, what=f"{kind} board {board!r}")
    try:
        doc = json.loads(body)
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise FetchError(f"{url}: the response is not JSON ({exc}); is the board name right?") \
            from exc
    if not from_cache:
        cache_file.parent.mkdir(parents=True, exist_ok=True)
        tmp = cache_file.with_suffix(".json.tmp")
        tmp.write_bytes(body)
        tmp.replace(cache_file)  # atomic: a crash never leaves half a cache file
    parse = BOARDS[kind][2]
    try:
        postings = list(parse(doc, url, on_error))
    except SourceError as exc:
        raise FetchError(str(exc)) from exc
    return FetchResult(kind, board, url, cache_file, from_cache, postings)


def _polite_wait(url: str, min_interval: float) -> None:
    host = urlparse(url).netloc
    with _rate_lock:
        wait = _last_request.get(host, 0.0) + min_interval - time.monotonic()
        if wait > 0:
            time.sleep(wait)
        _last_request[host] = time.monotonic()


def _retry_after(response: httpx.Response) -> float | None:
    value = response.headers.get("Retry-After")
    try:
        return min(float(value), _MAX_WAIT) if value is not None else None
    except ValueError:
        return None


def _get(url: str, *, timeout: float, retries: int, backoff: float, min_interval: float,
         client: httpx.Client | None, what: str) -> bytes:
    import httpx  # loaded only when fetching: keeps `import mlepath.sources` light

    own = client is None
    http = client or httpx.Client(timeout=timeout, follow_redirects=True,
                                  headers={"User-Agent": _USER_AGENT})
    try:
        problem = ""
        pause: float | None = None  # the server's Retry-After, if it gave one
        for attempt in range(retries + 1):
            if attempt:
                time.sleep(pause if pause is not None
                           else min(backoff * 2 ** (attempt - 1), _MAX_WAIT))
            _polite_wait(url, min_interval)
            try:
                response = http.get(url)
            except httpx.TransportError as exc:  # timeouts, refused connections, DNS
                problem, pause = f"{type(exc).__name__}: {exc}", None
                continue
            if response.status_code in _RETRY_STATUS:
                problem, pause = f"HTTP {response.status_code}", _retry_after(response)
                continue
            if response.status_code == 404:
                raise FetchError(f"{what} not found (HTTP 404 from {url}); check the board name")
            if response.status_code >= 400:
                raise FetchError(f"{what}: HTTP {response.status_code} from {url}")
            return response.content
        raise FetchError(f"{what}: giving up after {retries + 1} attempts ({problem}) at {url}; "
                         "try again later")
    finally:
        if own:
            http.close()
