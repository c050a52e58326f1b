"""Fields of study: phrases from ``patterns.FIELD_TERMS`` found leftmost-longest on word boundaries."""

from __future__ import annotations

import ahocorasick

from .patterns import FIELD_TERMS

_AUTOMATON = ahocorasick.Automaton()
for _term, _fields in FIELD_TERMS.items():
    _AUTOMATON.add_word(_term, (len(_term), _fields, _term[-1] in ",/)"))
_AUTOMATON.make_automaton()


def find_fields(window: str) -> set[str]:
    """Every field named in ``window`` ("MS in CS, Statistics or a related technical field")."""
    low = window.lower()
    if len(low) != len(window):
        low = "".join(c if len(c.lower()) != 1 else c.lower() for c in window)
    n = len(low)
    found: list[tuple[int, int, tuple[str, ...]]] = []
    for end_idx, (klen, fields, closed) in _AUTOMATON.iter(low):
        start = end_idx - klen + 1
        if start > 0 and low[start - 1].isalnum():
            continue
        # a phrase ending in punctuation carries its own right boundary
        if not closed and end_idx + 1 < n and low[end_idx + 1].isalnum():
            continue
        found.append((start, end_idx + 1, fields))
    if not found:
        return set()
    found.sort(key=lambda f: (f[0], f[0] - f[1]))
    out: set[str] = set()
    last_end = -1
    for start, end, fields in found:
        if start < last_end:
            continue  # inside a longer phrase that starts earlier ("computer engineering")
        out.update(fields)
        last_end = end
    return out
