"""Property tests: any text, however odd, gives valid mentions (and a valid salary or None)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from mlepath.extract._model import Salary
from mlepath.extract._salary import extract_salary
from mlepath.extract._skills import find_skills
from mlepath.extract._taxonomy import load_taxonomy

TAX = load_taxonomy()
# Skill names, salary fragments and awkward characters mixed into arbitrary text, so the
# generator reaches the interesting code paths and not only "no match".
PIECES = st.sampled_from([
    "Python", "R", "R&D", "Go", "go to", "C/C++", "C#", ".NET", "ASP.NET", "Spark", "spark",
    "İstanbul", "ß", "Σ", "\u0130", "\x00", "\ufeff", "•", "–", "$150,000 - $200,000", "$60/hr",
    "401(k)", "$10M", "USD 180k", "£50,000", "\n", " ", ",", "APIs", "LLMs", "k8s", "Excel",
])
TEXT = st.lists(st.one_of(PIECES, st.text(max_size=20)), max_size=40).map("".join)


@settings(max_examples=150, deadline=None)
@given(TEXT)
def test_find_skills_offsets_are_valid_and_deterministic(text: str) -> None:
    found = find_skills(text, TAX)
    assert found == find_skills(text, TAX)
    previous = -1
    for m in found:
        assert 0 <= m.start < m.end <= len(text)
        assert m.start >= previous  # text order, no overlaps
        previous = m.end
        assert m.id in TAX.by_id and m.category == TAX.by_id[m.id].category


@settings(max_examples=150, deadline=None)
@given(TEXT)
def test_extract_salary_total_and_deterministic(text: str) -> None:
    got = extract_salary(text)
    assert got == extract_salary(text)
    if got is not None:
        assert isinstance(got, Salary) and got.source == "text"
        assert got.period in {"year", "month", "week", "day", "hour"}
        assert got.max is not None and got.max > 0
        assert got.min is None or got.min <= got.max


@given(st.binary(max_size=2000))
def test_binary_junk(data: bytes) -> None:
    text = data.decode("latin-1")
    assert isinstance(find_skills(text, TAX), list)
    extract_salary(text)


def test_one_megabyte_posting() -> None:
    text = ("Python, R and SQL. Salary: $150,000 - $200,000 per year. " * 20_000)[:1_000_000]
    found = find_skills(text, TAX)
    assert {m.id for m in found} == {"python", "r", "sql"}
    assert extract_salary(text) == Salary(150_000, 200_000, "USD", "year", "text")
