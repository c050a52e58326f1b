"""Greenhouse job-board API: ``boards-api.greenhouse.io/v1/boards/<token>/jobs[?content=true]``.

``{"jobs": [...], "meta": {...}}``. With ``content=true`` each job's ``content`` is
entity-escaped HTML (``&lt;p&gt;...``); it is unescaped once, then turned into text. Without
``content=true`` a job has no description: it is skipped and reported (fetch with content).
"""

from __future__ import annotations

import html
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

from mlepath.errors import SourceError

from ._html import html_to_text
from ._posting import Posting
from ._records import (
    OnError,
    SkipRecord,
    check_size,
    clean,
    convert_all,
    load_json,
    make_posting,
    to_date,
    without,
)

SOURCE = "greenhouse"


def read(path: str | Path, *, on_error: OnError | None = None, encoding: str = "utf-8",
         mapping: Mapping[str, str] | None = None) -> Iterator[Posting]:
    """Postings from a saved Greenhouse board response (``mapping`` is ignored)."""
    path = Path(path)
    return parse(load_json(path, encoding), str(path), on_error)


def looks_like(doc: Any) -> bool:
    jobs = doc.get("jobs") if isinstance(doc, dict) else None
    return isinstance(jobs, list) and (not jobs or (
        isinstance(jobs[0], dict) and "absolute_url" in jobs[0]))


def parse(doc: Any, origin: str, on_error: OnError | None = None) -> Iterator[Posting]:
    """Postings from a decoded board response; ``origin`` names it in bad-record reports."""
    if not isinstance(doc, dict) or not isinstance(doc.get("jobs"), list):
        raise SourceError(f"{origin}: not a Greenhouse board response (no \"jobs\" list)")
    return convert_all(enumerate(doc["jobs"], 1), from_job, origin, on_error)


def from_job(job: Mapping[str, Any]) -> Posting:
    content = clean(job.get("content"))
    if content is None:
        raise SkipRecord("no description (a Greenhouse list without content=true; "
                         "fetch the board with content=true)")
    check_size(content)
    body = html.unescape(content)  # the API escapes the HTML once more
    location = job.get("location") or {}
    loc = clean(location.get("name")) if isinstance(location, dict) else clean(location)
    url = clean(job.get("absolute_url"))
    company = clean(job.get("company_name")) or _board_from_url(url)
    structured: dict[str, Any] = {}
    departments = [d.get("name", "").strip() for d in job.get("departments") or []
                   if isinstance(d, dict)]
    if departments:
        structured["departments"] = departments
    return make_posting(
        SOURCE, html_to_text(body), native_id=clean(job.get("id")), url=url,
        title=clean(job.get("title")) or "", company=company, location=loc or "",
        remote=True if loc and "remote" in loc.lower() else None,
        posted_at=to_date(job.get("first_published") or job.get("updated_at")),
        description_html=body, structured=structured, raw=without(job, "content"),
    )


def _board_from_url(url: str | None) -> str:
    # https://job-boards.greenhouse.io/<board>/jobs/<id>
    if not url:
        return ""
    parts = [p for p in urlparse(url).path.split("/") if p]
    return parts[0] if parts and "greenhouse" in url else ""
