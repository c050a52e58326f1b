"""Read-only posting search for the Postings page and ``GET /api/postings``.

The store has ``list_postings`` (browse by id) but no search with filters yet; until it grows
one, this module holds the SQL, run through the store's own bound-parameter helpers
(``store.query``/``store.scalar``), so web/ never imports duckdb. Filters on extracted values go
through the ``market`` view; a plain browse reads ``postings`` alone (cheaper).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from mlepath.store import Store

# Query parameter -> column of the ``market`` view compared for equality.
_EQUALS = {"role": "role_family", "focus": "ml_focus", "seniority": "seniority",
           "source": "source", "min_required": "min_required"}


@dataclass
class PostingQuery:
    """What the Postings page / API can ask for. Empty fields do not filter."""

    q: str = ""
    role: str | None = None
    focus: str | None = None
    seniority: str | None = None
    company: str | None = None
    location: str | None = None
    remote: bool | None = None
    date_from: date | None = None
    date_to: date | None = None
    source: str | None = None
    min_required: str | None = None  # a degree level, "none" or "unspecified"
    preferred: str | None = None  # a degree level listed as preferred
    skill: str | None = None  # a skill id the posting asks for
    limit: int = 50
    offset: int = 0

    def needs_market(self) -> bool:
        return any(getattr(self, k) is not None for k in (*_EQUALS, "preferred", "skill")
                   if k != "source")


def search_postings(store: Store, query: PostingQuery) -> tuple[int, list[dict[str, Any]]]:
    """``(total matching, one page of rows)``; rows carry id, title, company, location, ...."""
    where: list[str] = []
    params: list[Any] = []
    if query.q.strip():
        like = f"%{_escape_like(query.q.strip())}%"
        where.append("(p.title ILIKE ? ESCAPE '\\' OR p.company ILIKE ? ESCAPE '\\')")
        params += [like, like]
    for name in ("company", "location"):
        value = getattr(query, name)
        if value:
            where.append(f"p.{name} ILIKE ? ESCAPE '\\'")
            params.append(f"%{_escape_like(value)}%")
    if query.remote is not None:
        where.append("p.remote = ?")
        params.append(query.remote)
    if query.date_from is not None:
        where.append("p.posted_at >= ?")
        params.append(query.date_from)
    if query.date_to is not None:
        where.append("p.posted_at <= ?")
        params.append(query.date_to)
    if query.source:
        where.append("p.source = ?")
        params.append(query.source)

    join = ""
    if query.needs_market():
        join = "JOIN market m ON m.posting_id = p.id"
        for name, column in _EQUALS.items():
            value = getattr(query, name)
            if value is not None and name != "source":
                where.append(f"m.{column} = ?")
                params.append(value)
        if query.preferred:
            where.append("list_contains(m.preferred_levels, ?)")
            params.append(query.preferred)
        if query.skill:
            where.append("EXISTS (SELECT 1 FROM requirement_skills s WHERE s.posting_id = "
                         "m.posting_id AND s.extractor_version = m.extractor_version "
                         "AND s.skill_id = ?)")
            params.append(query.skill)
    clause = f"WHERE {' AND '.join(where)}" if where else ""
    total = int(store.scalar(f"SELECT count(*) FROM postings p {join} {clause}", params))
    rows = store.query(
        f"SELECT p.id, p.title, p.company, p.location, p.remote, p.posted_at, p.source "
        f"FROM postings p {join} {clause} ORDER BY p.posted_at DESC NULLS LAST, p.id "
        f"LIMIT ? OFFSET ?", [*params, query.limit, query.offset])
    for row in rows:
        if row["posted_at"] is not None:
            row["posted_at"] = row["posted_at"].isoformat()
    return total, rows


def _escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
