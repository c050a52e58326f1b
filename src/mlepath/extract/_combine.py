"""The combiner: one pure call from posting text (+ title, structured fields) to ``Requirements``."""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from . import patterns as P
from ._doc import Doc, KeywordHit, analyse
from ._education import extract_education
from ._experience import extract_years
from ._model import DEGREE_RANK, Evidence, Requirements, Salary, SkillHit
from ._role import ml_focus, role_family, seniority
from ._salary import extract_salary
from ._skills import find_skills, skill_spans
from ._taxonomy import load_taxonomy
from ._text import lower_same_length

if TYPE_CHECKING:
    from mlepath.sources import Posting

# Bump whenever a rule changes: ``mlepath extract --db`` re-extracts postings stored under an
# older version.
EXTRACTOR_VERSION = "2026.11.25-7"

_MAX_TEXT = 200_000  # a posting longer than this is junk or a concatenation; read its head


# The skills engineer's matcher and salary parser; module-level names so tests (and a build
# without them) can swap them out.
_LOAD_TAXONOMY: Callable[[], Any] | None = load_taxonomy
_FIND_SKILLS: Callable[[str, Any], list[Any]] | None = find_skills
_EXTRACT_SALARY: Callable[[str], Salary | None] | None = extract_salary



def extract_requirements(text: str, taxonomy: Any = None, *, title: str = "",
                         structured: dict[str, Any] | None = None) -> Requirements:
    """What one posting requires, with the sentence behind every value.

    >>> r = extract_requirements("Requirements:\\n- BS in CS or equivalent practical experience\\n"
    ...                          "- 3+ years of Python", title="ML Engineer")
    >>> (r.min_required, r.equivalent_experience_ok, r.experience_min_years, r.role_family)
    ('bachelor', True, 3.0, 'ml_engineer')

    Pure: no I/O, no global state beyond patterns compiled at import. ``taxonomy`` defaults to
    the packaged one (when the skills matcher is installed); ``structured`` takes schema.org-style
    fields (``educationRequirements``, ``experienceRequirements``) used when the text is silent.
    """
    if not isinstance(text, str):
        text = "" if text is None else str(text)
    if len(text) > _MAX_TEXT:
        text = text[:_MAX_TEXT]
    title = title if isinstance(title, str) else str(title or "")
    # One scanner pass finds the skills and the requirement keywords together (the taxonomy's
    # scanner holds both); without the packaged matcher, ``analyse`` scans on its own.
    spans: list[tuple[int, int, Any]] | None = None
    if text and _FIND_SKILLS is find_skills:
        if taxonomy is None and _LOAD_TAXONOMY is not None:
            taxonomy = _LOAD_TAXONOMY()
        if taxonomy is not None:
            low = lower_same_length(text)
            keyword_hits: list[tuple[int, KeywordHit]] = []
            spans = skill_spans(text, taxonomy, low, keyword_hits)
            doc = analyse(text, low, keyword_hits)
    if spans is None:
        doc = analyse(text)
    evidence: dict[str, tuple[Evidence, ...]] = {}

    edu = extract_education(doc)
    min_required = edu.min_required
    preferred = edu.preferred_levels
    fields = edu.fields
    equiv = edu.equivalent_experience_ok
    for k, v in edu.evidence.items():
        evidence[k] = tuple(v)

    if structured:
        min_required, s_ev = _structured_degree(structured, min_required)
        if s_ev is not None:
            evidence["min_required"] = (s_ev,)
            preferred = tuple(lv for lv in preferred if DEGREE_RANK[lv] > DEGREE_RANK.get(min_required, -1))

    years, y_ev = extract_years(doc, edu.mentions, min_required)
    if years is None and structured:
        years, ys_ev = _structured_years(structured)
        if ys_ev is not None:
            y_ev = [ys_ev]
    if y_ev:
        evidence["experience_min_years"] = tuple(y_ev)

    family, _why = role_family(title, doc)
    focus = ml_focus(family, title, doc)
    if title:
        evidence["role"] = (Evidence(title, -1, -1),)
    level, l_ev = seniority(title, doc, years)
    if l_ev is not None:
        evidence["seniority"] = (l_ev,)
    elif title and level != "mid":
        evidence["seniority"] = (Evidence(title, -1, -1),)

    skills = _skills(text, taxonomy, doc, spans)
    salary = _salary(text, structured, doc)

    return Requirements(
        min_required=min_required,
        preferred_levels=preferred,
        equivalent_experience_ok=equiv and min_required in DEGREE_RANK,
        fields=fields,
        experience_min_years=years,
        role_family=family,
        ml_focus=focus,
        seniority=level,
        skills=skills,
        salary=salary,
        evidence=evidence,
        extractor_version=EXTRACTOR_VERSION,
    )


