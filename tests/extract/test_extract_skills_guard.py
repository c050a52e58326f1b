"""The guard rules, measured on hand-labelled hits of ambiguous names from real postings.

The labels in ``skills_guard_sample.json`` were written by a person reading each snippet (see its
``meta``); the code under test never produced them.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from mlepath.extract._skills import find_skills
from mlepath.extract._taxonomy import DEFAULT_TAXONOMY_PATH, load_taxonomy

SAMPLE = Path(__file__).resolve().parent / "skills_guard_sample.json"


def _items() -> list[dict]:  # type: ignore[type-arg]
    return json.loads(SAMPLE.read_text(encoding="utf-8"))["items"]


def _kept(item: dict) -> bool:  # type: ignore[type-arg]
    found = find_skills(item["text"], load_taxonomy())
    return any(m.id == item["skill_id"] and m.start == item["start"] for m in found)


def test_sample_is_what_it_claims() -> None:
    items = _items()
    assert len(items) == 143
    for it in items:
        assert it["text"][it["start"]:it["end"]].lower() == it["alias"]


def test_guard_precision_and_recall_on_labelled_sample() -> None:
    items = _items()
    kept = [it for it in items if _kept(it)]
    true = [it for it in items if it["is_skill"]]
    precision = sum(it["is_skill"] for it in kept) / len(kept)
    recall = sum(1 for it in kept if it["is_skill"]) / len(true)
    # Without the guard every hit is kept: precision is the share of true hits (107/143).
    assert len(true) / len(items) < 0.76
    assert precision >= 0.97
    assert recall >= 0.9


@pytest.mark.parametrize("alias", ["go", "swift", "c"])
def test_guard_rejects_the_common_word_senses(alias: str) -> None:
    wrong = [it for it in _items() if it["alias"] == alias and not it["is_skill"]]
    assert wrong and not any(_kept(it) for it in wrong)


def test_case_exact_guards_name_a_cased_surface() -> None:
    # A case-exact guard on an alias written in lower case could never fire on "Dash"/"REST".
    data = json.loads(DEFAULT_TAXONOMY_PATH.read_text(encoding="utf-8"))
    exact = {name for name, g in data["guards"].items() if g.get("match_case")}
    for s in data["skills"]:
        surfaces = {a.lower(): a for a in (s["name"], *s["aliases"])}
        for alias, guard in (s.get("guarded") or {}).items():
            if guard in exact:
                assert surfaces[alias] != surfaces[alias].lower(), (s["id"], alias)
