"""The recommendation rules: the article's 2×2 as a special case, and evidence on every reason."""

from __future__ import annotations

import pytest

from mlepath.advise import AdviceInputs, Figure, FitSummary, MarketEvidence, recommend
from mlepath.errors import AdviceError

DEGREES = {"masters-part-time", "masters-full-time", "phd"}


def top(advice, k=2):
    return [p.id for p in advice.paths[:k]]


@pytest.mark.parametrize("years", [0, 1, 2])
def test_2x2_product_early_career_self_study_or_bootcamp_master_optional(years):
    advice = recommend(AdviceInputs(years=years, goal="product"))
    assert set(top(advice)) == {"self-study", "bootcamp"}
    ranks = {p.id: p.rank for p in advice.paths}
    # a master's is optional: below the portfolio paths, but above a PhD
    assert ranks["self-study"] < ranks["masters-part-time"] < ranks["phd"]
    assert advice.paths[-1].id == "phd"


@pytest.mark.parametrize("years", [3, 5, 12])
def test_2x2_product_experienced_internal_pivot_or_self_study(years):
    advice = recommend(AdviceInputs(years=years, goal="product"))
    assert top(advice) == ["internal-pivot", "self-study"]
    assert advice.paths[-1].id == "phd"


@pytest.mark.parametrize("years", [0, 2, 3, 8])
def test_2x2_research_masters_or_phd(years):
    advice = recommend(AdviceInputs(years=years, goal="research"))
    assert set(top(advice)) <= DEGREES
    assert {p.id for p in advice.paths if p.rank <= 3} <= DEGREES | {"self-study"}


def test_no_ml_team_at_employer_drops_internal_pivot():
    advice = recommend(AdviceInputs(years=5, goal="product", employer_has_ml=False))
    assert advice.paths[0].id == "self-study"
    pivot = next(p for p in advice.paths if p.id == "internal-pivot")
    assert any(r.evidence.get("field") == "employer_has_ml" and r.points < 0
               for r in pivot.reasons)


def test_budget_and_low_risk_push_full_time_degrees_down():
    advice = recommend(AdviceInputs(years=1, goal="research", budget=5_000, risk="low"))
    ranks = {p.id: p.rank for p in advice.paths}
    assert ranks["masters-full-time"] > ranks["phd"]  # $10k+ tuition is over the budget
    mft = next(p for p in advice.paths if p.id == "masters-full-time")
    assert any("budget" in r.text for r in mft.reasons)


def test_every_path_has_reasons_and_every_reason_has_evidence():
    advice = recommend(AdviceInputs(years=4, goal="undecided", employer_has_ml=True, math=2,
                                    budget=20_000, hours_per_week=6, risk="medium",
                                    current_pay=150_000, target_pay=180_000))
    assert [p.rank for p in advice.paths] == [1, 2, 3, 4, 5, 6]
    for path in advice.paths:
        assert path.reasons
        for reason in path.reasons:
            assert reason.text and reason.evidence.get("kind") in {
                "input", "market", "fit", "path", "roi"}
        assert path.npv is not None
    assert advice.paths[0].score >= advice.paths[-1].score


def fig(metric, count, n, lo, hi, segment="applied ML-engineer"):
    return Figure(metric=metric, count=count, n=n, share=count / n, ci95=(lo, hi),
                  thin=n < 30, segment=segment)


def test_market_reason_cites_n_share_and_interval():
    evidence = MarketEvidence(segment="applied ML-engineer",
                              phd_required=fig("min_required=phd", 99, 1240, 0.066, 0.096))
    advice = recommend(AdviceInputs(years=5, goal="product"), evidence)
    phd = next(p for p in advice.paths if p.id == "phd")
    reason = next(r for r in phd.reasons if r.evidence.get("kind") == "market")
    assert "of 1,240 applied ML-engineer postings, 8% [7–10%] require a PhD" in reason.text
    assert reason.evidence["n"] == 1240 and reason.evidence["count"] == 99
    assert reason.points < 0


