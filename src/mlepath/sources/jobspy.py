"""JobSpy output: the ``scrape_jobs()`` DataFrame written to CSV or JSON by ``python-jobspy``.

Three schema generations are handled by column name: the old 15-column one (no ``id``), the
2024 one with Indeed company fields, and the current 34-field one (``id``, ``job_level``,
``skills``, ``experience_range``, ...). JSON written by pandas may hold bare ``NaN`` tokens.
Descriptions are Markdown-ish text; rows with an empty description (JobSpy leaves LinkedIn
descriptions empty unless asked) are skipped and reported.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from mlepath.errors import SourceError

from ._html import normalise_text
from ._posting import Posting
from ._records import (
    OnError,
    check_size,
    clean,
    convert_all,
    csv_rows,
    json_lines,
    load_json,
    make_posting,
    to_bool,
    to_date,
    to_float,
    to_period,
    without,
)

SOURCE = "jobspy"
# Columns that identify a JobSpy table (present in every schema generation).
SIGNATURE = frozenset({"site", "job_url", "title", "company", "description"})
# Fields kept beside the text for extraction (current schema only).
_STRUCTURED = ("job_level", "job_function", "job_type", "skills", "experience_range",
               "work_from_home_type")


def read(path: str | Path, *, on_error: OnError | None = None, encoding: str = "utf-8",
         mapping: Mapping[str, str] | None = None) -> Iterator[Posting]:
    """Postings from a JobSpy ``.csv`` or ``.json`` file (``mapping`` is ignored)."""
    path = Path(path)
    name = str(path)
    if path.name.endswith((".jsonl", ".jsonl.gz", ".ndjson")):
        return convert_all(json_lines(path, encoding, on_error), from_record, name, on_error,
                           unit="line")
    if path.name.endswith((".json", ".json.gz")):
        doc = load_json(path, encoding)
        if not isinstance(doc, list):
            raise SourceError(f"{path}: expected a JSON list of JobSpy records, "
                              f"found {type(doc).__name__}")
        return convert_all(enumerate(doc, 1), from_record, name, on_error)
    header, rows = csv_rows(path, encoding, on_error)
    missing = SIGNATURE - set(header)
    if missing:
        raise SourceError(f"{path}: not a JobSpy CSV (missing columns: "
                          f"{', '.join(sorted(missing))}); choose another --format")
    return convert_all(rows, from_record, name, on_error, unit="line")


def from_record(rec: Mapping[str, Any]) -> Posting:
    if not isinstance(rec, Mapping):
        raise TypeError(f"expected an object, found {type(rec).__name__}")
    description = clean(rec.get("description")) or ""
    check_size(description)
    site = clean(rec.get("site"))
    native = clean(rec.get("id"))
    structured = {k: clean(rec.get(k)) for k in _STRUCTURED if clean(rec.get(k))}
    return make_posting(
        SOURCE, normalise_text(description),
        native_id=native, url=clean(rec.get("job_url")),
        title=clean(rec.get("title")) or "", company=clean(rec.get("company")) or "",
        location=clean(rec.get("location")) or "", remote=to_bool(rec.get("is_remote")),
        posted_at=to_date(rec.get("date_posted")),
        salary_min=to_float(rec.get("min_amount")), salary_max=to_float(rec.get("max_amount")),
        salary_currency=clean(rec.get("currency")),
        salary_period=to_period(rec.get("interval")),
        structured={"site": site, **structured} if site else structured,
        raw=without(rec, "description"),
    )
