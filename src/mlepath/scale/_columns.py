"""Which input column holds which posting field, and which format an input path is.

The column ``mapping`` is the one ingest takes: posting field -> input column, e.g.
``{"description": "job_description", "title": "job_title"}``. Unmapped fields are found by
their usual names (case-insensitive), so most exports need no mapping at all. Both the
column rules and the row -> ``Posting`` conversion are ingest's own (``sources.tabular``):
Spark and the local path read a row the same way.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

from mlepath.errors import SourceError
from mlepath.sources import Posting, tabular

FORMATS: tuple[str, ...] = ("parquet", "jsonl", "csv")
_SUFFIX_FORMAT = {".parquet": "parquet", ".pq": "parquet", ".jsonl": "jsonl", ".ndjson": "jsonl",
                  ".json": "jsonl", ".csv": "csv"}
_COMPRESSED = (".gz", ".bz2", ".zst", ".snappy", ".lz4")


def resolve_columns(columns: Sequence[str], mapping: Mapping[str, str] | None = None,
                    origin: str = "input") -> dict[str, str]:
    """Posting field -> input column, by ingest's rules (``mlepath.sources.tabular``).

    Raises ``SourceError`` for a mapping to a missing column, an unknown field, or an input
    without a description column.
    """
    return tabular.resolve_columns(columns, mapping, origin)


def converter(columns: Mapping[str, str], default_source: str) -> Callable[[Mapping[str, Any]],
                                                                           Posting]:
    """Record (dict) -> ``Posting``, exactly as ingest converts a CSV/JSONL/Parquet row."""
    return tabular.converter(dict(columns), default_source)


def detect_format(inputs: Sequence[str], input_format: str | None = None) -> str:
    """``parquet``, ``jsonl`` or ``csv``, from ``input_format`` or the inputs' file names.

    A directory is judged by the files in it; a remote directory (``s3a://.../``) whose files
    cannot be listed here is taken as Parquet, the usual layout of a data lake.
    """
    if input_format is not None:
        fmt = {"json": "jsonl", "ndjson": "jsonl", "pq": "parquet"}.get(input_format.lower(),
                                                                        input_format.lower())
        if fmt not in FORMATS:
            raise SourceError(f"unknown input format {input_format!r}; choose one of: "
                              f"{', '.join(FORMATS)}")
        return fmt
    if not inputs:
        raise SourceError("no input paths given; pass files or directories of postings")
    found: set[str] = set()
    for raw in inputs:
        path = Path(raw)
        names = [path.name]
        if "://" not in raw and path.is_dir():
            names = [p.name for p in path.iterdir() if not p.name.startswith(("_", "."))]
        for name in names:
            detected = _format_of(name)
            if detected:
                found.add(detected)
    if len(found) > 1:
        raise SourceError(f"the inputs mix formats ({', '.join(sorted(found))}); "
                          "run one format at a time or pass input_format")
    if found:
        return found.pop()
    if all("://" in raw or raw.endswith("/") for raw in inputs):
        return "parquet"
    raise SourceError(f"cannot tell the format of {inputs[0]!r}; name it with --format "
                      f"({', '.join(FORMATS)})")


def _format_of(name: str) -> str | None:
    lower = name.lower()
    for ext in _COMPRESSED:
        if lower.endswith(ext) and not lower.endswith(".parquet" + ext):
            lower = lower[: -len(ext)]
            break
    return next((fmt for suf, fmt in _SUFFIX_FORMAT.items() if lower.endswith(suf)), None)
