"""Role family and ML focus (title first, then duties), and seniority (title, level words, years)."""

from __future__ import annotations

import functools
import re

from . import patterns as P
from ._doc import Doc
from ._model import Evidence
from .patterns import _lc

# "We are looking for a Data Scientist to ..." : the role named in the body when the title is bare
_BODY_ROLE = _lc(
    r"\b(?:looking\s+for|seeking|hiring|hire|join\s+us\s+as|as\s+(?:an?|the|our))\s+(?:an?\s+|the\s+|our\s+)?"
    r"(?:[\w\-/]+\s+){0,3}?(?P<role>machine\s+learning\s+engineer|ml\s+engineer|ai\s+engineer|data\s+scientist|"
    r"data\s+engineer|data\s+analyst|research\s+scientist|research\s+engineer|software\s+engineer|analyst)\b")


def role_family(title: str, doc: Doc) -> tuple[str, str]:
    """``(family, reason)`` from the title, else from a role named in the body."""
    fam = _family_from_title(title.lower(), doc)
    if fam is not None:
        return fam, "title"
    m = _search_lines(_BODY_ROLE, doc)
    if m:
        fam = _family_from_title(m.group("role"), doc)
        if fam is not None:
            return fam, "body"
    return "other", "default"


def _family_from_title(title: str, doc: Doc) -> str | None:
    kind = _title_kind(title) if len(title) <= 300 else _title_kind.__wrapped__(title)
    if kind == "research?":  # a research title without ML words: research when the duties are ML
        return "research_scientist" if doc.signals.get("ml", 0) >= 3 else "other"
    if kind == "applied?":  # "Applied Scientist": research when the duties mention research output
        return "research_scientist" if doc.signals.get("res", 0) >= 2 else "ml_engineer"
    return kind


@functools.lru_cache(maxsize=1 << 12)  # pure in the title, and titles recur across postings
def _title_kind(title: str) -> str | None:
    """The family a (lower-cased) title names; "research?" and "applied?" depend on the duties.

    Each ``_has_*`` test names words every match of the pattern after it holds: most titles
    skip most patterns.
    """
    if not title.strip():
        return None
    if _has_other_role_word(title) and P.ROLE_OTHER.search(title):
        return "other"
    if _has_ml_engineer_word(title) and P.ROLE_ML_ENGINEER.search(title):
        return "ml_engineer"
    ml_words = _has_ml_word(title) and P.TITLE_ML_WORDS.search(title) is not None
    scien = "scien" in title
    if "research" in title and P.ROLE_RESEARCH.search(title):
        return "research_scientist" if ml_words else "research?"
    if scien and P.ROLE_APPLIED_SCIENTIST.search(title):
        return "applied?"
    analyst = _has_analyst_word(title) and P.ROLE_DATA_ANALYST.search(title) is not None
    if analyst and re.search(r"\banalyst\b", title, re.I):
        return "data_analyst"  # "Data Science Analyst" is an analyst
    if scien and P.ROLE_DATA_SCIENTIST.search(title):
        return "data_scientist"
    if ("data" in title or "etl" in title or "analytics" in title) and P.ROLE_DATA_ENGINEER.search(title):
        return "data_engineer"
    if analyst:
        return "data_analyst"
    if _has_software_word(title) and P.ROLE_SOFTWARE.search(title):
        return "ml_engineer" if ml_words else "software_engineer"
    if ml_words:
        return "ml_engineer"
    return None


def _has_other_role_word(t: str) -> bool:
    return ("engineer" in t or "developer" in t or "writer" in t or "trainer" in t or "annotator" in t
            or "rater" in t or "tutor" in t or "nurse" in t or "coordinator" in t or "technician" in t)


def _has_ml_engineer_word(t: str) -> bool:
    return ("engineer" in t or "developer" in t or "ops" in t or "platform" in t or "infra" in t
            or "architect" in t or "specialist" in t)


def _has_ml_word(t: str) -> bool:
    return ("ml" in t or "ai" in t or "llm" in t or "machine" in t or "deep" in t or "nlp" in t
            or "vision" in t or "generative" in t or "artificial" in t)


def _has_analyst_word(t: str) -> bool:
    return "analyst" in t or "analytics" in t or "intelligence" in t or "bi" in t


