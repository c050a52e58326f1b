"""Claims: the packaged file, the verdict rules, and a claims check on a hand-built store."""

from __future__ import annotations

from pathlib import Path

import pytest
from market_fixtures import add

from mlepath.market import (
    MIN_N,
    MarketError,
    check_claims,
    claims_to_dict,
    load_claims,
    verdict,
    wilson,
)
from mlepath.store import Store


@pytest.mark.parametrize(("claimed", "ci", "n", "expected"), [
    ((0.15, 0.20), (0.10, 0.14), 100, "contradicted"),
    ((0.15, 0.20), (0.10, 0.15), 100, "consistent"),  # touching counts as overlap
    ((0.15, 0.20), (0.18, 0.19), 100, "consistent"),  # interval inside the range
    ((0.85, 0.85), (0.80, 0.90), 100, "consistent"),  # a point inside the interval
    ((0.85, 0.85), (0.60, 0.84), 100, "contradicted"),
    ((0.70, 1.00), (0.71, 0.99), 29, "insufficient_data"),
    ((0.70, 1.00), (0.10, 0.20), MIN_N, "contradicted"),
])
def test_verdict_rules(claimed: tuple[float, float], ci: tuple[float, float], n: int,
                       expected: str) -> None:
    assert verdict(claimed, ci, n) == expected


def test_packaged_claims_cover_the_article() -> None:
    claims, notes = load_claims()
    by_id = {c.id: c for c in claims}
    assert by_id["bachelor_minimum_exactly"].metric == "min_required=bachelor"
    assert by_id["bachelor_minimum_at_least"].metric == "min_required>=bachelor"
    assert by_id["bachelor_minimum_exactly"].claimed == (0.85, 0.85)
    assert by_id["master_preferred"].claimed == (0.65, 0.65)
    assert by_id["master_preferred_or_required"].metric == "master_required_or_preferred"
    assert by_id["phd_required"].claimed == (0.15, 0.20)
    assert by_id["research_share"].claimed == (0.10, 0.15)
    assert by_id["applied_share"].claimed == (0.85, 1.0)
    assert by_id["phd_prevalence_research"].claimed == (0.70, 1.0)
    assert by_id["phd_prevalence_applied"].claimed == (0.0, 0.10)
    skills = {c.metric.split("=")[1] for c in claims if c.metric.startswith("skill=")}
    assert skills == {"python", "java", "distributed_systems", "apis", "pytorch", "tensorflow",
                      "docker", "kubernetes", "sagemaker"}
    for c in claims:
        assert "Interview Kickstart" in c.source and c.population.role
        if c.metric.startswith("skill="):
            assert c.population.focus == "applied" and c.rule
    conflict = next(n for n in notes if n.id == "bachelor_vs_phd")
    assert set(conflict.claims) == {"bachelor_minimum_exactly", "phd_required"}
    assert "cannot both hold" in conflict.text


def _claims_file(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "claims.yaml"
    path.write_text("sources: {t: {citation: Test source}}\n"
                    "defaults: {population: {role: ml_engineer}}\nclaims:\n" + body)
    return path


def test_check_claims_on_a_store_built_for_each_verdict(store: Store, tmp_path: Path) -> None:
    # 40 ML engineers: 8 require a PhD (20%), 12 research; 5 data scientists (a PhD each)
    add(store, [(f"m{i}", {"min_required": "phd" if i < 8 else "bachelor",
                           "ml_focus": "research" if i < 12 else "applied"}, {})
                for i in range(40)])
    add(store, [(f"s{i}", {"role_family": "data_scientist", "min_required": "phd"}, {})
                for i in range(5)])
    path = _claims_file(tmp_path, """
  - {id: phd, text: t, source: t, metric: min_required=phd, claimed: [0.15, 0.20]}
  - {id: phd_high, text: t, source: t, metric: min_required=phd, claimed: 0.6}
  - {id: ds, text: t, source: t, metric: min_required=phd, claimed: 1.0,
     population: {role: data_scientist}}
  - {id: research_phd, text: t, source: t, metric: "ml_focus=research | min_required=phd",
     claimed: [0.9, 1.0]}
""")
    results = {r.claim.id: r for r in check_claims(store, path=path)}
    phd = results["phd"]
    assert (phd.count, phd.n, phd.verdict) == (8, 40, "consistent")
    assert phd.measured == pytest.approx(0.2) and phd.ci95 == wilson(8, 40)
    assert results["phd_high"].verdict == "contradicted"
    assert (results["ds"].n, results["ds"].verdict) == (5, "insufficient_data")
    assert (results["research_phd"].count, results["research_phd"].n) == (8, 8)
    assert results["research_phd"].verdict == "insufficient_data"  # n = 8 < 30


def test_extra_filters_narrow_but_do_not_override_the_population(store: Store,
                                                                  tmp_path: Path) -> None:
    from mlepath.market import Filters

    add(store, [(f"a{i}", {"min_required": "phd"}, {"source": "a"}) for i in range(3)])
    add(store, [(f"b{i}", {"min_required": "master"}, {"source": "b"}) for i in range(2)])
    add(store, [("x0", {"role_family": "other", "min_required": "phd"}, {"source": "a"})])
    path = _claims_file(tmp_path, "  - {id: c, text: t, source: t, metric: min_required=phd, "
                                  "claimed: 0.5}\n")
    (r,) = check_claims(store, Filters(source="a", role="other"), path=path)
    assert (r.count, r.n) == (3, 3)  # role stays ml_engineer; source narrows to a


def test_claims_json_shape(store: Store) -> None:
    add(store, [(f"m{i}", {"min_required": "bachelor"}, {}) for i in range(3)])
    doc = claims_to_dict(check_claims(store))
    first = doc["claims"][0]
    assert {"id", "text", "source", "metric", "claimed", "measured", "ci95", "n",
            "verdict"} <= set(first)
    assert first["id"] == "bachelor_minimum_exactly"
    assert (first["claimed"], first["measured"], first["n"]) == ([0.85, 0.85], 1.0, 3)
    assert first["verdict"] == "insufficient_data"
    assert "cannot both hold" in first["notes"][0]
    assert doc["notes"][0]["id"] == "bachelor_vs_phd"


@pytest.mark.parametrize(("body", "message"), [
    ("  - {id: c, text: t, metric: min_required=phd}\n", "claim 'c' has no 'claimed'"),
    ("  - {id: c, text: t, metric: degree=phd, claimed: 0.5}\n", "unknown metric 'degree=phd'"),
    ("  - {id: c, text: t, metric: min_required=phd, claimed: 85}\n", "must be shares in"),
    ("  - {id: c, text: t, metric: min_required=phd, claimed: [0.3, 0.2]}\n", "low first"),
])
def test_bad_claims_file_is_a_clear_error(tmp_path: Path, body: str, message: str) -> None:
    with pytest.raises(MarketError, match=message):
        load_claims(_claims_file(tmp_path, body))


def test_claimed_skills_exist_in_the_extraction_taxonomy() -> None:
    from mlepath.extract import load_taxonomy

    taxonomy = load_taxonomy()
    for c in load_claims()[0]:
        if c.metric.startswith("skill="):
            assert c.metric.split("=", 1)[1] in taxonomy.by_id, c.id
