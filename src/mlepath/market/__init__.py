"""The market report: shares with Wilson intervals, breakdowns, published claims checked."""

from ._claims import (
    MIN_N,
    VERDICTS,
    Claim,
    ClaimNote,
    ClaimResult,
    check_claims,
    claims_to_dict,
    load_claims,
    verdict,
)
from ._errors import MarketError
from ._filters import Filters
from ._html import render_html
from ._metrics import Metric, parse_metric, share
from ._report import MarketReport, compute_report
from ._text import claims_table, format_share, report_tables
from ._wilson import THIN_N, Share, wilson

__all__ = [
    "MIN_N",
    "THIN_N",
    "VERDICTS",
    "Claim",
    "ClaimNote",
    "ClaimResult",
    "Filters",
    "MarketError",
    "MarketReport",
    "Metric",
    "Share",
    "check_claims",
    "claims_table",
    "claims_to_dict",
    "compute_report",
    "format_share",
    "load_claims",
    "parse_metric",
    "render_html",
    "report_tables",
    "share",
    "verdict",
    "wilson",
]
