"""Market queries over the ``market`` view (used by market/, profile/, advise/).

Every query reads only ``market`` and ``requirement_skills`` (joined on posting_id and
extractor_version), so a Parquet-backed store that defines those two relations answers them too.
Skill counts unnest ``market.skill_codes`` (integer codes from ``skill_catalog``, migration
m006) rather than joining ``requirement_skills``. Stores without them fall back, with the same
answers: the Parquet store and stores opened read-only between m005 and m006 unnest
``market.skill_ids`` (strings, 2x slower); stores opened read-only before m005 derive
``skill_ids`` from ``requirement_skills`` (``_market_source``).

Filters and metric predicates are fixed SQL fragments with ``?`` placeholders (the
``FILTER_SQL`` and ``PREDICATE_SQL`` tables below); callers pick fragments by name and every
value is bound, never formatted into the SQL.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ._store import StoreBase

    _Base = StoreBase
else:
    _Base = object

# filter name -> fragment over the market view aliased ``m``. List-valued filters (role, focus,
# seniority, source, company) take a list parameter: any of the values matches.
FILTER_SQL: dict[str, str] = {
    "role": "list_contains(?, m.role_family)",
    "focus": "list_contains(?, m.ml_focus)",
    "seniority": "list_contains(?, m.seniority)",
    "source": "list_contains(?, m.source)",
    "company": "list_contains(?, lower(m.company))",
    "location": "contains(lower(coalesce(m.location, '')), lower(?))",
    "remote": "m.remote = ?",
    "date_from": "m.posted_at >= CAST(? AS DATE)",
    "date_to": "m.posted_at <= CAST(? AS DATE)",
}

# predicate kind -> boolean fragment over ``m``; each ``?`` is bound to the predicate's value.
PREDICATE_SQL: dict[str, str] = {
    "min_required": "coalesce(m.min_required, 'unspecified') = ?",
    "min_required_in": "list_contains(?, m.min_required)",  # value: list of levels
    "preferred": "list_contains(m.preferred_levels, ?)",
    "required_or_preferred": "(m.min_required = ? OR list_contains(m.preferred_levels, ?))",
    "equivalent_experience_ok": "coalesce(m.equivalent_experience_ok, false) = ?",
    "field": "list_contains(m.fields, ?)",
    "role": "m.role_family = ?",
    "ml_focus": "m.ml_focus = ?",
    "seniority": "m.seniority = ?",
    "source": "m.source = ?",
    "remote": "m.remote = ?",
    "title": "lower(trim(m.title)) = lower(trim(?))",
    # value: [low, high) in years; high may be NULL (open); "unstated" is a separate kind
    "experience_range": "(m.experience_min_years >= ? AND (m.experience_min_years < ? OR ? IS NULL))",
    "experience_unstated": "(m.experience_min_years IS NULL) = ?",
    "skill": ("EXISTS (SELECT 1 FROM requirement_skills s WHERE s.posting_id = m.posting_id "
              "AND s.extractor_version = m.extractor_version AND s.skill_id = ?)"),
    "skill_required": ("EXISTS (SELECT 1 FROM requirement_skills s WHERE s.posting_id = m.posting_id "
                       "AND s.extractor_version = m.extractor_version AND s.skill_id = ? "
                       "AND s.required)"),
    "category": ("EXISTS (SELECT 1 FROM requirement_skills s WHERE s.posting_id = m.posting_id "
                 "AND s.extractor_version = m.extractor_version AND s.category = ?)"),
}

# Degree counts per (ML focus, seniority, role family) cell, each a count with a FILTER clause.
# The postings are first grouped by every column a count looks at (a few thousand distinct
# combinations), so the twenty FILTER clauses run over those groups, weighted by their size,
# instead of over every posting: 4x less CPU at 1M postings. At most 3 x 6 x 7 cells; callers
# add cells up for the marginals (overall, by focus, by seniority).
DEGREE_COUNTS_SQL = """
SELECT m.ml_focus, m.seniority, m.role_family,
       sum(m.postings) AS n,
       sum(m.postings) FILTER (WHERE m.min_required = 'none') AS "min_required=none",
       sum(m.postings) FILTER (WHERE m.min_required = 'unspecified' OR m.min_required IS NULL)
           AS "min_required=unspecified",
       sum(m.postings) FILTER (WHERE m.min_required = 'high_school') AS "min_required=high_school",
       sum(m.postings) FILTER (WHERE m.min_required = 'associate') AS "min_required=associate",
       sum(m.postings) FILTER (WHERE m.min_required = 'bachelor') AS "min_required=bachelor",
       sum(m.postings) FILTER (WHERE m.min_required = 'master') AS "min_required=master",
       sum(m.postings) FILTER (WHERE m.min_required = 'phd') AS "min_required=phd",
       sum(m.postings) FILTER (WHERE list_contains(m.preferred_levels, 'bachelor')) AS "preferred=bachelor",
       sum(m.postings) FILTER (WHERE list_contains(m.preferred_levels, 'master')) AS "preferred=master",
       sum(m.postings) FILTER (WHERE list_contains(m.preferred_levels, 'phd')) AS "preferred=phd",
       sum(m.postings) FILTER (WHERE m.min_required = 'master'
                        OR list_contains(m.preferred_levels, 'master'))
           AS "master_required_or_preferred",
       sum(m.postings) FILTER (WHERE m.min_required = 'phd' OR list_contains(m.preferred_levels, 'phd'))
           AS "phd_required_or_preferred",
       sum(m.postings) FILTER (WHERE m.equivalent_experience_ok) AS "equivalent_experience_ok",
       sum(m.postings) FILTER (WHERE m.experience_min_years IS NULL) AS "experience=unstated",
       sum(m.postings) FILTER (WHERE m.experience_min_years < 1) AS "experience=0",
       sum(m.postings) FILTER (WHERE m.experience_min_years >= 1 AND m.experience_min_years < 3)
           AS "experience=1-2",
       sum(m.postings) FILTER (WHERE m.experience_min_years >= 3 AND m.experience_min_years < 5)
           AS "experience=3-4",
       sum(m.postings) FILTER (WHERE m.experience_min_years >= 5 AND m.experience_min_years < 8)
           AS "experience=5-7",
       sum(m.postings) FILTER (WHERE m.experience_min_years >= 8) AS "experience=8+"
