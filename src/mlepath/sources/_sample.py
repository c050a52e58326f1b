"""The sample of real postings shipped inside the package (provenance in its SOURCES.md)."""

from __future__ import annotations

from pathlib import Path

_SAMPLE = Path(__file__).resolve().parent.parent / "data" / "sample" / "postings.jsonl.gz"


def sample_path() -> Path:
    """``mlepath/data/sample/postings.jsonl.gz``: at most 300 real postings, ids kept verbatim."""
    return _SAMPLE
