"""Posting text with each extracted requirement's evidence highlighted, safely.

The text is untrusted (it came from a job board's HTML), so it is escaped piece by piece and
only our own ``<mark>`` tags are added around the evidence offsets. Overlapping spans (one
sentence can justify the degree and the years) become one mark naming every field.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from markupsafe import Markup, escape

from mlepath.extract import Evidence


@dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int
    field: str


def evidence_spans(text: str, evidence: Mapping[str, Sequence[Evidence]]) -> list[Span]:
    """Spans inside ``text`` for every evidence item.

    Offsets are trusted when ``text[start:end]`` is the evidence sentence; otherwise (a record
    made from another version of the text) the sentence is looked up by content, and dropped
    when it is not in the text at all.
    """
    spans: list[Span] = []
    for field_name, items in evidence.items():
        for ev in items:
            start, end = ev.start, ev.end
            if not (0 <= start < end <= len(text) and text[start:end] == ev.text):
                found = text.find(ev.text) if ev.text else -1
                if found < 0:
                    continue
                start, end = found, found + len(ev.text)
            spans.append(Span(start, end, field_name))
    return spans


def highlight(text: str, spans: Iterable[Span]) -> Markup:
    """Escaped ``text`` with ``<mark class="ev" data-fields="...">`` around each span."""
    spans = [s for s in spans if 0 <= s.start < s.end <= len(text)]
    cuts = sorted({0, len(text), *(s.start for s in spans), *(s.end for s in spans)})
    out: list[str] = []
    for a, b in itertools.pairwise(cuts):
        piece = str(escape(text[a:b]))
        fields = sorted({s.field for s in spans if s.start <= a and b <= s.end})
        if fields:
            label = escape(" ".join(fields))
            out.append(f'<mark class="ev" data-fields="{label}" title="{label}">{piece}</mark>')
        else:
            out.append(piece)
    return Markup("".join(out))
