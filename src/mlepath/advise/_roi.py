"""Return on a path, against staying a software engineer: monthly cash flows, NPV, break-even.

Units: pay is USD per year, direct cost (tuition) is USD in total, durations are whole calendar
months (a fractional value is rounded half up), rates are per year as fractions (0.05 = 5%).

With H = 12 * horizon_years months, m = 1..H, y(m) = (m - 1) // 12 (whole years elapsed),
S = study_months, T = S + search_months, g = pay_growth, p = p_land:

    stay(m) = current_pay / 12 * (1 + g) ** y(m)
    path(m) = study_pay / 12 * (1 + g) ** y(m) - tuition / S             if m <= S
            = stay(m)                                                    if S < m <= T
            = p * target_pay / 12 * (1 + g) ** y(m) + (1 - p) * stay(m)  if m > T
              (when S == 0 the whole tuition is paid in month 1 instead)
    diff(m) = path(m) - stay(m)
    r_m     = (1 + discount_rate) ** (1 / 12) - 1                        (monthly rate)
    NPV     = sum over m of diff(m) / (1 + r_m) ** m
    break_even_month = the first k with sum_{m <= k} diff(m) / (1 + r_m) ** m >= 0, else None

``study_pay`` is the current pay when pay continues (part-time paths), the stipend for a PhD and
0 for a full-time master's.
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass, field, replace
from typing import Any

from mlepath.errors import AdviceError

from ._paths import PathSpec, Range

# Defaults that are mlepath's own assumptions (documented in docs/advise.md).
DEFAULT_DISCOUNT_RATE = 0.05
DEFAULT_DISCOUNT_RANGE: Range = (0.02, 0.08)
DEFAULT_PAY_GROWTH = 0.03
DEFAULT_GROWTH_RANGE: Range = (0.0, 0.05)
DEFAULT_HORIZON_YEARS = 10
PAY_SPREAD = 0.10   # current/target pay vary ±10% in the tornado
GIVEN_SPREAD = 0.25  # a value the user gave (e.g. --tuition) varies ±25%

_VARIED = ("current_pay", "target_pay", "tuition", "study_months", "search_months", "study_pay",
           "p_land", "discount_rate", "pay_growth")
_MONTH_FIELDS = ("study_months", "search_months")


@dataclass(frozen=True, slots=True)
class RoiInputs:
    """One point estimate of a path's economics, plus the [low, high] range of each input."""

    current_pay: float
    target_pay: float
    tuition: float = 0.0
    study_months: float = 0.0
    search_months: float = 0.0
    study_pay: float = 0.0
    p_land: float = 1.0
    discount_rate: float = DEFAULT_DISCOUNT_RATE
    pay_growth: float = DEFAULT_PAY_GROWTH
    horizon_years: int = DEFAULT_HORIZON_YEARS
    ranges: dict[str, Range] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for name in ("current_pay", "target_pay", "tuition", "study_months", "search_months",
                     "study_pay"):
            if getattr(self, name) < 0:
                raise AdviceError(f"{name} {getattr(self, name)} is negative; give a value >= 0")
        if not 0 <= self.p_land <= 1:
            raise AdviceError(f"p_land {self.p_land} must be a probability between 0 and 1")
        if self.discount_rate <= -1:
            raise AdviceError(f"discount rate {self.discount_rate} must be above -1 (0.05 = 5%)")
        if not 1 <= self.horizon_years <= 60:
            raise AdviceError(f"horizon {self.horizon_years} years must be 1-60")
        unknown = set(self.ranges) - set(_VARIED)
        if unknown:
            raise AdviceError(f"cannot vary '{sorted(unknown)[0]}'; choose from {', '.join(_VARIED)}")
        for name, (lo, hi) in self.ranges.items():
            if lo > hi:
                raise AdviceError(f"range of {name} is [{lo:g}, {hi:g}]: low above high; swap them")

    def to_dict(self) -> dict[str, Any]:
        return {name: getattr(self, name) for name in (*_VARIED, "horizon_years")} | {
            "ranges": {k: [round(v[0], 6), round(v[1], 6)] for k, v in self.ranges.items()}}


