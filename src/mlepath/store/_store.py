"""``Store``: the one class that owns the DuckDB connection.

    store = Store("jobs.duckdb")         # a file (created and migrated on open)
    store = Store.memory()               # in memory, for tests
    store = Store("jobs.duckdb", read_only=True)

Other packages never import duckdb; they call ``Store`` methods. Every method is defined in a
mixin next to the SQL it runs (``_postings.py``, ``_requirements.py``, ``_market.py``), and
``Store`` composes them. Parameters are always bound, never formatted into SQL.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import duckdb

from mlepath.errors import StoreError

from ._schema import MIGRATIONS

DEFAULT_DB_ENV = "MLEPATH_DB"
DEFAULT_DB_PATH = "mlepath.duckdb"


def default_db_path() -> str:
    """``$MLEPATH_DB`` if set, else ``./mlepath.duckdb``."""
    return os.environ.get(DEFAULT_DB_ENV) or DEFAULT_DB_PATH


class StoreBase:
    """Connection handling, migrations and small query helpers shared by every mixin."""

    def __init__(self, path: str | Path | None = None, *, read_only: bool = False,
                 connection: duckdb.DuckDBPyConnection | None = None) -> None:
        self.path = ":memory:" if path is None else str(path)
        self.read_only = read_only
        self._local = threading.local()
        if connection is not None:
            self.con = connection
        else:
            self.con = _connect(self.path, read_only)
        if not read_only:
            self._migrate()

    @classmethod
    def memory(cls) -> Any:
        return cls(None)

    # -- connection ------------------------------------------------------------------------
    def cursor(self) -> duckdb.DuckDBPyConnection:
        """A cursor for the calling thread (DuckDB: one connection per process, a cursor per thread)."""
        if threading.current_thread() is threading.main_thread():
            return self.con
        cur = getattr(self._local, "cursor", None)
        if cur is None:
            cur = self.con.cursor()
            self._local.cursor = cur
        return cur

    def close(self) -> None:
        self.con.close()

    def __enter__(self) -> Any:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """All-or-nothing: an ingest interrupted half-way leaves the store as it was."""
        cur = self.cursor()
        cur.execute("BEGIN TRANSACTION")
        try:
            yield cur
        except BaseException:
            cur.execute("ROLLBACK")
            raise
        else:
            cur.execute("COMMIT")

    # -- queries ---------------------------------------------------------------------------
    def query(self, sql: str, params: Sequence[Any] | None = None) -> list[dict[str, Any]]:
        """Rows as dicts (for small results)."""
        cur = self.cursor().execute(sql, params or [])
        cols = [d[0] for d in cur.description or []]
        return [dict(zip(cols, row, strict=True)) for row in cur.fetchall()]

    def scalar(self, sql: str, params: Sequence[Any] | None = None) -> Any:
        row = self.cursor().execute(sql, params or []).fetchone()
        return None if row is None else row[0]

    def arrow(self, sql: str, params: Sequence[Any] | None = None) -> Any:
        """Result as a ``pyarrow.Table`` (for large results)."""
        return self.cursor().execute(sql, params or []).to_arrow_table()

    # -- migrations ------------------------------------------------------------------------
    def _migrate(self) -> None:
        con = self.con
        con.execute("CREATE TABLE IF NOT EXISTS _migrations (name VARCHAR PRIMARY KEY, "
                    "applied_at TIMESTAMP DEFAULT current_timestamp)")
        done = {r[0] for r in con.execute("SELECT name FROM _migrations").fetchall()}
        for name, fn in MIGRATIONS:
            if name in done:
                continue
            con.execute("BEGIN TRANSACTION")
            try:
                fn(con)
                con.execute("INSERT INTO _migrations (name) VALUES (?)", [name])
            except Exception:
                con.execute("ROLLBACK")
                raise
            con.execute("COMMIT")

    def pending_migrations(self) -> list[str]:
        done = {r["name"] for r in self.query("SELECT name FROM _migrations")}
        return [name for name, _ in MIGRATIONS if name not in done]


def _connect(path: str, read_only: bool) -> duckdb.DuckDBPyConnection:
    if path != ":memory:":
        parent = Path(path).parent
        if not read_only:
            parent.mkdir(parents=True, exist_ok=True)
        elif not Path(path).exists():
            raise StoreError(f"no store at {path}; create one with: mlepath ingest FILE --db {path}")
    try:
        return duckdb.connect(path, read_only=read_only)
    except duckdb.IOException as exc:
        msg = str(exc)
        if "lock" in msg.lower():
            raise StoreError(
                f"the store {path} is open in another process (for example `mlepath serve`); "
                "stop it, or point this command at a copy with --db"
            ) from exc
        raise StoreError(f"cannot open the store {path}: {msg}") from exc