def extract_posting(posting: Posting, taxonomy: Any = None) -> Requirements:
    """``extract_requirements`` on a ``Posting`` (its text, title and structured fields)."""
    structured = dict(posting.structured or {})
    if posting.salary_min is not None or posting.salary_max is not None:
        structured.setdefault("_salary", Salary(posting.salary_min, posting.salary_max,
                                                posting.salary_currency, posting.salary_period,
                                                "structured"))
    return extract_requirements(posting.description_text or "", taxonomy, title=posting.title or "",
                                structured=structured)


def _skills(text: str, taxonomy: Any, doc: Doc,
            spans: list[tuple[int, int, Any]] | None = None) -> tuple[SkillHit, ...]:
    """Skill mentions, each ``required`` unless its section or its line is preferred.

    ``spans`` are the ``(start, end, skill)`` hits when the combiner's shared scan found them.
    """
    if spans is None:
        if _FIND_SKILLS is None:
            return ()
        if taxonomy is None:
            if _LOAD_TAXONOMY is None:
                return ()
            taxonomy = _LOAD_TAXONOMY()
        spans = [(m.start, m.end, m) for m in _FIND_SKILLS(text, taxonomy)]
    decided = _skill_polarity(text, doc, spans)
    if decided is None:
        decided = _skill_polarity_by_sentence(text, doc, spans)
    return tuple(decided.values())


# skill id -> its hit, one dict per polarity: hits are immutable, so postings can share them
# (building a frozen dataclass costs more than the rest of the per-skill work)
_HITS: tuple[dict[str, SkillHit], dict[str, SkillHit]] = ({}, {})


def _skill_hit(sk: Any, required: bool) -> SkillHit:
    cache = _HITS[required]
    hit = cache.get(sk.id)
    if hit is None or hit.name != sk.name or hit.category != sk.category:
        if len(cache) >= 1 << 14:
            cache.clear()  # bounded whatever taxonomies a long-lived process loads
        hit = cache[sk.id] = SkillHit(sk.id, sk.name, sk.category, required)
    return hit


def _skill_polarity(text: str, doc: Doc, spans: list[tuple[int, int, Any]]) -> dict[str, SkillHit] | None:
    """Skill id -> its hit, walking the mentions line by line.

    Most lines hold no preferred cue, and then no sentence in them can soften a mention: only
    lines with a cue go through the sentence check. ``None`` when a mention spans a line break
    (its sentence then reaches into the next line): ``_skill_polarity_by_sentence`` handles that.
    """
    decided: dict[str, SkillHit] = {}
    sent_pref: dict[int, bool] = {}
    cues = doc.cue_hits
    n_cues = len(cues)
    inline = doc.inline
    sec_starts = doc.section_starts
    sec_pol = doc.section_polarity
    rfind = text.rfind
    find = text.find
    bisect_left = bisect.bisect_left
    bisect_right = bisect.bisect_right
    n = len(text)
    line_start = 0
    line_end = -1  # the line of the previous mention: text[line_start:line_end], no newline inside
    line_pref = line_cued = False
    for start, end, sk in spans:
        prev = decided.get(sk.id)
        if prev is not None and prev.required:
            continue  # already required: nothing this mention can change
        if start < line_start or end > line_end:
            line_start = rfind("\n", 0, start) + 1
            line_end = find("\n", start)
            if line_end == -1:
                line_end = n
            if end > line_end:
                return None
            pol = inline.get(line_start) if inline else None
            if pol is None:  # as ``Doc.polarity_at(line_start)``
                k = bisect_right(sec_starts, line_start) - 1
                pol = sec_pol[k] if k >= 0 else "neutral"
            line_pref = pol == "preferred"
            if not line_pref:
                k = bisect_left(cues, line_start)
                line_cued = k < n_cues and cues[k] < line_end
        if line_pref:
            required = False
        elif not line_cued:
            required = True
        else:
            required = not _sentence_preferred(text, doc, line_start, start, end, sent_pref)
        if prev is None or required:
            decided[sk.id] = _skill_hit(sk, required)
    return decided


