"""The store's schema as named migrations, applied in order on open (as sqlite-utils does).

Tables
- ``postings``: canonical postings, one row per distinct normalised description text.
- ``posting_aliases``: every other id under which the same text was ingested (an exact
  duplicate from another source or feed), linked to its canonical posting.
- ``requirements``: extraction results keyed by (posting_id, extractor_version); ``record`` is the
  full ``Requirements.to_dict()`` JSON, the other columns are flat copies for fast SQL.
- ``requirement_skills``: one row per (posting, version, skill), for skill-demand queries.
- ``market``: a view joining each canonical posting to its newest requirements row, with flat
  columns: the one relation every report, fit and advice query reads.
"""

from __future__ import annotations

from collections.abc import Callable

import duckdb

Migration = Callable[[duckdb.DuckDBPyConnection], None]
MIGRATIONS: list[tuple[str, Migration]] = []


def migration(fn: Migration) -> Migration:
    MIGRATIONS.append((fn.__name__, fn))
    return fn


@migration
def m001_postings(con: duckdb.DuckDBPyConnection) -> None:
    con.execute(
        """
        CREATE TABLE postings (
            id VARCHAR PRIMARY KEY,
            source VARCHAR NOT NULL,
            native_id VARCHAR,
            url VARCHAR,
            title VARCHAR,
            company VARCHAR,
            location VARCHAR,
            remote BOOLEAN,
            posted_at DATE,
            salary_min DOUBLE,
            salary_max DOUBLE,
            salary_currency VARCHAR,
            salary_period VARCHAR,
            description_text VARCHAR NOT NULL,
            description_html VARCHAR,
            structured JSON,
            raw JSON,
            content_hash VARCHAR NOT NULL,
            near_duplicate_of VARCHAR,
            source_file VARCHAR,
            ingested_at TIMESTAMP DEFAULT current_timestamp
        )
        """
    )
    con.execute("CREATE UNIQUE INDEX postings_content_hash ON postings (content_hash)")
    con.execute(
        """
        CREATE TABLE posting_aliases (
            alias_id VARCHAR PRIMARY KEY,
            canonical_id VARCHAR NOT NULL,
            source VARCHAR NOT NULL,
            url VARCHAR,
            source_file VARCHAR
        )
        """
    )


@migration
def m002_requirements(con: duckdb.DuckDBPyConnection) -> None:
    con.execute(
        """
        CREATE TABLE requirements (
            posting_id VARCHAR NOT NULL,
            extractor_version VARCHAR NOT NULL,
            min_required VARCHAR,
            preferred_levels VARCHAR[],
            equivalent_experience_ok BOOLEAN,
            fields VARCHAR[],
            experience_min_years DOUBLE,
            role_family VARCHAR,
            ml_focus VARCHAR,
            seniority VARCHAR,
            salary_min DOUBLE,
            salary_max DOUBLE,
            salary_currency VARCHAR,
            salary_period VARCHAR,
            salary_source VARCHAR,
            record JSON,
            extracted_at TIMESTAMP DEFAULT current_timestamp,
            PRIMARY KEY (posting_id, extractor_version)
        )
        """
    )
    con.execute(
        """
        CREATE TABLE requirement_skills (
            posting_id VARCHAR NOT NULL,
            extractor_version VARCHAR NOT NULL,
            skill_id VARCHAR NOT NULL,
            name VARCHAR,
            category VARCHAR,
            required BOOLEAN
        )
        """
    )


@migration
def m003_market_view(con: duckdb.DuckDBPyConnection) -> None:
    con.execute(
        """
        CREATE VIEW market AS
        WITH newest AS (
            SELECT * FROM requirements
            QUALIFY row_number() OVER (
                PARTITION BY posting_id ORDER BY extracted_at DESC, extractor_version DESC) = 1
        )
        SELECT p.id AS posting_id, p.source, p.title, p.company, p.location, p.remote,
               p.posted_at, r.extractor_version, r.min_required, r.preferred_levels,
               r.equivalent_experience_ok, r.fields, r.experience_min_years, r.role_family,
               r.ml_focus, r.seniority,
               coalesce(r.salary_min, p.salary_min) AS salary_min,
               coalesce(r.salary_max, p.salary_max) AS salary_max,
               coalesce(r.salary_currency, p.salary_currency) AS salary_currency,
               coalesce(r.salary_period, p.salary_period) AS salary_period
        FROM postings p JOIN newest r ON r.posting_id = p.id
        """
    )


@migration
def m004_posting_near_keys(con: duckdb.DuckDBPyConnection) -> None:
    # Near-duplicate candidates: one row per canonical posting that is not itself a
    # near-duplicate, keyed by normalised company + title, with the head of its normalised text
    # (the part compared). Kept apart from ``postings`` so lookups never scan descriptions.
    con.execute(
        """
        CREATE TABLE posting_near_keys (
            id VARCHAR PRIMARY KEY,
            near_key VARCHAR NOT NULL,
            sketch VARCHAR NOT NULL
        )
        """
    )


