"""Paths as data: ``data/paths.yaml`` read into ``PathSpec`` records, optionally overridden.

A user file (``--paths FILE``) has the same shape as the packaged one and may list only the paths
and fields it changes; every value it sets is validated, so a typo gives one clear line.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from mlepath.errors import AdviceError

PATH_IDS: tuple[str, ...] = (
    "internal-pivot", "self-study", "bootcamp", "masters-part-time", "masters-full-time", "phd",
)
# field -> (kind, lower bound, upper bound); kind "range" is a [lo, hi] pair of numbers
_RANGE_FIELDS: dict[str, tuple[float, float | None]] = {
    "months": (0, None), "months_experienced": (0, None), "cost": (0, None),
    "forgone_pay": (0, None), "stipend": (0, None), "p_land": (0, 1),
    "search_months": (0, None), "hours_per_week": (0, 168),
}
_KNOWN_FIELDS = {*_RANGE_FIELDS, "id", "name", "pay_continues", "outcome_roles", "sources"}

Range = tuple[float, float]


@dataclass(frozen=True, slots=True)
class PathSpec:
    """One path. Months are calendar months, money is USD (stipend USD/year), p_land is 0-1."""

    id: str
    name: str
    months: Range
    cost: Range
    pay_continues: bool
    stipend: Range
    p_land: Range
    search_months: Range
    hours_per_week: Range
    outcome_roles: tuple[str, ...]
    sources: dict[str, str]
    months_experienced: Range | None = None
    forgone_pay: Range | None = None

    def months_for(self, years: float | None) -> Range:
        """Duration for someone with ``years`` of experience (3+ years may be shorter)."""
        if self.months_experienced is not None and years is not None and years >= 3:
            return self.months_experienced
        return self.months

    def source(self, field: str) -> str:
        return self.sources.get(field, "mlepath assumption: no source given")

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "id": self.id, "name": self.name, "months": list(self.months), "cost": list(self.cost),
            "pay_continues": self.pay_continues, "stipend": list(self.stipend),
            "p_land": list(self.p_land), "search_months": list(self.search_months),
            "hours_per_week": list(self.hours_per_week),
            "outcome_roles": list(self.outcome_roles), "sources": dict(self.sources),
        }
        if self.months_experienced is not None:
            out["months_experienced"] = list(self.months_experienced)
        if self.forgone_pay is not None:
            out["forgone_pay"] = list(self.forgone_pay)
        return out


def _packaged() -> dict[str, Any]:
    text = resources.files("mlepath.advise").joinpath("data/paths.yaml").read_text("utf-8")
    data: dict[str, Any] = yaml.safe_load(text)
    return data


def _read_user_file(file: str | Path) -> list[dict[str, Any]]:
    path = Path(file)
    if not path.is_file():
        raise AdviceError(f"paths file '{file}' does not exist; pass a YAML file like "
                          "src/mlepath/advise/data/paths.yaml")
    try:
        data = yaml.safe_load(path.read_text("utf-8"))
    except yaml.YAMLError as exc:
        raise AdviceError(f"paths file '{file}' is not valid YAML ({exc.__class__.__name__}); "
                          "fix the syntax and retry") from None
    if not isinstance(data, dict) or not isinstance(data.get("paths"), list):
        raise AdviceError(f"paths file '{file}' must be a mapping with a 'paths:' list, "
                          "as in the packaged paths.yaml")
    rows: list[dict[str, Any]] = []
    for i, row in enumerate(data["paths"]):
        if not isinstance(row, dict) or "id" not in row:
            raise AdviceError(f"paths file '{file}': entry {i + 1} needs an 'id' "
                              f"(one of: {', '.join(PATH_IDS)})")
        rows.append(row)
    return rows


def _check_range(where: str, field: str, value: Any) -> Range:
    lo_bound, hi_bound = _RANGE_FIELDS[field]
    if (not isinstance(value, list | tuple) or len(value) != 2
            or not all(isinstance(v, int | float) and not isinstance(v, bool) for v in value)):
        raise AdviceError(f"{where}: '{field}' must be a [low, high] pair of numbers, got {value!r}")
    lo, hi = float(value[0]), float(value[1])
    if lo > hi:
        raise AdviceError(f"{where}: '{field}' low {value[0]} is above high {value[1]}; "
                          "swap them")
    if lo < lo_bound or (hi_bound is not None and hi > hi_bound):
        bounds = f"{lo_bound:g}-{hi_bound:g}" if hi_bound is not None else f">= {lo_bound:g}"
        raise AdviceError(f"{where}: '{field}' {value!r} is out of range; values must be {bounds}")
    return (lo, hi)


def _build(row: dict[str, Any], where: str) -> PathSpec:
    unknown = sorted(set(row) - _KNOWN_FIELDS)
    if unknown:
        raise AdviceError(f"{where}: unknown field '{unknown[0]}'; known fields: "
                          f"{', '.join(sorted(_KNOWN_FIELDS))}")
    ranges: dict[str, Range | None] = {}
    for field in _RANGE_FIELDS:
        ranges[field] = _check_range(where, field, row[field]) if row.get(field) is not None else None
    for required in ("months", "cost", "stipend", "p_land", "search_months", "hours_per_week"):
        if ranges[required] is None:
            raise AdviceError(f"{where}: missing '{required}' (a [low, high] pair)")
    if not isinstance(row.get("pay_continues"), bool):
        raise AdviceError(f"{where}: 'pay_continues' must be true or false, "
                          f"got {row.get('pay_continues')!r}")
    roles = row.get("outcome_roles") or []
    sources = row.get("sources") or {}
    if not isinstance(roles, list) or not all(isinstance(r, str) for r in roles):
        raise AdviceError(f"{where}: 'outcome_roles' must be a list of strings")
    if not isinstance(sources, dict) or not all(isinstance(v, str) for v in sources.values()):
        raise AdviceError(f"{where}: 'sources' must map field names to source text")
    def need(field: str) -> Range:
        value = ranges[field]
        assert value is not None
        return value
    return PathSpec(
        id=str(row["id"]), name=str(row.get("name") or row["id"]),
        months=need("months"), cost=need("cost"), pay_continues=row["pay_continues"],
        stipend=need("stipend"), p_land=need("p_land"), search_months=need("search_months"),
        hours_per_week=need("hours_per_week"), outcome_roles=tuple(roles),
        sources={str(k): v for k, v in sources.items()},
        months_experienced=ranges["months_experienced"], forgone_pay=ranges["forgone_pay"],
    )


def load_paths(file: str | Path | None = None) -> dict[str, PathSpec]:
    """The six paths keyed by id (stable order), with ``file``'s overrides applied and validated.

    >>> load_paths()["bootcamp"].cost
    (3000.0, 10000.0)
    """
    rows = {row["id"]: dict(row) for row in _packaged()["paths"]}
    if file is not None:
        for override in _read_user_file(file):
            pid = override["id"]
            if pid not in rows:
                raise AdviceError(f"paths file '{file}': unknown path id '{pid}'; "
                                  f"choose one of: {', '.join(PATH_IDS)}")
            given = override.get("sources") or {}
            if not isinstance(given, dict):
                raise AdviceError(f"paths file '{file}', path '{pid}': 'sources' must map field "
                                  "names to source text")
            sources = {**rows[pid].get("sources", {}), **given}
            for key in override:  # an overridden value without its own source is the user's
                if key not in ("id", "sources") and key not in given:
                    sources[key] = f"user file {file}"
            rows[pid] = {**rows[pid], **override, "sources": sources}
    where = f"paths file '{file}'" if file is not None else "packaged paths.yaml"
    return {pid: _build(rows[pid], f"{where}, path '{pid}'") for pid in PATH_IDS}