FROM (SELECT ml_focus, seniority, role_family, min_required, preferred_levels,
             equivalent_experience_ok, experience_min_years, count(*) AS postings
      FROM {rel}
      GROUP BY ALL) m
GROUP BY m.ml_focus, m.seniority, m.role_family
"""

# Skill mentions per (skill, ML focus), unnesting each posting's ``skill_codes`` (extraction
# dedupes skill hits, so count(*) counts postings), grouped on integers (the ML focus too, as
# a small integer): 0.1 CPU s at 1M postings (12.5M mentions), where grouping the string ids
# took 0.5 and joining requirement_skills 0.9. ``skill_catalog`` maps codes back.
SKILL_COUNTS_SQL = """
SELECT c.skill_id, c.name, c.category, k.ml_focus, k.count
FROM (SELECT u.code, (['research', 'applied', 'none'])[u.focus] AS ml_focus, count(*) AS count
      FROM (SELECT unnest(m.skill_codes) AS code,
                   CASE m.ml_focus WHEN 'research' THEN 1 WHEN 'applied' THEN 2
                                   WHEN 'none' THEN 3 END::UTINYINT AS focus
            FROM {rel} m) u
      GROUP BY u.code, u.focus) k
JOIN skill_catalog c ON c.code = k.code
"""
# The same from the string ids, for relations without codes (Names and categories come from
# one grouped scan of requirement_skills' three narrow columns, 0.08 s at 12.5M rows).
SKILL_COUNTS_BY_ID_SQL = """
SELECT k.skill_id, c.name, c.category, k.ml_focus, k.count
FROM (SELECT u.skill_id, u.ml_focus, count(*) AS count
      FROM (SELECT unnest(m.skill_ids) AS skill_id, m.ml_focus FROM {rel} m) u
      GROUP BY u.skill_id, u.ml_focus) k
