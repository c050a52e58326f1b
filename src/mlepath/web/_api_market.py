"""Market report and claims endpoints: thin calls into ``mlepath.market``."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request

from mlepath.market import check_claims, claims_to_dict, compute_report

from ._cache import cached
from ._deps import MarketDep, StoreDep
from ._errors import ERROR_RESPONSES

router = APIRouter(prefix="/api", responses=ERROR_RESPONSES, tags=["market"])


@router.get("/report", summary="Market figures for a filter")
def report(request: Request, store: StoreDep, market: MarketDep) -> dict[str, Any]:
    """The ``mlepath report --format json`` document: ``{"n", "filters", "figures": [{"metric",
    "share", "count", "n", "ci95", "thin", "by"}], "skills", ...}`` over the filtered postings."""
    filters = market.to_filters()
    return cached(request, ("report", filters),
                  lambda: compute_report(store, filters).to_dict())


@router.get("/claims", summary="Published claims checked against the data")
def claims(request: Request, store: StoreDep) -> dict[str, Any]:
    """The ``mlepath claims --format json`` document: each claim with its measured share, 95%
    interval, n and verdict (consistent, contradicted, insufficient_data)."""
    return cached(request, ("claims",), lambda: claims_to_dict(check_claims(store)))
