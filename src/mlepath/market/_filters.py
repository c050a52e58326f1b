"""``Filters``: which postings a figure is computed over.

Every field is optional; ``None`` means "no restriction". ``role``, ``focus``, ``seniority``,
``source`` and ``company`` accept several values separated by commas (any of them matches):
``Filters(role="ml_engineer,research_scientist")``. ``location`` is a case-insensitive substring
("CA" matches "San Francisco, CA"); ``company`` is case-insensitive exact; ``date_from`` and
``date_to`` are inclusive and leave out postings with no date.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import asdict, dataclass, fields
from typing import Any

from mlepath.extract import ML_FOCUS_VALUES, ROLE_FAMILIES, SENIORITY_VALUES

from ._errors import MarketError

_VOCAB: dict[str, tuple[str, ...]] = {
    "role": ROLE_FAMILIES, "focus": ML_FOCUS_VALUES, "seniority": SENIORITY_VALUES,
}
_LIST_FIELDS = ("role", "focus", "seniority", "source", "company")
# query-string spellings accepted by ``from_mapping`` besides the field names
_ALIASES = {"since": "date_from", "until": "date_to", "ml_focus": "focus",
            "role_family": "role", "from": "date_from", "to": "date_to"}
_TRUE = {"true", "1", "yes", "y", "on"}
_FALSE = {"false", "0", "no", "n", "off"}


def _split(value: str) -> list[str]:
    return [v.strip() for v in value.split(",") if v.strip()]


def _date(name: str, value: Any) -> dt.date | None:
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        raise MarketError(f"bad {name} {value!r}; use an ISO date like 2025-01-31") from None


def _bool(name: str, value: Any) -> bool | None:
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        return value
    text = str(value).strip().lower()
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    raise MarketError(f"bad {name} {value!r}; use true or false")


@dataclass(frozen=True)
class Filters:
    role: str | None = None
    focus: str | None = None
    seniority: str | None = None
    company: str | None = None
    location: str | None = None
    remote: bool | None = None
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    source: str | None = None

    def __post_init__(self) -> None:
        for name, allowed in _VOCAB.items():
            value = getattr(self, name)
            if value is None:
                continue
            for v in _split(value):
                if v not in allowed:
                    raise MarketError(
                        f"unknown {name} {v!r}; choose one of: {', '.join(allowed)}")
        if self.date_from and self.date_to and self.date_from > self.date_to:
            raise MarketError(f"date range is empty: from {self.date_from} is after "
                              f"to {self.date_to}; swap them")

    @classmethod
    def from_mapping(cls, mapping: Mapping[str, Any]) -> Filters:
        """Filters from a dict of strings (a web query string, CLI options); empty values and
        unknown keys are ignored, ``since``/``until`` are accepted for ``date_from``/``date_to``."""
        names = {f.name for f in fields(cls)}
        kwargs: dict[str, Any] = {}
        for key, value in mapping.items():
            name = _ALIASES.get(key, key)
            if name not in names or value is None or value == "":
                continue
            if name in ("date_from", "date_to"):
                kwargs[name] = _date(name, value)
            elif name == "remote":
                kwargs[name] = _bool(name, value)
            elif isinstance(value, list | tuple):
                kwargs[name] = ",".join(str(v) for v in value) or None
            else:
                kwargs[name] = str(value).strip() or None
        return cls(**kwargs)

    def merged(self, other: Filters) -> Filters:
        """These filters, with ``other``'s set fields filled in where this one has none."""
        mine = asdict(self)
        return Filters(**{k: v if v is not None else getattr(other, k) for k, v in mine.items()})

    def to_dict(self) -> dict[str, Any]:
        """The set fields, JSON-ready (dates as ISO strings): the ``filters`` of the report JSON."""
        out: dict[str, Any] = {}
        for f in fields(self):
            value = getattr(self, f.name)
            if value is None:
                continue
            out[f.name] = value.isoformat() if isinstance(value, dt.date) else value
        return out

    def to_store(self) -> dict[str, Any]:
        """The mapping the store's market queries take (list fields split on commas)."""
        out: dict[str, Any] = {}
        for f in fields(self):
            value = getattr(self, f.name)
            if value is None:
                continue
            if f.name in _LIST_FIELDS:
                out[f.name] = _split(value)
            elif isinstance(value, dt.date):
                out[f.name] = value.isoformat()
            else:
                out[f.name] = value
        return out