@dataclass(frozen=True, slots=True)
class SensitivityRow:
    """NPV with one input at its low and its high value, others at their point estimate."""

    input: str
    low: float
    high: float
    npv_low: float
    npv_high: float

    @property
    def swing(self) -> float:
        return abs(self.npv_high - self.npv_low)

    def to_dict(self) -> dict[str, Any]:
        return {"input": self.input, "low": self.low, "high": self.high,
                "npv_low": round(self.npv_low, 2), "npv_high": round(self.npv_high, 2),
                "swing": round(self.swing, 2)}


@dataclass(frozen=True, slots=True)
class MonteCarlo:
    n: int
    seed: int
    mean: float
    p5: float
    p50: float
    p95: float
    prob_positive: float

    def to_dict(self) -> dict[str, Any]:
        return {"n": self.n, "seed": self.seed, "mean": round(self.mean, 2),
                "p5": round(self.p5, 2), "p50": round(self.p50, 2), "p95": round(self.p95, 2),
                "prob_positive": round(self.prob_positive, 4)}


@dataclass(frozen=True, slots=True)
class RoiResult:
    path: str
    npv: float
    break_even_month: int | None
    inputs: RoiInputs
    sensitivity: tuple[SensitivityRow, ...] = ()
    monte_carlo: MonteCarlo | None = None

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "path": self.path, "npv": round(self.npv, 2), "baseline": "stay",
            "break_even_month": self.break_even_month, "inputs": self.inputs.to_dict(),
            "sensitivity": [row.to_dict() for row in self.sensitivity],
        }
        if self.monte_carlo is not None:
            out["monte_carlo"] = self.monte_carlo.to_dict()
        return out


def _with(inputs: RoiInputs, changes: dict[str, Any]) -> RoiInputs:
    return replace(inputs, **changes)


def _whole_months(value: float) -> int:
    return math.floor(value + 0.5)


