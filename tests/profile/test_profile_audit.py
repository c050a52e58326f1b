"""The fit audit on constructed requirements, where every answer is known by construction."""

from __future__ import annotations

import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mlepath.extract import DEGREE_LEVELS, Requirements, SkillHit
from mlepath.profile import Degree, Profile, TargetSet, audit_fit
from mlepath.profile._audit import education_status

PY = SkillHit("python", "Python", "programming_language", True)
K8S = SkillHit("kubernetes", "Kubernetes", "mlops", True)
AWS = SkillHit("aws", "AWS", "cloud", True)
TORCH = SkillHit("pytorch", "PyTorch", "ml_framework", True)
MLFLOW = SkillHit("mlflow", "MLflow", "mlops", True)
STATS = SkillHit("statistics", "statistics", "statistics_math", True)
TALK = SkillHit("communication", "communication", "soft_skill", True)


def pref(s: SkillHit) -> SkillHit:
    return SkillHit(s.id, s.name, s.category, False)


def person(level: str | None = "bachelor", years: float | None = 5.0,
           skills: tuple[str, ...] = ("python", "kubernetes", "aws")) -> Profile:
    return Profile(degrees=(Degree(level, "computer_science"),) if level else (),
                   years_experience=years, skills=skills)


def one(req: Requirements, p: Profile | None = None) -> dict:
    return audit_fit(p or person(), [("p1", "T", "C", req)]).to_dict()["postings"][0]


@pytest.mark.parametrize(("req", "expected"), [
    (Requirements(min_required="unspecified"), "no_requirement"),
    (Requirements(min_required="none"), "no_requirement"),
    (Requirements(min_required="bachelor"), "eligible"),
    (Requirements(min_required="associate"), "eligible"),
    (Requirements(min_required="master"), "below_minimum"),
    # equivalent experience: 5 years ≥ 0 + 2 × 1 missing level
    (Requirements(min_required="master", equivalent_experience_ok=True), "eligible_via_experience"),
    # ... but not ≥ 4 (posting minimum) + 2
    (Requirements(min_required="master", equivalent_experience_ok=True, experience_min_years=4),
     "below_minimum"),
    # PhD is two levels above a bachelor: needs 4 years beyond the minimum of 1 → 5 ≥ 5
    (Requirements(min_required="phd", equivalent_experience_ok=True, experience_min_years=1),
     "eligible_via_experience"),
])
def test_education_status(req: Requirements, expected: str) -> None:
    assert one(req)["education"] == expected


def test_no_degree_listed_counts_as_high_school() -> None:
    p = person(level=None, years=4.0)
    assert one(Requirements(min_required="high_school"), p)["education"] == "eligible"
    # bachelor is 2 levels above high school: 4 years of experience open the equivalent route
    req = Requirements(min_required="bachelor", equivalent_experience_ok=True)
    assert one(req, p)["education"] == "eligible_via_experience"
    assert one(req, person(level=None, years=3.9))["education"] == "below_minimum"


def test_preferred_degree_and_field() -> None:
    r = one(Requirements(min_required="bachelor", preferred_levels=("master", "phd"),
                         fields=("statistics",)))
    assert r["preferred_degree_met"] is False and r["field_match"] is False
    r = one(Requirements(min_required="bachelor", preferred_levels=("bachelor",),
                         fields=("computer_science", "mathematics")))
    assert r["preferred_degree_met"] is True and r["field_match"] is True
    r = one(Requirements())
    assert r["preferred_degree_met"] is None and r["field_match"] is None


def test_experience_meets_short_and_unknown() -> None:
    assert one(Requirements(experience_min_years=5))["experience"] == "meets"
    r = one(Requirements(experience_min_years=7.5))
    assert (r["experience"], r["years_short"]) == ("short", 2.5)
    r = one(Requirements(experience_min_years=3), person(years=None))  # unknown = 0 years
    assert (r["experience"], r["years_short"]) == ("short", 3.0)
    assert one(Requirements(), person(years=None))["experience"] == "meets"


