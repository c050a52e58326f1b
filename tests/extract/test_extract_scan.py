"""The one-pass scanner: Hyperscan and pyahocorasick find the same hits, so extraction is the same."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mlepath.extract import extract_requirements
from mlepath.extract._doc import KEYWORD_KEYS
from mlepath.extract._scan import KeyScanner, hyperscan
from mlepath.extract._taxonomy import DEFAULT_TAXONOMY_PATH, Taxonomy

needs_hyperscan = pytest.mark.skipif(hyperscan is None, reason="no hyperscan wheel on this platform")

POSTINGS = Path(__file__).resolve().parents[1] / "data" / "scale" / "postings.jsonl"


def _taxonomy(monkeypatch: pytest.MonkeyPatch, backend: str) -> Taxonomy:
    monkeypatch.setenv("MLEPATH_SCANNER", backend)
    tax = Taxonomy.from_dict(json.loads(DEFAULT_TAXONOMY_PATH.read_text(encoding="utf-8")))
    monkeypatch.delenv("MLEPATH_SCANNER")
    return tax


@pytest.fixture(scope="module")
def taxonomies() -> tuple[Taxonomy, Taxonomy]:
    mp = pytest.MonkeyPatch()
    try:
        return _taxonomy(mp, "hyperscan"), _taxonomy(mp, "ahocorasick")
    finally:
        mp.undo()


def _normalised(hits: list[tuple[int, Any]]) -> list[tuple[int, str, Any]]:
    """pyahocorasick merges an alias and a keyword spelled alike into one hit; split them."""
    out: list[tuple[int, str, Any]] = []
    for last, (entry, kw) in hits:
        if entry is not None:
            out.append((last, "skill", (entry.skill_index, entry.length)))
        if kw is not None:
            out.append((last, "keyword", kw))
    return sorted(out)


def test_backend_can_be_forced(taxonomies: tuple[Taxonomy, Taxonomy]) -> None:
    fast, slow = taxonomies
    assert slow.scanner.backend == "ahocorasick"
    assert fast.scanner.backend == ("hyperscan" if hyperscan is not None else "ahocorasick")


@needs_hyperscan
def test_same_hits_on_real_postings(taxonomies: tuple[Taxonomy, Taxonomy]) -> None:
    fast, slow = taxonomies
    assert fast.scanner.backend == "hyperscan"
    rows = [json.loads(line) for line in POSTINGS.read_text(encoding="utf-8").splitlines()]
    assert len(rows) >= 50
    total = 0
    for row in rows:
        padded = " " + row["description"].lower() + " "
        got = _normalised(fast.scanner.scan(padded))
        assert got == _normalised(slow.scanner.scan(padded)), row["id"]
        total += len(got)
    assert total > 50 * 20  # real postings hit many aliases and keywords


@needs_hyperscan
def test_same_requirements_on_real_postings(taxonomies: tuple[Taxonomy, Taxonomy]) -> None:
    fast, slow = taxonomies
    for line in POSTINGS.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        a = extract_requirements(row["description"], fast, title=row["title"])
        b = extract_requirements(row["description"], slow, title=row["title"])
        assert a.to_dict(row["id"]) == b.to_dict(row["id"])


# Boundary characters inside and outside Latin-1, a real "?", and keys that need boundaries.
_PIECES = ["r", "R", "ms", "MS", "go", "bs", "ml", "sql", "python", "pytorch", "degree", "?", "•",
           "’", "“", "–", "é", "数", " ", "\n", ",", ".", "(", ")", "/", "-", "s", "+", "İ", "\u00a0"]


@needs_hyperscan
@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=40).map("".join))
def test_same_hits_on_any_text(taxonomies: tuple[Taxonomy, Taxonomy], text: str) -> None:
    fast, slow = taxonomies
    padded = " " + text.lower() + " "
    assert _normalised(fast.scanner.scan(padded)) == _normalised(slow.scanner.scan(padded))


@pytest.mark.parametrize("backend", ["hyperscan", "ahocorasick"])
@pytest.mark.parametrize(("text", "found"), [
    (" •ms degree ", True),       # a bullet outside Latin-1 is a boundary
    (" successful?ms degree ", False),  # "?" is not a boundary of the "ms" keyword
    (" (ms’ ", True),              # a right curly quote after (outside Latin-1)
    (" ’ms ", False),             # but not before
    (" 数ms ", False),             # a character outside Latin-1 that is not a boundary
    (" items ", False),            # inside a word
])
def test_keyword_boundaries(backend: str, text: str, found: bool) -> None:
    if backend == "hyperscan" and hyperscan is None:
        pytest.skip("no hyperscan wheel on this platform")
    scanner = KeyScanner(KEYWORD_KEYS, backend=backend)
    hits = [kw for _last, kw in scanner.scan(text) if kw[1] == "deg" and kw[0] == 4]
    assert bool(hits) is found
