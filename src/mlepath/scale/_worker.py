"""What runs inside each Spark Python worker: Arrow batches of postings -> Arrow batches of rows.

Pure Python and pyarrow, no pyspark: the function is shipped to the executors by ``mapInArrow``
and calls the very same ``extract_posting`` (hence ``extract_requirements``) as the local CLI.
The taxonomy and its Aho-Corasick automaton are built once per worker process and kept in a
module-level cache (Spark reuses Python workers across tasks), never once per row or batch.
A posting whose extraction raises becomes a row with its id and the error message; the job
goes on.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Mapping
from typing import Any

import pyarrow as pa

from mlepath.extract._model import Requirements
from mlepath.sources._posting import Posting, content_hash, stable_id

from ._columns import converter
from ._records import PostingMeta, record_row, rows_to_batch

# (posting, taxonomy) -> Requirements; the default is ``mlepath.extract.extract_posting``.
Extractor = Callable[[Posting, Any], Requirements]

_MAX_ERROR_CHARS = 2000

# pid -> taxonomy. Keyed by pid so a forked child never reuses a parent's half-built state.
_TAXONOMY: dict[int, Any] = {}
TAXONOMY_BUILDS: list[int] = []  # pids that built the taxonomy, for tests and diagnostics


def worker_taxonomy() -> Any:
    """The packaged taxonomy for this process, built on its first use here."""
    pid = os.getpid()
    if pid not in _TAXONOMY:
        from mlepath.extract import load_taxonomy

        _TAXONOMY[pid] = load_taxonomy()
        TAXONOMY_BUILDS.append(pid)
    return _TAXONOMY[pid]


def default_extractor(posting: Posting, taxonomy: Any) -> Requirements:
    """``mlepath.extract.extract_posting``: the function ``mlepath extract --out`` calls."""
    from mlepath.extract import extract_posting

    return extract_posting(posting, taxonomy)


def extract_batches(batches: Iterator[pa.RecordBatch], *, columns: Mapping[str, str],
                    default_source: str, extractor: Extractor | None = None,
                    ) -> Iterator[pa.RecordBatch]:
    """The ``mapInArrow`` function: input rows in (``columns``: posting field -> column, as
    resolved by ingest), one output row per input row out (``_records.OUTPUT_SCHEMA``)."""
    extract = extractor or default_extractor
    taxonomy = worker_taxonomy()
    convert = converter(columns, default_source)
    for batch in batches:
        yield rows_to_batch([_extract_one(row, convert, extract, taxonomy, columns,
                                          default_source)
                             for row in batch.to_pylist()])


def _extract_one(row: dict[str, Any], convert: Callable[[Mapping[str, Any]], Posting],
                 extract: Extractor, taxonomy: Any, columns: Mapping[str, str],
                 default_source: str) -> dict[str, Any]:
    try:
        # Exactly ingest's row -> Posting conversion (HTML to text, dates, ids), then extraction.
        posting = convert(row)
        meta = PostingMeta(
            id=posting.id, title=posting.title or None, company=posting.company or None,
            location=posting.location or None, remote=posting.remote,
            posted_at=posting.posted_at, source=posting.source, url=posting.url,
            content_hash=content_hash(posting.description_text))
        req = extract(posting, taxonomy)
    except Exception as exc:  # one bad posting must never fail the job: record it instead
        message = f"{type(exc).__name__}: {exc}"[:_MAX_ERROR_CHARS]
        return record_row(_fallback_meta(row, columns, default_source), None, message)
    return record_row(meta, req, None)


def _fallback_meta(row: Mapping[str, Any], columns: Mapping[str, str],
                   default_source: str) -> PostingMeta:
    """Posting columns for a row that failed before or during extraction (best effort)."""

    def get(fld: str) -> str | None:
        value = row.get(columns[fld]) if fld in columns else None
        text = None if value is None else str(value).strip()
        return text or None

    source = get("source") or default_source
    text = get("description") or ""
    return PostingMeta(
        id=get("id") or stable_id(source, None, get("url"), text), title=get("title"),
        company=get("company"), location=get("location"), posted_at=get("posted_at"),
        source=source, url=get("url"), content_hash=content_hash(text) if text else None)
