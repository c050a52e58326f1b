"""load_targets over a real store agrees with auditing the same Requirements in memory."""

from __future__ import annotations

from mlepath.extract import Requirements, SkillHit
from mlepath.profile import Degree, Profile, audit_fit, load_targets
from mlepath.sources import Posting
from mlepath.store import Store

PY = SkillHit("python", "Python", "programming_language", True)
TORCH = SkillHit("pytorch", "PyTorch", "ml_framework", True)
K8S = SkillHit("kubernetes", "Kubernetes", "mlops", False)


def _reqs() -> list[tuple[str, str, str, Requirements]]:
    return [
        ("s:1", "ML Engineer", "Acme", Requirements(
            min_required="bachelor", role_family="ml_engineer", ml_focus="applied",
            experience_min_years=3.0, skills=(PY, TORCH, K8S), extractor_version="v1")),
        ("s:2", "Research Scientist", "Beta", Requirements(
            min_required="phd", preferred_levels=("phd",), role_family="research_scientist",
            ml_focus="research", fields=("computer_science",), skills=(TORCH,),
            extractor_version="v1")),
        ("s:3", "ML Engineer II", "acme labs", Requirements(
            min_required="master", equivalent_experience_ok=True, role_family="ml_engineer",
            ml_focus="applied", seniority="senior", skills=(PY,), extractor_version="v1")),
        ("s:4", "Backend Engineer", "Gamma", Requirements(
            role_family="software_engineer", extractor_version="v1")),  # no skills at all
    ]


def _fill(store: Store) -> None:
    reqs = _reqs()
    store.upsert_postings(Posting(id=pid, source="s", title=title, company=company,
                                  description_text=f"text of {pid}") for pid, title, company, _ in reqs)
    store.save_requirements((pid, r) for pid, _, _, r in reqs)


PERSON = Profile(degrees=(Degree("bachelor", "computer_science"),), years_experience=4.0,
                 skills=("python", "kubernetes"))


def test_store_targets_audit_like_in_memory_targets(store: Store) -> None:
    _fill(store)
    from_store = audit_fit(PERSON, load_targets(store)).to_dict()
    in_memory = audit_fit(PERSON, _reqs()).to_dict()
    assert from_store["n_postings"] == 4
    # the same figures and per-posting verdicts, whichever way the targets arrived
    for key in ("eligible_share", "eligible_share_with_equivalent", "eligible_share_if",
                "software_coverage", "ml_coverage", "missing_skills", "education_counts"):
        assert from_store[key] == in_memory[key], key
    assert from_store["postings"] == in_memory["postings"]


def test_filters_select_targets(store: Store) -> None:
    _fill(store)
    assert [p.id for p in audit_fit(PERSON, load_targets(store, role="ml_engineer")).postings] \
        == ["s:1", "s:3"]
    assert len(load_targets(store, role="ml_engineer", seniority="senior")) == 1
    assert len(load_targets(store, company="ACME")) == 2  # case-insensitive substring
    assert len(load_targets(store, focus=["research", "applied"])) == 3
    assert len(load_targets(store, {"role": "data_engineer"})) == 0


def test_market_filters_object_is_accepted(store: Store) -> None:
    from mlepath.market import Filters

    _fill(store)
    targets = load_targets(store, Filters(role="ml_engineer,research_scientist", focus="research"))
    assert list(targets.ids.to_pylist()) == ["s:2"]


def test_saving_an_audit_is_explicit(store: Store) -> None:
    _fill(store)
    assert "fit_audits" not in {r["name"] for r in store.query(
        "SELECT table_name AS name FROM information_schema.tables")}
    report = audit_fit(PERSON, load_targets(store))
    audit_id = store.save_fit_audit("me.yaml", PERSON.to_dict(), report.to_dict())
    assert audit_id == 1
    assert store.scalar("SELECT source FROM fit_audits WHERE id = 1") == "me.yaml"


def test_cached_targets_follow_new_extractions(store: Store) -> None:
    _fill(store)
    first = load_targets(store, role="ml_engineer")
    assert load_targets(store, role="ml_engineer").ids.to_pylist() == first.ids.to_pylist()
    # re-extract s:4 as an ML engineer posting: the next load must see it, not the cached columns
    store.save_requirements([("s:4", Requirements(role_family="ml_engineer", skills=(TORCH,),
                                                  extractor_version="v2"))])
    again = load_targets(store, role="ml_engineer")
    assert again.ids.to_pylist() == ["s:1", "s:3", "s:4"]
    assert load_targets(store, role="ml_engineer", cache=False).ids.to_pylist() == \
        ["s:1", "s:3", "s:4"]