def _has_software_word(t: str) -> bool:
    return ("engineer" in t or "developer" in t or "software" in t or "swe" in t or "backend" in t
            or "back-end" in t or "frontend" in t or "front-end" in t or "stack" in t or "programmer" in t
            or "sdet" in t or "qa" in t or "devops" in t or "sre" in t)


def ml_focus(family: str, title: str, doc: Doc) -> str:
    """research / applied / none from the family and the duties' signal counts."""
    sig = doc.signals
    ml = sig.get("ml", 0)
    ana = sig.get("ana", 0)
    if family == "research_scientist":
        # the family is defined by new methods or papers, so its focus is research
        return "research"
    if family == "ml_engineer":
        return "applied"
    if family == "data_scientist":
        if ml >= 2 or _title_names_ml(title):
            return "applied"
        return "none" if ana >= 1 or ml == 0 else "applied"
    if _title_names_ml(title) and ml >= 2:
        return "applied"
    if ml >= 6:
        return "applied"
    return "none"


def _title_names_ml(title: str) -> bool:
    """``TITLE_ML_WORDS`` in the lower-cased title (memoised: titles recur across postings)."""
    if len(title) > 300:
        return _title_names_ml_cached.__wrapped__(title)
    return _title_names_ml_cached(title)


@functools.lru_cache(maxsize=1 << 12)
def _title_names_ml_cached(title: str) -> bool:
    t = title.lower()
    return _has_ml_word(t) and P.TITLE_ML_WORDS.search(t) is not None


def seniority(title: str, doc: Doc, years: float | None) -> tuple[str, Evidence | None]:
    level = _level_from_title(title) if len(title) <= 300 else _level_from_title.__wrapped__(title)
    if level is not None:
        return level, None
    m = _body_level_span(doc)
    if m:
        return _word_level(m.group(1)), Evidence(doc.text[m.start():m.end()], m.start(), m.end())
    m = _body_level(doc)
    if m:
        return _word_level(m.group("level")), Evidence(doc.text[m.start():m.end()], m.start(), m.end())
    if years is None:
        return "mid", None
    if years < 2:
        return "junior", None
    if years < 5:
        return "mid", None
    return "senior", None


# Every ``BODY_LEVEL_SPAN`` match ends in one of these; the literal "level" first keeps the scan fast.
_SPAN_END = re.compile(r"level(?:(?<=mid[\s-]level)|(?<=senior[\s-]level)|(?<=staff[\s-]level))")


def _body_level_span(doc: Doc) -> re.Match[str] | None:
    """"junior to mid-level", "mid or senior level" in the lines naming a level."""
    return _search_lines(P.BODY_LEVEL_SPAN, doc, _SPAN_END)


# ``BODY_LEVEL`` is "<looking for|seeking|hiring|hire|as> <a|an|the|our> <adjectives> <level>".
# Its level word follows a space and starts with one of these stems; ``_LEVEL_PREFIX_REVERSED`` is
# what must precede it, read backwards from the level word (the text reversed).
_SPACED_LEVEL_STEM = re.compile(r"\s(?:senior|sr|junior|jr|entry|mid|staff|principal|lead|intern)")
_LEVEL_PREFIX_REVERSED = re.compile(
    r"(?:\s+(?:ylhgih|decneirepxe|detnelat|detavitom|delliks))*\s+(?:n?a|eht|ruo)\s+"
    r"(?:rof\s+gnikool|gnikees|gnirih|erih|sa)\b")


def _body_level(doc: Doc) -> re.Match[str] | None:
    """``_search_lines(P.BODY_LEVEL, doc)`` without scanning the regex over whole paragraphs.

    Only a level word preceded by the right words can end a match, and matches cannot nest (no
    level word is one of the words before one), so the level words taken in order find the same
    first match: each is checked backwards, and the regex then runs from the start found.
    """
    low = doc.low
    for start, end in doc.level_lines:
        pos = start
        rev = ""
        while True:
            cand = _SPACED_LEVEL_STEM.search(low, pos, end)
            if cand is None:
                break
            word = cand.start() + 1
            pos = word
            if not rev:
                rev = low[start:end][::-1]
            before = _LEVEL_PREFIX_REVERSED.match(rev, end - word)
            if before is None:
                continue
            m = P.BODY_LEVEL.match(low, end - before.end(), end)
            if m:
                return m
    return None


