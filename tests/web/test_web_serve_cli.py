"""``mlepath serve``: options reach uvicorn; a missing store is a clear error."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from mlepath.cli import app
from mlepath.errors import StoreError


def test_serve_binds_loopback_by_default(web_store_path: Path,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[dict[str, Any]] = []
    import uvicorn

    monkeypatch.setattr(uvicorn, "run", lambda web_app, **kw: calls.append(kw))
    result = CliRunner().invoke(app, ["serve", "--db", str(web_store_path)])
    assert result.exit_code == 0, result.output
    assert calls[0]["host"] == "127.0.0.1" and calls[0]["port"] == 8000
    assert "read-only" in result.output


def test_serve_other_host_warns(web_store_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[dict[str, Any]] = []
    import uvicorn

    monkeypatch.setattr(uvicorn, "run", lambda web_app, **kw: calls.append(kw))
    result = CliRunner().invoke(app, ["serve", "--db", str(web_store_path), "--host", "0.0.0.0",
                                      "--port", "9001", "--writable"])
    assert result.exit_code == 0, result.output
    assert calls[0]["host"] == "0.0.0.0" and calls[0]["port"] == 9001
    assert "Warning" in result.output and "read-write" in result.output


def test_serve_missing_store_is_a_store_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["serve", "--db", str(tmp_path / "none.duckdb")])
    assert isinstance(result.exception, StoreError)
    assert "mlepath ingest" in str(result.exception)
