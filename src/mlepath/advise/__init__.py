"""Advice: which path from software engineer to ML engineer, its cost and its return.

    advice = recommend(AdviceInputs(years=5, goal="product", employer_has_ml=True),
                       market_evidence(store, inputs), fit_summary(fit_report))
    result = roi("masters-full-time", roi_inputs_for_path(load_paths()["masters-full-time"],
                                                          current_pay=180_000, target_pay=210_000))

The rules (``_rules.py``) and the ROI arithmetic (``_roi.py``) are pure; only ``_evidence.py``
reads a store (through ``mlepath.market``). Formulas and units: docs/advise.md.
"""

from __future__ import annotations

from ._evidence import SEGMENTS, fit_summary, market_evidence, segment_filters
from ._html import render_html
from ._inputs import AdviceInputs, Figure, FitSummary, MarketEvidence
from ._paths import PATH_IDS, PathSpec, load_paths
from ._roi import (
    MonteCarlo,
    RoiInputs,
    RoiResult,
    SensitivityRow,
    break_even_month,
    monte_carlo,
    monthly_differences,
    npv,
    roi,
    roi_inputs_for_path,
    sensitivity,
)
from ._rules import Advice, RankedPath, Reason, recommend
from ._service import advise, path_rois

__all__ = [
    "PATH_IDS",
    "SEGMENTS",
    "Advice",
    "AdviceInputs",
    "Figure",
    "FitSummary",
    "MarketEvidence",
    "MonteCarlo",
    "PathSpec",
    "RankedPath",
    "Reason",
    "RoiInputs",
    "RoiResult",
    "SensitivityRow",
    "advise",
    "break_even_month",
    "fit_summary",
    "load_paths",
    "market_evidence",
    "monte_carlo",
    "monthly_differences",
    "npv",
    "path_rois",
    "recommend",
    "render_html",
    "roi",
    "roi_inputs_for_path",
    "segment_filters",
    "sensitivity",
]