def _sentence_preferred(text: str, doc: Doc, line_start: int, start: int, end: int,
                        sent_pref: dict[int, bool]) -> bool:
    """Whether the sentence around a mention holds a preferred cue ("Kubernetes is a plus").

    Cached by where the sentence starts (``sent_pref``).
    """
    cut = text.rfind(". ", line_start, start)
    s0 = cut + 2 if cut >= 0 else line_start
    got = sent_pref.get(s0)
    if got is None:
        line_end = text.find("\n", end)
        if line_end == -1:
            line_end = len(text)
        cut = text.find(". ", end, line_end)
        s1 = cut if cut >= 0 else line_end
        cues = doc.cue_hits
        k = bisect.bisect_left(cues, s0)
        got = (k < len(cues) and cues[k] < s1
               and P.CUE_PREFERRED.search(doc.low, s0, s1) is not None)
        sent_pref[s0] = got
    return got


def _skill_polarity_by_sentence(text: str, doc: Doc, spans: list[tuple[int, int, Any]]) -> dict[str, SkillHit]:
    """``_skill_polarity`` mention by mention, for mentions that span a line break."""
    decided: dict[str, SkillHit] = {}
    line_pref: dict[int, bool] = {}
    sent_pref: dict[int, bool] = {}
    for start, end, sk in spans:
        prev = decided.get(sk.id)
        if prev is not None and prev.required:
            continue
        line_start = text.rfind("\n", 0, start) + 1
        preferred = line_pref.get(line_start)
        if preferred is None:
            preferred = doc.polarity_at(line_start) == "preferred"
            line_pref[line_start] = preferred
        if not preferred and doc.cue_hits:
            preferred = _sentence_preferred(text, doc, line_start, start, end, sent_pref)
        required = not preferred
        if prev is None or required:
            decided[sk.id] = _skill_hit(sk, required)
    return decided


def _salary(text: str, structured: dict[str, Any] | None, doc: Doc) -> Salary | None:
    if structured and isinstance(structured.get("_salary"), Salary):
        return structured["_salary"]  # type: ignore[no-any-return]
    if _EXTRACT_SALARY is None:
        return None
    if _EXTRACT_SALARY is extract_salary:  # the scan has located the currency marks already
        return extract_salary(text, doc.currency_marks)
    got = _EXTRACT_SALARY(text)
    return got if isinstance(got, Salary) else None


_STRUCT_LEVEL = (("phd", re.compile(r"doctor|ph\.?d", re.I)), ("master", re.compile(r"master|postgraduate|graduate degree", re.I)),
                 ("bachelor", re.compile(r"bachelor|undergraduate|4[- ]year|college degree", re.I)),
                 ("associate", re.compile(r"associate", re.I)), ("high_school", re.compile(r"high school|secondary", re.I)))


def _structured_text(value: Any) -> str:
    if isinstance(value, str):
        return value
    if isinstance(value, dict):
        return " ".join(_structured_text(v) for k, v in value.items() if k != "@type")
    if isinstance(value, list):
        return " ".join(_structured_text(v) for v in value)
    return "" if value is None else str(value)


def _structured_degree(structured: dict[str, Any], current: str) -> tuple[str, Evidence | None]:
    """schema.org ``educationRequirements`` when the text states no required degree."""
    if current != "unspecified":
        return current, None
    raw = structured.get("educationRequirements") or structured.get("education_requirements")
    if not raw:
        return current, None
    text = _structured_text(raw)
    for level, pat in _STRUCT_LEVEL:
        if pat.search(text):
            return level, Evidence(text[:300], -1, -1)
    return current, None


def _structured_years(structured: dict[str, Any]) -> tuple[float | None, Evidence | None]:
    raw = structured.get("experienceRequirements") or structured.get("experience_requirements")
    if not raw:
        return None, None
    if isinstance(raw, dict) and raw.get("monthsOfExperience") is not None:
        try:
            return round(float(raw["monthsOfExperience"]) / 12.0, 2), Evidence(_structured_text(raw)[:300], -1, -1)
        except (TypeError, ValueError):
            return None, None
    text = _structured_text(raw)
    m = P.YEARS.search(text.lower())
    if m:
        doc = analyse(text)
        val, _ = extract_years(doc, [], "unspecified")
        if val is not None:
            return val, Evidence(text[:300], -1, -1)
    return None, None
