"""Years of experience: the fewest years with which a candidate meets the required qualifications.

Rules (GUIDELINES.md): a range takes its low end; requirements that all apply take the largest;
alternatives ("or", a degree path that lowers the years) take the smallest; preferred-only years
do not count; ``None`` when no years are required.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from . import patterns as P
from ._cues import cue_spans, governing_cue, has_preferred_stem
from ._doc import YRS, Doc, Sentence
from ._education import DegreeMention
from ._model import DEGREE_RANK, Evidence
from .patterns import _lc

_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
          "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20, "a": 1, "an": 1}
_WORD_VALUES = {k: float(v) for k, v in _WORDS.items()}
_OR = re.compile(r"\bor\b|/", re.IGNORECASE)
# "401k match after 1 year" / "12-month contract" / "4-year vesting": not experience
_NOT_EXPERIENCE_SENTENCE = _lc(
    r"\bvest|\bcontract\b|\bduration\b|\b401|\bbonus\b|\bsalary\b|\bper\s+year\b|\ba\s+year\b(?=\s+(?:in|of\s+(?:pay|salary)))|"
    r"\bold\b|\bage\b|\bago\b|\bhistory\b|\bfounded\b|\bestablished\b|\bin\s+business\b|\bleave\b|\bpto\b|"
    r"\bvacation\b|\bholiday|\bmonths?\s+(?:assignment|project)|\bassignment\b|\bterm\b|\bper\s+month\b|"
    r"\bposition\s+is\s+for\b|\bextension\b|\bwe\s+have\s+been\b|\bwe've\s+been\b|\bhas\s+been\b")
# "(2 years+ post Ph.D.)" / "3+ with a PhD": a figure for a degree path, an alternative to the others
_DEGREE_PATH = _lc(r"\bpost[\s-]*(?:ph|doc)|\bwith\s+(?:an?\s+)?(?:ph\.?\s?d|master|ms\b|m\.s|doctor)")
# "six months to one year" / "3 - 5 years": the second figure is the top of a range
_RANGE_GAP = re.compile(r"^\s*(?:-|–|—|to)\s*$", re.IGNORECASE)


# not frozen: a frozen dataclass's ``__init__`` sets each field through ``object.__setattr__``;
# treat as read-only
@dataclass(slots=True)
class YearsFigure:
    value: float
    sentence: Sentence
    start: int
    end: int


def years_figures(doc: Doc) -> list[YearsFigure]:
    """Every required years-of-experience figure, in text order."""
    out: list[YearsFigure] = []
    for s in [s for s in doc.sentences if s.kinds & YRS and s.polarity != "preferred"]:
        low = s.low
        if "year" not in low and "yr" not in low and "month" not in low:
            continue  # every ``YEARS`` match ends in one of these units: skip the regex scan
        # the sentence-level tests first: they are cheaper than the scan, and skip it when they fail
        if "experience" not in low:
            if s.polarity == "neutral" and "exp " not in low:
                continue
            if _NOT_EXPERIENCE_SENTENCE.search(low):
                continue
        matches = years_matches(low)
        if matches:
            out.extend(_sentence_figures(s, matches))
    return out


# Where a ``YEARS`` unit can start, and the characters ``YEARS`` allows between a figure's start
# and its unit (digits, spaces, "+", "(", ")", dashes and the letters of its number words, "plus",
# "to" and "or"); the second runs on the reversed text to walk back from a unit.
_UNIT_START = re.compile(r"y(?:ea)?r|month")
_BEFORE_UNIT_REVERSED = re.compile(r"[\s\d.+()\-–—aefghilnoprstuvwxy]*")


def years_matches(low: str) -> list[re.Match[str]]:
    """``list(P.YEARS.finditer(low))``, scanning only near the units.

    A match cannot start before the run of allowed characters that ends at the first unit after
    the previous match, so each search starts there: the words before the figure ("Bachelor's
    degree in Computer Science and ...") and the text after the last unit are never scanned.
    """
    out: list[re.Match[str]] = []
    pos = 0
    while True:
        unit = _UNIT_START.search(low, pos)
        if unit is None:
            return out
        q = unit.start()
        run = _BEFORE_UNIT_REVERSED.match(low[pos:q][::-1])
        assert run is not None  # (a ``*`` pattern always matches)
        m = P.YEARS.search(low, q - run.end())
        if m is None:
            return out
        out.append(m)
        pos = m.end()


def _sentence_figures(s: Sentence, matches: list[re.Match[str]]) -> list[YearsFigure]:
    """The figures of one sentence's ``YEARS`` matches that are required experience."""
    out: list[YearsFigure] = []
    text = s.text
    # only a preferred cue can drop a figure: without one the cue search is skipped
    cues = cue_spans(text) if has_preferred_stem(s.low) else None
    prev_end = -1
    for m in matches:
        start, end = m.span()
        if prev_end >= 0 and _RANGE_GAP.match(text[prev_end:start]):
            prev_end = end
            continue
        prev_end = end
        low_tok, unit = m.group("low", "unit")
        val = _WORD_VALUES.get(low_tok)  # (the token is lower case: it was read from ``s.low``)
        if val is None:
            try:
                val = float(low_tok)
            except ValueError:
                continue
        if unit[0] == "m":  # months
            val = round(val / 12.0, 2)
        if val <= 0 or val > 30:
            continue
        if _history_before(text[max(0, start - 30):start]):
            continue
        # (" old" / " ago" / " of age" after the unit: ``YEARS`` itself refuses those)
        if cues is not None and governing_cue(text, start, end, cues, [], years=True) == "preferred":
            continue
        out.append(YearsFigure(val, s, start, end))
    return out


def _history_before(before: str) -> bool:
    """``YEARS_NOT_EXPERIENCE`` on the text before a figure ("in the last 5 years")."""
    if before.isascii():  # (where lower-casing folds case exactly as IGNORECASE does)
        low = before.lower()
        # every match holds one of these words ("in business for", "been ... for")
        if not ("for" in low or "over" in low or "than" in low or "within" in low or "past" in low
                or "last" in low or "next" in low or "first" in low or "history" in low
                or "founded" in low or "since" in low):
            return False
    return P.YEARS_NOT_EXPERIENCE.search(before) is not None


def _sentence_value(figs: list[YearsFigure]) -> float:
    """One sentence: alternatives joined by "or" take the smallest, else the largest."""
    if len(figs) == 1:
        return figs[0].value
    text = figs[0].sentence.low
    for a, b in itertools.pairwise(figs):
        if _OR.search(text[a.end:b.start]):
            return min(f.value for f in figs)
    if _DEGREE_PATH.search(text):
        return min(f.value for f in figs)
    return max(f.value for f in figs)


def extract_years(doc: Doc, degrees: list[DegreeMention], min_required: str) -> tuple[float | None, list[Evidence]]:
    figs = years_figures(doc)
    if not figs:
        return None, []
    by_sentence: dict[Sentence, list[YearsFigure]] = {}
    for f in figs:
        got = by_sentence.get(f.sentence)
        if got is None:
            by_sentence[f.sentence] = [f]
        else:
            got.append(f)
    floor = DEGREE_RANK.get(min_required, DEGREE_RANK["bachelor"])

    base: tuple[float, Sentence] | None = None  # the largest; the first of equals
    advanced: tuple[float, Sentence] | None = None  # the smallest; the first of equals
    for s, sf in by_sentence.items():
        value = _sentence_value(sf)
        degs = [d for d in degrees if d.sentence is s and d.polarity == "required"]
        # "3 years with a Master's degree": a graduate route that lowers the years is an alternative
        if degs and min(DEGREE_RANK[d.level] for d in degs) > floor and len(sf) == 1:
            if advanced is None or value < advanced[0]:
                advanced = (value, s)
        elif base is None or value > base[0]:
            base = (value, s)
    if base is None or (advanced is not None and advanced[0] < base[0]):
        assert advanced is not None
        base = advanced
    b_val, b_s = base
    return b_val, [Evidence(b_s.text, b_s.start, b_s.end)]
