"""fetch_board against a local HTTP server on 127.0.0.1 serving recorded board responses."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from typer.testing import CliRunner

from mlepath.cli import app
from mlepath.errors import FetchError
from mlepath.sources import fetch_board
from mlepath.store import Store

pytestmark = pytest.mark.network_local

Reply = tuple[int, bytes, dict[str, str]]


class Board:
    """A scripted server: each path answers with its queued replies, the last one repeating."""

    def __init__(self) -> None:
        self.replies: dict[str, list[Reply]] = {}
        self.requests: list[str] = []
        board = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                board.requests.append(self.path)
                queue = board.replies.get(self.path) or [(404, b"not found", {})]
                status, body, headers = queue.pop(0) if len(queue) > 1 else queue[0]
                self.send_response(status)
                for key, value in headers.items():
                    self.send_header(key, value)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args: object) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def board() -> Iterator[Board]:
    b = Board()
    yield b
    b.close()


GREENHOUSE = "/v1/boards/smarterdx/jobs?content=true"
FAST = {"backoff": 0.0, "min_interval": 0.0, "timeout": 5.0}


def test_greenhouse_fetch_parses_and_caches_the_raw_response(board: Board, data: Path,
                                                             tmp_path: Path) -> None:
    body = (data / "greenhouse_content.json").read_bytes()
    board.replies[GREENHOUSE] = [(200, body, {"Content-Type": "application/json"})]
    result = fetch_board("greenhouse", "smarterdx", base_url=board.url, cache_dir=tmp_path, **FAST)
    assert [p.id for p in result.postings] == ["greenhouse:5193736007", "greenhouse:5099964007"]
    assert result.url == board.url + GREENHOUSE and not result.from_cache
    assert result.cache_file == tmp_path / "greenhouse" / "smarterdx.json"
    assert result.cache_file.read_bytes() == body
    again = fetch_board("greenhouse", "smarterdx", base_url=board.url, cache_dir=tmp_path, **FAST)
    assert again.from_cache and len(board.requests) == 1  # served from the cache
    assert [p.id for p in again.postings] == [p.id for p in result.postings]
    fetch_board("greenhouse", "smarterdx", base_url=board.url, cache_dir=tmp_path, refresh=True,
                **FAST)
    assert len(board.requests) == 2


def test_retries_on_500_and_429_then_succeeds(board: Board, data: Path, tmp_path: Path) -> None:
    path = "/v0/postings/matchgroup?mode=json"
    board.replies[path] = [(500, b"oops", {}), (429, b"slow down", {"Retry-After": "0"}),
                           (200, (data / "lever.json").read_bytes(), {})]
    result = fetch_board("lever", "matchgroup", base_url=board.url, cache_dir=tmp_path, **FAST)
    assert len(board.requests) == 3
    assert {p.company for p in result.postings} == {"matchgroup"}


def test_gives_up_after_the_retries(board: Board, tmp_path: Path) -> None:
    board.replies["/posting-api/job-board/ramp?includeCompensation=true"] = [(503, b"down", {})]
    with pytest.raises(FetchError, match=r"ashby board 'ramp': giving up after 3 attempts "
                                         r"\(HTTP 503\)"):
        fetch_board("ashby", "ramp", base_url=board.url, cache_dir=tmp_path, retries=2, **FAST)
    assert len(board.requests) == 3
    assert not (tmp_path / "ashby" / "ramp.json").exists()  # nothing cached from a failure


def test_unknown_board_and_bad_names(board: Board, tmp_path: Path) -> None:
    with pytest.raises(FetchError, match="greenhouse board 'nobody' not found \\(HTTP 404"):
        fetch_board("greenhouse", "nobody", base_url=board.url, cache_dir=tmp_path, **FAST)
    assert len(board.requests) == 1  # a 404 is not retried
    with pytest.raises(FetchError, match="unknown job board 'workday'; choose one of: ashby"):
        fetch_board("workday", "x", cache_dir=tmp_path)
    with pytest.raises(FetchError, match=r"invalid board name '\.\./etc'"):
        fetch_board("lever", "../etc", cache_dir=tmp_path)


def test_cli_fetch_stores_the_board(board: Board, data: Path, tmp_path: Path) -> None:
    board.replies["/posting-api/job-board/ramp?includeCompensation=true"] = [
        (200, (data / "ashby.json").read_bytes(), {})]
    db = tmp_path / "jobs.duckdb"
    result = CliRunner().invoke(app, ["fetch", "ashby", "ramp", "--db", str(db), "--base-url",
                                      board.url, "--cache-dir", str(tmp_path / "cache")])
    assert result.exit_code == 0, result.output
    assert "stored 2 new" in result.output
    with Store(db, read_only=True) as store:
        assert store.posting_stats()["by_source"] == {"ashby": 2}
    assert (tmp_path / "cache" / "ashby" / "ramp.json").is_file()
