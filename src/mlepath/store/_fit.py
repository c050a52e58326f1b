"""Queries the fit audit needs: target postings' requirements and skills, fast.

One query returns the targets as an Arrow table with their skills already grouped per posting and
coded as small integers (``vocab`` maps code → (id, name, category)), so 100,000 postings cross
into Python as a few Arrow columns instead of a million skill rows.
"""

from __future__ import annotations

import itertools
import json
import threading
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

import duckdb
import pyarrow as pa

if TYPE_CHECKING:
    from ._store import StoreBase

    _Base = StoreBase
else:
    _Base = object

# filter name → SQL predicate on the market view (alias m); ``{}`` becomes a bound named
# parameter ($p0, $p1, ...): values are never formatted into the SQL
_FILTER_SQL: dict[str, str] = {
    "role": "m.role_family IN (SELECT unnest({}))",
    "focus": "m.ml_focus IN (SELECT unnest({}))",
    "seniority": "m.seniority IN (SELECT unnest({}))",
    "source": "m.source IN (SELECT unnest({}))",
    "company": "m.company ILIKE '%' || {} || '%'",
    "location": "m.location ILIKE '%' || {} || '%'",
    "remote": "m.remote = {}",
    "date_from": "m.posted_at >= CAST({} AS DATE)",
    "date_to": "m.posted_at <= CAST({} AS DATE)",
}
_LIST_FILTERS = ("role", "focus", "seniority", "source")

# Speed notes (100,000 postings, 1M skill rows; CPU ms on the 2-core dev machine):
# - list() grouped by a VARCHAR key is slow in DuckDB, grouped by an INTEGER it is fast, so
#   targets get an integer pidx;
# - skill ids are coded by a join with the vocabulary registered as an Arrow table (~95 ms);
#   a CTE of unnest($vocab) as the build side cost ~300 ms;
# - no per-posting de-duplication: save_requirements writes one row per (posting, version,
#   skill) because extraction keys skills by id; list_distinct + a required-wins filter cost
#   another ~110 ms for nothing.
_TARGETS_SQL = """
WITH targets AS (
    SELECT (row_number() OVER ())::INTEGER AS pidx, m.posting_id, m.extractor_version, m.title,
           m.company, m.min_required, m.preferred_levels, m.equivalent_experience_ok, m.fields,
           m.experience_min_years
    FROM market m
    WHERE {where}
),
per_posting AS (
    SELECT t.pidx,
           list(v.code) FILTER (WHERE s.required) AS required,
           list(v.code) FILTER (WHERE NOT s.required) AS preferred
    FROM requirement_skills s
    JOIN targets t ON t.posting_id = s.posting_id
    JOIN {vocab} v ON v.skill_id = s.skill_id
    WHERE s.extractor_version = t.extractor_version
    GROUP BY t.pidx
)
SELECT t.posting_id, t.title, t.company, coalesce(t.min_required, 'unspecified') AS min_required,
       coalesce(t.preferred_levels, []) AS preferred_levels,
       coalesce(t.equivalent_experience_ok, false) AS equivalent_experience_ok,
       coalesce(t.fields, []) AS fields, t.experience_min_years,
       coalesce(p.required, []::INTEGER[]) AS required,
       coalesce(p.preferred, []::INTEGER[]) AS preferred
FROM targets t LEFT JOIN per_posting p USING (pidx)
ORDER BY t.posting_id
"""

# every skill any stored posting names: codes are positions in this list (zero-demand skills
# are harmless: they never reach the missing list or the coverage sums)
_VOCAB_SQL = """
SELECT skill_id, any_value(name) AS name, any_value(category) AS category
FROM requirement_skills GROUP BY skill_id ORDER BY skill_id
"""


_CACHE_SIZE = 8
_VIEW_SEQ = itertools.count()
# changes whenever postings, requirements or skills are added, removed or re-extracted
_FINGERPRINT_SQL = """
SELECT (SELECT count(*) FROM postings), (SELECT count(*) FROM requirements),
       (SELECT max(extracted_at) FROM requirements), (SELECT count(*) FROM requirement_skills)
"""

