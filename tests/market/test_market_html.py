from __future__ import annotations

import json
import re

from mlepath.market import check_claims, compute_report, render_html
from mlepath.store import Store


def test_html_is_self_contained_with_charts_claims_and_method(ten: Store) -> None:
    html = render_html(compute_report(ten), check_claims(ten))
    # no external scripts, styles or images: plotly.js is inlined
    assert not re.search(r"<script[^>]+src=", html)
    assert not re.search(r"<link[^>]+href=[\"']https?:", html)
    assert not re.search(r"<img[^>]+src=[\"']https?:", html)
    assert "Plotly.newPlot" in html and len(html) > 1_000_000
    for chart in ("chart-focus", "chart-seniority", "chart-skills", "chart-experience"):
        assert f'id="{chart}"' in html
    charts = json.loads(re.search(r"var charts = (\{.*?\});\n", html, re.S).group(1))  # type: ignore[union-attr]
    focus = {t["name"]: t for t in charts["chart-focus"]["data"]}
    assert set(focus) == {"all (n=10)", "research (n=3)", "applied (n=7)"}
    phd_at = charts["chart-focus"]["data"][0]["x"].index("min_required=phd")
    assert focus["research (n=3)"]["y"][phd_at] == 2 / 3
    assert "bachelor_minimum" not in html  # claims are shown by their text, not ids
    assert "85% of ML-engineer postings require a bachelor" in html
    assert "cannot both hold" in html
    assert "insufficient_data" in html  # 10 postings are too few to judge any claim
    assert "What n is" in html and "Wilson" in html


def test_html_escapes_data(store: Store) -> None:
    from market_fixtures import add

    add(store, [("x", {}, {"title": "<script>alert(1)</script>"})])
    html = render_html(compute_report(store))
    assert "<script>alert(1)</script>" not in html


def test_importing_market_does_not_load_plotly() -> None:
    import subprocess
    import sys

    code = "import sys, mlepath.market, mlepath.cli; print('plotly' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
