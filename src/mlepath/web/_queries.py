"""Posting search for the Postings page and ``GET /api/postings``: the postings behind a figure.

A market figure is a metric (``min_required=phd``, ``skill=pytorch``, ``ml_focus=research |
min_required=phd``) over filtered postings. To list exactly the postings a figure counts, the
search reuses the market's own pieces: ``Filters.to_store()``, ``parse_metric`` and the store's
filter/predicate SQL fragments (``store/_market.py``), so the total here equals the figure's
count. The store has no public "list the postings of a metric" method yet; until it grows one,
this module assembles the query from those fragments and runs it through the store's
bound-parameter helpers (web/ never imports duckdb).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from mlepath.market import Filters, parse_metric
from mlepath.sources import Posting
from mlepath.store import Store
from mlepath.store._market import _predicate, _where

# Filters that exist on ``postings`` itself; any other filter or a metric needs ``market``.
_POSTING_LEVEL = {"company", "location", "remote", "date_from", "date_to", "source"}


@dataclass
class PostingQuery:
    """What the Postings page / API can ask for. Empty fields do not filter."""

    q: str = ""
    filters: Filters = field(default_factory=Filters)
    metrics: tuple[str, ...] = ()  # each a market metric; a posting must match all of them
    limit: int = 50
    offset: int = 0

    def key(self) -> tuple[Any, ...]:
        """A hashable identity, for the document cache."""
        return ("postings", self.q.strip(), self.filters, self.metrics, self.limit, self.offset)

    def needs_market(self) -> bool:
        return bool(self.metrics) or any(k not in _POSTING_LEVEL
                                         for k in self.filters.to_dict())


def search_postings(store: Store, query: PostingQuery) -> tuple[int, list[dict[str, Any]]]:
    """``(total matching, one page of rows)``, newest first; rows carry id, title, company, ...

    Without metrics or extracted-value filters it reads ``postings`` (also the postings not
    extracted yet); otherwise the ``market`` view, as the report does.
    """
    where, params = _where(query.filters.to_store())
    relation = "market m" if query.needs_market() else "postings m"
    id_column = "m.posting_id" if query.needs_market() else "m.id"
    for text in query.metrics:
        metric = parse_metric(text)
        for predicate in (metric.numerator, metric.given):
            if predicate is not None:
                sql, values = _predicate(*predicate)
                where += f" AND {sql}"
                params += values
    if query.q.strip():
        like = f"%{_escape_like(query.q.strip())}%"
        where += " AND (m.title ILIKE ? ESCAPE '\\' OR m.company ILIKE ? ESCAPE '\\')"
        params += [like, like]
    order = f"ORDER BY m.posted_at DESC NULLS LAST, {id_column} LIMIT ? OFFSET ?"
    columns = (f"{id_column} AS id, m.title, m.company, m.location, m.remote, m.posted_at, "
               "m.source")
    if query.needs_market():
        # The market view is the expensive part: evaluate it once, with the total riding along
        # on every row as a window over the filtered set.
        rows = store.query(f"SELECT {columns}, count(*) OVER () AS total FROM {relation} "
                           f"WHERE {where} {order}", [*params, query.limit, query.offset])
        total = int(rows[0]["total"]) if rows else (
            int(store.scalar(f"SELECT count(*) FROM {relation} WHERE {where}", params))
            if query.offset else 0)
    else:
        # On the postings table a count and a top-N sort are each cheap; a window is not.
        total = int(store.scalar(f"SELECT count(*) FROM {relation} WHERE {where}", params))
        rows = store.query(f"SELECT {columns} FROM {relation} WHERE {where} {order}",
                           [*params, query.limit, query.offset])
    for row in rows:
        row.pop("total", None)
        if row["posted_at"] is not None:
            row["posted_at"] = row["posted_at"].isoformat()
    return total, rows


def find_posting(store: Store, posting_id: str) -> Posting | None:
    """One posting by canonical id (an index lookup), else through its aliases.

    ``store.get_posting`` answers both in one query whose ``OR`` defeats the primary-key index
    (a full scan: ~200 ms over 100k postings); canonical ids are the common case here.
    """
    for batch in store.iter_postings(ids=[posting_id]):
        if batch:
            return batch[0]
    return store.get_posting(posting_id)


def _escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