JOIN (SELECT skill_id, any_value(name) AS name, any_value(category) AS category
      FROM requirement_skills GROUP BY skill_id) c ON c.skill_id = k.skill_id
"""

# ``fields`` is a set per posting (extraction sorts and dedupes it), so unnest counts postings.
FIELD_COUNTS_SQL = """
SELECT f.field, count(*) AS count
FROM (SELECT unnest(m.fields) AS field FROM {rel} m) f
GROUP BY f.field
"""

# Grouped by the raw title first, so lower(trim()) runs once per distinct title (half the CPU).
TITLE_COUNTS_SQL = """
SELECT lower(trim(m.title)) AS title, sum(m.postings) AS count
FROM (SELECT title, count(*) AS postings FROM {rel} GROUP BY title) m
WHERE m.title IS NOT NULL AND trim(m.title) <> ''
GROUP BY 1
ORDER BY count DESC, title
LIMIT ?
"""

# Quantiles as one list aggregate: one sort per group instead of three.
EXPERIENCE_SUMMARY_SQL = """
SELECT stated, q[1] AS p25, q[2] AS median, q[3] AS p75, mean
FROM (SELECT count(m.experience_min_years) AS stated,
             quantile_cont(m.experience_min_years, [0.25, 0.5, 0.75]) AS q,
             avg(m.experience_min_years) AS mean
      FROM {rel} m)
"""

# Salary midpoint ((min+max)/2, or whichever exists) annualised by SALARY_PERIOD_FACTORS.
# Rows with an unknown period or a non-positive value are left out.
SALARY_BY_DEGREE_SQL = """
WITH s AS (
    SELECT coalesce(m.min_required, 'unspecified') AS min_required,
           upper(m.salary_currency) AS currency,
           coalesce((m.salary_min + m.salary_max) / 2, m.salary_min, m.salary_max)
             * map_extract_value(MAP(?, ?), coalesce(m.salary_period, 'year')) AS annual
    FROM {rel} m
    WHERE m.salary_currency IS NOT NULL
      AND (m.salary_min IS NOT NULL OR m.salary_max IS NOT NULL)
)
SELECT min_required, currency, n, q[1] AS p25, q[2] AS median, q[3] AS p75, mean
FROM (SELECT min_required, currency, count(*) AS n,
             quantile_cont(annual, [0.25, 0.5, 0.75]) AS q, avg(annual) AS mean
      FROM s
      WHERE annual > 0
      GROUP BY min_required, currency)
"""

EXTRACTOR_VERSIONS_SQL = """
SELECT m.extractor_version, count(*) AS n FROM {rel} m
GROUP BY 1 ORDER BY 1
"""

# The whole report in one statement: the filtered postings are read from the market view once
# into a MATERIALIZED CTE ``m`` (in memory; a temp table would cost 3x more to write), then
# each section aggregates ``m`` and the sections are stacked with UNION ALL BY NAME (columns a
# section lacks are NULL). ``section`` tells the rows apart.
REPORT_SECTIONS: dict[str, str] = {
    "degree": DEGREE_COUNTS_SQL, "skills": SKILL_COUNTS_SQL, "fields": FIELD_COUNTS_SQL,
    "titles": TITLE_COUNTS_SQL, "experience": EXPERIENCE_SUMMARY_SQL,
    "salary": SALARY_BY_DEGREE_SQL, "versions": EXTRACTOR_VERSIONS_SQL,
}
REPORT_SQL = """
WITH m AS MATERIALIZED (
    SELECT m.posting_id, m.extractor_version, m.title, m.min_required, m.preferred_levels,
           m.equivalent_experience_ok, m.fields, m.experience_min_years, m.role_family,
           m.ml_focus, m.seniority, m.salary_min, m.salary_max, m.salary_currency,
           m.salary_period, {skills}
    FROM {market} m
    WHERE {where}
)
{sections}
"""

COUNT_SQL = """
SELECT count(*) FILTER (WHERE {numerator}{given_and}) AS count,
       count(*) FILTER (WHERE {given}) AS n