def test_skills_covered_and_missing_required_wins_over_preferred() -> None:
    req = Requirements(skills=(PY, TORCH, pref(K8S), pref(MLFLOW), pref(TORCH)))
    r = one(req)
    assert r["required_skills_covered"] == ["python"]
    assert r["required_skills_missing"] == ["pytorch"]
    assert r["preferred_skills_covered"] == ["kubernetes"]
    assert r["preferred_skills_missing"] == ["mlflow"]  # pytorch is listed as required


def test_score_formula_by_hand() -> None:
    # eligible (1.0), short 3 of 6 years (0.5), 1 of 2 required (0.5), 1 of 2 preferred (0.5)
    req = Requirements(min_required="bachelor", experience_min_years=6.0,
                       skills=(PY, TORCH, pref(AWS), pref(MLFLOW)))
    r = one(req, person(years=3.0))
    assert r["score"] == round(100 * (0.30 * 1 + 0.20 * 0.5 + 0.40 * 0.5 + 0.10 * 0.5), 1)
    # via experience (0.75), meets (1), no skills listed (1, 1)
    r = one(Requirements(min_required="master", equivalent_experience_ok=True))
    assert r["score"] == 92.5
    # below minimum, nothing covered
    r = one(Requirements(min_required="phd", experience_min_years=10, skills=(TORCH,)),
            person(years=0.0))
    assert r["score"] == 10.0  # only the empty preferred list scores


def _target_set() -> list[tuple[str, str, str, Requirements]]:
    """10 postings whose shares are known: see each comment."""
    t = []
    # 4 need a bachelor (eligible), 1 of them also lists pytorch as required
    for i in range(4):
        t.append((f"b{i}", "MLE", "Co", Requirements(
            min_required="bachelor", skills=(PY, K8S, *((TORCH,) if i == 0 else ())))))
    # 2 have no requirement
    for i in range(2):
        t.append((f"n{i}", "MLE", "Co", Requirements(min_required="unspecified",
                                                     skills=(PY, pref(TORCH)))))
    # 2 need a master, one accepts equivalent experience (5 ≥ 0 + 2)
    t.append(("m0", "MLE", "Co", Requirements(min_required="master", equivalent_experience_ok=True,
                                              skills=(TORCH, MLFLOW))))
    t.append(("m1", "MLE", "Co", Requirements(min_required="master", skills=(TORCH, STATS))))
    # 2 need a PhD, no equivalent route
    for i in range(2):
        t.append((f"d{i}", "RS", "Co", Requirements(min_required="phd",
                                                    skills=(TORCH, STATS, TALK))))
    return t


def test_shares_across_a_target_set() -> None:
    rep = audit_fit(person(), _target_set())
    d = rep.to_dict()
    assert d["n_postings"] == 10
    assert d["eligible_share"] == 0.6                     # 4 bachelor + 2 no requirement
    assert d["eligible_share_with_equivalent"] == 0.7     # + m0
    assert d["eligible_share_if"] == {"master": 0.8, "phd": 1.0}
    assert d["eligible_share_with_equivalent_if"] == {"master": 0.8, "phd": 1.0}
    assert d["education_counts"] == {"eligible": 4, "eligible_via_experience": 1,
                                     "below_minimum": 3, "no_requirement": 2}
    # pytorch: b0, n0, n1 (preferred), m0, m1, d0, d1 = 7 postings; required in 5 of them
    miss = {m["skill"]: m for m in d["missing_skills"]}
    assert [m["skill"] for m in d["missing_skills"]] == ["pytorch", "statistics", "communication",
                                                        "mlflow"]
    assert (miss["pytorch"]["share"], miss["pytorch"]["required_share"]) == (0.7, 0.5)
    assert miss["statistics"]["share"] == 0.3 and miss["mlflow"]["count"] == 1
    # software mentions: python 6 + kubernetes 4 (container → software), all covered
    assert d["software_coverage"] == 1.0
    # ML mentions: pytorch 7 + mlflow 1 + statistics 3 = 11, none covered; soft skills ignored
    assert d["ml_coverage"] == 0.0


