"""Build the advice inputs that come from elsewhere: market figures from a store, fit figures
from a fit report. The only module of ``advise`` that touches ``mlepath.market``/``profile``."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ._inputs import AdviceInputs, Figure, FitSummary, MarketEvidence

if TYPE_CHECKING:
    from mlepath.store import Store

# goal -> (market filters for the person's target segment, the segment's name in reasons)
SEGMENTS: dict[str, tuple[dict[str, str], str]] = {
    "product": ({"role": "ml_engineer", "focus": "applied"}, "applied ML-engineer"),
    "research": ({"role": "ml_engineer", "focus": "research"}, "research ML-engineer"),
    "undecided": ({"role": "ml_engineer"}, "ML-engineer"),
}
# MarketEvidence field -> market metric (see mlepath.market metric names)
METRICS: dict[str, str] = {
    "phd_required": "min_required=phd",
    "advanced_required": "min_required>=master",
    "master_preferred": "preferred=master",
    "equivalent_ok": "equivalent_experience_ok",
}


def segment_filters(inputs: AdviceInputs) -> dict[str, str]:
    """The market filters (as a mapping) for the person's goal and location."""
    filters = dict(SEGMENTS[inputs.goal][0])
    if inputs.location:
        filters["location"] = inputs.location
    return filters


def _figure(share: Any, segment: str) -> Figure | None:
    if share.n == 0 or share.share is None:
        return None
    lo, hi = share.ci95
    return Figure(metric=share.metric, count=int(share.count), n=int(share.n),
                  share=float(share.share), ci95=(float(lo), float(hi)), thin=bool(share.thin),
                  segment=segment)


def market_evidence(store: Store, inputs: AdviceInputs) -> MarketEvidence:
    """The market figures for ``inputs``' target segment, read with ``mlepath.market.share``."""
    from mlepath.market import Filters, share

    segment = SEGMENTS[inputs.goal][1]
    filters = Filters.from_mapping(segment_filters(inputs))
    if inputs.location:
        segment = f"{segment} ({inputs.location})"
    figures = {name: _figure(share(store, metric, filters), segment)
               for name, metric in METRICS.items()}
    everyone = Filters.from_mapping({"role": "ml_engineer", "location": inputs.location or ""})
    all_segment = "ML-engineer" + (f" ({inputs.location})" if inputs.location else "")
    research = _figure(share(store, "ml_focus=research", everyone), all_segment)
    return MarketEvidence(segment=segment, research_share=research, **figures)


def fit_summary(fit: Any) -> FitSummary:
    """A ``FitSummary`` from a ``FitReport`` (anything with ``to_dict()``) or its JSON dict."""
    document = fit.to_dict() if hasattr(fit, "to_dict") else fit
    return FitSummary.from_fit_dict(document)
