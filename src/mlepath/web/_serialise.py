"""JSON documents for records that have no ``to_dict`` of their own (a stored posting)."""

from __future__ import annotations

from typing import Any

from mlepath.extract import Requirements
from mlepath.sources import Posting

# ``raw`` (the source record as read) and ``description_html`` (untrusted markup) stay out of
# API answers: the text is what every stage reads.
_POSTING_FIELDS = ("id", "source", "title", "company", "location", "url", "remote", "posted_at",
                   "salary_min", "salary_max", "salary_currency", "salary_period",
                   "description_text")


def posting_dict(posting: Posting, requirements: Requirements | None) -> dict[str, Any]:
    """``{"posting": {...}, "requirements": {...} | null}`` (requirements = extract's JSON)."""
    return {
        "posting": {name: getattr(posting, name) for name in _POSTING_FIELDS},
        "requirements": requirements.to_dict(posting.id) if requirements else None,
    }
