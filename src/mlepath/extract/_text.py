"""Small text helpers shared by the extraction modules."""

from __future__ import annotations


def lower_same_length(text: str) -> str:
    """``text.lower()``, except characters whose lower case is longer ("İ") stay as they are.

    The ``patterns._lc`` regexes run on lower-cased text; keeping the length keeps every offset
    valid in the original text.
    """
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
