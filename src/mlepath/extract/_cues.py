"""Which cue governs a mention inside a sentence: "Master's preferred", "required: BS", "ideally a PhD".

The section heading sets the default; a cue in the mention's own clause overrides it. Under a
preferred heading everything stays preferred, even when phrased firmly (GUIDELINES.md).
"""

from __future__ import annotations

import functools
import re
from typing import Literal

from . import patterns as P
from ._scan import KeyScanner
from ._text import lower_same_length

Level = Literal["required", "preferred"]

# a clause ends at ";" and at ", but" / "while"; a cue beyond one does not reach back
_HARD_BOUNDARY = re.compile(r";|\bbut\b|\bwhile\b|\bhowever\b|\. ", re.IGNORECASE)
# "experience with Spark preferred": a cue after this belongs to another requirement
_NEW_REQUIREMENT = re.compile(r"\b(?:and|with|plus)\s+(?:\d|one|two|three|four|five|hands|strong|solid|proven|deep|"
                              r"experience|knowledge|familiarity|proficiency)", re.IGNORECASE)
_OTHER_REQUIREMENT = re.compile(r"\b(?:and|with|plus)\s+(?:\d|one|two|three|four|five|hands|strong|solid|proven|deep|"
                                r"experience|knowledge|familiarity|proficiency)|\bexperience\s+(?:with|in|using)\b",
                                re.IGNORECASE)


# The same tests for ASCII text, the usual case: on ASCII, the lower-cased text without
# IGNORECASE matches where IGNORECASE would, and each alternative opens with its letter and a
# look-behind for the word start (``\\b`` before a letter), so ``re`` skips ahead to candidates.
# Only whether they match is used, so their alternatives may come in any order.
_HARD_BOUNDARY_ASCII = re.compile(r";|\. |b(?<!\wb)ut\b|w(?<!\ww)hile\b|h(?<!\wh)owever\b")
_REQUIREMENT_HEAD = (r"\s+(?:\d|one|two|three|four|five|hands|strong|solid|proven|deep|"
                     r"experience|knowledge|familiarity|proficiency)")
_NEW_REQUIREMENT_ASCII = re.compile(
    rf"a(?<!\wa)nd{_REQUIREMENT_HEAD}|w(?<!\ww)ith{_REQUIREMENT_HEAD}|p(?<!\wp)lus{_REQUIREMENT_HEAD}")
_OTHER_REQUIREMENT_ASCII = re.compile(
    _NEW_REQUIREMENT_ASCII.pattern + r"|e(?<!\we)xperience\s+(?:with|in|using)\b")


def _matches(pattern: re.Pattern[str], ascii_pattern: re.Pattern[str], text: str) -> bool:
    """Whether ``pattern`` (IGNORECASE) matches in ``text``, through ``ascii_pattern`` on ASCII."""
    if text.isascii():
        return ascii_pattern.search(text.lower()) is not None
    return pattern.search(text) is not None


_FORWARD_ONLY = {"preferably", "ideally", "prefer", "preference"}


# cheap substring tests before the cue regexes (every cue contains one of these)
PREFERRED_STEMS = ("prefer", "plus", "nice", "ideal", "desir", "bonus", "advantag", "benefic", "helpful",
                    "great", "would be", "not required", "optional", "apprecia", "encourag", "valued", "welcome")
REQUIRED_STEMS = ("requir", "must", "minimum", "mandatory", "essential")
# both stem lists in one scanner: one pass over a sentence instead of 22 substring scans
_PREF, _REQ = 1, 2
_STEMS: KeyScanner[int] = KeyScanner({("", stem, ""): _PREF for stem in PREFERRED_STEMS}
                                     | {("", stem, ""): _REQ for stem in REQUIRED_STEMS})


def _stem_kinds(low: str) -> int:
    """``_PREF`` if a preferred stem is in ``low``, ``_REQ`` if a required one is (or both)."""
    kinds = 0
    for _end, kind in _STEMS.scan(low):
        kinds |= kind
    return kinds


def has_preferred_stem(low: str) -> bool:
    """Whether ``low`` (lower-cased) can hold a preferred cue: without one of ``PREFERRED_STEMS``,
    ``cue_spans`` finds no preferred cue in it."""
    return bool(_stem_kinds(low) & _PREF)


