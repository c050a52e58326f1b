"""What ``mlepath explain`` shows: evidence spans to highlight and one row per extracted value."""

from __future__ import annotations

from ._model import Requirements

# evidence keys in the order they are painted (later ones win where spans overlap)
_ORDER = ("fields", "role", "seniority", "experience_min_years", "equivalent_experience_ok",
          "preferred_levels", "min_required")


def evidence_spans(req: Requirements, text_length: int) -> list[tuple[int, int, str]]:
    """``(start, end, field)`` for every evidence sentence that lies inside the text."""
    spans: list[tuple[int, int, str]] = []
    for key in _ORDER:
        for ev in req.evidence.get(key, ()):
            if 0 <= ev.start < ev.end <= text_length:
                spans.append((ev.start, ev.end, key))
    return spans


def value_rows(req: Requirements) -> list[tuple[str, str, str]]:
    """``(field, value, evidence)`` rows; evidence from the title or a structured field is marked."""
    years = req.experience_min_years
    values = {
        "min_required": req.min_required,
        "preferred_levels": ", ".join(req.preferred_levels) or "-",
        "equivalent_experience_ok": "yes" if req.equivalent_experience_ok else "no",
        "fields": ", ".join(req.fields) or "-",
        "experience_min_years": "-" if years is None else f"{years:g}",
        "role": f"{req.role_family} ({req.ml_focus})",
        "seniority": req.seniority,
        "salary": ("-" if req.salary is None else
                   f"{req.salary.min or '?'}-{req.salary.max or '?'} {req.salary.currency or ''} "
                   f"/{req.salary.period or '?'} ({req.salary.source})"),
        "skills": ", ".join(f"{s.name}{'' if s.required else ' (preferred)'}" for s in req.skills) or "-",
    }
    rows: list[tuple[str, str, str]] = []
    for name, value in values.items():
        evs = req.evidence.get(name, ())
        shown = " | ".join((e.text if e.start >= 0 else f"[title/structured] {e.text}")[:160] for e in evs[:2])
        rows.append((name, value, shown))
    return rows
