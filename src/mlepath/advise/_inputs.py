"""What a recommendation is computed from: the person's answers, market figures and fit.

``MarketEvidence`` and ``FitSummary`` are small, plain records so the rules can be tested without
a store, a résumé or the market/profile packages (``_evidence.py`` builds them from those).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

from mlepath.errors import AdviceError

Goal = Literal["product", "research", "undecided"]
Risk = Literal["low", "medium", "high"]
GOALS: tuple[str, ...] = ("product", "research", "undecided")
RISKS: tuple[str, ...] = ("low", "medium", "high")


@dataclass(frozen=True, slots=True)
class AdviceInputs:
    """The person's answers. ``None`` means "not given": the matching rules stay silent.

    years: years of professional software experience; budget: USD the person can spend on
    direct costs; hours_per_week: hours free for study; current_pay/target_pay: USD per year.
    math: self-rated maths/ML foundations, 1 (none) to 5 (strong).
    """

    years: float | None = None
    goal: Goal = "undecided"
    employer_has_ml: bool | None = None
    math: int | None = None
    budget: float | None = None
    hours_per_week: float | None = None
    risk: Risk | None = None
    current_pay: float | None = None
    target_pay: float | None = None
    location: str | None = None

    def __post_init__(self) -> None:
        if self.goal not in GOALS:
            raise AdviceError(f"unknown goal '{self.goal}'; choose one of: {', '.join(GOALS)}")
        if self.risk is not None and self.risk not in RISKS:
            raise AdviceError(f"unknown risk tolerance '{self.risk}'; choose one of: "
                              f"{', '.join(RISKS)}")
        if self.math is not None and not 1 <= self.math <= 5:
            raise AdviceError(f"--math {self.math} is out of range; rate yourself 1 (none) to 5")
        for name in ("years", "budget", "hours_per_week", "current_pay", "target_pay"):
            value = getattr(self, name)
            if value is not None and value < 0:
                raise AdviceError(f"{name} {value} is negative; give a value >= 0")

    def to_dict(self) -> dict[str, Any]:
        return {"years": self.years, "goal": self.goal, "employer_has_ml": self.employer_has_ml,
                "math": self.math, "budget": self.budget, "hours_per_week": self.hours_per_week,
                "risk": self.risk, "current_pay": self.current_pay,
                "target_pay": self.target_pay, "location": self.location}


@dataclass(frozen=True, slots=True)
class Figure:
    """One market share with its sample: the fields of ``mlepath.market.Share`` that advice cites."""

    metric: str
    count: int
    n: int
    share: float
    ci95: tuple[float, float]
    thin: bool = False
    segment: str = "ML-engineer"

    def percent(self) -> str:
        """'8% [6–10%]'."""
        lo, hi = self.ci95
        return f"{self.share:.0%} [{lo * 100:.0f}–{hi * 100:.0f}%]"

    def to_dict(self) -> dict[str, Any]:
        return {"kind": "market", "metric": self.metric, "count": self.count, "n": self.n,
                "share": round(self.share, 4), "ci95": [round(self.ci95[0], 4),
                                                        round(self.ci95[1], 4)],
                "thin": self.thin, "segment": self.segment}


@dataclass(frozen=True, slots=True)
class MarketEvidence:
    """Market figures for the person's target segment; any figure may be missing (``None``).

    phd_required: min_required = phd; advanced_required: min_required in {master, phd};
    master_preferred: master's listed as preferred; equivalent_ok: equivalent experience accepted;
    research_share: ml_focus = research among all ML-engineer postings.
    """

    segment: str = "ML-engineer"
    phd_required: Figure | None = None
    advanced_required: Figure | None = None
    master_preferred: Figure | None = None
    equivalent_ok: Figure | None = None
    research_share: Figure | None = None

    @property
    def n(self) -> int:
        figures = [self.phd_required, self.advanced_required, self.master_preferred,
                   self.equivalent_ok]
        return max((f.n for f in figures if f is not None), default=0)


@dataclass(frozen=True, slots=True)
class FitSummary:
    """The fit-audit figures advice uses (from ``FitReport.to_dict()``)."""

    n_postings: int
    eligible_share: float
    eligible_share_if: dict[str, float] = field(default_factory=dict)
    software_coverage: float | None = None
    ml_coverage: float | None = None
    missing_skills: tuple[tuple[str, float], ...] = ()

    @classmethod
    def from_fit_dict(cls, d: dict[str, Any]) -> FitSummary:
        """Read the ``fit --format json`` document (extra keys ignored; ``None`` shares skipped)."""
        try:
            return cls(
                n_postings=int(d.get("n_postings", len(d.get("postings") or []))),
                eligible_share=float(d.get("eligible_share") or 0.0),
                eligible_share_if={str(k): float(v)
                                   for k, v in (d.get("eligible_share_if") or {}).items()
                                   if v is not None},
                software_coverage=_opt_float(d.get("software_coverage")),
                ml_coverage=_opt_float(d.get("ml_coverage")),
                missing_skills=tuple((str(s["skill"]), float(s.get("share") or 0.0))
                                     for s in d.get("missing_skills") or ()),
            )
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            raise AdviceError(f"fit report lacks a usable field ({exc}); pass the document "
                              "`mlepath fit --format json` prints") from None


def _opt_float(value: Any) -> float | None:
    return None if value is None else float(value)
