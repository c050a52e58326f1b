"""One cheap pass over a posting: lines, section headings with their polarity, and the few
sentences that mention degrees, years or equivalence, each with character offsets.

Speed: one ``str.lower``, one Aho-Corasick pass for keywords (which marks the lines worth reading
and counts role signals), and a short loop over lines for headings. Regular expressions then
run only on the marked sentences.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, Literal

from . import patterns as P
from ._salary import CURRENCY_CODES
from ._scan import Key, KeyScanner
from ._text import lower_same_length

Polarity = Literal["required", "preferred", "neutral"]

DEG, YRS, EQ, LVL, FOS = 1, 2, 4, 8, 16
_LINE_KINDS = {"deg": DEG, "yrs": YRS, "eq": EQ, "lvl": LVL, "fos": FOS}

# keyword -> kind. Kinds: "deg" (degree words), "yrs" (durations), "eq" (equivalence), and
# role signals counted over the whole text: "ml" (modelling), "res" (research output),
# "ana" (analytics/BI), "eng" (data plumbing).
_KEYWORDS: dict[str, str] = {}
for _kw in ("degree", "bachelor", "master", "phd", "ph.d", "ph. d", "doctor", "bs", "b.s", "bsc", "b.sc",
            "ba", "b.a", "b.tech", "btech", "b.e.", "ms", "m.s", "msc", "m.sc", "ma", "m.a.", "mba", "m.tech",
            "mtech", "meng", "m.eng", "graduate", "diploma", "high school", "ged", "associate", "baccalaureate",
            "undergrad", "pursuing", "enrolled", "mphil", "dphil", "advanced", "higher degree",
            "secondary school", "postgraduate", "post-graduate", "doctorate", "masters", "bachelors"):
    _KEYWORDS[_kw] = "deg"
for _kw in ("year", "yrs", "yr", "month"):
    _KEYWORDS[_kw] = "yrs"
# every phrase of ``_education._STRONG_EQUIV``, ``patterns.EQUIVALENT_EXPERIENCE`` and
# ``_education._OR_YEARS_INSTEAD`` contains one of these, so only lines holding one are checked
for _kw in ("equivalent", "in lieu", "substitut", "comparable", "and/or", "combination of", "instead of",
            "degree not required", "or relevant", "or related", "or practical", "or professional",
            "or industry", "or applicable", "or commensurate", "replace", "degree or", "bootcamp", "military",
            "certification", *(f"or {d}" for d in "123456789"),
            *(f"or {w}" for w in ("one", "two", "three", "four", "five", "six", "seven", "eight", "ten"))):
    _KEYWORDS[_kw] = "eq"
for _kw in ("machine learning", "deep learning", "neural net", "pytorch", "tensorflow", "llm", "large language",
            "nlp", "natural language", "computer vision", "predictive model", "model training", "train models",
            "training models", "fine-tun", "finetun", "ml model", "ai model", "recommendation", "recommender",
            "scikit", "xgboost", "generative ai", "genai", "transformer", "reinforcement learning",
            "classification", "forecasting model", "machine-learning", "ml/ai", "ai/ml", "mlops", "inference",
            "embedding", "rag", "hugging face", "model deployment", "deploy models", "ml pipelines"):
    _KEYWORDS[_kw] = "ml"
for _kw in ("publication", "publish", "neurips", "icml", "iclr", "cvpr", "acl", "emnlp", "novel algorithm",
            "novel method", "state-of-the-art research", "research agenda", "research papers", "top-tier conference",
            "top conferences", "peer-reviewed", "first-author", "research lab", "fundamental research",
            "new methods", "novel approaches", "advance the state of the art", "research community"):
    _KEYWORDS[_kw] = "res"
for _kw in ("dashboard", "tableau", "power bi", "looker", "reporting", "business intelligence", "kpi",
            "a/b test", "experimentation", "excel", "ad hoc analys", "ad-hoc analys", "metrics"):
    _KEYWORDS[_kw] = "ana"
for _kw in ("etl", "data pipeline", "data warehouse", "airflow", "dbt", "data lake", "ingestion", "elt"):
    _KEYWORDS[_kw] = "eng"

for _kw in ("looking for", "seeking", "hiring", "hire a", "junior", "mid-level", "mid level", "entry-level",
            "entry level", "join us as", "the lead", "as a senior", "as a lead", "as a staff", "as a principal",
            "as a junior", "as an intern", "as the lead", "as our lead", "as a sr", "as a mid"):
    _KEYWORDS[_kw] = "lvl"

# "Preference for one of the following fields of study: ...": a sentence naming fields without a
# degree word is read when its line holds another keyword (it never marks a line by itself)
for _kw in ("field of study", "fields of study"):
    _KEYWORDS[_kw] = "fos"

# preferred cues, only located here; ``CUE_PREFERRED`` confirms a hit where it matters
for _kw in ("prefer", "plus", "nice to have", "nice-to-have", "ideal", "desired", "desirable",
            "bonus", "advantage", "beneficial", "would be great", "would be nice", "would be helpful",
            "helpful", "not required", "optional", "appreciated", "encouraged", "highly valued", "welcome"):
    _KEYWORDS[_kw] = "cue"

# currency signs and codes, located for the salary parser (``Doc.currency_marks``): every
# occurrence, so no boundaries; the codes are matched lower-cased here and checked there
for _kw in ("$", "£", *(code.lower() for code in CURRENCY_CODES)):
    _KEYWORDS[_kw] = "cur"

# Short keywords ("bs", "ms", "ma") hide inside common words ("jobs", "teams", "make"). They are
# added with the characters that may surround a standalone token, so the scanner itself enforces
# the word boundary and the Python loop sees few hits. The text is padded with a space each side.
_SHORT = {k for k, kind in _KEYWORDS.items() if len(k) <= 4 and k.isalpha() and kind not in ("yrs", "cur")}
_BEFORE = " \n\t/(-•,;:*"
_AFTER = " \n\t/),.;:'’-s+"
# "ba"/"ma" + "s" is "based", "basic", "massive" far more often than a plural degree, and the
# ``DEGREE`` pattern never matches there ("\bba\b", "\bma\b"; "master" is a keyword of its own)
_AFTER_NO_PLURAL = {"ba": _AFTER.replace("s", ""), "ma": _AFTER.replace("s", "")}

# scanner key (``_scan.Key``: boundary characters before, keyword, after) -> (key length with
# its boundaries, kind, 1 if the key carries a leading boundary character else 0).
# The skills taxonomy folds these keys into its own scanner (``Taxonomy.scanner``), so the
# combiner scans a posting once for skills and keywords together; ``analyse`` alone uses its own.
KeywordHit = tuple[int, str, int]
KEYWORD_KEYS: dict[Key, KeywordHit] = {}
for _kw, _kind in _KEYWORDS.items():
    if _kw in _SHORT:
        KEYWORD_KEYS[(_BEFORE, _kw, _AFTER_NO_PLURAL.get(_kw, _AFTER))] = (len(_kw) + 2, _kind, 1)
    else:
        KEYWORD_KEYS[("", _kw, "")] = (len(_kw), _kind, 0)
_SCANNER = KeyScanner(KEYWORD_KEYS)

_BULLET_CHARS = frozenset("-–—•·*●○▪■◦➢►✓✔>")
# a non-blank line of at most 75 characters, after a newline (the text is searched with a "\n" prefix)
_SHORT_LINE = re.compile(r"\n[ \t]*+([^\s][^\n]{0,74}+)(?=\n|\Z)")
# "Qualifications: 5+ years ..." / "Preferred: PhD": a line opening with a heading and a colon
_INLINE_HEAD = re.compile(r"\n[ \t]*+([A-Za-z][^\n:–—]{2,46}+)[:–—][ \t]*(?=\S)")
_INLINE_HEAD_TEXT = re.compile(r"[A-Za-z][A-Za-z'’ /&-]{2,45}")


# identity equality: cheap as a set/dict key. Not frozen: a frozen dataclass's ``__init__`` goes
# through ``object.__setattr__`` per field, and ~20 sentences are built per posting. Treat as read-only.
@dataclass(slots=True, eq=False)
class Sentence:
    """A sentence of the posting: its text is exactly ``posting_text[start:end]``."""

    text: str
    start: int
    end: int
    polarity: Polarity  # of the section (or inline heading) it sits in
    line: int  # offset where its line starts
    heading_line: bool = False  # the sentence follows an inline heading on the same line
    low: str = ""  # ``text`` lower-cased (same length): the ``patterns._lc`` regexes run on it
    kinds: int = DEG | YRS | EQ  # which keyword kinds it holds (DEG, YRS, EQ, FOS bits)


@dataclass(slots=True)
class Doc:
    """What the cheap pass found: the interesting sentences and role-signal counts."""

    text: str
    low: str = ""  # ``text`` lower-cased, same length (offsets agree)
    sentences: list[Sentence] = field(default_factory=list)
    signals: dict[str, int] = field(default_factory=dict)
    has_headings: bool = False
    # a section starts where its heading line ends; its polarity holds until the next one
    section_starts: list[int] = field(default_factory=list)
    section_polarity: list[Polarity] = field(default_factory=list)
    inline: dict[int, Polarity] = field(default_factory=dict)  # line start -> "Preferred: ..." line
    level_lines: list[tuple[int, int]] = field(default_factory=list)  # lines naming a level or role
    degree_hits: list[int] = field(default_factory=list)  # offsets where a degree keyword starts
    cue_hits: list[int] = field(default_factory=list)  # offsets of preferred-cue keywords, ascending
    # where "$", "£" or a currency code lower-cased ("usd") stands, in scan order (``_salary``)
    currency_marks: list[int] = field(default_factory=list)

    def polarity_at(self, offset: int) -> Polarity:
        """Polarity of the section (or inline heading) holding character ``offset``."""
        if self.inline:
            ls = self.text.rfind("\n", 0, offset) + 1
            pol = self.inline.get(ls)
            if pol is not None:
                return pol
        k = bisect.bisect_right(self.section_starts, offset) - 1
        return self.section_polarity[k] if k >= 0 else "neutral"


def _classify_heading(core: str, ends_colon: bool, bulleted: bool,
                      inline: bool = False, kinds: int = DEG | YRS) -> tuple[Polarity, bool] | None:
    """Polarity of a heading line, and whether it is a soft ("Desired", "Ideal") preferred heading.

    ``None`` when the line is content, not a heading.
    """
    # Memoised: the same short lines ("Requirements:", "Benefits") recur across postings, and the
    # answer depends only on these arguments (``kinds`` only through its DEG and YRS bits).
    return _classify_cached(core, ends_colon, bulleted, inline, kinds & (DEG | YRS))


# 32k entries (~6 MB): a posting has ~12 short lines, so a smaller cache is cycled through
# before the headings of one batch of postings recur in the next.
@functools.lru_cache(maxsize=1 << 15)
def _classify_cached(core: str, ends_colon: bool, bulleted: bool,
                     inline: bool, kinds: int) -> tuple[Polarity, bool] | None:
    n = len(core)
    if n == 0 or n > 70 or core.endswith(".") or core.endswith(","):
        return None
    words = core.split()
    if len(words) > 9:
        return None
    lc = core.lower()
    if not (ends_colon or core.isupper()):
        if bulleted:
            return None
        # "What You Will Need" (title case), or "Nice to have" / "What you'll need" (sentence case)
        titled = core[0].isupper() and len(
            [w for w in words if w[0].isupper() or not w[0].isalpha()]) >= max(1, int(len(words) * 0.75))
        if not titled and not (P.HEADING_PREFERRED.match(lc) or _strong_required_start(lc)):
            return None
    if not (ends_colon and not inline) and not P.HEADING_ANY.search(lc):
        return None  # no heading word: only "Something:" can still head a section (neutral)
    if not ends_colon and ("(" in core or _ITEM_WORDS.search(lc)):
        return None  # "Experience with PyTorch and/or Pyro" is a list item, however capitalised
    if kinds & DEG and (inline or not ends_colon):
        # "Master's degree preferred" is an item, not a heading ("Education" headings have no level)
        m = P.DEGREE.search(lc)
        if m and m.lastgroup != "degree":
            return None
    if kinds & YRS and P.YEARS.search(lc):
        return None
    if P.HEADING_PREFERRED.search(lc):
        return "preferred", bool(P.HEADING_SOFT_PREFERRED.search(lc)) and not _firm_pref(core)
    if P.HEADING_REQUIRED.search(lc):
        return "required", False
    if P.HEADING_NEUTRAL.search(lc) or (ends_colon and not inline):
        return "neutral", False
    return None


_ITEM_WORDS = re.compile(r"\b(?:with|using|such\s+as|including|e\.g|and/or|in)\b")  # on lower-cased text


def _firm_pref(core: str) -> bool:
    low = core.lower()
    return "preferred" in low or "nice" in low or "bonus" in low or "plus" in low


def _strong_required_start(low: str) -> bool:
    """Whether a lower-cased heading opens with a firm requirements phrase."""
    return low.startswith(("minimum", "basic", "required", "requirements", "qualifications", "what you",
                           "you have", "you bring", "must have", "must-have", "who you are", "about you",
                           "what we're looking", "what we are looking", "what we’re looking"))


_MISS: Any = object()
# short line (as ``_SHORT_LINE`` captures it) -> its heading class, one dict per DEG/YRS bit set.
# Memoised: the same short lines ("Requirements:", "Benefits") recur across postings. 16k
# entries a dict (~8 MB in all); a posting has ~15 short lines.
_LINE_CACHE_SIZE = 1 << 14
_LINE_HEADING_CACHES: tuple[dict[str, tuple[Polarity, bool] | None], ...] = ({}, {}, {}, {})


def _inline_heads(padded: str) -> list[re.Match[str]]:
    """``_INLINE_HEAD.finditer(padded)``, tried only on the lines that can match.

    A match needs a ":", "–" or "—" at most 47 characters after its line's indentation; the
    few lines with one (about 5 such characters a posting) are tried, in order, instead of
    letting the regex read the first 48 characters of every line. A match never crosses a line
    break, so matches tried line by line are those ``finditer`` finds.
    """
    starts: set[int] = set()
    for mark in ":–—":
        i = padded.find(mark)
        while i >= 0:
            ls = padded.rfind("\n", 0, i)
            if len(padded[ls + 1:i].lstrip(" \t")) <= 47:
                starts.add(ls)
            i = padded.find(mark, i + 1)
    out: list[re.Match[str]] = []
    for ls in sorted(starts):
        m = _INLINE_HEAD.match(padded, ls)
        if m is not None:
            out.append(m)
    return out


def _short_line_heading(raw: str, kinds: int) -> tuple[Polarity, bool] | None:
    """The heading class of a short line (``_classify_heading``), ``None`` for content."""
    stripped = raw.rstrip()
    if len(stripped) > 72 or stripped.endswith((".", ",")):
        return None
    first = stripped[0]
    bulleted = first in _BULLET_CHARS
    core = stripped
    if bulleted or first.isdigit() or first in "#*(":
        b = P.BULLET.match(stripped)
        core = stripped[b.end():] if b else stripped
    core = core.strip().strip("*_#").strip()
    ends_colon = core.endswith(":")
    core = core.rstrip(":").strip()
    if bulleted and not ends_colon and not core.isupper():
        return None  # a list item
    return _classify_cached.__wrapped__(core, ends_colon, bulleted, False, kinds)


def split_sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentence spans inside ``text[start:end]`` (one line), trimmed of spaces and bullets."""
    spans = (_trimmed(text, a, z) for a, z in _segments(text, start, end))
    return [(got[0], got[1]) for got in spans if got is not None]