_FIT_AUDITS_DDL = """
CREATE TABLE IF NOT EXISTS fit_audits (
    id INTEGER PRIMARY KEY,
    source VARCHAR,
    profile JSON,
    report JSON,
    saved_at TIMESTAMP DEFAULT current_timestamp
)
"""


def _where(filters: Mapping[str, Any]) -> tuple[str, list[Any]]:
    clauses: list[str] = ["TRUE"]
    params: list[Any] = []
    for key, value in filters.items():
        if value is None:
            continue
        sql = _FILTER_SQL.get(key)
        if sql is None:
            raise ValueError(f"unknown fit filter {key!r}")
        if key in _LIST_FILTERS:
            value = [value] if isinstance(value, str) else [str(v) for v in value]
        elif key in ("date_from", "date_to"):
            value = str(value)
        clauses.append(sql.format(f"$p{len(params)}"))
        params.append(value)
    return " AND ".join(clauses), params


class FitMixin(_Base):
    def fit_target_table(
        self, filters: Mapping[str, Any] | None = None, *, use_cache: bool = True,
    ) -> tuple[pa.Table, list[tuple[str, str, str]]]:
        """Target postings (market view + filters) as an Arrow table, and the skill vocabulary.

        Columns: posting_id, title, company, min_required, preferred_levels,
        equivalent_experience_ok, fields, experience_min_years, required, preferred (the last
        two: lists of skill codes, indexes into the vocabulary of (skill_id, name, category)).
        Filters: role, focus, seniority, source (a value or a list), company, location
        (case-insensitive substring), remote (bool), date_from, date_to (ISO dates).
        The result is cached per filters; any change to postings, requirements or skills (their
        row counts or newest extraction time) makes the next call query again.
        """
        where, params = _where(filters or {})
        cur = self.cursor()
        # warm path: the same filters over unchanged data reuse the columns pulled last time
        # (an audit per person against one market is the web app's common case)
        key = json.dumps([where, params], default=str)
        try:
            fingerprint = cur.execute(_FINGERPRINT_SQL).fetchone()
        except duckdb.Error:  # a store without these tables (Parquet-backed): never cache
            fingerprint = None
        cache: dict[str, Any] = self.__dict__.setdefault("_fit_target_cache", {})
        hit = cache.get(key)
        if use_cache and fingerprint is not None and hit is not None and hit[0] == fingerprint:
            return hit[1], hit[2]
        vocab = [(r[0], r[1] or r[0], r[2] or "") for r in cur.execute(_VOCAB_SQL).fetchall()]
        named = {f"p{i}": v for i, v in enumerate(params)}
        # a per-call name: threads share the connection's catalog of registered objects
        view = f"_fit_vocab_{threading.get_ident()}_{next(_VIEW_SEQ)}"
        cur.register(view, pa.table({
            "skill_id": pa.array([v[0] for v in vocab], pa.string()),
            "code": pa.array(range(len(vocab)), pa.int32())}))
        try:
            table = cur.sql(_TARGETS_SQL.format(where=where, vocab=view),
                            params=named or None).to_arrow_table()
        finally:
            cur.unregister(view)
        if fingerprint is not None:
            if len(cache) >= _CACHE_SIZE:
                cache.pop(next(iter(cache)))
            cache[key] = (fingerprint, table, vocab)
        return table, vocab

    def save_fit_audit(self, source: str, profile: Mapping[str, Any],
                       report: Mapping[str, Any]) -> int:
        """Keep one audit (only on ``mlepath fit --save``); returns its id.

        The table is created on first use rather than by a migration: nothing about a person
        exists in a store until they ask for it.
        """
        with self.transaction() as cur:
            cur.execute(_FIT_AUDITS_DDL)
            row = cur.execute(
                "INSERT INTO fit_audits (id, source, profile, report) "
                "SELECT coalesce(max(id), 0) + 1, ?, ?, ? FROM fit_audits RETURNING id",
                [source, json.dumps(profile, ensure_ascii=False),
                 json.dumps(report, ensure_ascii=False)]).fetchone()
        return int(row[0]) if row else 0
