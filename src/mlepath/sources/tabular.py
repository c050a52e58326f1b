"""Generic tables: CSV/TSV, JSON Lines (or a JSON list of flat records) and Parquet.

Columns are matched to ``Posting`` fields by common names (``description``,
``job_description``, ``title``, ``company``, ``date``, ...) or by an explicit mapping
(``--map description=job_description --map title=job_title``). A column named ``id`` becomes
``Posting.id`` verbatim (so ids given by the file survive ingest and extraction); a ``source``
column names the source. Without an ``id`` the id is a hash of the URL or the text.
"""

from __future__ import annotations

import itertools
import json
import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

from mlepath.errors import SourceError

from ._html import html_to_text, normalise_text
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
    open_text,
    to_bool,
    to_date,
    to_float,
    to_period,
    without,
)

# Posting field → column names tried in order (compared case-insensitively, spaces = "_").
FIELD_COLUMNS: dict[str, tuple[str, ...]] = {
    "id": ("id",),
    "source": ("source",),
    "description": ("description", "description_text", "job_description", "jobdescription",
                    "body", "text", "content", "descriptionplain"),
    "title": ("title", "job_title", "position", "role"),
    "company": ("company", "company_name", "employer", "organization", "organisation"),
    "location": ("location", "place", "job_location", "city"),
    "url": ("url", "link", "job_url", "job_link", "apply_url"),
    "posted_at": ("posted_at", "date_posted", "date", "posted", "published_at", "created_at"),
    "remote": ("remote", "is_remote"),
    "salary_min": ("salary_min", "min_salary", "min_amount"),
    "salary_max": ("salary_max", "max_salary", "max_amount"),
    "salary_currency": ("salary_currency", "currency"),
    "salary_period": ("salary_period", "interval", "pay_period"),
    "description_html": ("description_html",),
}
_ALIASES = {"description_text": "description", "date": "posted_at", "date_posted": "posted_at",
            "link": "url"}
_KEY_SAMPLE = 1000
_LOOKS_HTML = re.compile(r"<(?:p|div|br|li|ul|ol|h[1-6]|span|strong|b)[\s/>]", re.IGNORECASE)

Converter = Callable[[Mapping[str, Any]], Posting]


def _key(name: str) -> str:
    return name.strip().lower().replace(" ", "_").replace("-", "_")


def resolve_columns(columns: Sequence[str], mapping: Mapping[str, str] | None,
                    origin: str) -> dict[str, str]:
    """Posting field → column name, from the mapping first, then the usual names."""
    by_key = {_key(c): c for c in columns}
    resolved: dict[str, str] = {}
    for field, column in (mapping or {}).items():
        target = _ALIASES.get(field, field)
        if target not in FIELD_COLUMNS:
            raise SourceError(f"unknown field {field!r} in --map; choose one of: "
                              f"{', '.join(sorted(FIELD_COLUMNS))}")
        if column not in columns and _key(column) not in by_key:
            raise SourceError(f"{origin}: no column {column!r} (from --map {field}={column}); "
                              f"columns: {', '.join(columns)}")
        resolved[target] = column if column in columns else by_key[_key(column)]
    for field, names in FIELD_COLUMNS.items():
        if field in resolved:
            continue
        for name in names:
            if name in by_key:
                resolved[field] = by_key[name]
                break
    if "description" not in resolved:
        raise SourceError(f"{origin}: no description column (columns: {', '.join(columns)}); "
                          "name it with --map description=COLUMN")
    return resolved


def converter(columns: dict[str, str], default_source: str) -> Converter:
    """A function from one record (dict) to a ``Posting``, for the resolved columns."""

    def get(rec: Mapping[str, Any], field: str) -> Any:
        column = columns.get(field)
        return rec.get(column) if column is not None else None

    description_col = columns["description"]

    def convert(rec: Mapping[str, Any]) -> Posting:
        if not isinstance(rec, Mapping):
            raise TypeError(f"expected an object, found {type(rec).__name__}")
        description = clean(get(rec, "description")) or ""
        check_size(description)
        html = clean(get(rec, "description_html"))
        if html is None and _LOOKS_HTML.search(description):
            html = description
        text = html_to_text(html) if html and html is description else normalise_text(description)
        source = clean(get(rec, "source")) or default_source
        return make_posting(
            source, text, posting_id=clean(get(rec, "id")), url=clean(get(rec, "url")),
            title=clean(get(rec, "title")) or "", company=clean(get(rec, "company")) or "",
            location=clean(get(rec, "location")) or "", remote=to_bool(get(rec, "remote")),
            posted_at=to_date(get(rec, "posted_at")),
            salary_min=to_float(get(rec, "salary_min")),
            salary_max=to_float(get(rec, "salary_max")),
            salary_currency=clean(get(rec, "salary_currency")),
            salary_period=to_period(get(rec, "salary_period")),
            description_html=html, raw=without(rec, description_col),
        )

    return convert