def test_coverage_weighs_skills_by_postings_asking() -> None:
    p = person(skills=("python", "pytorch"))
    d = audit_fit(p, _target_set()).to_dict()
    assert d["software_coverage"] == 0.6                  # python 6 of 10 mentions
    assert d["ml_coverage"] == round(7 / 11, 4)
    assert [m["skill"] for m in d["missing_skills"]][:2] == ["kubernetes", "statistics"]


def test_if_shares_keep_the_basis_of_the_shares_now() -> None:
    # d (PhD, equivalent experience accepted) is open today only via experience (5 ≥ 0 + 2·2);
    # a master's opens m on both bases while d stays a via-experience posting; a PhD opens both
    t = [("d", "", "", Requirements(min_required="phd", equivalent_experience_ok=True)),
         ("m", "", "", Requirements(min_required="master"))]
    d = audit_fit(person(years=5.0), t).to_dict()
    assert (d["eligible_share"], d["eligible_share_with_equivalent"]) == (0.0, 0.5)
    assert d["eligible_share_if"] == {"master": 0.5, "phd": 1.0}
    assert d["eligible_share_with_equivalent_if"] == {"master": 1.0, "phd": 1.0}


def test_empty_target_set() -> None:
    d = audit_fit(person(), []).to_dict()
    assert d["n_postings"] == 0 and d["eligible_share"] is None and d["postings"] == []


def test_json_shape_is_the_documented_contract() -> None:
    d = audit_fit(person(), _target_set()).to_dict()
    for key in ("profile", "n_postings", "eligible_share", "eligible_share_with_equivalent",
                "eligible_share_if", "software_coverage", "ml_coverage", "missing_skills",
                "postings", "score_formula"):
        assert key in d
    assert set(d["eligible_share_if"]) == {"master", "phd"}
    assert set(d["missing_skills"][0]) >= {"skill", "share"}
    post = d["postings"][0]
    assert set(post) >= {"id", "education", "experience", "years_short",
                         "required_skills_missing", "score"}
    assert post["education"] in ("eligible", "eligible_via_experience", "below_minimum",
                                 "no_requirement")
    assert post["experience"] in ("meets", "short")
    assert isinstance(post["score"], float)
    assert d["profile"]["highest_degree"] == "bachelor"


_levels = st.sampled_from((*DEGREE_LEVELS, "none", "unspecified"))
_years = st.one_of(st.none(), st.sampled_from((0.0, 1.0, 2.0, 3.5, 5.0, 8.0, 12.0)))


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(_levels, st.booleans(), _years), min_size=1, max_size=30),
       st.sampled_from((None, *DEGREE_LEVELS)), st.sampled_from((0.0, 2.0, 4.0, 6.0, 9.0)))
def test_vectorised_education_matches_the_scalar_rule(rows: list, level: str | None,
                                                      years: float) -> None:
    """The Arrow implementation agrees with the one-posting rule it vectorises."""
    targets = [(f"p{i}", "", "", Requirements(min_required=m, equivalent_experience_ok=e,
                                              experience_min_years=y))
               for i, (m, e, y) in enumerate(rows)]
    p = person(level=level, years=years)
    got = [x.education for x in audit_fit(p, targets).postings]
    rank = max(p.degree_rank, 0)
    assert got == [education_status(rank, years, m, e, y) for m, e, y in rows]


def test_target_set_from_tuples_codes_skills_once() -> None:
    rng = random.Random(3)
    skills = [PY, K8S, AWS, TORCH, MLFLOW]
    targets = [(f"p{i}", "", "", Requirements(skills=tuple(rng.sample(skills, 3))))
               for i in range(20)]
    ts = TargetSet.from_requirements(targets)
    assert len(ts) == 20
    assert sorted(v[0] for v in ts.vocab) == sorted(s.id for s in skills)


def test_summary_without_postings_keeps_every_figure() -> None:
    rep = audit_fit(person(), _target_set())
    full, summary = rep.to_dict(), rep.to_dict(include_postings=False)
    assert summary["postings"] == [] and len(full["postings"]) == 10
    assert {k: v for k, v in full.items() if k != "postings"} == \
        {k: v for k, v in summary.items() if k != "postings"}
