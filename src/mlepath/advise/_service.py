"""The whole advice flow for one person: answers + (optional) store + (optional) résumé.

The one function the CLI and the web app call; everything it composes is pure and tested apart.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from ._evidence import fit_summary, market_evidence, segment_filters
from ._inputs import AdviceInputs, FitSummary, MarketEvidence
from ._paths import load_paths
from ._roi import RoiResult, roi, roi_inputs_for_path
from ._rules import Advice, recommend

if TYPE_CHECKING:
    from mlepath.store import Store


def advise(inputs: AdviceInputs, *, store: Store | None = None, resume: str | Path | None = None,
           paths_file: str | Path | None = None) -> Advice:
    """Rank the paths for ``inputs``, using the store's market figures and the résumé's fit.

    Answers not given are taken from the résumé when it states them (years of experience,
    current pay). Without a store, the ranking rests on the answers and the sourced path data.
    """
    paths = load_paths(paths_file)
    fit: FitSummary | None = None
    if resume is not None:
        from mlepath.profile import audit_fit, load_targets, read_profile

        profile = read_profile(resume)
        if inputs.years is None and profile.years_experience is not None:
            inputs = replace(inputs, years=profile.years_experience)
        if inputs.current_pay is None and profile.current_pay is not None \
                and profile.current_pay.period == "year":
            inputs = replace(inputs, current_pay=profile.current_pay.amount)
        if store is not None:
            targets = load_targets(store, segment_filters(inputs))
            if len(targets):
                fit = fit_summary(audit_fit(profile, targets))
    evidence: MarketEvidence | None = market_evidence(store, inputs) if store is not None else None
    return recommend(inputs, evidence, fit, paths)


def path_rois(advice: Advice, *, top: int = 3, paths_file: str | Path | None = None,
              monte_carlo_draws: int = 0, seed: int = 0) -> dict[str, RoiResult]:
    """ROI (with tornado) of the ``top`` ranked paths; empty when pay was not given."""
    i = advice.inputs
    if i.current_pay is None or i.target_pay is None:
        return {}
    paths = load_paths(paths_file)
    return {p.id: roi(p.id, roi_inputs_for_path(paths[p.id], current_pay=i.current_pay,
                                                target_pay=i.target_pay, years=i.years),
                      monte_carlo_draws=monte_carlo_draws, seed=seed)
            for p in advice.paths[:top]}
