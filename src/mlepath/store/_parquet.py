"""A Store whose relations read the Parquet that ``mlepath extract --engine spark`` writes.

    store = open_parquet_store("requirements.parquet")   # a Spark output dir, a file or a glob
    compute_report(store, Filters())                      # every market query, unchanged

DuckDB scans the Parquet in place (nothing is copied). The store is an in-memory database
whose ``market`` view and ``requirement_skills``, ``requirements`` and ``postings`` relations
have the same names and columns as the tables in ``_schema.py``, so every query written for
the DuckDB store runs on Spark output as is. Like the store, ``market`` keeps one row per
distinct description text (``content_hash``; the smallest id wins) and skips postings whose
extraction failed (``error`` set). Descriptions are not in the Parquet: ``postings``
has ``description_text`` null.
"""

from __future__ import annotations

import glob
from pathlib import Path
from typing import TYPE_CHECKING

import duckdb

from mlepath.errors import StoreError

if TYPE_CHECKING:
    from . import Store

# Columns Spark's output must have (scale/_records.py); checked on open for a clear error.
REQUIRED_COLUMNS: tuple[str, ...] = (
    "id", "education", "experience_min_years", "role", "seniority", "skills", "salary",
    "evidence", "extractor_version", "title", "company", "location", "remote", "posted_at",
    "source", "url", "content_hash", "error",
)

# The store's market view carries each posting's skill ids (a later migration) for fast filters.
_SKILL_IDS = ",\n           coalesce(list_transform(r.skills, lambda s: s.id), []) AS skill_ids"
# ... and their codes in ``skill_catalog`` (here a view numbering the skill ids in order, as a
# store filled in one save does). Mapping ids to codes costs more on every read than grouping
# the ids, so the reports count skills by ``skill_ids`` here (``skill_catalog`` is a view).
_SKILL_CODES = (",\n           coalesce((SELECT list(c.code ORDER BY c.code) FROM skill_catalog c"
                "\n                     WHERE list_contains(list_transform(r.skills,"
                " lambda s: s.id), c.skill_id)), []) AS skill_codes")

_REPLACED_TABLES: tuple[str, ...] = ("requirement_skills", "requirements", "postings",
                                     "skill_catalog")

_VIEWS = """
CREATE VIEW spark_requirements AS SELECT * FROM read_parquet({source});
CREATE VIEW requirements AS
    SELECT id AS posting_id, extractor_version,
           education.min_required AS min_required,
           education.preferred_levels AS preferred_levels,
           education.equivalent_experience_ok AS equivalent_experience_ok,
           education.fields AS fields, experience_min_years,
           role.family AS role_family, role.ml_focus AS ml_focus, seniority,
           salary.min AS salary_min, salary.max AS salary_max,
           salary.currency AS salary_currency, salary.period AS salary_period,
           salary.source AS salary_source,
           json_object('id', id, 'education', education,
                       'experience_min_years', experience_min_years, 'role', role,
                       'seniority', seniority, 'skills', skills, 'salary', salary,
                       'evidence', json(evidence),
                       'extractor_version', extractor_version) AS record,
           CAST(NULL AS TIMESTAMP) AS extracted_at
    FROM spark_requirements WHERE error IS NULL;
CREATE VIEW requirement_skills AS
    SELECT id AS posting_id, extractor_version, s.id AS skill_id, s.name AS name,
           s.category AS category, s.required AS required
    FROM (SELECT id, extractor_version, unnest(skills) AS s
          FROM spark_requirements WHERE error IS NULL);
CREATE VIEW skill_catalog AS
    SELECT CAST(row_number() OVER (ORDER BY skill_id) AS INTEGER) AS code, skill_id,
           any_value(name) AS name, any_value(category) AS category
    FROM requirement_skills GROUP BY skill_id;
CREATE VIEW postings AS
    SELECT id, source, CAST(NULL AS VARCHAR) AS native_id, url, title, company, location,
           remote, posted_at, CAST(NULL AS DOUBLE) AS salary_min,
           CAST(NULL AS DOUBLE) AS salary_max, CAST(NULL AS VARCHAR) AS salary_currency,
           CAST(NULL AS VARCHAR) AS salary_period, CAST(NULL AS VARCHAR) AS description_text,
           content_hash
    FROM spark_requirements
    QUALIFY row_number() OVER (PARTITION BY coalesce(content_hash, id) ORDER BY id) = 1;
CREATE VIEW market AS
    SELECT r.id AS posting_id, r.source, r.title, r.company, r.location, r.remote,
           r.posted_at, r.extractor_version,
           r.education.min_required AS min_required,
           r.education.preferred_levels AS preferred_levels,
           r.education.equivalent_experience_ok AS equivalent_experience_ok,
           r.education.fields AS fields, r.experience_min_years,
           r.role.family AS role_family, r.role.ml_focus AS ml_focus, r.seniority,
           r.salary.min AS salary_min, r.salary.max AS salary_max,
           r.salary.currency AS salary_currency, r.salary.period AS salary_period{extra}
    FROM spark_requirements r
    WHERE r.error IS NULL
    QUALIFY row_number() OVER (
        PARTITION BY coalesce(r.content_hash, r.id) ORDER BY r.id) = 1;
"""


