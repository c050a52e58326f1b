"""Fields of study: phrases from ``patterns.FIELD_TERMS`` found leftmost-longest on word boundaries."""

from __future__ import annotations

from ._scan import KeyScanner
from ._text import lower_same_length
from .patterns import FIELD_TERMS

# term -> (length, fields, whether the term ends in punctuation); boundaries are checked below
_SCANNER: KeyScanner[tuple[int, tuple[str, ...], bool]] = KeyScanner(
    {("", term, ""): (len(term), fields, term[-1] in ",/)") for term, fields in FIELD_TERMS.items()})


def find_fields(window: str) -> set[str]:
    """Every field named in ``window`` ("MS in CS, Statistics or a related technical field")."""
    return fields_in_lower(lower_same_length(window))


def fields_in_lower(low: str) -> set[str]:
    """``find_fields`` for text lower-cased already (``lower_same_length``, or a slice of it)."""
    n = len(low)
    # (start, -end, fields): sorted, the leftmost phrase comes first and the longest among those
    # starting there; two phrases never share both ends, so ``fields`` is never compared
    found: list[tuple[int, int, tuple[str, ...]]] = []
    for end_idx, (klen, fields, closed) in _SCANNER.scan(low):
        start = end_idx - klen + 1
        if start > 0 and low[start - 1].isalnum():
            continue
        # a phrase ending in punctuation carries its own right boundary
        if not closed and end_idx + 1 < n and low[end_idx + 1].isalnum():
            continue
        found.append((start, -end_idx - 1, fields))
    if not found:
        return set()
    found.sort()
    out: set[str] = set()
    last_end = -1
    for start, neg_end, fields in found:
        if start < last_end:
            continue  # inside a longer phrase that starts earlier ("computer engineering")
        out.update(fields)
        last_end = -neg_end
    return out
