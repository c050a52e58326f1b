"""HTML for advice and ROI: one self-contained page, plotly.js embedded from the installed
plotly package (no CDN, opens offline), Jinja2 with autoescaping on."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from jinja2 import Environment, select_autoescape

from ._roi import RoiResult
from ._rules import Advice


@cache
def _plotly_js() -> str:
    import plotly

    return (Path(plotly.__file__).parent / "package_data" / "plotly.min.js").read_text("utf-8")


@cache
def _environment() -> Environment:
    return Environment(autoescape=select_autoescape(default=True, default_for_string=True))


def _chart(index: int, result: RoiResult, heading: str) -> dict[str, Any]:
    return {"id": f"tornado-{index}", "heading": heading, "npv": result.npv,
            "break_even": result.break_even_month,
            "rows": [r.to_dict() for r in result.sensitivity],
            "monte_carlo": result.monte_carlo.to_dict() if result.monte_carlo else None}


def render_html(advice: Advice | None = None, rois: dict[str, RoiResult] | None = None,
                title: str = "mlepath advice") -> str:
    """The page: the ranked paths with their reasons, then a tornado chart per ROI result."""
    charts = [_chart(i, r, f"Sensitivity of {pid}") for i, (pid, r)
              in enumerate((rois or {}).items())]
    template = _environment().from_string(
        resources.files("mlepath.advise").joinpath("templates/advice.html").read_text("utf-8"))
    # JSON inside <script>: every "<" escaped, so no tag can open or close there
    charts_json = json.dumps(charts).replace("<", "\\u003c")
    return template.render(title=title, advice=advice.to_dict() if advice else None,
                           charts=charts, charts_json=charts_json, plotly_js=_plotly_js())
