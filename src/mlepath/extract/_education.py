"""Degrees: the lowest required level, preferred levels, experience-for-degree, fields of study."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from . import patterns as P
from ._cues import cue_spans, governing_cue
from ._doc import DEG, EQ, Doc, Sentence
from ._fields import fields_in_lower, find_fields
from ._model import DEGREE_RANK, Evidence
from ._text import lower_same_length


@dataclass(frozen=True, slots=True)
class DegreeMention:
    level: str
    polarity: str  # required | preferred
    sentence: Sentence
    start: int  # offsets inside the sentence
    end: int


@dataclass(slots=True)
class Education:
    min_required: str = "unspecified"
    preferred_levels: tuple[str, ...] = ()
    equivalent_experience_ok: bool = False
    fields: tuple[str, ...] = ()
    mentions: list[DegreeMention] = field(default_factory=list)
    evidence: dict[str, list[Evidence]] = field(default_factory=dict)


def _ev(s: Sentence) -> Evidence:
    return Evidence(s.text, s.start, s.end)


def _level_of(m_group: str, text: str, sentence: str, start: int) -> str | None:
    if m_group != "degree":
        return m_group
    low = text.lower()
    if low.startswith("degree"):
        # "high degree of", "360-degree", "to some degree": not a diploma
        if P.DEGREE_NOT_DIPLOMA.search(sentence[max(0, start - 12):start]):
            return None
        return "bachelor"
    if low.startswith("diploma"):
        # "high school diploma" is caught as high_school; a bare "diploma" is not a level
        return None
    if low.startswith("graduat"):
        return None
    return None


def degree_mentions(doc: Doc) -> list[DegreeMention]:
    """Every degree-level mention in the marked sentences, with the polarity that governs it."""
    out: list[DegreeMention] = []
    hits = doc.degree_hits
    n_hits = len(hits)
    low_all = doc.low
    match = P.DEGREE.match
    for s in doc.sentences:
        if not s.kinds & DEG:
            continue
        # most marked sentences only share a line with a degree word: skip them on one bisect
        lo = bisect.bisect_left(hits, s.start)
        if lo == n_hits or hits[lo] >= s.end:
            continue
        hi = bisect.bisect_left(hits, s.end, lo + 1)
        # the keyword pass found where degree words start; the regex only confirms them there
        matches: list[re.Match[str]] = []
        last_end = -1
        for pos in hits[lo:hi]:
            if pos >= last_end and (m := match(low_all, pos, s.end)) is not None:
                matches.append(m)
                last_end = m.end()
        found = _found(s, matches) if matches else None
        if not found:
            continue
        has_level = any(f[3] != "degree" for f in found)
        # a bare "degree" next to a level word belongs to it ("Master's degree"); alone it is a bachelor
        levelled = [f for f in found if f[3] != "degree"] if has_level else found[:1]
        if not _looks_like_requirement(s, levelled):
            continue
        if s.polarity == "preferred":
            # under a preferred heading every mention stays preferred: no cue can change that
            out.extend(DegreeMention(level, "preferred", s, st, en) for st, en, level, _k in levelled)
            continue
        cues = cue_spans(s.text)
        spans = [(f[0], f[1]) for f in levelled]
        for st, en, level, _k in levelled:
            cue = governing_cue(s.text, st, en, cues, spans) if cues else None
            out.append(DegreeMention(level, cue or "required", s, st, en))
    return out


def _found(s: Sentence, matches: list[re.Match[str]]) -> list[tuple[int, int, str, str]]:
    """The ``DEGREE`` matches (offsets in the posting) in ``s`` that name a level, as
    ``(start, end, level, kind)`` with offsets in the sentence."""
    low = s.low
    no_degree = P.NO_DEGREE.search(low) if "degree" in low else None
    post = "post" in low
    found: list[tuple[int, int, str, str]] = []
    for m in matches:
        st, en = m.start() - s.start, m.end() - s.start
        if no_degree and no_degree.start() <= st < no_degree.end():
            continue  # "No degree required" states the absence of a requirement
        kind = m.lastgroup or "degree"
        level = kind if kind != "degree" else _level_of(kind, m.group(0), s.text, st)
        if level is None:
            continue
        if post and s.text[max(0, st - 6):st].lower().rstrip(" -").endswith("post"):
            continue  # "2+ years post-PhD": a career stage, not a degree requirement
        found.append((st, en, level, kind))
    return found


# a degree word in a sentence with one of these describes the company or a benefit
_NOT_REQUIREMENT = ("tuition", "reimburse", "scholarship", "sponsor", "our team of", "team of phds",
                    "we are a", "we're a", "founded by", "encouraged to apply", "without a")
# a sentence outside any requirements section needs one of these to state a requirement
_REQUIREMENT_WORDS = ("degree", "diploma", "required", "preferred", "pursuing", "enrolled", "qualification",
                      "must", "minimum", "equivalent", " in ", "plus", "year")


def _looks_like_requirement(s: Sentence, found: list[tuple[int, int, str, str]]) -> bool:
    """Skip degree words that describe the company or the team ("our team of PhDs")."""
    low = s.low  # the phrases are ASCII: ``s.low`` finds them wherever ``s.text.lower()`` does
    for w in _NOT_REQUIREMENT:
        if w in low:
            return False
    if s.polarity != "neutral":
        return True
    return any(w in low for w in _REQUIREMENT_WORDS)


def extract_education(doc: Doc) -> Education:
    edu = Education()
    mentions = degree_mentions(doc)
    edu.mentions = mentions
    required = [m for m in mentions if m.polarity == "required"]
    preferred = [m for m in mentions if m.polarity == "preferred"]
    ev: dict[str, list[Evidence]] = {}

    if required:
        lowest = min(required, key=lambda m: DEGREE_RANK[m.level])
        edu.min_required = lowest.level
        ev["min_required"] = _evidence([m.sentence for m in required if m.level == lowest.level])
    else:
        for s in doc.sentences:
            if "degree" in s.low and P.NO_DEGREE.search(s.low):  # each NO_DEGREE phrase says "degree"
                edu.min_required = "none"
                ev["min_required"] = [_ev(s)]
                break

    floor = DEGREE_RANK.get(edu.min_required, -1)
    pref_levels = sorted({m.level for m in preferred if DEGREE_RANK[m.level] > floor},
                         key=DEGREE_RANK.__getitem__)
    edu.preferred_levels = tuple(pref_levels)
    if pref_levels:
        ev["preferred_levels"] = _evidence([m.sentence for m in preferred if m.level in pref_levels])

    if edu.min_required in DEGREE_RANK:
        req_sentences = {m.sentence for m in required}
        for s in doc.sentences:
            if s.kinds & EQ and (s in req_sentences or s.polarity != "preferred") and \
                    _accepts_experience(s.low, s in req_sentences):
                edu.equivalent_experience_ok = True
                ev["equivalent_experience_ok"] = [_ev(s)]
                break

    fields, field_sentences = _fields_of_study(doc, mentions)
    edu.fields = tuple(sorted(fields))
    if fields:
        ev["fields"] = _evidence(field_sentences)
    edu.evidence = ev
    return edu


# "equivalent combination of education and experience" / "in lieu of a degree": clear anywhere
_STRONG_EQUIV = ("combination of education", "combination of experience", "in lieu of a degree",
                 "in lieu of degree", "in lieu of a bachelor", "in lieu of the degree", "instead of a degree",
                 "combination of relevant education", "equivalent combination", "substitute for the degree",
                 "substitute for a degree", "substituted for the degree", "substitute for education",
                 "in lieu of education", "degree not required with")


# every phrase of ``_STRONG_EQUIV`` contains one of these; most sentences hold none
_STRONG_EQUIV_KEYS = ("combination", "in lieu of", "substitute", "instead of a degree", "degree not required with")


def _strong_equivalence(low: str) -> bool:
    """Whether ``low`` holds a phrase of ``_STRONG_EQUIV``: five substring scans instead of fifteen."""
    for key in _STRONG_EQUIV_KEYS:
        if key in low:
            return any(p in low for p in _STRONG_EQUIV)
    return False


def _accepts_experience(low_sentence: str, has_required_degree: bool) -> bool:
    """Whether a sentence (``Sentence.low``) accepts experience in place of the degree."""
    # lower-cased already: only a non-ASCII one can still change ("İ" is kept by ``lower_same_length``)
    low = low_sentence if low_sentence.isascii() else low_sentence.lower()
    if _strong_equivalence(low):
        return True
    if not has_required_degree:
        return False
    for m in P.EQUIVALENT_EXPERIENCE.finditer(low):
        tail = low[m.end():m.end() + 25]
        head = low[max(0, m.start() - 30):m.start()]
        if "degree" in m.group(0) and "field" in tail:
            continue
        if head.rstrip().endswith(" and") or head.rstrip() == "and":
            continue  # "CS degree and equivalent work history": experience on top of a degree
        if "years of" in head or "year of" in head:
            continue  # "3+ years of professional or military experience": kinds of experience
        return True
    # "PhD in a relevant field OR 2+ years of hands-on experience": experience as the alternative
    route = _OR_YEARS_INSTEAD.search(low)
    return bool(route and not P.DEGREE.search(low, route.start(), route.end()))


# "... OR 2+ years of experience": a route with years and no degree, after the degree. It opens
# with "o" and a look-behind for the word start (``\\b`` before a letter), so ``re`` skips to each "o"
_OR_YEARS_INSTEAD = re.compile(
    r"o(?<!\wo)r\s+(?:\d{1,2}|one|two|three|four|five|six|seven|eight|ten)\s*\+?\s*(?:\+\s*)?years?\s+of\s+"
    r"(?:[\w-]+\s+){0,3}?(?:experience|work)\b(?![^.;]*\b(?:with|and)\s+(?:a|an)\s+(?:degree|ph|master|bachelor))")


def fields_near(sentence: str, start: int, end: int) -> set[str]:
    """Fields of study named for the degree mention at ``sentence[start:end]``."""
    low = lower_same_length(sentence)
    return _fields_around(low, _blank_asides(low), start, end)


def _fields_of_study(doc: Doc, mentions: list[DegreeMention]) -> tuple[set[str], list[Sentence]]:
    """The fields named in ``doc`` for its degree mentions, and the sentences naming them."""
    fields: set[str] = set()
    where: list[Sentence] = []
    for s in doc.sentences:
        # "Preference for one of the following fields of study: MIS, ..." names fields without a level
        low = s.low
        if "of study" in low and ("field of study" in low or "fields of study" in low):
            got = find_fields(s.text)
            if got:
                fields |= got
                where.append(s)
    current: Sentence | None = None
    blanked = ""
    for m in mentions:
        s = m.sentence
        if s is not current:  # a sentence's mentions are consecutive: blank its asides once
            current, blanked = s, _blank_asides(s.low)
        got = _fields_around(s.low, blanked, m.start, m.end)
        if got:
            fields |= got
            where.append(s)
    return fields, where


def _blank_asides(low: str) -> str:
    """``low`` with its "(or equivalent experience)" asides blanked out."""
    if "experience" not in low:  # every aside ends in "experience"
        return low
    return P.EQUIVALENCE_ASIDE.sub(lambda m: " " * len(m.group(0)), low)


def _fields_around(low: str, blanked: str, start: int, end: int) -> set[str]:
    """Fields named around ``low[start:end]``; ``blanked`` is ``low`` with its asides blanked.

    ``low`` is lower case already (lower-casing a lower-case character changes nothing, nor
    whether it is alphanumeric), so the fields are those ``find_fields`` finds in the original.
    """
    # "MS (or equivalent experience) in CS": an equivalence clause does not end the field list
    stop = P.FIELD_STOP.search(blanked, end)
    # the next degree mention's own fields are read from it; cap the reach
    after = low[end:min(stop.start(), end + 260) if stop else end + 260]
    b0 = max(0, start - 70)
    # "Computer Science or related degree": fields before the degree word, back to a clause start
    b0 = max(b0, blanked.rfind("(", b0, start) + 1, blanked.rfind(";", b0, start) + 1,
             blanked.rfind(":", b0, start) + 1)
    if not P.FIELD_STOP.search(blanked, b0, start):
        return fields_in_lower(low[b0:start] + " " + after)
    return fields_in_lower(after)


def _evidence(sentences: list[Sentence]) -> list[Evidence]:
    """Evidence for each sentence, once per span, in order (one ``Evidence`` built per span)."""
    first: dict[tuple[int, int], Sentence] = {}
    for s in sentences:
        first.setdefault((s.start, s.end), s)
    return [_ev(s) for s in first.values()]
