"""Properties: any text returns a valid, deterministic record whose evidence slices the input."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mlepath.extract import (
    DEGREE_LEVELS,
    FIELDS_OF_STUDY,
    ML_FOCUS_VALUES,
    ROLE_FAMILIES,
    SENIORITY_VALUES,
    Requirements,
    extract_requirements,
)

_WORDS = ["Requirements:", "Preferred:", "Nice to have", "BS", "MS", "PhD", "Ph.D.", "degree", "or",
          "equivalent", "experience", "5+", "3-5", "years", "six months", "in", "Computer Science", "\n",
          "- ", "•", "(", ")", ";", ".", "a plus", "preferred", "required", "Senior", "MA", "İ", "ß", "数据",
          "$", "60.000.95", "USD", "k", "-", "per year", "/hr"]

texts = st.one_of(
    st.text(),
    st.lists(st.sampled_from(_WORDS), max_size=60).map(" ".join),
    st.binary(max_size=400).map(lambda b: b.decode("latin-1")),
)


def _check_valid(text: str, req: Requirements) -> None:
    assert req.min_required in (*DEGREE_LEVELS, "none", "unspecified")
    assert set(req.preferred_levels) <= set(DEGREE_LEVELS)
    assert list(req.preferred_levels) == sorted(req.preferred_levels, key=DEGREE_LEVELS.index)
    assert set(req.fields) <= set(FIELDS_OF_STUDY) and list(req.fields) == sorted(req.fields)
    assert req.role_family in ROLE_FAMILIES and req.ml_focus in ML_FOCUS_VALUES
    assert req.seniority in SENIORITY_VALUES
    assert req.experience_min_years is None or 0 < req.experience_min_years <= 30
    if req.equivalent_experience_ok:
        assert req.min_required in DEGREE_LEVELS
    for evs in req.evidence.values():
        for ev in evs:
            if ev.start >= 0:  # -1: evidence from the title or a structured field
                assert text[ev.start:ev.end] == ev.text


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=texts, title=st.text(max_size=40))
def test_any_text_gives_a_valid_deterministic_record(text: str, title: str) -> None:
    req = extract_requirements(text, title=title)
    _check_valid(text, req)
    assert extract_requirements(text, title=title) == req


def test_empty_and_huge_inputs() -> None:
    _check_valid("", extract_requirements(""))
    big = ("Requirements:\n- BS in Computer Science and 3+ years of Python.\n" * 20000)[:1_000_000]
    req = extract_requirements(big, title="Data Scientist")
    _check_valid(big, req)
    assert req.min_required == "bachelor" and req.experience_min_years == 3


def test_binary_junk_and_mixed_scripts() -> None:
    junk = bytes(range(256)).decode("latin-1") * 50 + "\x00\ufffd İstanbul 数据科学家 Ph.D. 需要"
    _check_valid(junk, extract_requirements(junk, title="\x00"))
