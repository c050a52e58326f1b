"""The ``Profile`` record: what we know about one person, and its YAML form.

A profile is what ``read_profile`` extracts from a résumé, or what a person writes by hand:

    degrees:
      - {level: bachelor, field: computer_science}
    years_experience: 6.5
    titles: [Senior Software Engineer, Backend Engineer]
    skills: [python, go, kubernetes, postgresql]
    current_pay: {amount: 165000, currency: USD, period: year}   # optional

Degree levels and fields use the posting vocabulary (``mlepath.extract.DEGREE_LEVELS`` /
``FIELDS_OF_STUDY``) so a person and a posting compare directly.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import yaml

from mlepath.errors import ProfileError
from mlepath.extract import DEGREE_LEVELS, DEGREE_RANK, FIELDS_OF_STUDY

PAY_PERIODS: tuple[str, ...] = ("year", "month", "week", "day", "hour")
_PROFILE_KEYS = ("degrees", "years_experience", "titles", "skills", "current_pay", "source")


@dataclass(frozen=True, slots=True)
class Degree:
    """One degree: ``level`` from ``DEGREE_LEVELS``; ``field`` from ``FIELDS_OF_STUDY`` or None."""

    level: str
    field: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"level": self.level, "field": self.field}


@dataclass(frozen=True, slots=True)
class Pay:
    amount: float
    currency: str = "USD"
    period: str = "year"

    def to_dict(self) -> dict[str, Any]:
        amount: float | int = int(self.amount) if float(self.amount).is_integer() else self.amount
        return {"amount": amount, "currency": self.currency, "period": self.period}


@dataclass(frozen=True, slots=True)
class Profile:
    """One person. ``skills`` are taxonomy skill ids (the ids postings use)."""

    degrees: tuple[Degree, ...] = ()
    years_experience: float | None = None
    titles: tuple[str, ...] = ()
    skills: tuple[str, ...] = ()
    current_pay: Pay | None = None
    source: str = ""  # the file it was read from ("" for a hand-built profile)
    # lines that explain what was read (date ranges counted, sections found); shown, never scored
    notes: tuple[str, ...] = field(default=(), compare=False)

    @property
    def highest_degree(self) -> Degree | None:
        if not self.degrees:
            return None
        return max(self.degrees, key=lambda d: DEGREE_RANK[d.level])

    @property
    def degree_rank(self) -> int:
        """Rank of the highest degree in ``DEGREE_LEVELS`` (-1 without any degree)."""
        best = self.highest_degree
        return -1 if best is None else DEGREE_RANK[best.level]

    def to_dict(self) -> dict[str, Any]:
        best = self.highest_degree
        years = self.years_experience
        return {
            "degrees": [d.to_dict() for d in self.degrees],
            "highest_degree": best.level if best else None,
            "highest_degree_field": best.field if best else None,
            "years_experience": years,
            "titles": list(self.titles),
            "skills": list(self.skills),
            "current_pay": self.current_pay.to_dict() if self.current_pay else None,
            "source": self.source,
        }

    def to_yaml(self) -> str:
        """The editable YAML form (``from_yaml`` reads it back unchanged)."""
        doc: dict[str, Any] = {
            "degrees": [d.to_dict() for d in self.degrees],
            "years_experience": self.years_experience,
            "titles": list(self.titles),
            "skills": list(self.skills),
        }
        if self.current_pay:
            doc["current_pay"] = self.current_pay.to_dict()
        if self.source:
            doc["source"] = self.source
        return yaml.safe_dump(doc, sort_keys=False, allow_unicode=True)

    @classmethod
    def from_yaml(cls, text: str, *, source: str = "") -> Profile:
        """Parse and validate a profile YAML; a wrong type raises a one-line ``ProfileError``."""
        try:
            doc = yaml.safe_load(text)
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            where = f" at line {mark.line + 1}" if mark is not None else ""
            raise ProfileError(f"profile {source or 'YAML'} is not valid YAML{where}; "
                               "check indentation and quoting") from exc
        if doc is None:
            raise ProfileError(f"profile {source or 'YAML'} is empty; write at least "
                               "'degrees:', 'years_experience:' and 'skills:'")
        return cls.from_dict(doc, source=source)

    @classmethod
    def from_dict(cls, doc: Any, *, source: str = "") -> Profile:
        name = source or "profile"
        if not isinstance(doc, dict):
            raise ProfileError(f"{name}: expected a mapping with keys {', '.join(_PROFILE_KEYS)}; "
                               f"got {type(doc).__name__}")
        unknown = sorted(str(k) for k in doc if k not in _PROFILE_KEYS)
        if unknown:
            raise ProfileError(f"{name}: unknown key {unknown[0]!r}; "
                               f"allowed keys: {', '.join(_PROFILE_KEYS)}")
        return cls(
            degrees=tuple(_degree(d, i, name) for i, d in enumerate(_list(doc, "degrees", name))),
            years_experience=_years(doc.get("years_experience"), name),
            titles=tuple(_str_item(t, "titles", i, name)
                         for i, t in enumerate(_list(doc, "titles", name))),
            skills=tuple(_str_item(s, "skills", i, name)
                         for i, s in enumerate(_list(doc, "skills", name))),
            current_pay=_pay(doc.get("current_pay"), name),
            source=str(doc.get("source") or source),
        )


def _type(value: Any) -> str:
    return "null" if value is None else type(value).__name__


def _list(doc: dict[str, Any], key: str, name: str) -> list[Any]:
    value = doc.get(key)
    if value is None:
        return []
    if not isinstance(value, list):
        raise ProfileError(f"{name}: '{key}' must be a list, got {_type(value)} {value!r}; "
                           f"write it as '{key}: [a, b]'")
    return value


def _str_item(value: Any, key: str, i: int, name: str) -> str:
    if isinstance(value, bool) or not isinstance(value, str | int | float) or not str(value).strip():
        raise ProfileError(f"{name}: {key}[{i}] must be a non-empty string, got {_type(value)} "
                           f"{value!r}")
    return str(value).strip()


def _degree(value: Any, i: int, name: str) -> Degree:
    if isinstance(value, str):  # shorthand: "- master"
        value = {"level": value}
    if not isinstance(value, dict):
        raise ProfileError(f"{name}: degrees[{i}] must be a mapping like "
                           f"{{level: bachelor, field: computer_science}}, got {_type(value)} {value!r}")
    level = value.get("level")
    if not isinstance(level, str) or level.strip().lower() not in DEGREE_RANK:
        raise ProfileError(f"{name}: degrees[{i}].level {level!r} is not a degree level; "
                           f"choose one of: {', '.join(DEGREE_LEVELS)}")
    fld = value.get("field")
    if fld is not None:
        if not isinstance(fld, str) or fld.strip().lower() not in FIELDS_OF_STUDY:
            raise ProfileError(f"{name}: degrees[{i}].field {fld!r} is not a known field; "
                               f"choose one of: {', '.join(FIELDS_OF_STUDY)}")
        fld = fld.strip().lower()
    extra = sorted(str(k) for k in value if k not in ("level", "field"))
    if extra:
        raise ProfileError(f"{name}: degrees[{i}] has unknown key {extra[0]!r}; "
                           "allowed keys: level, field")
    return Degree(level.strip().lower(), fld)


def _years(value: Any, name: str) -> float | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ProfileError(f"{name}: 'years_experience' must be a number of years, got "
                           f"{_type(value)} {value!r}; write e.g. 'years_experience: 6.5'")
    if not 0 <= value <= 70:
        raise ProfileError(f"{name}: 'years_experience' {value!r} is out of range; "
                           "give years between 0 and 70")
    return float(value)


def _pay(value: Any, name: str) -> Pay | None:
    if value is None:
        return None
    if isinstance(value, int | float) and not isinstance(value, bool):
        value = {"amount": value}
    if not isinstance(value, dict):
        raise ProfileError(f"{name}: 'current_pay' must be a number or a mapping like "
                           f"{{amount: 150000, currency: USD, period: year}}, got {_type(value)} "
                           f"{value!r}")
    amount = value.get("amount")
    if isinstance(amount, bool) or not isinstance(amount, int | float) or amount < 0:
        raise ProfileError(f"{name}: current_pay.amount must be a non-negative number, got "
                           f"{_type(amount)} {amount!r}")
    currency = value.get("currency", "USD")
    if not isinstance(currency, str) or len(currency.strip()) != 3:
        raise ProfileError(f"{name}: current_pay.currency {currency!r} must be a 3-letter code "
                           "such as USD or EUR")
    period = value.get("period", "year")
    if period not in PAY_PERIODS:
        raise ProfileError(f"{name}: current_pay.period {period!r} is not a pay period; "
                           f"choose one of: {', '.join(PAY_PERIODS)}")
    return Pay(float(amount), currency.strip().upper(), str(period))