def parquet_source(path: str | Path) -> str:
    """The ``read_parquet`` argument for a Spark output directory, one file or a glob."""
    raw = str(path)
    if raw.startswith("s3a://"):  # Spark's scheme; DuckDB's httpfs speaks s3://
        raw = "s3://" + raw[len("s3a://"):]
    if "://" in raw or any(ch in raw for ch in "*?["):
        return raw
    p = Path(raw)
    if p.is_dir():
        return str(p / "**" / "*.parquet")
    if p.is_file():
        return raw
    raise StoreError(f"no Parquet at {raw}; write it with: "
                     f"mlepath extract --engine spark INPUTS --out {raw}")


def open_parquet_store(path: str | Path) -> Store:
    """A read-only ``Store`` over Spark's Parquet output (see the module docstring).

    Raises ``StoreError`` when the path holds no Parquet or not the columns Spark writes.
    """
    from . import Store  # the composed class; imported here to avoid a cycle

    source = parquet_source(path)
    if "://" not in source and not glob.glob(source, recursive=True):
        raise StoreError(f"no .parquet files under {path}; write them with: "
                         f"mlepath extract --engine spark INPUTS --out {path}")
    con = duckdb.connect(":memory:")
    try:
        literal = "'" + source.replace("'", "''") + "'"
        found = {r[0] for r in con.execute(
            f"DESCRIBE SELECT * FROM read_parquet({literal})").fetchall()}
        missing = [c for c in REQUIRED_COLUMNS if c not in found]
        if missing:
            raise StoreError(f"{path} is not mlepath Spark output (missing columns: "
                             f"{', '.join(missing)}); write it with: "
                             f"mlepath extract --engine spark INPUTS --out {path}")
        # Migrate first, so every other table a mixin may query exists (empty); then swap the
        # four relations the reports read for views over the Parquet.
        store = Store(None, connection=con)
        # Mirror the store's market columns exactly, including ones added by later migrations.
        market_columns = {r[0] for r in con.execute("DESCRIBE market").fetchall()}
        extra = ((_SKILL_IDS if "skill_ids" in market_columns else "")
                 + (_SKILL_CODES if "skill_codes" in market_columns else ""))
        con.execute("DROP VIEW market")
        for table in _REPLACED_TABLES:
            con.execute(f"DROP TABLE IF EXISTS {table}")
        for statement in _VIEWS.format(source=literal, extra=extra).split(";"):
            if statement.strip():
                con.execute(statement)
    except duckdb.Error as exc:
        con.close()
        raise StoreError(f"cannot read the Parquet at {path}: {exc}") from exc
    except StoreError:
        con.close()
        raise
    store.read_only = True
    return store