def _segments(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The untrimmed sentence spans of ``text[start:end]`` (one line)."""
    chunk = text[start:end]
    if "." not in chunk and ";" not in chunk and "!" not in chunk and "?" not in chunk:
        return [(start, end)]  # every ``SENTENCE_END`` match opens with one of these
    out: list[tuple[int, int]] = []
    seg_start = start
    for m in P.SENTENCE_END.finditer(chunk):
        cut = start + m.start() + 1
        if text[cut - 1] == ".":  # (no slice of the whole segment: paragraphs can be long)
            sp = text.rfind(" ", seg_start, cut)
            token = text[sp + 1 if sp >= 0 else seg_start:cut]
            # only short tokens ("B.S.", "e.g.", "Sr.") can be abbreviations
            if (len(token) <= 6 or token.count(".") >= 2) and P.ABBREV_TAIL.search(token):
                continue
        out.append((seg_start, cut))
        seg_start = start + m.end()
    out.append((seg_start, end))
    return out


def _trimmed(text: str, s: int, e: int) -> tuple[int, int, str] | None:
    """``text[s:e]`` trimmed of spaces and bullet marks, as (start, end, text); None if empty."""
    if s < e and "A" <= text[s] <= "Z":
        pass  # ``BULLET`` never consumes a leading capital (the common case): skip the regex
    else:
        b = P.BULLET.match(text[s:e])  # (its "^" needs the slice: it fails at a ``pos`` > 0)
        if b:
            s += b.end()
    kept = text[s:e].rstrip()  # ``str.strip`` removes exactly the ``isspace`` characters
    if not kept:
        return None
    sentence = kept.lstrip()
    z = s + len(kept)
    return z - len(sentence), z, sentence


def analyse(text: str, low: str | None = None,
            keyword_hits: Iterable[tuple[int, KeywordHit]] | None = None) -> Doc:
    """Headings and polarity, the sentences worth reading, and role-signal counts.

    No loop over every line: the keyword pass names the lines to read, and two regexes find the
    lines that can be headings (short lines, and lines opening with "Something:").
    ``low`` (``lower_same_length(text)``) and ``keyword_hits`` (the ``KEYWORD_KEYS`` hits of an
    scanner pass over ``" " + low + " "``, as ``(end index, value)`` in scan order) let the
    combiner share one scan with the skills matcher; by default ``analyse`` scans itself.
    """
    doc = Doc(text=text)
    if not text:
        return doc
    doc.low = lower_same_length(text) if low is None else low
    if keyword_hits is None:
        keyword_hits = _SCANNER.scan(" " + doc.low + " ")

    signals: dict[str, int] = {"ml": 0, "res": 0, "ana": 0, "eng": 0}
    marked: dict[int, int] = {}  # line start offset -> bit set of DEG/YRS/EQ/LVL
    line_hits: dict[int, list[tuple[int, int]]] = {}  # line start -> (keyword start, DEG/YRS/EQ bit)
    deg_hits: list[int] = []
    cue_hits: list[int] = []
    rfind = text.rfind
    for end_idx, (klen, kind, lead) in keyword_hits:
        bit = _LINE_KINDS.get(kind)
        if bit is None:
            if kind == "cue":
                cue_hits.append(end_idx - klen)
            elif kind == "cur":
                doc.currency_marks.append(end_idx - klen)
            else:
                signals[kind] += 1
            continue
        at = end_idx - klen + lead  # where the keyword starts in ``text``
        if bit == DEG:
            deg_hits.append(at)
        elif bit == FOS:
            line_hits.setdefault(rfind("\n", 0, at) + 1, []).append((at, bit))
            continue
        # the keyword's last character is at ``end_idx - 2`` in ``text`` (padding + suffix)
        ls = rfind("\n", 0, end_idx - 1) + 1
        marked[ls] = marked.get(ls, 0) | bit
        if bit != LVL:
            here = line_hits.get(ls)
            if here is None:
                line_hits[ls] = [(at, bit)]
            else:
                here.append((at, bit))
    doc.signals = signals
    deg_hits.sort()
    doc.degree_hits = deg_hits
    cue_hits.sort()  # (scan order is by end offset; the combiner bisects on starts)
    doc.cue_hits = cue_hits

    # headings: (line start, line end, polarity, soft); inline: line start -> (polarity, content start)
    heads: list[tuple[int, int, Polarity, bool]] = []
    inline: dict[int, tuple[Polarity, int]] = {}
    has_firm_pref = False
    padded = "\n" + text  # offsets in ``padded`` are one more than in ``text``
    caches = _LINE_HEADING_CACHES
    for m in _SHORT_LINE.finditer(padded):
        ls = m.start()
        bits = marked.get(ls, 0) & (DEG | YRS)
        raw = m.group(1)
        cache = caches[bits]
        got = cache.get(raw, _MISS)
        if got is _MISS:
            got = _short_line_heading(raw, bits)
            if len(cache) >= _LINE_CACHE_SIZE:
                cache.clear()  # bounded; the answer is pure, so forgetting only costs time
            cache[raw] = got
        if got is not None:
            if got[0] == "preferred" and not got[1]:
                has_firm_pref = True
            heads.append((ls, m.end() - 1, got[0], got[1]))
            marked.pop(ls, None)
    head_starts = {h[0] for h in heads}
    for m in _inline_heads(padded):
        ls = m.start()
        if ls in head_starts:
            continue
        head = m.group(1).strip()
        if not _INLINE_HEAD_TEXT.fullmatch(head):
            continue
        got = _classify_heading(head, True, False, inline=True, kinds=marked.get(ls, 0))
        if got is None:
            continue
        pol, sft = got
        if pol == "preferred" and not sft:
            has_firm_pref = True
        inline[ls] = (pol, m.end() - 1)
        head_lc = head.lower()
        if pol != "neutral" and (P.HEADING_PREFERRED.match(head_lc) or _strong_required_start(head_lc)):
            # "Preferred: ..." also heads the lines below
            heads.append((ls, ls, pol, sft))
    heads.sort()

    sec_starts: list[int] = []
    sec_pol: list[Polarity] = []
    for k, (_ls, le, pol, sft) in enumerate(heads):
        if pol == "preferred" and sft and has_firm_pref:
            # "Desired experience" (a list of 2+ lines) beside a separate "Nice to have" list is
            # the requirements
            nxt = heads[k + 1][0] if k + 1 < len(heads) else len(text)
            body = text[le:nxt]
            if sum(1 for line in body.split("\n") if line.strip()) >= 2:
                pol = "required"
        sec_starts.append(le)
        sec_pol.append(pol)
    doc.has_headings = bool(heads)
    doc.section_starts = sec_starts
    doc.section_polarity = sec_pol
    doc.inline = {ls: pol for ls, (pol, _c) in inline.items()}

    n = len(text)
    sentences = doc.sentences
    low_all = doc.low
    for ls in sorted(marked):
        bits = marked[ls]
        le = text.find("\n", ls)
        if le == -1:
            le = n
        pol = doc.polarity_at(ls)
        s0 = inline[ls][1] if ls in inline else ls
        if bits & LVL:
            doc.level_lines.append((s0, le))
            if bits == LVL:
                continue
        on_heading_line = ls in inline
        here = line_hits[ls]
        for a, z in _segments(text, s0, le):
            # only the sentences holding a degree, years, equivalence or field-of-study keyword
            # are read (a keyword never lies in the spaces and bullets that trimming removes)
            kinds = 0
            for at, bit in here:
                if a <= at < z:
                    kinds |= bit
            if kinds:
                got = _trimmed(text, a, z)
                if got is not None:
                    a, z, sentence = got
                    sentences.append(Sentence(sentence, a, z, pol, ls, on_heading_line, low_all[a:z], kinds))
    return doc
