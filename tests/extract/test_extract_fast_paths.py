"""Fast paths give exactly what the plain definition they replace gives."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from mlepath.extract import _doc, _salary
from mlepath.extract import patterns as P

_LINE_PIECES = ["\n", " ", "\t", ":", "–", "—", "Preferred", "Requirements", "Nice to have", "a",
                "B", "x" * 44, "é", "•", ".", "PhD", "(", "Qualifications", "what you'll need"]
lines = st.lists(st.sampled_from(_LINE_PIECES), max_size=40).map(lambda xs: "\n" + "".join(xs))


@settings(max_examples=400, deadline=None)
@given(lines)
def test_inline_heads_are_finditer(padded: str) -> None:
    want = [(m.start(), m.end(), m.group(1)) for m in _doc._INLINE_HEAD.finditer(padded)]
    got = [(m.start(), m.end(), m.group(1)) for m in _doc._inline_heads(padded)]
    assert got == want


def test_inline_heads_with_deep_indentation() -> None:
    padded = "\n" + " " * 80 + "Preferred: PhD\nabout: us"
    assert [m.group(1) for m in _doc._inline_heads(padded)] == ["Preferred", "about"]


# the heading patterns as first written: one \b(?:...)\b group (patterns.py groups them by letter)
_PLAIN = {name: re.compile(r"\b(?:\b(?:" + words + r")\b)") for name, words in (
    ("HEADING_PREFERRED", P._HEADING_WORDS_PREFERRED), ("HEADING_REQUIRED", P._HEADING_WORDS_REQUIRED),
    ("HEADING_NEUTRAL", P._HEADING_WORDS_NEUTRAL))}
_WORDS = ["preferred", "nice to have", "nice-to-haves", "bonus points", "a plus", "what you'll need",
          "what we’re looking for", "about you", "you have", "skills", "the role", "day-to-day",
          "in this role", "x", " ", "-", "'", "’", "é", "about", "team", "teams", "roles"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_WORDS), max_size=12).map(" ".join))
def test_grouped_heading_patterns_match_the_plain_ones(line: str) -> None:
    found_any = False
    for name, plain in _PLAIN.items():
        fast = getattr(P, name)
        a, b = plain.search(line), fast.search(line)
        assert (a and a.span()) == (b and b.span()), name
        a, b = plain.match(line), fast.match(line)
        assert (a and a.span()) == (b and b.span()), name
        found_any = found_any or a is not None or plain.search(line) is not None
    assert (P.HEADING_ANY.search(line) is not None) == found_any


_MONEY = ["$", "£", "€", "USD", "usd", "Usd", "AUD", "EUR", "eur", "CAD", "GBP", "neural", "audit",
          "150,000", "90k", " - ", " per year", "/hr", " ", "\n", "salary", "pay range", "US$", "İ"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_MONEY), max_size=30).map("".join))
def test_currency_marks_find_the_first_currency(text: str) -> None:
    marks = _doc.analyse(text).currency_marks
    assert _salary._first_marked(text, marks) == _salary._first_currency(text)
    assert _salary.extract_salary(text, marks) == _salary.extract_salary(text)