def cue_spans(sentence: str) -> list[tuple[int, int, Level]]:
    """Every preferred/required cue in a sentence, in order."""
    # memoised: the degree and the years passes both ask about the same sentences (long ones are
    # not kept, so the cache stays small whatever the input)
    if len(sentence) > 1000:
        return list(_cue_spans.__wrapped__(sentence))
    return list(_cue_spans(sentence))


@functools.lru_cache(maxsize=256)  # reuse is within one posting
def _cue_spans(sentence: str) -> tuple[tuple[int, int, Level], ...]:
    spans: list[tuple[int, int, Level]] = []
    low = lower_same_length(sentence)
    kinds = _stem_kinds(low)
    if kinds & _PREF:
        for m in P.CUE_PREFERRED.finditer(low):
            spans.append((m.start(), m.end(), "preferred"))
    if not kinds & _REQ:
        spans.sort()
        return tuple(spans)
    for m in P.CUE_REQUIRED.finditer(low):
        # "not required" is already a preferred cue
        if not any(s <= m.start() < e for s, e, _ in spans):
            spans.append((m.start(), m.end(), "required"))
    spans.sort()
    return tuple(spans)


# "Master's or PhD" / "BS, MS, or PhD" / "Master's degree in CS or PhD": one group of alternatives
_TIGHT = re.compile(r"^[\s,/]*(?:or|and|and/or|&)?\s*(?:an?\s+)?$", re.IGNORECASE)
_DEGREE_WORD = re.compile(r"\bdegrees?\b", re.IGNORECASE)


def _tight(between: str) -> bool:
    b = _DEGREE_WORD.sub(" ", between)
    if _TIGHT.match(b):
        return True
    return len(b) <= 45 and not any(c in b for c in ",(;")


def governing_cue(sentence: str, start: int, end: int, cues: list[tuple[int, int, Level]],
                  mentions: list[tuple[int, int]], *, years: bool = False) -> Level | None:
    """The cue that governs the mention at ``sentence[start:end]``, or ``None`` (use the section).

    A cue after the mention governs it when nothing separates them ("Master's or PhD preferred");
    else a cue just before it ("ideally a PhD", "Preferred: MS"), or one opening the sentence.
    """
    for cs, ce, level in cues:
        if cs >= end:
            if sentence[cs:ce].lower() in _FORWARD_ONLY:
                continue  # "2+ years, preferably in SaaS": the cue softens what follows it
            between = sentence[end:cs]
            if "(" in between and between[:between.index("(")].strip() and not between.rstrip().endswith("("):
                break  # "3+ years (ideally with a Master's)": the aside is about something else
            if len(between) > 140 or _matches(_HARD_BOUNDARY, _HARD_BOUNDARY_ASCII, between):
                break
            # after a years figure, "experience in X" is what the years are of, not a new requirement
            if _matches(_NEW_REQUIREMENT, _NEW_REQUIREMENT_ASCII, between) if years else \
                    _matches(_OTHER_REQUIREMENT, _OTHER_REQUIREMENT_ASCII, between):
                break
            # another mention before the cue: the cue reaches back only over a tight group
            prev_end = end
            ok = True
            for ms, me in mentions:
                if ms >= end and me <= cs:
                    if not _tight(sentence[prev_end:ms]):
                        ok = False
                        break
                    prev_end = me
            if not ok:
                break
            return level
    before: tuple[int, int, Level] | None = None
    for cs, ce, level in cues:
        if ce <= start:
            before = (cs, ce, level)
    if before is not None:
        cs, ce, level = before
        between = sentence[ce:start]
        # "MS preferred, or BA/BS ...": a cue right after another mention is that mention's tag
        tagged = any(me <= cs and cs - me <= 25 and "," in sentence[ce:start] for _ms, me in mentions
                     if me <= cs)
        if not tagged and not _matches(_HARD_BOUNDARY, _HARD_BOUNDARY_ASCII, between) and \
                (len(between) <= 30 or cs <= 12):
            # a mention between the cue and this one shares the cue only when nothing else intervenes
            return level
    return None
