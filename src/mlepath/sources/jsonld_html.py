"""Web pages carrying a schema.org ``JobPosting`` in JSON-LD or microdata (read with extruct).

One page may hold several postings (``@graph``, a list, or several scripts). Besides the text,
``educationRequirements``, ``experienceRequirements``, ``qualifications``, ``skills`` (and
``responsibilities``, ``employmentType``) go into ``Posting.structured``; ``baseSalary``
(``MonetaryAmount`` with a ``QuantitativeValue``) fills the salary fields; ``jobLocationType:
TELECOMMUTE`` means remote. See https://schema.org/JobPosting.
"""

from __future__ import annotations

import html as html_lib
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from mlepath.errors import SourceError

from ._html import html_to_text, normalise_text
from ._posting import Posting
from ._records import (
    BadRecord,
    OnError,
    check_size,
    clean,
    convert_all,
    make_posting,
    read_text,
    report,
    to_date,
    to_float,
    to_period,
)

SOURCE = "jsonld_html"
_STRUCTURED = ("educationRequirements", "experienceRequirements", "qualifications", "skills",
               "responsibilities", "employmentType", "experienceInPlaceOfEducation")


def read(path: str | Path, *, on_error: OnError | None = None, encoding: str = "utf-8",
         mapping: Mapping[str, str] | None = None) -> Iterator[Posting]:
    """Every schema.org ``JobPosting`` on one saved page (``mapping`` is ignored)."""
    path = Path(path)
    return parse(read_text(path, encoding), str(path), on_error)


def parse(page: str, origin: str, on_error: OnError | None = None) -> Iterator[Posting]:
    import extruct  # heavy (lxml, rdflib): loaded only when a page is read

    try:
        data = extruct.extract(page, syntaxes=["json-ld", "microdata"], uniform=True,
                               errors="ignore")
    except Exception as exc:  # extruct surfaces lxml/json errors of many types
        raise SourceError(f"{origin}: cannot parse the page ({type(exc).__name__}: {exc})") \
            from exc
    items = [item for top in data.get("json-ld", []) for item in _job_postings(top)]
    micro = [item for top in data.get("microdata", []) for item in _job_postings(top)]
    if micro:
        # extruct gives a microdata description as flat text; take its HTML from the page so
        # headings and list items keep their lines
        html_parts = _microdata_description_html(page)
        if len(html_parts) == len(micro):
            micro = [{**item, "description": part} if part else item
                     for item, part in zip(micro, html_parts, strict=True)]
        items.extend(micro)
    if not items:
        report(on_error, BadRecord(origin, None, "no schema.org JobPosting found on the page"))
    return convert_all(enumerate(items, 1), from_item, origin, on_error)


def looks_like(page: str) -> bool:
    return "JobPosting" in page


def _microdata_description_html(page: str) -> list[str | None]:
    from selectolax.lexbor import LexborHTMLParser

    out: list[str | None] = []
    for scope in LexborHTMLParser(page).css('[itemscope][itemtype*="JobPosting"]'):
        node = scope.css_first('[itemprop="description"]')
        out.append(node.html if node is not None else None)
    return out


def _job_postings(node: Any) -> Iterator[dict[str, Any]]:
    """JobPosting objects at the top level, in ``@graph`` or in a list."""
    if isinstance(node, list):
        for item in node:
            yield from _job_postings(item)
    elif isinstance(node, dict):
        kind = node.get("@type")
        kinds = kind if isinstance(kind, list) else [kind]
        if any(isinstance(k, str) and k.rsplit("/", 1)[-1] == "JobPosting" for k in kinds):
            yield node
        elif "@graph" in node:
            yield from _job_postings(node["@graph"])


def _text(value: Any) -> str | None:
    """A schema.org Text, or the name/value of a Thing, as a string."""
    if isinstance(value, dict):
        for key in ("name", "value", "credentialCategory", "@id"):
            if clean(value.get(key)):
                return clean(value.get(key))
        return None
    if isinstance(value, list):
        parts = [t for t in (_text(v) for v in value) if t]
        return ", ".join(parts) if parts else None
    return clean(value)


def _structured_value(value: Any) -> Any:
    """Keep strings and numbers; reduce Thing objects to their useful fields."""
    if isinstance(value, list):
        return [_structured_value(v) for v in value]
    if isinstance(value, dict):
        out = {k: v for k, v in value.items() if k in (
            "@type", "credentialCategory", "educationalLevel", "monthsOfExperience", "name",
            "description", "value")}
        return out or _text(value)
    if isinstance(value, str):
        return normalise_text(html_to_text(value) if "<" in value else html_lib.unescape(value))
    return value


def _location(item: Mapping[str, Any]) -> str:
    places = item.get("jobLocation")
    places = places if isinstance(places, list) else [places]
    names: list[str] = []
    for place in places:
        address = place.get("address") if isinstance(place, dict) else None
        if isinstance(address, dict):
            country = _text(address.get("addressCountry"))
            parts = [_text(address.get("addressLocality")), _text(address.get("addressRegion")),
                     country]
            name = ", ".join(p for p in parts if p)
        else:
            name = _text(address) or (_text(place) or "")
        if name and name not in names:
            names.append(name)
    return "; ".join(names)


def _salary(value: Any) -> tuple[float | None, float | None, str | None, str | None]:
    if isinstance(value, list):
        value = value[0] if value else None
    if not isinstance(value, dict):
        return to_float(value), to_float(value), None, None
    currency = clean(value.get("currency"))
    amount = value.get("value")
    if isinstance(amount, dict):
        exact = to_float(amount.get("value"))
        lo = to_float(amount.get("minValue")) or exact
        hi = to_float(amount.get("maxValue")) or exact
        return lo, hi, currency, to_period(amount.get("unitText"))
    number = to_float(amount)
    return number, number, currency, to_period(value.get("unitText"))


def from_item(item: Mapping[str, Any]) -> Posting:
    raw_description = clean(item.get("description")) or ""
    check_size(raw_description)
    if "<" not in raw_description and "&lt;" in raw_description:
        raw_description = html_lib.unescape(raw_description)  # LinkedIn escapes its HTML
    is_html = "<" in raw_description
    text = html_to_text(raw_description) if is_html else normalise_text(
        html_lib.unescape(raw_description))
    identifier = item.get("identifier")
    native = clean(identifier.get("value")) if isinstance(identifier, dict) else _text(identifier)
    org = _text(item.get("hiringOrganization")) or ""
    lo, hi, currency, period = _salary(item.get("baseSalary"))
    location_type = (_text(item.get("jobLocationType")) or "").upper()
    structured = {k: _structured_value(item[k]) for k in _STRUCTURED if item.get(k) not in
                  (None, "", [])}
    return make_posting(
        SOURCE, text, native_id=f"{org}:{native}" if native and org else native,
        url=clean(item.get("url")), title=_text(item.get("title")) or "", company=org,
        location=_location(item), remote=True if "TELECOMMUTE" in location_type else None,
        posted_at=to_date(item.get("datePosted")), salary_min=lo, salary_max=hi,
        salary_currency=currency, salary_period=period,
        description_html=raw_description if is_html else None, structured=structured,
        raw={k: v for k, v in item.items() if k != "description"},
    )
