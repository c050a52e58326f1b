"""Lever postings API: ``api.lever.co/v0/postings/<company>?mode=json`` (a JSON list).

The text is rebuilt from the HTML parts in page order: ``description`` (or ``opening`` +
``descriptionBody``), each of ``lists[]`` as a heading and its bullets (this is where
"Requirements" usually lives), then ``additional``; ``salaryRange`` gives the salary.
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
    to_date,
    to_float,
    to_period,
    without,
)

SOURCE = "lever"
_TEXT_FIELDS = ("description", "descriptionPlain", "descriptionBody", "descriptionBodyPlain",
                "opening", "openingPlain", "additional", "additionalPlain", "lists")


def read(path: str | Path, *, on_error: OnError | None = None, encoding: str = "utf-8",
         mapping: Mapping[str, str] | None = None) -> Iterator[Posting]:
    """Postings from a saved Lever postings response (``mapping`` is ignored)."""
    path = Path(path)
    return parse(load_json(path, encoding), str(path), on_error)


def looks_like(doc: Any) -> bool:
    return isinstance(doc, list) and bool(doc) and isinstance(doc[0], dict) and (
        "hostedUrl" in doc[0] or "descriptionPlain" in doc[0]) and "text" in doc[0]


def parse(doc: Any, origin: str, on_error: OnError | None = None) -> Iterator[Posting]:
    if isinstance(doc, dict) and isinstance(doc.get("data"), list):  # the paginated v0 shape
        doc = doc["data"]
    if not isinstance(doc, list):
        raise SourceError(f"{origin}: not a Lever postings response (expected a JSON list)")
    return convert_all(enumerate(doc, 1), from_posting, origin, on_error)


def _assemble_html(p: Mapping[str, Any]) -> str:
    parts: list[str] = []
    description = clean(p.get("description"))
    if description:
        parts.append(description)
    else:
        parts.extend(x for x in (clean(p.get("opening")), clean(p.get("descriptionBody"))) if x)
    for item in p.get("lists") or []:
        if isinstance(item, dict):
            heading = clean(item.get("text")) or ""
            parts.append(f"<h3>{heading}</h3><ul>{item.get('content') or ''}</ul>")
    additional = clean(p.get("additional"))
    if additional:
        parts.append(additional)
    return "\n".join(parts)


def from_posting(p: Mapping[str, Any]) -> Posting:
    body = _assemble_html(p)
    check_size(body)
    text = html_to_text(body) if body else normalise_text(
        "\n".join(x for x in (clean(p.get("descriptionPlain")),
                              clean(p.get("additionalPlain"))) if x))
    categories = p.get("categories") or {}
    url = clean(p.get("hostedUrl"))
    salary = p.get("salaryRange") or {}
    workplace = (clean(p.get("workplaceType")) or "").lower()
    structured = {k: categories[k] for k in ("commitment", "team", "department")
                  if isinstance(categories, dict) and clean(categories.get(k))}
    return make_posting(
        SOURCE, text, native_id=clean(p.get("id")), url=url,
        title=clean(p.get("text")) or "", company=_company_from_url(url),
        location=clean(categories.get("location")) or "" if isinstance(categories, dict) else "",
        remote={"remote": True, "onsite": False, "on-site": False, "hybrid": False}.get(workplace),
        posted_at=to_date(p.get("createdAt")),
        salary_min=to_float(salary.get("min")), salary_max=to_float(salary.get("max")),
        salary_currency=clean(salary.get("currency")),
        salary_period=to_period(salary.get("interval")),
        description_html=body or None, structured=structured,
        raw=without(p, *_TEXT_FIELDS),
    )


def _company_from_url(url: str | None) -> str:
    # https://jobs.lever.co/<company>/<id>
    if not url:
        return ""
    parts = [x for x in urlparse(url).path.split("/") if x]
    return parts[0] if parts else ""
