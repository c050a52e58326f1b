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
from ._cues import cue_spans, governing_cue
from ._doc import YRS, Doc, Sentence
from ._education import DegreeMention
from ._model import DEGREE_RANK, Evidence
from .patterns import _lc

_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
          "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20, "a": 1, "an": 1}
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


@dataclass(frozen=True, slots=True)
class YearsFigure:
    value: float
    sentence: Sentence
    start: int
    end: int


def _num(token: str) -> float | None:
    t = token.lower()
    if t in _WORDS:
        return float(_WORDS[t])
    try:
        return float(t)
    except ValueError:
        return None


def years_figures(doc: Doc) -> list[YearsFigure]:
    """Every required years-of-experience figure, in text order."""
    out: list[YearsFigure] = []
    for s in doc.sentences:
        if s.polarity == "preferred" or not s.kinds & YRS:
            continue
        text = s.text
        low = s.low
        if "year" not in low and "yr" not in low and "month" not in low:
            continue  # every ``YEARS`` match ends in one of these units: skip the regex scan
        matches = list(P.YEARS.finditer(low))
        if not matches:
            continue
        if s.polarity == "neutral" and "experience" not in low and "exp " not in low:
            continue
        if "experience" not in low and _NOT_EXPERIENCE_SENTENCE.search(low):
            continue
        cues = cue_spans(text)
        prev_end = -1
        for m in matches:
            if prev_end >= 0 and _RANGE_GAP.match(text[prev_end:m.start()]):
                prev_end = m.end()
                continue
            prev_end = m.end()
            low_tok = m.group("low")
            if low_tok.lower() in ("a", "an") and m.group("high") is None:
                # "a year" counts; "a 3-year" never reaches here
                pass
            val = _num(low_tok)
            if val is None:
                continue
            if m.group("unit").lower().startswith("month"):
                val = round(val / 12.0, 2)
            if val <= 0 or val > 30:
                continue
            if P.YEARS_NOT_EXPERIENCE.search(text[max(0, m.start() - 30):m.start()]):
                continue
            after = text[m.end():m.end() + 20].lower()
            if after.startswith((" old", " ago", " of age")):
                continue
            cue = governing_cue(text, m.start(), m.end(), cues, [], years=True)
            if cue == "preferred":
                continue
            out.append(YearsFigure(val, s, m.start(), m.end()))
    return out


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
        by_sentence.setdefault(f.sentence, []).append(f)
    floor = DEGREE_RANK.get(min_required, DEGREE_RANK["bachelor"])
    deg_by_sentence: dict[Sentence, list[DegreeMention]] = {}
    for d in degrees:
        deg_by_sentence.setdefault(d.sentence, []).append(d)

    base: list[tuple[float, Sentence]] = []
    advanced: list[tuple[float, Sentence]] = []
    for s, sf in by_sentence.items():
        value = _sentence_value(sf)
        degs = [d for d in deg_by_sentence.get(s, []) if d.polarity == "required"]
        # "3 years with a Master's degree": a graduate route that lowers the years is an alternative
        if degs and min(DEGREE_RANK[d.level] for d in degs) > floor and len(sf) == 1:
            advanced.append((value, s))
        else:
            base.append((value, s))
    if base:
        b_val, b_s = max(base, key=lambda x: x[0])
        if advanced:
            a_val, a_s = min(advanced, key=lambda x: x[0])
            if a_val < b_val:
                return a_val, [Evidence(a_s.text, a_s.start, a_s.end)]
        return b_val, [Evidence(b_s.text, b_s.start, b_s.end)]
    a_val, a_s = min(advanced, key=lambda x: x[0])
    return a_val, [Evidence(a_s.text, a_s.start, a_s.end)]
