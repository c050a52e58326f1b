"""Résumé text → ``Profile``: sections, degrees, years of experience, titles, skills.

Rules, in order:
- Sections: a short line that names a known heading ("Experience", "Work History", "Education",
  "Skills", ...) starts a section that runs to the next heading.
- Years of experience come from date ranges in experience sections only (education dates never
  count). Without any experience heading, every date range outside education sections counts,
  except on lines that name a degree.
- Degrees are read from education sections (the whole text when there is none); the field is
  looked for on the degree's line and the next one.
- Titles: for each experience date range, the nearest line (same, previous, next) holding a
  job-title word ("Engineer", "Developer", "Scientist", ...), cleaned of dates and companies.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from datetime import date

from mlepath.extract import DEGREE_RANK

from ._dates import DATE_RANGE, DateRange, find_date_ranges, merge_ranges, years_of_experience
from ._model import Degree, Profile
from ._skills import SkillFinder, unique_ids

_HEADINGS: dict[str, tuple[str, ...]] = {
    "experience": (
        "experience", "work experience", "professional experience", "employment",
        "employment history", "work history", "career history", "relevant experience",
        "professional background", "career", "positions held", "industry experience",
        "experience details", "company details", "work", "professional history",
    ),
    "education": (
        "education", "education details", "academic background", "academics",
        "education and training", "educational qualifications", "academic qualifications",
        "qualifications", "education & certifications", "education and certifications",
    ),
    "skills": ("skills", "technical skills", "skill details", "core competencies", "technologies",
               "tools", "skills summary", "key skills", "technical proficiencies", "expertise"),
    "other": ("projects", "personal projects", "publications", "certifications", "awards",
              "summary", "profile", "objective", "interests", "languages", "volunteer",
              "volunteer experience", "leadership", "activities", "references", "achievements",
              "honors", "honors and awards", "research", "accomplishments", "highlights",
              "professional summary", "career objective", "additional information"),
}
_HEADING_OF = {h: kind for kind, names in _HEADINGS.items() for h in names}
_HEADING_CLEAN = re.compile(r"[^a-z& ]+")

# degree phrases, highest first; each pattern targets the shown text
_DEGREE_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    # "Ph.D. in Physics", "PhD", "Doctor of Philosophy", "Doctorate"
    ("phd", re.compile(r"\bph\.?\s?d\b|\bdoctor(?:ate| of philosophy)\b|\bd\.phil\b", re.I)),
    # "Master of Science", "Master's", "Masters in", "M.S.", "MSc", "M.Eng", "MBA", "M.Tech", "MCA"
    ("master", re.compile(
        r"\bmaster(?:'s|’s|s)?\s+(?:of|in|degree)\b|\bmaster(?:'s|’s)\b|\bm\.\s?s\.?c?\b(?!\s*office)"
        r"|\bmsc\b|\bm\.?\s?eng\b|\bmba\b|\bm\.?\s?tech\b|\bmca\b|\bm\.a\.|\bms\s+(?:in|of)\b"
        r"|\bm\.?\s?s\.?\s+(?:computer|data|statistics|electrical|software|mathematics)", re.I)),
    # "Bachelor of Science", "Bachelor's", "B.S.", "BSc", "B.Tech", "B.E.", "BA in", "BCA"
    ("bachelor", re.compile(
        r"\bbachelor(?:'s|’s|s)?\b|\bb\.\s?s\.?c?\b|\bbsc\b|\bb\.?\s?eng\b|\bb\.?\s?tech\b"
        r"|\bb\.\s?e\.|\bbe\s+in\b|\bbca\b|\bb\.a\.|\bba\s+(?:in|of)\b|\bbs\s+(?:in|of)\b"
        r"|\bundergraduate degree\b|\bb\.?\s?com\b", re.I)),
    # "Associate of Applied Science", "Associate's degree", "A.S. in", "A.A.S."
    ("associate", re.compile(r"\bassociate(?:'s|’s)?\s+(?:of|in|degree)\b|\ba\.a?\.s\.", re.I)),
    # "High School Diploma", "GED", "HSC", "SSC", "12th"
    ("high_school", re.compile(r"\bhigh school\b|\bsecondary school\b|\bged\b|\bhsc\b|\bssc\b"
                               r"|\b1[02]th\b", re.I)),
)
# field phrases → FIELDS_OF_STUDY, most specific first
_FIELD_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("computer_engineering", re.compile(r"computer engineering", re.I)),
    ("software_engineering", re.compile(r"software engineering", re.I)),
    ("computer_science", re.compile(r"computer science|\bcs\b|computing|computer applications",
                                    re.I)),
    ("electrical_engineering", re.compile(r"electrical|electronics|\bece\b|\beee\b", re.I)),
    ("data_science", re.compile(r"data science|data analytics|analytics", re.I)),
    ("machine_learning", re.compile(r"machine learning|artificial intelligence|\bai\b", re.I)),
    ("statistics", re.compile(r"statistic", re.I)),
    ("operations_research", re.compile(r"operations research", re.I)),
    ("mathematics", re.compile(r"mathemat|\bmaths?\b", re.I)),
    ("physics", re.compile(r"physics", re.I)),
    ("economics", re.compile(r"economics|econometrics", re.I)),
    ("information_systems", re.compile(r"information (?:systems|technology)|\bmis\b", re.I)),
    ("engineering", re.compile(r"engineering", re.I)),
)
_TITLE_WORD = re.compile(
    r"\b(?:engineer|developer|scientist|analyst|manager|intern|architect|consultant|lead|"
    r"director|researcher|administrator|designer|specialist|programmer|tester|officer|"
    r"head|vp|vice president|cto|founder|co-founder|technician|associate|assistant|fellow|"
    r"sde|swe|devops|trainee|coordinator|supervisor|instructor|lecturer|professor)s?\b",
    re.I,
)
_TITLE_SPLIT = re.compile(r"\s+(?:at|@)\s+|\s*[|•·,;]\s*|\s+[-–—]\s+|\t|\s{3,}")


@dataclass
class _Section:
    kind: str
    start: int  # line index of the first content line
    end: int  # line index after the last content line


def _heading_kind(line: str) -> str | None:
    words = _HEADING_CLEAN.sub(" ", line.lower()).split()
    if not words or len(words) > 5 or len(line) > 60:
        return None
    return _HEADING_OF.get(" ".join(words))


def split_sections(lines: list[str]) -> list[_Section]:
    heads = [(i, kind) for i, line in enumerate(lines) if (kind := _heading_kind(line))]
    return [_Section(kind, i + 1, heads[n + 1][0] if n + 1 < len(heads) else len(lines))
            for n, (i, kind) in enumerate(heads)]


def _degree_level(line: str) -> str | None:
    for level, pattern in _DEGREE_PATTERNS:
        if pattern.search(line):
            return level
    return None


def _field(text: str) -> str | None:
    for fld, pattern in _FIELD_PATTERNS:
        if pattern.search(text):
            return fld
    return None


def find_degrees(lines: list[str]) -> tuple[Degree, ...]:
    """Degrees named in ``lines``, highest first, one per level."""
    found: dict[str, Degree] = {}
    for i, line in enumerate(lines):
        level = _degree_level(line)
        if level is None or level in found:
            continue
        # the field is on the degree line, else the next ("B.S." / "Computer Science")
        fld = _field(line)
        if fld is None and i + 1 < len(lines) and _degree_level(lines[i + 1]) is None:
            fld = _field(lines[i + 1])
        found[level] = Degree(level, fld)
    return tuple(sorted(found.values(), key=lambda d: -DEGREE_RANK[d.level]))


def _clean_title(line: str) -> str | None:
    text = DATE_RANGE.sub(" ", line)
    if len(text.split()) > 12 or text.rstrip().endswith("."):
        return None  # a sentence of description, not a heading line
    for part in _TITLE_SPLIT.split(text):
        part = part.strip(" :()[]-–—*#\t")
        if _TITLE_WORD.search(part) and 2 <= len(part) <= 80 and len(part.split()) <= 8:
            return part
    return None


def _neighbours(lines: list[str], first: int, last: int) -> list[int]:
    """Lines to look for a title in: the range's own lines, then the nearest non-empty ones
    after and before it."""
    out = list(range(first, last + 1))
    after = [j for j in range(last + 1, min(last + 7, len(lines))) if lines[j].strip()][:2]
    before = [j for j in range(first - 1, max(first - 7, -1), -1) if lines[j].strip()][:2]
    for pair in zip(before + [None] * 2, after + [None] * 2, strict=False):
        out.extend(j for j in pair if j is not None)
    return out


def _titles(lines: list[str], spans: list[tuple[int, int]]) -> tuple[str, ...]:
    titles: list[str] = []
    for first, last in spans:
        for j in _neighbours(lines, first, last):
            if title := _clean_title(lines[j]):
                if title.lower() not in (t.lower() for t in titles):
                    titles.append(title)
                break
    return tuple(titles)


def profile_from_text(text: str, *, source: str, skill_finder: SkillFinder,
                      today: date | None = None) -> Profile:
    """Read a person from résumé text (pure: no I/O)."""
    lines = [line.strip() for line in text.splitlines()]
    sections = split_sections(lines)
    exp_lines = [i for s in sections if s.kind == "experience" for i in range(s.start, s.end)]
    edu_lines = [i for s in sections if s.kind == "education" for i in range(s.start, s.end)]
    notes: list[str] = []
    if exp_lines:
        notes.append(f"experience read from {sum(s.kind == 'experience' for s in sections)} "
                     "experience section(s)")
        candidates = exp_lines
    else:
        skip = set(edu_lines)
        candidates = [i for i in range(len(lines))
                      if i not in skip and _degree_level(lines[i]) is None]
        notes.append("no experience heading found: counted date ranges outside education")
    # ranges may span lines ("March 2001" / "to" / "July 2001" in PDF layouts): search the
    # candidate lines joined, then map each match back to the lines it covers
    starts: list[int] = []
    pos = 0
    for i in candidates:
        starts.append(pos)
        pos += len(lines[i]) + 1
    joined = "\n".join(lines[i] for i in candidates)
    ranges: list[DateRange] = []
    date_spans: list[tuple[int, int]] = []
    for m in DATE_RANGE.finditer(joined):
        found = find_date_ranges(m.group(0), today)
        if found:
            ranges.extend(found)
            first = candidates[bisect_right(starts, m.start()) - 1]
            last = candidates[bisect_right(starts, max(m.end() - 1, m.start())) - 1]
            date_spans.append((first, last))
    years = years_of_experience(ranges) if ranges else None
    if ranges:
        spans = ", ".join(f"{r.label()}" for r in sorted(ranges, key=lambda r: r.start))
        notes.append(f"date ranges counted: {spans}; merged: {len(merge_ranges(ranges))} "
                     f"period(s), {years} years")
    else:
        notes.append("no date ranges found in experience: years of experience unknown")
    degree_lines = [lines[i] for i in edu_lines] if edu_lines else lines
    degrees = find_degrees(degree_lines)
    return Profile(
        degrees=degrees,
        years_experience=years,
        titles=_titles(lines, date_spans),
        skills=unique_ids(skill_finder(text)),
        source=source,
        notes=tuple(notes),
    )
