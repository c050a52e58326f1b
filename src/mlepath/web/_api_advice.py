"""Advice, ROI and paths endpoints: thin calls into ``mlepath.advise``."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Query, Request

from mlepath.advise import load_paths, roi, roi_inputs_for_path

from ._cache import cached
from ._errors import ERROR_RESPONSES

router = APIRouter(prefix="/api", responses=ERROR_RESPONSES, tags=["advice"])

PathId = Literal["internal-pivot", "self-study", "bootcamp", "masters-part-time",
                 "masters-full-time", "phd"]
MAX_DRAWS = 20_000  # Monte Carlo draws per request: bounded so one request stays fast


@router.get("/paths", summary="The six paths and their sourced defaults")
def paths() -> dict[str, Any]:
    """``{"paths": [...]}``: duration, cost, pay, landing probability ranges, with sources."""
    return {"paths": [p.to_dict() for p in load_paths().values()]}


def roi_query(
    request: Request,
    path: Annotated[PathId, Query(description="path id")] = "masters-part-time",
    current_pay: Annotated[float, Query(ge=0, le=10_000_000, description="USD/year now")]
    = 150_000,
    target_pay: Annotated[float, Query(ge=0, le=10_000_000,
                                       description="USD/year in the ML role")] = 180_000,
    tuition: Annotated[float | None, Query(ge=0, le=10_000_000,
                                           description="USD total (default: path range)")]
    = None,
    study_months: Annotated[float | None, Query(ge=0, le=240)] = None,
    p_land: Annotated[float | None, Query(ge=0, le=1, description="chance of landing the role")]
    = None,
    discount_rate: Annotated[float | None, Query(ge=0, le=1, description="per year, 0.05 = 5%")]
    = None,
    pay_growth: Annotated[float | None, Query(ge=-0.5, le=1, description="per year")] = None,
    horizon_years: Annotated[int, Query(ge=1, le=60)] = 10,
    years: Annotated[float | None, Query(ge=0, le=60,
                                         description="years of software experience")] = None,
    monte_carlo: Annotated[int, Query(ge=0, le=MAX_DRAWS, description="draws (0 = none)")] = 0,
    seed: Annotated[int, Query(ge=0, le=2**31)] = 0,
) -> dict[str, Any]:
    def compute() -> dict[str, Any]:
        inputs = roi_inputs_for_path(
            load_paths()[path], current_pay=current_pay, target_pay=target_pay, years=years,
            tuition=tuition, study_months=study_months, p_land=p_land,
            discount_rate=discount_rate, pay_growth=pay_growth, horizon_years=horizon_years)
        return roi(path, inputs, monte_carlo_draws=monte_carlo, seed=seed).to_dict()

    # A pure function of its inputs: the calculator's repeated positions are answered at once.
    key = ("roi", path, current_pay, target_pay, tuition, study_months, p_land, discount_rate,
           pay_growth, horizon_years, years, monte_carlo, seed)
    return cached(request, key, compute)


@router.get("/roi", summary="NPV and break-even of one path against staying")
def roi_endpoint(result: Annotated[dict[str, Any], Depends(roi_query)]) -> dict[str, Any]:
    """The ``mlepath roi --format json`` document: ``{"path", "npv", "baseline": "stay",
    "break_even_month", "inputs", "sensitivity": [...]}`` (plus ``monte_carlo`` when asked)."""
    return result
