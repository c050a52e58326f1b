"""Postings: upsert (idempotent, exact duplicates linked), list, show, stats."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import pyarrow as pa

from mlepath.sources import Posting

if TYPE_CHECKING:
    from ._store import StoreBase

    _Base = StoreBase
else:
    _Base = object

_POSTING_COLUMNS = (
    "id", "source", "native_id", "url", "title", "company", "location", "remote", "posted_at",
    "salary_min", "salary_max", "salary_currency", "salary_period", "description_text",
    "description_html", "structured", "raw", "content_hash", "source_file",
)


@dataclass
class UpsertResult:
    """What one ``upsert_postings`` call did."""

    read: int = 0
    stored: int = 0  # new canonical postings
    unchanged: int = 0  # ids already in the store (a re-ingest)
    duplicates: int = 0  # same normalised text as a stored posting: linked, not stored again
    near_duplicates: int = 0  # stored, and flagged as near-duplicate of another
    stored_ids: list[str] = field(default_factory=list)


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, default=str)


class PostingsMixin(_Base):
    def upsert_postings(self, postings: Iterable[Posting], *, source_file: str | None = None,
                        batch_size: int = 5000) -> UpsertResult:
        """Store new postings; re-ingesting the same ones changes nothing.

        A posting whose id is already stored (as canonical or alias) is ``unchanged``. One whose
        normalised text equals a stored posting's is an exact duplicate: it is recorded in
        ``posting_aliases`` and linked to the canonical posting. Each batch is one transaction.
        """
        result = UpsertResult()
        batch: list[Posting] = []
        for posting in postings:
            batch.append(posting)
            if len(batch) >= batch_size:
                self._upsert_batch(batch, source_file, result)
                batch = []
        if batch:
            self._upsert_batch(batch, source_file, result)
        return result

    def _upsert_batch(self, batch: list[Posting], source_file: str | None,
                      result: UpsertResult) -> None:
        result.read += len(batch)
        ids = [p.id for p in batch]
        hashes = [p.content_hash for p in batch]
        with self.transaction() as cur:
            known_ids = {r[0] for r in cur.execute(
                "SELECT id FROM postings WHERE id IN (SELECT unnest(?)) "
                "UNION SELECT alias_id FROM posting_aliases WHERE alias_id IN (SELECT unnest(?))",
                [ids, ids]).fetchall()}
            known_hash = dict(cur.execute(
                "SELECT content_hash, id FROM postings WHERE content_hash IN (SELECT unnest(?))",
                [hashes]).fetchall())
            rows: list[Posting] = []
            aliases: list[tuple[str, str, str, str | None, str | None]] = []
            for p in batch:
                if p.id in known_ids:
                    result.unchanged += 1
                    continue
                h = p.content_hash
                if h in known_hash:
                    aliases.append((p.id, known_hash[h], p.source, p.url, source_file))
                    known_ids.add(p.id)
                    result.duplicates += 1
                    continue
                known_hash[h] = p.id
                known_ids.add(p.id)
                rows.append(p)
            if rows:
                new_rows = _to_arrow(rows, source_file)  # noqa: F841  (read by DuckDB by name)
                cur.execute(f"INSERT INTO postings ({', '.join(_POSTING_COLUMNS)}) "
                            f"SELECT {', '.join(_POSTING_COLUMNS)} FROM new_rows")
                result.stored += len(rows)
                result.stored_ids.extend(p.id for p in rows)
            if aliases:
                cur.executemany("INSERT INTO posting_aliases VALUES (?, ?, ?, ?, ?)", aliases)

    def get_posting(self, posting_id: str) -> Posting | None:
        """One posting by id (an alias id resolves to its canonical posting)."""
        rows = self.query(
            "SELECT * FROM postings WHERE id = ? OR id = "
            "(SELECT canonical_id FROM posting_aliases WHERE alias_id = ?)",
            [posting_id, posting_id])
        return _from_row(rows[0]) if rows else None

    def iter_postings(self, *, ids: list[str] | None = None,
                      batch_size: int = 2000) -> Iterable[list[Posting]]:
        """All canonical postings (or those in ``ids``), in batches, ordered by id."""
        cur = self.cursor()
        if ids is None:
            cur.execute("SELECT * FROM postings ORDER BY id")
        else:
            cur.execute("SELECT * FROM postings WHERE id IN (SELECT unnest(?)) ORDER BY id", [ids])
        cols = [d[0] for d in cur.description or []]
        while True:
            chunk = cur.fetchmany(batch_size)
            if not chunk:
                return
            yield [_from_row(dict(zip(cols, row, strict=True))) for row in chunk]

    def list_postings(self, *, limit: int = 20, offset: int = 0) -> list[dict[str, Any]]:
        return self.query(
            "SELECT id, source, title, company, location, posted_at, near_duplicate_of "
            "FROM postings ORDER BY id LIMIT ? OFFSET ?", [limit, offset])

    def count_postings(self) -> int:
        return int(self.scalar("SELECT count(*) FROM postings"))

    def posting_stats(self) -> dict[str, Any]:
        """``{"postings": N, "by_source": {...}, "duplicates": N, "near_duplicates": N}``."""
        by_source = {r["source"]: r["n"] for r in self.query(
            "SELECT source, count(*) AS n FROM postings GROUP BY source ORDER BY source")}
        return {
            "postings": self.count_postings(),
            "by_source": by_source,
            "duplicates": int(self.scalar("SELECT count(*) FROM posting_aliases")),
            "near_duplicates": int(self.scalar(
                "SELECT count(*) FROM postings WHERE near_duplicate_of IS NOT NULL")),
        }


def _to_arrow(rows: list[Posting], source_file: str | None) -> pa.Table:
    cols: dict[str, list[Any]] = {c: [] for c in _POSTING_COLUMNS}
    for p in rows:
        for c in _POSTING_COLUMNS:
            if c == "structured":
                cols[c].append(_json(p.structured))
            elif c == "raw":
                cols[c].append(_json(p.raw))
            elif c == "content_hash":
                cols[c].append(p.content_hash)
            elif c == "source_file":
                cols[c].append(source_file)
            else:
                cols[c].append(getattr(p, c))
    types = {"remote": pa.bool_(), "salary_min": pa.float64(), "salary_max": pa.float64(),
             "posted_at": pa.string()}
    return pa.table({c: pa.array(v, type=types.get(c, pa.string())) for c, v in cols.items()})


def _from_row(row: dict[str, Any]) -> Posting:
    posted = row.get("posted_at")
    return Posting(
        id=row["id"], source=row["source"], description_text=row["description_text"],
        title=row.get("title") or "", company=row.get("company") or "",
        location=row.get("location") or "", url=row.get("url"), native_id=row.get("native_id"),
        remote=row.get("remote"), posted_at=posted.isoformat() if posted else None,
        salary_min=row.get("salary_min"), salary_max=row.get("salary_max"),
        salary_currency=row.get("salary_currency"), salary_period=row.get("salary_period"),
        description_html=row.get("description_html"),
        structured=json.loads(row["structured"]) if row.get("structured") else {},
        raw=json.loads(row["raw"]) if row.get("raw") else {},
    )
