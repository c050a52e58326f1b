"""Metric names and ``share()``: one figure, computed in SQL, with its Wilson interval.

A metric names which postings are counted (the numerator) among the filtered postings (n):

    min_required=phd              the lowest degree stated as required is a PhD
    min_required>=bachelor        a degree is required and the lowest one is bachelor or above
    preferred=master              a master's is listed as preferred / a plus
    phd_required_or_preferred     PhD required, or listed as preferred (any level: ``<lvl>_...``)
    equivalent_experience_ok      experience accepted in place of the degree
    field=computer_science        a field of study named for a required or preferred degree
    role=ml_engineer, ml_focus=research, seniority=senior, source=..., remote, title=...
    experience=unstated | 0 | 1-2 | 3-4 | 5-7 | 8+   required years (``a-b`` = a <= y < b+1)
    skill=pytorch, skill_required=pytorch, category=mlops

``A | B`` is a conditional share: among the filtered postings that match B, the share matching A
("of the postings that require a PhD, how many are research roles": ``ml_focus=research |
min_required=phd``). n is then the number matching B.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from mlepath.extract import (
    DEGREE_LEVELS,
    DEGREE_RANK,
    FIELDS_OF_STUDY,
    ML_FOCUS_VALUES,
    ROLE_FAMILIES,
    SENIORITY_VALUES,
)
from mlepath.extract._model import MIN_REQUIRED_VALUES

from ._errors import MarketError
from ._filters import Filters
from ._wilson import Share

if TYPE_CHECKING:
    from mlepath.store import Store

Predicate = tuple[str, Any]

_VOCAB: dict[str, tuple[str, ...]] = {
    "min_required": MIN_REQUIRED_VALUES, "preferred": DEGREE_LEVELS, "field": FIELDS_OF_STUDY,
    "role": ROLE_FAMILIES, "ml_focus": ML_FOCUS_VALUES, "seniority": SENIORITY_VALUES,
}
_FREE = ("source", "title", "skill", "skill_required", "category")
_EXPERIENCE = re.compile(r"^(?:(?P<zero>0)|(?P<lo>\d+(?:\.\d+)?)-(?P<hi>\d+(?:\.\d+)?)"
                         r"|(?P<open>\d+(?:\.\d+)?)\+|(?P<unstated>unstated))$")
_REQ_OR_PREF = re.compile(r"^(?P<level>[a-z_]+)_required_or_preferred$")
EXAMPLES = ("min_required=phd, min_required>=bachelor, preferred=master, "
            "phd_required_or_preferred, equivalent_experience_ok, ml_focus=research, skill=pytorch")


@dataclass(frozen=True)
class Metric:
    """A parsed metric: a numerator predicate and an optional condition (``A | B``)."""

    text: str
    numerator: Predicate
    given: Predicate | None = None


def _bad(text: str, why: str) -> MarketError:
    return MarketError(f"unknown metric {text!r} ({why}); examples: {EXAMPLES}")


def _atom(text: str) -> Predicate:
    t = text.strip()
    if t == "equivalent_experience_ok":
        return ("equivalent_experience_ok", True)
    if t == "remote":
        return ("remote", True)
    if m := _REQ_OR_PREF.match(t):
        level = m["level"]
        if level not in DEGREE_LEVELS:
            raise _bad(text, f"degree level must be one of {', '.join(DEGREE_LEVELS)}")
        return ("required_or_preferred", level)
    if ">=" in t:
        key, _, value = t.partition(">=")
        if key.strip() != "min_required" or value.strip() not in DEGREE_LEVELS:
            raise _bad(text, f"'>=' works as min_required>=<{'|'.join(DEGREE_LEVELS)}>")
        rank = DEGREE_RANK[value.strip()]
        return ("min_required_in", [lvl for lvl in DEGREE_LEVELS if DEGREE_RANK[lvl] >= rank])
    key, sep, value = (part.strip() for part in t.partition("="))
    if not sep or not value:
        raise _bad(text, "expected name=value")
    if key in _VOCAB:
        if value not in _VOCAB[key]:
            raise _bad(text, f"{key} must be one of {', '.join(_VOCAB[key])}")
        return (key, value)
    if key == "remote":
        return ("remote", value.lower() in ("true", "1", "yes"))
    if key == "experience":
        m = _EXPERIENCE.match(value)
        if not m:
            raise _bad(text, "experience takes unstated, 0, a-b or a+ (years)")
        if m["unstated"]:
            return ("experience_unstated", True)
        if m["zero"]:
            return ("experience_range", (0.0, 1.0))
        if m["open"]:
            return ("experience_range", (float(m["open"]), None))
        return ("experience_range", (float(m["lo"]), float(m["hi"]) + 1))
    if key in _FREE:
        return (key, value)
    raise _bad(text, f"no metric named {key!r}")


def parse_metric(text: str) -> Metric:
    """``"ml_focus=research | min_required=phd"`` -> ``Metric`` (raises ``MarketError``)."""
    numerator, bar, given = text.partition("|")
    return Metric(text=text.strip(), numerator=_atom(numerator),
                  given=_atom(given) if bar else None)


def share(store: Store, metric: str, filters: Filters | None = None) -> Share:
    """One share over the postings matching ``filters``: count, n, share, Wilson 95% interval.

    >>> share(store, "min_required=phd", Filters(role="ml_engineer")).share
    """
    parsed = parse_metric(metric)
    count, n = store.market_count(parsed.numerator, (filters or Filters()).to_store(),
                                  given=parsed.given)
    return Share(metric=parsed.text, count=count, n=n)
