"""The one record type every reader yields and the store keeps."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Any


def normalise_for_hash(text: str) -> str:
    """Lower-case, whitespace-folded text: two postings with the same value are exact duplicates.

    The same string as ``re.sub(r"\\s+", " ", text).strip().lower()`` (``\\s`` and
    ``str.split`` agree on what whitespace is; a Hypothesis test checks it), without a regex
    substitution per space.
    """
    return " ".join(text.split()).lower()


def content_hash(text: str) -> str:
    """sha1 of the normalised description text (exact-duplicate key across sources)."""
    return hashlib.sha1(normalise_for_hash(text).encode("utf-8")).hexdigest()


def stable_id(source: str, native_id: str | None, url: str | None, text: str) -> str:
    """Stable posting id: ``source:native_id``, else ``source:sha1(url)``, else ``source:sha1(text)``.

    The same input always yields the same id, so re-ingesting a file upserts instead of duplicating.
    """
    if native_id:
        return f"{source}:{native_id}"
    basis = url or normalise_for_hash(text)
    return f"{source}:{hashlib.sha1(basis.encode('utf-8')).hexdigest()[:16]}"


@dataclass(frozen=True, slots=True)
class Posting:
    """One job posting, normalised. Readers yield these; the store keeps them.

    ``description_text`` keeps the structure later stages need: headings and bullets stay on their
    own lines (``Minimum qualifications:`` then ``- ...`` lines). ``structured`` holds fields a
    source gives separately from the text (schema.org ``educationRequirements``,
    ``experienceRequirements``, ``qualifications``, ``skills``, JobSpy ``job_level``, ...), which
    extraction may use next to the text. ``raw`` keeps the source record as read.
    """

    id: str
    source: str
    description_text: str
    title: str = ""
    company: str = ""
    location: str = ""
    url: str | None = None
    native_id: str | None = None
    remote: bool | None = None
    posted_at: str | None = None  # ISO date, YYYY-MM-DD
    salary_min: float | None = None
    salary_max: float | None = None
    salary_currency: str | None = None
    salary_period: str | None = None  # year | month | week | day | hour
    description_html: str | None = None
    structured: dict[str, Any] = field(default_factory=dict)
    raw: dict[str, Any] = field(default_factory=dict)

    @property
    def content_hash(self) -> str:
        return content_hash(self.description_text)
