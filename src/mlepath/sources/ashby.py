"""Ashby job-board API: ``api.ashbyhq.com/posting-api/job-board/<name>?includeCompensation=true``.

``{"apiVersion": ..., "jobs": [...]}`` with ``descriptionHtml``/``descriptionPlain``. The salary
comes from ``compensation``: the ``Salary`` components of ``summaryComponents`` (else of every
tier), lowest minimum to highest maximum.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

from mlepath.errors import SourceError

from ._html import html_to_text, normalise_text
from ._posting import Posting
from ._records import (
    OnError,
    check_size,
    clean,
    convert_all,
    load_json,
    make_posting,
    to_bool,
    to_date,
    to_float,
    to_period,
    without,
)

SOURCE = "ashby"


def read(path: str | Path, *, on_error: OnError | None = None, encoding: str = "utf-8",
         mapping: Mapping[str, str] | None = None) -> Iterator[Posting]:
    """Postings from a saved Ashby job-board response (``mapping`` is ignored)."""
    path = Path(path)
    return parse(load_json(path, encoding), str(path), on_error)


def looks_like(doc: Any) -> bool:
    jobs = doc.get("jobs") if isinstance(doc, dict) else None
    return isinstance(jobs, list) and ("apiVersion" in doc or (
        bool(jobs) and isinstance(jobs[0], dict) and "jobUrl" in jobs[0]))


def parse(doc: Any, origin: str, on_error: OnError | None = None) -> Iterator[Posting]:
    if not isinstance(doc, dict) or not isinstance(doc.get("jobs"), list):
        raise SourceError(f"{origin}: not an Ashby job-board response (no \"jobs\" list)")
    return convert_all(enumerate(doc["jobs"], 1), from_job, origin, on_error)


def salary(compensation: Any) -> tuple[float | None, float | None, str | None, str | None]:
    """``(min, max, currency, period)`` from an Ashby ``compensation`` object."""
    if not isinstance(compensation, dict):
        return None, None, None, None
    components = [c for c in compensation.get("summaryComponents") or []
                  if isinstance(c, dict) and c.get("compensationType") == "Salary"]
    if not components:
        components = [c for tier in compensation.get("compensationTiers") or []
                      if isinstance(tier, dict) for c in tier.get("components") or []
                      if isinstance(c, dict) and c.get("compensationType") == "Salary"]
    lows = [v for c in components if (v := to_float(c.get("minValue"))) is not None]
    highs = [v for c in components if (v := to_float(c.get("maxValue"))) is not None]
    if not lows and not highs:
        return None, None, None, None
    currency = next((clean(c.get("currencyCode")) for c in components
                     if clean(c.get("currencyCode"))), None)
    period = next((to_period(c.get("interval")) for c in components
                   if to_period(c.get("interval"))), None)
    return (min(lows) if lows else None, max(highs) if highs else None, currency, period)


def from_job(job: Mapping[str, Any]) -> Posting:
    body = clean(job.get("descriptionHtml"))
    check_size(body or clean(job.get("descriptionPlain")))
    text = html_to_text(body) if body else normalise_text(clean(job.get("descriptionPlain")) or "")
    lo, hi, currency, period = salary(job.get("compensation"))
    url = clean(job.get("jobUrl"))
    structured = {k: job[k] for k in ("department", "team", "employmentType")
                  if clean(job.get(k))}
    return make_posting(
        SOURCE, text, native_id=clean(job.get("id")), url=url,
        title=clean(job.get("title")) or "", company=_org_from_url(url),
        location=clean(job.get("location")) or "", remote=to_bool(job.get("isRemote")),
        posted_at=to_date(job.get("publishedAt")), salary_min=lo, salary_max=hi,
        salary_currency=currency, salary_period=period, description_html=body,
        structured=structured, raw=without(job, "descriptionHtml", "descriptionPlain"),
    )


def _org_from_url(url: str | None) -> str:
    # https://jobs.ashbyhq.com/<org>/<id>
    if not url:
        return ""
    parts = [x for x in urlparse(url).path.split("/") if x]
    return parts[0] if parts else ""
