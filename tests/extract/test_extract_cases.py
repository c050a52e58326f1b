"""Golden snippets: one test per line of ``cases.jsonl`` (a fixed misparse becomes a new line)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from mlepath.extract import extract_requirements

CASES = [json.loads(line) for line in
         (Path(__file__).parent / "cases.jsonl").read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_case(case: dict[str, Any]) -> None:
    req = extract_requirements(case["text"], title=case.get("title", ""))
    got = {
        "min_required": req.min_required,
        "preferred_levels": list(req.preferred_levels),
        "equivalent_experience_ok": req.equivalent_experience_ok,
        "fields": list(req.fields),
        "experience_min_years": req.experience_min_years,
        "role_family": req.role_family,
        "ml_focus": req.ml_focus,
        "seniority": req.seniority,
    }
    for key, want in case["expect"].items():
        assert got[key] == want, f"{case['name']}: {key} = {got[key]!r}, expected {want!r}"
