"""The plan as one offline HTML page (plotly.js embedded, Jinja2 autoescaping on)."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

from jinja2 import Environment, select_autoescape

from ._plan import Plan


def render_html(plan: Plan) -> str:
    """A self-contained page: timeline, projects, missing skills, titles, habits."""
    import plotly

    plotly_js = (Path(plotly.__file__).parent / "package_data" / "plotly.min.js").read_text("utf-8")
    env = Environment(autoescape=select_autoescape(default=True, default_for_string=True))
    template = env.from_string(
        resources.files("mlepath.plan").joinpath("templates/plan.html").read_text("utf-8"))
    doc = plan.to_dict()
    # JSON inside <script>: every "<" escaped, so no tag can open or close there
    return template.render(plan=doc, plan_json=json.dumps(doc).replace("<", "\\u003c"),
                           plotly_js=plotly_js)