@migration
def m005_current_requirements(con: duckdb.DuckDBPyConnection) -> None:
    # ``market`` picked each posting's newest requirements row with a window function on every
    # read, which doubled the cost of reading it. ``is_current`` marks that row once, when
    # ``save_requirements`` writes (the newest extraction of a posting is the current one), so
    # ``market`` is a plain join. ``skill_ids`` copies the row's skill ids from
    # ``requirement_skills`` so skill counts unnest a short list instead of joining that table
    # (12 rows per posting). Existing rows are backfilled; ``requirement_skills`` stays the
    # place for names, categories and the required flag.
    con.execute("ALTER TABLE requirements ADD COLUMN is_current BOOLEAN DEFAULT false")
    con.execute("ALTER TABLE requirements ADD COLUMN skill_ids VARCHAR[]")
    con.execute(
        """
        UPDATE requirements r SET is_current = c.rn = 1, skill_ids = coalesce(c.skill_ids, [])
        FROM (SELECT q.posting_id, q.extractor_version,
                     row_number() OVER (PARTITION BY q.posting_id
                                        ORDER BY q.extracted_at DESC, q.extractor_version DESC)
                       AS rn,
                     s.skill_ids
              FROM requirements q
              LEFT JOIN (SELECT posting_id, extractor_version, list(skill_id) AS skill_ids
                         FROM requirement_skills GROUP BY posting_id, extractor_version) s
                ON s.posting_id = q.posting_id AND s.extractor_version = q.extractor_version
             ) c
        WHERE r.posting_id = c.posting_id AND r.extractor_version = c.extractor_version
        """
    )
    con.execute(
        """
        CREATE OR REPLACE VIEW market AS
        SELECT p.id AS posting_id, p.source, p.title, p.company, p.location, p.remote,
               p.posted_at, r.extractor_version, r.min_required, r.preferred_levels,
               r.equivalent_experience_ok, r.fields, r.experience_min_years, r.role_family,
               r.ml_focus, r.seniority,
               coalesce(r.salary_min, p.salary_min) AS salary_min,
               coalesce(r.salary_max, p.salary_max) AS salary_max,
               coalesce(r.salary_currency, p.salary_currency) AS salary_currency,
               coalesce(r.salary_period, p.salary_period) AS salary_period,
               r.skill_ids
        FROM postings p JOIN requirements r ON r.posting_id = p.id AND r.is_current
        """
    )


@migration
def m006_skill_codes(con: duckdb.DuckDBPyConnection) -> None:
    # Counting skills groups ~12 unnested ids per posting; grouping small integers costs a
    # fifth of grouping strings. ``skill_catalog`` numbers every skill id once (codes are
    # never reused or renumbered) and ``requirements.skill_codes`` holds the row's skills as
    # those codes, kept by ``save_requirements``; reports map codes back to ids, names and
    # categories through the catalog (a few hundred rows).
    con.execute(
        """
        CREATE TABLE skill_catalog (
            code INTEGER PRIMARY KEY,
            skill_id VARCHAR NOT NULL UNIQUE,
            name VARCHAR,
            category VARCHAR
        )
        """
    )
    con.execute(
        """
        INSERT INTO skill_catalog
        SELECT row_number() OVER (ORDER BY skill_id), skill_id, any_value(name),
               any_value(category)
        FROM requirement_skills GROUP BY skill_id
        """
    )
    con.execute("ALTER TABLE requirements ADD COLUMN skill_codes INTEGER[]")
    con.execute(
        """
        UPDATE requirements r SET skill_codes = c.codes
        FROM (SELECT s.posting_id, s.extractor_version, list(k.code ORDER BY k.code) AS codes
              FROM requirement_skills s JOIN skill_catalog k ON k.skill_id = s.skill_id
              GROUP BY s.posting_id, s.extractor_version) c
        WHERE r.posting_id = c.posting_id AND r.extractor_version = c.extractor_version
        """
    )
    con.execute("UPDATE requirements SET skill_codes = [] WHERE skill_codes IS NULL")
    con.execute(
        """
        CREATE OR REPLACE VIEW market AS
        SELECT p.id AS posting_id, p.source, p.title, p.company, p.location, p.remote,
               p.posted_at, r.extractor_version, r.min_required, r.preferred_levels,
               r.equivalent_experience_ok, r.fields, r.experience_min_years, r.role_family,
               r.ml_focus, r.seniority,
               coalesce(r.salary_min, p.salary_min) AS salary_min,
               coalesce(r.salary_max, p.salary_max) AS salary_max,
               coalesce(r.salary_currency, p.salary_currency) AS salary_currency,
               coalesce(r.salary_period, p.salary_period) AS salary_period,
               r.skill_ids, r.skill_codes
        FROM postings p JOIN requirements r ON r.posting_id = p.id AND r.is_current
        """
    )
