"""Find taxonomy skills in posting text: one scanner pass (Hyperscan or Aho-Corasick), word boundaries, guard rules.

``find_skills(text, taxonomy)`` returns every mention, in text order, with offsets into the text
it was given. The scanner runs over ``text.lower()`` (kept the same length, so offsets map back
one-to-one); each hit must sit on word boundaries; overlapping hits keep the leftmost-longest
("Apache Spark" over "Spark", "JavaScript" over "Java"); ambiguous aliases must then pass their
guard (see ``_taxonomy.Guard``), judged on the original text.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass

from ._doc import KeywordHit
from ._taxonomy import AliasEntry, Guard, Skill, Taxonomy
from ._text import lower_same_length


@dataclass(frozen=True, slots=True)
class SkillMention:
    """One mention of a skill: ``text[start:end]`` is the surface that matched."""

    id: str
    name: str
    category: str
    start: int
    end: int


def _is_word(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


# Candidate: (start, end, entry) — a plural hit ("APIs") ends one character after its alias.
_Candidate = tuple[int, int, AliasEntry]
# A raw hit as sorted by ``_leftmost_longest``: (start, -end, index of the key's last character,
# entry). Plain tuple order is then leftmost, longest, first scanned: no key function, and the
# scan index keeps two equal spans (a plural "apis" and an alias "apis") in scan order.
_Hit = tuple[int, int, int, AliasEntry]


def _candidates(padded: str, taxonomy: Taxonomy,
                keyword_hits: list[tuple[int, KeywordHit]] | None = None) -> list[_Hit]:
    """Automaton hits on ``padded`` (= " " + lower(text) + " "), as offsets into ``text``.

    Padded index ``i`` is text offset ``i - 1``. A short alias's key is boundary + alias +
    boundary, so its hit is a word by construction; a longer alias is keyed bare and must not
    continue a word on either side ("scala" in "escalate", "pandas" in "expandasx").
    The same scan finds the requirement keywords of ``_doc``; they are appended, in scan order,
    to ``keyword_hits`` when given (and skipped otherwise).
    """
    found: list[_Hit] = []
    for last, (entry, kw) in taxonomy.scanner.scan(padded):
        if kw is not None and keyword_hits is not None:
            keyword_hits.append((last, kw))
        if entry is None:
            continue
        if entry.right_bounded:
            end = last - 1  # the key's last char (padded index ``last``) is the boundary
            found.append((end - entry.length, -end, last, entry))
            continue
        if entry.skill_index < 0:
            continue
        end = last  # padded index last+1 is the char after the alias, i.e. text offset ``last``
        start = end - entry.length
        before = padded[start]  # padded index of the char before the alias
        # (``_is_word`` inlined: this loop runs for every hit of every posting)
        if before == "." or before == "_" or before.isalnum():
            continue  # "escalate" for "scala", "asp.net" for ".net", "page.html" for "html"
        nxt = padded[last + 1]
        if (nxt.isalnum() or nxt == "_") and _is_word(padded[last]):
            # A plain plural ("microservices", "LLMs") counts; "Excels" does not, because
            # guarded aliases never take the plural.
            if (nxt == "s" and entry.guard is None and padded[last].isalpha()
                    and not _is_word(padded[last + 2])):
                end += 1
            else:
                continue
        found.append((start, -end, last, entry))
    return found


def _leftmost_longest(hits: list[_Hit]) -> list[_Candidate]:
    hits.sort()
    out: list[_Candidate] = []
    reach = -1
    for start, neg_end, _last, entry in hits:
        if start >= reach:
            reach = -neg_end
            out.append((start, reach, entry))
    return out


def _passes_local(guard: Guard, surface: str, text: str, start: int, end: int) -> bool:
    """The guard's checks that look only at the hit itself and its neighbours."""
    if guard.surfaces and text[start:end] not in guard.surfaces:
        return False
    if guard.match_case and text[start:end] != surface:
        return False
    if guard.reject_next is not None and guard.reject_next.match(text, end):
        return False
    return not (guard.reject_prev is not None
                and guard.reject_prev.search(text[max(0, start - 24):start]))


def _has_context(guard: Guard, text: str, start: int, end: int, anchors: list[int]) -> bool:
    """An anchor (sorted start offsets of accepted hits) or a cue word within the window."""
    lo, hi = start - guard.window, end + guard.window
    i = bisect_left(anchors, lo)
    if i < len(anchors) and anchors[i] <= hi:
        return True
    if guard.cue_words is not None:
        return guard.cue_words.search(text, max(0, lo), min(len(text), hi)) is not None
    return False


def find_skills(text: str, taxonomy: Taxonomy) -> list[SkillMention]:
    """Every taxonomy skill mentioned in ``text``, in order, with offsets into ``text``.

    >>> from mlepath.extract import load_taxonomy
    >>> [m.id for m in find_skills("Python, R and SQL; R&D budget", load_taxonomy())]
    ['python', 'r', 'sql']
    """
    return [SkillMention(s.id, s.name, s.category, start, end)
            for start, end, s in skill_spans(text, taxonomy)]


def skill_spans(text: str, taxonomy: Taxonomy, low: str | None = None,
                keyword_hits: list[tuple[int, KeywordHit]] | None = None) -> list[tuple[int, int, Skill]]:
    """``find_skills`` as ``(start, end, skill)`` tuples: the combiner's fast path.

    ``low`` is ``text`` already lower-cased with the length kept, when the caller has it;
    ``keyword_hits`` collects the requirement-keyword hits of the same scan (for ``_doc.analyse``).
    """
    if not text:
        return []
    padded = " " + (lower_same_length(text) if low is None else low) + " "
    chosen = _leftmost_longest(_candidates(padded, taxonomy, keyword_hits))

    # Unambiguous hits anchor the context checks of the guarded ones.
    accepted: list[_Candidate] = []
    pending: list[_Candidate] = []
    for c in chosen:
        guard = c[2].guard
        if guard is None:
            accepted.append(c)
        elif _passes_local(guard, c[2].surface, text, c[0], c[1]):
            if guard.needs_context:
                pending.append(c)
            else:
                accepted.append(c)
    if pending:
        anchors = [c[0] for c in accepted]
        late: list[_Candidate] = []
        for c in pending:
            guard = c[2].guard
            assert guard is not None
            if _has_context(guard, text, c[0], c[1], anchors):
                accepted.append(c)
            else:
                late.append(c)
        # Second round: "R, Go and Scala" — a guarded hit confirmed above vouches for its
        # neighbours, but two unconfirmed guarded hits never vouch for each other.
        if late and len(accepted) > len(anchors):
            anchors = sorted(c[0] for c in accepted)
            for c in late:
                guard = c[2].guard
                assert guard is not None
                if _has_context(guard, text, c[0], c[1], anchors):
                    accepted.append(c)
        accepted.sort(key=lambda c: c[0])

    skills = taxonomy.skills
    return [(start, end, skills[entry.skill_index]) for start, end, entry in accepted]
