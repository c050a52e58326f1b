"""The Parquet output: one row per posting, nested like the ``mlepath extract --out`` JSON.

Contract columns (same names and values as ``Requirements.to_dict(posting_id)``):
``id``, ``education{min_required, preferred_levels, equivalent_experience_ok, fields}``,
``experience_min_years``, ``role{family, ml_focus}``, ``seniority``,
``skills[{id, name, category, required}]``, ``salary{min, max, currency, period, source}``,
``evidence`` (the JSON object as a string: its keys vary by posting, which a Parquet struct
cannot hold), ``extractor_version``.
Posting columns the reports need: ``title, company, location, remote, posted_at, source, url,
content_hash`` (sha1 of the normalised text, to drop exact duplicates like the store does).
``error``: null, or ``"ExcType: message"`` when extraction raised; the contract columns are
then null.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import pyarrow as pa

from mlepath.extract._model import Requirements

_STR = pa.string()
EDUCATION = pa.struct([
    ("min_required", _STR), ("preferred_levels", pa.list_(_STR)),
    ("equivalent_experience_ok", pa.bool_()), ("fields", pa.list_(_STR)),
])
ROLE = pa.struct([("family", _STR), ("ml_focus", _STR)])
SKILL = pa.struct([("id", _STR), ("name", _STR), ("category", _STR), ("required", pa.bool_())])
SALARY = pa.struct([("min", pa.float64()), ("max", pa.float64()), ("currency", _STR),
                    ("period", _STR), ("source", _STR)])

OUTPUT_SCHEMA = pa.schema([
    ("id", _STR), ("education", EDUCATION), ("experience_min_years", pa.float64()),
    ("role", ROLE), ("seniority", _STR), ("skills", pa.list_(SKILL)), ("salary", SALARY),
    ("evidence", _STR), ("extractor_version", _STR),
    ("title", _STR), ("company", _STR), ("location", _STR), ("remote", pa.bool_()),
    ("posted_at", pa.date32()), ("source", _STR), ("url", _STR), ("content_hash", _STR),
    ("error", _STR),
])

# The same schema in Spark's DDL, for ``mapInArrow``. A test checks the two agree.
SPARK_DDL = (
    "id string, "
    "education struct<min_required:string, preferred_levels:array<string>, "
    "equivalent_experience_ok:boolean, fields:array<string>>, "
    "experience_min_years double, "
    "role struct<family:string, ml_focus:string>, "
    "seniority string, "
    "skills array<struct<id:string, name:string, category:string, required:boolean>>, "
    "salary struct<min:double, max:double, currency:string, period:string, source:string>, "
    "evidence string, extractor_version string, "
    "title string, company string, location string, remote boolean, posted_at date, "
    "source string, url string, content_hash string, error string"
)

_ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")


@dataclass(frozen=True, slots=True)
class PostingMeta:
    """The posting columns carried next to the requirements (what reports filter on)."""

    id: str
    title: str | None = None
    company: str | None = None
    location: str | None = None
    remote: bool | None = None
    posted_at: str | None = None
    source: str | None = None
    url: str | None = None
    content_hash: str | None = None


def iso_date(value: str | None) -> dt.date | None:
    """The date at the start of ``value`` (``2024-06-02``, ``2024-06-02T10:00``), else None."""
    m = _ISO_DATE.match(value.strip()) if value else None
    if not m:
        return None
    try:
        return dt.date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        return None


def record_row(meta: PostingMeta, req: Requirements | None, error: str | None) -> dict[str, Any]:
    """One output row: the ``to_dict`` contract fields (null on error) plus posting columns."""
    row: dict[str, Any] = {
        "id": meta.id, "title": meta.title, "company": meta.company, "location": meta.location,
        "remote": meta.remote, "posted_at": iso_date(meta.posted_at), "source": meta.source,
        "url": meta.url, "content_hash": meta.content_hash, "error": error,
        "education": None, "experience_min_years": None, "role": None, "seniority": None,
        "skills": None, "salary": None, "evidence": None, "extractor_version": None,
    }
    if req is not None:
        d = req.to_dict(meta.id)
        years = d["experience_min_years"]
        row.update({
            "education": d["education"],
            "experience_min_years": None if years is None else float(years),
            "role": d["role"], "seniority": d["seniority"], "skills": d["skills"],
            "salary": d["salary"],
            "evidence": json.dumps(d["evidence"], ensure_ascii=False, sort_keys=True),
            "extractor_version": d["extractor_version"],
        })
    return row


def rows_to_batch(rows: Sequence[dict[str, Any]]) -> pa.RecordBatch:
    """Output rows as one Arrow batch in ``OUTPUT_SCHEMA``."""
    return pa.RecordBatch.from_pylist(list(rows), schema=OUTPUT_SCHEMA)


def row_to_contract(row: dict[str, Any]) -> dict[str, Any]:
    """An output row (as read back from Parquet) as the ``mlepath extract --out`` JSON object."""
    years = row["experience_min_years"]
    if years is not None and float(years).is_integer():
        years = int(years)
    return {
        "id": row["id"], "education": row["education"], "experience_min_years": years,
        "role": row["role"], "seniority": row["seniority"], "skills": row["skills"],
        "salary": row["salary"],
        "evidence": json.loads(row["evidence"]) if row["evidence"] is not None else None,
        "extractor_version": row["extractor_version"],
    }
