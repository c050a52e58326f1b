"""Integrity of the packaged taxonomy data file."""

from __future__ import annotations

import json

from mlepath.extract._model import SKILL_CATEGORIES
from mlepath.extract._taxonomy import DEFAULT_TAXONOMY_PATH, load_taxonomy

# The market report checks published claims against exactly these ids.
CLAIM_IDS = {"python", "java", "distributed_systems", "apis", "pytorch", "tensorflow", "docker",
             "kubernetes", "sagemaker"}


def _data() -> dict:  # type: ignore[type-arg]
    return json.loads(DEFAULT_TAXONOMY_PATH.read_text(encoding="utf-8"))


def test_ids_unique_and_categories_valid() -> None:
    skills = _data()["skills"]
    ids = [s["id"] for s in skills]
    assert len(ids) == len(set(ids))
    assert {s["category"] for s in skills} <= set(SKILL_CATEGORIES)
    # every category is populated
    assert {s["category"] for s in skills} == set(SKILL_CATEGORIES)


def test_claim_ids_exist_with_expected_categories() -> None:
    tax = load_taxonomy()
    assert set(tax.by_id) >= CLAIM_IDS
    assert tax.by_id["pytorch"].category == "ml_framework"
    assert tax.by_id["python"].category == "programming_language"
    assert tax.by_id["distributed_systems"].category == "software_engineering"


def test_every_guard_reference_is_defined() -> None:
    data = _data()
    guards = set(data["guards"])
    for s in data["skills"]:
        assert set((s.get("guarded") or {}).values()) <= guards, s["id"]


def test_onet_attribution_is_kept() -> None:
    meta = _data()["meta"]
    onet = [src for src in meta["sources"] if "O*NET" in src["name"]]
    assert onet and onet[0]["license"] == "CC BY 4.0"
    assert "USDOL/ETA" in onet[0]["attribution"]


def test_no_alias_is_claimed_by_two_curated_skills() -> None:
    owners: dict[str, str] = {}
    for s in _data()["skills"]:
        if "curated" not in s["sources"]:
            continue
        for a in (s["name"], *s["aliases"]):
            assert owners.setdefault(a.lower(), s["id"]) == s["id"], a


def test_load_taxonomy_is_cached() -> None:
    assert load_taxonomy() is load_taxonomy()


def test_onet_spellings_merge_into_curated_ids() -> None:
    from mlepath.extract._skills import find_skills

    tax = load_taxonomy()
    text = "Tools: Oracle Java, Amazon Web Services AWS SageMaker, The MathWorks MATLAB, IBM SPSS."
    assert [m.id for m in find_skills(text, tax)] == ["java", "sagemaker", "matlab", "spss"]


def test_vendor_stripped_common_words_are_not_skills() -> None:
    from mlepath.extract._skills import find_skills

    tax = load_taxonomy()
    # "Microsoft Access" is a skill; "access" and "project" alone are English words.
    assert [m.id for m in find_skills("Microsoft Access", tax)] == ["microsoft_access"]
    assert find_skills("You will have access to the project and word of mouth.", tax) == []