def test_thin_market_figure_is_cited_but_not_weighed():
    evidence = MarketEvidence(phd_required=fig("min_required=phd", 2, 12, 0.05, 0.45))
    with_thin = recommend(AdviceInputs(years=5, goal="product"), evidence)
    without = recommend(AdviceInputs(years=5, goal="product"))
    phd_with = next(p for p in with_thin.paths if p.id == "phd")
    phd_without = next(p for p in without.paths if p.id == "phd")
    assert phd_with.score == phd_without.score
    assert any("thin" in r.text for r in phd_with.reasons)
    assert without.notes and not with_thin.notes


def test_degree_heavy_market_lifts_masters():
    evidence = MarketEvidence(advanced_required=fig("min_required>=master", 700, 1000, 0.67, 0.73))
    plain = recommend(AdviceInputs(years=1, goal="product"))
    heavy = recommend(AdviceInputs(years=1, goal="product"), evidence)
    rank = {p.id: p.rank for p in heavy.paths}
    assert rank["masters-part-time"] < {p.id: p.rank for p in plain.paths}["masters-part-time"]


def test_fit_gain_from_a_masters_is_a_reason():
    fit = FitSummary(n_postings=200, eligible_share=0.30,
                     eligible_share_if={"master": 0.70, "phd": 0.72}, ml_coverage=0.2)
    advice = recommend(AdviceInputs(years=5, goal="product"), fit=fit)
    mpt = next(p for p in advice.paths if p.id == "masters-part-time")
    texts = " ".join(r.text for r in mpt.reasons)
    assert "eligible for 70% of your 200 target postings instead of 30% today" in texts
    phd = next(p for p in advice.paths if p.id == "phd")
    assert any(r.evidence.get("kind") == "fit" and r.points < 0 for r in phd.reasons)


def test_json_shape():
    doc = recommend(AdviceInputs(years=5, goal="product")).to_dict()
    first = doc["paths"][0]
    assert set(first) >= {"id", "rank", "reasons", "months", "cost", "npv"}
    assert first["rank"] == 1 and len(first["months"]) == 2 and len(first["cost"]) == 2
    assert set(first["reasons"][0]) >= {"text", "evidence"}
    assert first["npv"] is None  # no pay given


@pytest.mark.parametrize("bad", [{"goal": "fame"}, {"risk": "extreme"}, {"math": 7},
                                 {"years": -1}])
def test_bad_answers_raise_one_line_errors(bad):
    with pytest.raises(AdviceError):
        AdviceInputs(**bad)


def test_fit_summary_reads_the_fit_document_and_skips_missing_shares():
    from mlepath.advise import fit_summary

    class Report:  # anything with to_dict(), like FitReport
        def to_dict(self):
            return {"n_postings": 10, "eligible_share": 0.5,
                    "eligible_share_if": {"master": 0.8, "phd": None},
                    "software_coverage": 0.7, "ml_coverage": None,
                    "missing_skills": [{"skill": "pytorch", "share": 0.6}]}

    fit = fit_summary(Report())
    assert fit.eligible_share_if == {"master": 0.8}
    assert fit.ml_coverage is None and fit.missing_skills == (("pytorch", 0.6),)
    with pytest.raises(AdviceError, match="fit --format json"):
        fit_summary({"missing_skills": [{"share": 0.1}]})


def test_path_rois_only_with_pay_and_for_the_top_paths():
    from mlepath.advise import path_rois

    no_pay = recommend(AdviceInputs(years=5, goal="product"))
    assert path_rois(no_pay) == {}
    paid = recommend(AdviceInputs(years=5, goal="product", current_pay=150_000,
                                  target_pay=180_000))
    rois = path_rois(paid, top=2)
    assert list(rois) == [p.id for p in paid.paths[:2]]
    assert all(r.sensitivity for r in rois.values())
    assert rois[paid.paths[0].id].npv == pytest.approx(paid.paths[0].npv)


def test_negative_npv_reason_reads_as_money():
    advice = recommend(AdviceInputs(years=5, goal="product", current_pay=180_000,
                                    target_pay=185_000))
    phd = next(p for p in advice.paths if p.id == "phd")
    reason = next(r for r in phd.reasons if r.evidence["kind"] == "roi")
    assert reason.points == -1 and "net present value -$" in reason.text