def read_csv(path: str | Path, *, on_error: OnError | None = None, encoding: str = "utf-8",
             mapping: Mapping[str, str] | None = None) -> Iterator[Posting]:
    """Postings from any CSV/TSV with a description column (see ``FIELD_COLUMNS``)."""
    path = Path(path)
    header, rows = csv_rows(path, encoding, on_error)
    convert = converter(resolve_columns(header, mapping, str(path)), "csv")
    return convert_all(rows, convert, str(path), on_error, unit="line")


def read_jsonl(path: str | Path, *, on_error: OnError | None = None, encoding: str = "utf-8",
               mapping: Mapping[str, str] | None = None) -> Iterator[Posting]:
    """Postings from JSON Lines (one object per line, streamed) or a JSON list of flat objects.

    Columns are resolved from the keys of the first ``_KEY_SAMPLE`` records.
    """
    path = Path(path)
    origin = str(path)
    whole = path.name.endswith((".json", ".json.gz"))  # one document, not JSON Lines
    doc: Any = None
    if whole or _first_char(path, encoding) == "[":
        try:
            doc = load_json(path, encoding)
        except SourceError as exc:
            cause = exc.__cause__
            if not (isinstance(cause, json.JSONDecodeError) and cause.msg == "Extra data"):
                raise
            whole = False  # a .json file holding JSON Lines: read it line by line
    if doc is not None:
        records: Iterator[tuple[int, Any]] = iter(enumerate(_record_list(doc), 1))
        unit = "record"
    else:
        records = json_lines(path, encoding, on_error)
        unit = "line"
    head = list(itertools.islice(records, _KEY_SAMPLE))
    if not head:
        raise SourceError(f"{path}: no JSON records found")
    keys: dict[str, None] = {}
    for _, rec in head:
        if isinstance(rec, dict):
            keys.update(dict.fromkeys(rec))
    convert = converter(resolve_columns(list(keys), mapping, origin), "jsonl")
    return convert_all(itertools.chain(head, records), convert, origin, on_error, unit=unit)


def _record_list(doc: Any) -> list[Any]:
    """The records of a JSON document: a list, or the one list of objects inside an object
    (``{"jobs": [...]}``, ``{"data": [...]}``), or the object itself."""
    if isinstance(doc, list):
        return doc
    if isinstance(doc, dict):
        lists = [v for v in doc.values() if isinstance(v, list) and v
                 and all(isinstance(x, dict) for x in v)]
        if len(lists) == 1:
            return lists[0]
    return [doc]


def _first_char(path: Path, encoding: str) -> str:
    with open_text(path, encoding) as stream:
        while True:
            chunk = stream.read(4096)
            if not chunk:
                return ""
            stripped = chunk.lstrip()
            if stripped:
                return stripped[0]


def read_parquet(path: str | Path, *, on_error: OnError | None = None, encoding: str = "utf-8",
                 mapping: Mapping[str, str] | None = None) -> Iterator[Posting]:
    """Postings from a Parquet file (``encoding`` is ignored: Parquet strings are UTF-8)."""
    import pyarrow.parquet as pq  # only Parquet input needs it loaded

    path = Path(path)
    try:
        parquet = pq.ParquetFile(path)
    except Exception as exc:  # pyarrow raises ArrowInvalid / OSError for broken files
        raise SourceError(f"{path}: not a readable Parquet file ({exc})") from exc
    convert = converter(resolve_columns(parquet.schema_arrow.names, mapping, str(path)),
                        "parquet")

    def rows() -> Iterator[tuple[int, dict[str, Any]]]:
        number = 0
        for batch in parquet.iter_batches(batch_size=2000):
            for rec in batch.to_pylist():
                number += 1
                yield number, rec

    return convert_all(rows(), convert, str(path), on_error, unit="row")