def _search_lines(pattern: re.Pattern[str], doc: Doc,
                  gate: re.Pattern[str] | None = None) -> re.Match[str] | None:
    """First match in the lines the keyword pass marked as naming a level or a role.

    ``gate``: a cheaper pattern that finds something in every line ``pattern`` matches in;
    lines where it finds nothing skip ``pattern``.
    """
    low = doc.low
    for start, end in doc.level_lines:
        if gate is not None and gate.search(low, start, end) is None:
            continue
        m = pattern.search(low, start, end)
        if m:
            return m
    return None


def _word_level(word: str) -> str:
    w = word.lower().rstrip(".")
    if w in ("senior", "sr"):
        return "senior"
    if w in ("junior", "jr") or w.startswith("entry"):
        return "junior"
    if w in ("staff", "principal", "lead"):
        return "staff_plus"
    if w == "intern":
        return "intern"
    return "mid"


@functools.lru_cache(maxsize=1 << 12)  # pure in the title, and titles recur across postings
def _level_from_title(title: str) -> str | None:
    # (each substring test before a pattern names words every match of that pattern holds)
    t = title.strip().lower()
    if not t:
        return None
    if ("intern" in t or "coop" in t or "co-op" in t or "apprentice" in t) and P.TITLE_INTERN.search(t):
        return "intern"
    if (("manager" in t or "director" in t or "head" in t or "vp" in t or "vice" in t or "chief" in t
         or "mgr" in t) and P.TITLE_MANAGER.search(t)
            and not re.search(r"\bproduct\s+manager|\bprogram\s+manager|\bproject\s+manager", t, re.I)):
        return "manager"
    senior = ("senior" in t or "sr" in t or "iii" in t or "3" in t or "4" in t or "5" in t) and bool(
        P.TITLE_SENIOR.search(t))
    staff = _may_be_staff(t) and bool(P.TITLE_STAFF.search(t))
    if staff:
        # "Senior/Staff ML Engineer": a title spanning two levels takes the lower
        if senior and re.search(r"\b(?:senior|sr\.?)\s*(?:/|or|-)\s*(?:staff|principal|lead)\b", t, re.I):
            return "senior"
        return "staff_plus"
    mid = ("ii" in t or "2" in t or "mid" in t or "4" in t) and bool(P.TITLE_MID.search(t))
    if senior:
        if re.search(r"\bassociate\b", t, re.I):
            return "mid"  # "Senior Associate": a consulting rank below manager
        # "Scientist 2/ Scientist 3": a title spanning two levels takes the lower
        return "mid" if mid and ("/" in t or " or " in t) else "senior"
    if mid:
        # "Data Scientist I/II"
        return "junior" if re.search(r"\bi\s*/\s*ii\b|\b1\s*/\s*2\b", t) else "mid"
    if _may_be_junior(t) and P.TITLE_JUNIOR.search(t):
        return "junior"
    return None


# "Engineer IV" / "Scientist V, Research": the roman numerals of ``TITLE_STAFF``
_ROMAN_STAFF = re.compile(r"\b(?:iv|v|vi)\b")
# "Data Scientist I - Remote": the "i" of ``TITLE_JUNIOR`` before a separator
_ROMAN_ONE = re.compile(r"\bi\b(?=\s*[-,(/|])")


def _may_be_staff(t: str) -> bool:
    """Whether ``TITLE_STAFF`` can match: its words, a level digit, or a roman IV-VI."""
    return ("staff" in t or "principal" in t or "lead" in t or "architect" in t or "fellow" in t
            or "distinguished" in t or "5" in t or "6" in t or "7" in t or "8" in t or "9" in t
            or ("v" in t and _ROMAN_STAFF.search(t) is not None))


def _may_be_junior(t: str) -> bool:
    """Whether ``TITLE_JUNIOR`` can match (``t`` stripped: "i" or "1" ending it is a level)."""
    return ("junior" in t or "jr" in t or "entry" in t or "new" in t or "associate" in t
            or "graduate" in t or "undergrad" in t or "early" in t or "1" in t or t.endswith("i")
            or _ROMAN_ONE.search(t) is not None)