FROM {market} m
WHERE {where}
"""


# Many shares in one or two passes (the claims check). Pass 1 counts every n, and every
# numerator that is not a required skill or a category, with FILTER clauses over the market
# view (a skill is ``list_contains(m.skill_ids, ?)``). Pass 2, only when needed, joins
# requirement_skills once (only the skills asked about) and counts the required-skill and
# category numerators: far cheaper than one EXISTS subquery per share. A skill used as a
# *condition* (``... | skill=x``) falls back to the EXISTS form of PREDICATE_SQL in pass 1.
BATCH_SQL = """
SELECT {aggregates}
FROM {market} m
"""
BATCH_SKILL_SQL = """
SELECT {aggregates}
FROM {market} m
JOIN requirement_skills s
  ON s.posting_id = m.posting_id AND s.extractor_version = m.extractor_version
WHERE list_contains(?, s.skill_id) OR list_contains(?, s.category)
"""
# numerator kind -> (aggregate, row predicate over the joined skill row ``s``); a posting has
# one row per skill, but several per category, hence count(DISTINCT) there.
SKILL_NUMERATOR_SQL: dict[str, tuple[str, str]] = {
    "skill_required": ("count(*)", "(s.skill_id = ? AND s.required)"),
    "category": ("count(DISTINCT m.posting_id)", "s.category = ?"),
}

# Hours/days/weeks/months per year used to annualise pay (documented in docs/market.md).
SALARY_PERIOD_FACTORS: dict[str, float] = {
    "year": 1.0, "month": 12.0, "week": 52.0, "day": 260.0, "hour": 2080.0,
}

# ``market`` without ``skill_ids`` (a store opened read-only before migration m005): the
# column derived per posting from requirement_skills.
_MARKET_WITH_SKILL_IDS = """(
    SELECT mk.*, coalesce((SELECT list(s.skill_id) FROM requirement_skills s
                           WHERE s.posting_id = mk.posting_id
                             AND s.extractor_version = mk.extractor_version), []) AS skill_ids
    FROM market mk)"""

_CELL_KEYS = frozenset({"ml_focus", "seniority", "role_family"})
_LIST_FILTERS = frozenset({"role", "focus", "seniority", "source", "company"})


def _where(filters: Mapping[str, Any]) -> tuple[str, list[Any]]:
    """A WHERE body built from ``FILTER_SQL`` fragments, and its bound parameters."""
    parts: list[str] = []
    params: list[Any] = []
    for name, fragment in FILTER_SQL.items():
        value = filters.get(name)
        if value is None:
            continue
        if name in _LIST_FILTERS:
            values = list(value) if isinstance(value, list | tuple) else [value]
            if name == "company":
                values = [str(v).lower() for v in values]
            value = values
        parts.append(fragment)
        params.append(value)
    return (" AND ".join(parts) or "true"), params


def _predicate(kind: str, value: Any,
               table: Mapping[str, str] = PREDICATE_SQL) -> tuple[str, list[Any]]:
    try:
        fragment = table[kind]
    except KeyError:
        raise ValueError(f"unknown predicate kind {kind!r}") from None
    if kind == "experience_range":
        low, high = value
        return fragment, [low, high, high]
    return fragment, [value] * fragment.count("?")


class MarketMixin(_Base):
    def _market_cursor(self) -> Any:
        cur = self.cursor()
        cur.execute("SET enable_progress_bar = false")  # long queries must not draw on stderr
        return cur

    def _market_source(self) -> tuple[str, bool]:
        """``(relation, by_code)``: ``market`` (or, on a store not yet migrated to m005,
        ``market`` plus ``skill_ids``), and whether skills are counted by catalog code."""
        found: tuple[str, bool] | None = getattr(self, "_market_src", None)
        if found is None:
            columns = {d[0] for d in self.cursor().execute(
                "SELECT * FROM market LIMIT 0").description or []}
            catalog = self.cursor().execute(
                "SELECT count(*) FROM duckdb_tables() WHERE table_name = 'skill_catalog' "
                "AND schema_name = current_schema() AND database_name = current_database()"
            ).fetchone()
            found = ("market" if "skill_ids" in columns else _MARKET_WITH_SKILL_IDS,
                     "skill_codes" in columns and bool(catalog and catalog[0]))
            self._market_src = found
        return found

    def _market_relation(self) -> str:
        return self._market_source()[0]

    def market_count(self, numerator: tuple[str, Any], filters: Mapping[str, Any],
                     given: tuple[str, Any] | None = None) -> tuple[int, int]:
        """``(count, n)``: postings matching ``filters`` (and ``given``), and how many of them
        also match ``numerator``. Predicates are ``(kind, value)`` pairs from ``PREDICATE_SQL``."""
        where, wparams = _where(filters)
        num_sql, num_params = _predicate(*numerator)
        given_sql, given_params = _predicate(*given) if given else ("true", [])
        sql = COUNT_SQL.format(market=self._market_relation(), numerator=num_sql,
                               given=given_sql, where=where,
                               given_and=f" AND {given_sql}" if given else "")
        params = [*num_params, *given_params, *given_params, *wparams]
        row = self._market_cursor().execute(sql, params).fetchone()
        return (int(row[0]), int(row[1])) if row else (0, 0)

    def market_counts(self, specs: Sequence[tuple[Mapping[str, Any], tuple[str, Any],
                                                  tuple[str, Any] | None]],
                      ) -> list[tuple[int, int]]:
        """``market_count`` for many ``(filters, numerator, given)`` specs, in two passes."""
        if not specs:
            return []
        plain: list[str] = []
        plain_params: list[Any] = []
        joined: list[str] = []
        joined_params: list[Any] = []
        skills: set[str] = set()
        categories: set[str] = set()
        # where each spec's count and n come from: ("plain" | "joined", column index)
        slots: list[tuple[tuple[str, int], tuple[str, int]]] = []
        for filters, numerator, given in specs:
            where, wparams = _where(filters)
            given_sql, given_params = _predicate(*given) if given else ("true", [])
            n_slot = ("plain", len(plain))
            plain.append(f"count(*) FILTER (WHERE ({where}) AND ({given_sql}))")
            plain_params += [*wparams, *given_params]
            kind, value = numerator
            if kind in SKILL_NUMERATOR_SQL:
                aggregate, row_sql = SKILL_NUMERATOR_SQL[kind]
                (categories if kind == "category" else skills).add(str(value))
                count_slot = ("joined", len(joined))
                joined.append(f"{aggregate} FILTER (WHERE ({where}) AND ({given_sql}) AND "
                              f"{row_sql})")
                joined_params += [*wparams, *given_params, value]
            else:
                num_sql, num_params = (("list_contains(m.skill_ids, ?)", [value])
                                       if kind == "skill" else _predicate(kind, value))
                count_slot = ("plain", len(plain))
                plain.append(f"count(*) FILTER (WHERE ({where}) AND ({given_sql}) AND "
                             f"({num_sql}))")
                plain_params += [*wparams, *given_params, *num_params]
            slots.append((count_slot, n_slot))
        cur = self._market_cursor()
        market = self._market_relation()
        values: dict[str, list[int]] = {"plain": [], "joined": []}
        row = cur.execute(BATCH_SQL.format(market=market, aggregates=", ".join(plain)),
                          plain_params).fetchone()
        values["plain"] = [int(v) for v in row] if row else [0] * len(plain)
        if joined:
            row = cur.execute(BATCH_SKILL_SQL.format(market=market,
                                                     aggregates=", ".join(joined)),
                              [*joined_params, sorted(skills), sorted(categories)]).fetchone()
            values["joined"] = [int(v) for v in row] if row else [0] * len(joined)
        return [(values[c[0]][c[1]], values[n[0]][n[1]]) for c, n in slots]

    def market_report_data(self, filters: Mapping[str, Any], *,
                           title_limit: int = 20) -> dict[str, Any]:
        """Everything the market report needs, from one read of the filtered postings.

        Keys: ``degree`` (count rows per (ml_focus, seniority, role_family) cell),
        ``skills`` (skill_id, name, category, ml_focus, count), ``fields`` {field: postings},
        ``titles`` [(title, count)], ``experience`` (stated, p25, median, p75, mean),
        ``salary`` (per required degree and currency, annualised), ``versions`` {version: n}.
        """
        where, params = _where(filters)
        periods = list(SALARY_PERIOD_FACTORS)
        section_params: dict[str, list[Any]] = {
            "titles": [title_limit],
            "salary": [periods, [SALARY_PERIOD_FACTORS[p] for p in periods]],
        }
        market, by_code = self._market_source()
        sections = dict(REPORT_SECTIONS)
        if not by_code:
            sections["skills"] = SKILL_COUNTS_BY_ID_SQL
        parts: list[str] = []
        for name, sql in sections.items():
            parts.append(f"SELECT '{name}' AS section, * FROM ({sql.format(rel='m')})")
            params += section_params.get(name, [])
        sql = REPORT_SQL.format(market=market, where=where,
                                skills="m.skill_codes" if by_code else "m.skill_ids",
                                sections="\nUNION ALL BY NAME\n".join(parts))
        result = self._market_cursor().execute(sql, params)
        cols = [d[0] for d in result.description or []]
        by_section: dict[str, list[dict[str, Any]]] = {name: [] for name in REPORT_SECTIONS}
        for row in result.fetchall():
            record = dict(zip(cols, row, strict=True))
            by_section[record.pop("section")].append(record)

        def keep(rows: list[dict[str, Any]], names: tuple[str, ...] | list[str]
                 ) -> list[dict[str, Any]]:
            return [{k: r[k] for k in names} for r in rows]

        degree_cols = [c for c in cols if c in ("ml_focus", "seniority", "role_family", "n")
                       or c.startswith(("min_required=", "preferred=", "experience="))
                       or c in ("master_required_or_preferred", "phd_required_or_preferred",
                                "equivalent_experience_ok")]
        experience = keep(by_section["experience"], ("stated", "p25", "median", "p75", "mean"))
        # a sum() FILTER over no group is NULL, not 0
        degree = [{k: (v if v is not None or k in _CELL_KEYS else 0) for k, v in r.items()}
                  for r in keep(by_section["degree"], degree_cols)]
        return {
            "degree": degree,
            "skills": keep(by_section["skills"],
                           ("skill_id", "name", "category", "ml_focus", "count")),
            "fields": {r["field"]: int(r["count"]) for r in by_section["fields"]},
            "titles": sorted(((r["title"], int(r["count"])) for r in by_section["titles"]),
                             key=lambda tc: (-tc[1], tc[0])),
            "experience": experience[0] if experience else {},
            "salary": sorted(keep(by_section["salary"], ("min_required", "currency", "n", "p25",
                                                         "median", "p75", "mean")),
                             key=lambda r: (r["currency"], r["min_required"])),
            "versions": {r["extractor_version"]: int(r["n"]) for r in by_section["versions"]},
        }