def monthly_differences(inputs: RoiInputs) -> list[float]:
    """diff(m) for m = 1..H, USD per month (path minus staying); see the module docstring."""
    months = 12 * inputs.horizon_years
    study = _whole_months(inputs.study_months)
    landed = study + _whole_months(inputs.search_months)
    g, p = inputs.pay_growth, inputs.p_land
    out: list[float] = []
    for m in range(1, months + 1):
        grow = (1 + g) ** ((m - 1) // 12)
        stay = inputs.current_pay / 12 * grow
        if m <= study:
            path = inputs.study_pay / 12 * grow - inputs.tuition / study
        elif m <= landed:
            path = stay
        else:
            path = p * inputs.target_pay / 12 * grow + (1 - p) * stay
        if study == 0 and m == 1:
            path -= inputs.tuition
        out.append(path - stay)
    return out


def _discounted(inputs: RoiInputs) -> list[float]:
    r_m = (1 + inputs.discount_rate) ** (1 / 12) - 1
    return [d / (1 + r_m) ** m for m, d in enumerate(monthly_differences(inputs), start=1)]


def npv(inputs: RoiInputs) -> float:
    """Net present value (USD) of the path over the horizon, against staying."""
    return math.fsum(_discounted(inputs))


def break_even_month(inputs: RoiInputs) -> int | None:
    """First month whose cumulative discounted difference is >= 0, or None within the horizon."""
    total = 0.0
    for m, d in enumerate(_discounted(inputs), start=1):
        total += d
        if total >= -1e-9:
            return m
    return None


def sensitivity(inputs: RoiInputs) -> list[SensitivityRow]:
    """Tornado rows: each ranged input at its low and high, sorted by NPV swing (largest first)."""
    rows = []
    for name, (lo, hi) in inputs.ranges.items():
        rows.append(SensitivityRow(name, lo, hi, npv(_with(inputs, {name: lo})),
                                   npv(_with(inputs, {name: hi}))))
    return sorted(rows, key=lambda r: (-r.swing, r.input))


def monte_carlo(inputs: RoiInputs, n: int, seed: int = 0) -> MonteCarlo:
    """NPV over ``n`` draws, each ranged input uniform in [low, high] and independent.

    The same ``seed`` gives the same figures (``random.Random(seed)``).
    """
    if n < 1:
        raise AdviceError(f"--monte-carlo {n}: give a number of draws >= 1")
    rng = random.Random(seed)
    values = []
    for _ in range(n):
        draw = {name: rng.uniform(lo, hi) for name, (lo, hi) in sorted(inputs.ranges.items())}
        values.append(npv(_with(inputs, draw)))
    values.sort()

    def quantile(q: float) -> float:
        return values[min(n - 1, int(q * n))]

    return MonteCarlo(n=n, seed=seed, mean=math.fsum(values) / n, p5=quantile(0.05),
                      p50=quantile(0.5), p95=quantile(0.95),
                      prob_positive=sum(v > 0 for v in values) / n)


def roi(path_id: str, inputs: RoiInputs, *, monte_carlo_draws: int = 0,
        seed: int = 0) -> RoiResult:
    """NPV, break-even month, tornado and (optionally) Monte Carlo for one path."""
    mc = monte_carlo(inputs, monte_carlo_draws, seed) if monte_carlo_draws else None
    return RoiResult(path=path_id, npv=npv(inputs), break_even_month=break_even_month(inputs),
                     inputs=inputs, sensitivity=tuple(sensitivity(inputs)), monte_carlo=mc)


def _mid(r: Range) -> float:
    return (r[0] + r[1]) / 2


def _given(value: float, spread: float = GIVEN_SPREAD) -> Range:
    return (value * (1 - spread), value * (1 + spread))


def roi_inputs_for_path(path: PathSpec, *, current_pay: float, target_pay: float,
                        years: float | None = None, tuition: float | None = None,
                        study_months: float | None = None, p_land: float | None = None,
                        discount_rate: float | None = None, pay_growth: float | None = None,
                        horizon_years: int = DEFAULT_HORIZON_YEARS) -> RoiInputs:
    """Point estimates (range midpoints, or the values given) and ranges for one path.

    Path defaults vary over their sourced range; a value the caller gives varies ±25%
    (discount rate and growth: the given value to the default range's ends, whichever is wider).
    """
    months = path.months_for(years)
    study_pay_range: Range = (current_pay, current_pay) if path.pay_continues else path.stipend
    ranges: dict[str, Range] = {
        "current_pay": _given(current_pay, PAY_SPREAD),
        "target_pay": _given(target_pay, PAY_SPREAD),
        "tuition": _given(tuition) if tuition is not None else path.cost,
        "study_months": _given(study_months) if study_months is not None else months,
        "search_months": path.search_months,
        "p_land": (max(0.0, p_land - 0.1), min(1.0, p_land + 0.1)) if p_land is not None
        else path.p_land,
        "discount_rate": (min(DEFAULT_DISCOUNT_RANGE[0], discount_rate),
                          max(DEFAULT_DISCOUNT_RANGE[1], discount_rate))
        if discount_rate is not None else DEFAULT_DISCOUNT_RANGE,
        "pay_growth": (min(DEFAULT_GROWTH_RANGE[0], pay_growth),
                       max(DEFAULT_GROWTH_RANGE[1], pay_growth))
        if pay_growth is not None else DEFAULT_GROWTH_RANGE,
    }
    if not path.pay_continues and study_pay_range[0] != study_pay_range[1]:
        ranges["study_pay"] = study_pay_range
    # a range that does not move (e.g. $0 cost) adds nothing to the tornado
    ranges = {k: v for k, v in ranges.items() if v[0] != v[1]}
    return RoiInputs(
        current_pay=current_pay, target_pay=target_pay,
        tuition=tuition if tuition is not None else _mid(path.cost),
        study_months=study_months if study_months is not None else _mid(months),
        search_months=_mid(path.search_months), study_pay=_mid(study_pay_range),
        p_land=p_land if p_land is not None else _mid(path.p_land),
        discount_rate=DEFAULT_DISCOUNT_RATE if discount_rate is None else discount_rate,
        pay_growth=DEFAULT_PAY_GROWTH if pay_growth is None else pay_growth,
        horizon_years=horizon_years, ranges=ranges,
    )
