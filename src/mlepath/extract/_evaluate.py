"""Scoring extractor output against gold labels (``shared/gold/GUIDELINES.md``).

Method:
- single-valued fields (``min_required``, ``experience_min_years``, ``role.family``,
  ``role.ml_focus``, ``seniority``, ``equivalent_experience_ok``): accuracy = exact matches / gold rows
  (years compare as numbers, ``null`` equals only ``null``);
- set fields (``preferred_levels``, ``fields``): micro precision/recall/F1 over (posting id, value)
  pairs, summed over all postings, so a posting with an empty gold set and an empty prediction adds
  nothing, and a spurious value is one false positive;
- ``equivalent_experience_ok`` also gets F1 of the positive class (``true`` is the rare, informative
  value: P = TP/(TP+FP), R = TP/(TP+FN));
- ``min_required`` also gets a confusion matrix (gold row -> predicted column -> count).
A gold row with no prediction counts every field as wrong (empty prediction).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from mlepath.errors import ExtractError

SINGLE_FIELDS: tuple[str, ...] = ("min_required", "equivalent_experience_ok", "experience_min_years",
                                  "role.family", "role.ml_focus", "seniority")
SET_FIELDS: tuple[str, ...] = ("preferred_levels", "fields")

# scored field -> the target the issue sets on the dev gold, and the metric it is measured by
TARGETS: dict[str, tuple[str, float]] = {
    "min_required": ("accuracy", 0.96),
    "preferred_levels": ("f1", 0.92),
    "equivalent_experience_ok": ("f1", 0.92),
    "experience_min_years": ("accuracy", 0.90),
    "role.family": ("accuracy", 0.90),
    "role.ml_focus": ("accuracy", 0.90),
    "seniority": ("accuracy", 0.85),
    "fields": ("f1", 0.85),
}


@dataclass(frozen=True, slots=True)
class PRF:
    tp: int
    fp: int
    fn: int

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def to_dict(self) -> dict[str, Any]:
        return {"tp": self.tp, "fp": self.fp, "fn": self.fn, "precision": round(self.precision, 4),
                "recall": round(self.recall, 4), "f1": round(self.f1, 4)}


@dataclass(frozen=True, slots=True)
class Disagreement:
    id: str
    field: str
    gold: Any
    predicted: Any

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "field": self.field, "gold": self.gold, "predicted": self.predicted}


@dataclass(slots=True)
class EvalReport:
    n: int = 0
    missing: list[str] = field(default_factory=list)  # gold ids with no prediction
    accuracy: dict[str, float] = field(default_factory=dict)
    prf: dict[str, PRF] = field(default_factory=dict)
    confusion: dict[str, dict[str, int]] = field(default_factory=dict)
    disagreements: list[Disagreement] = field(default_factory=list)

    def score(self, name: str) -> float:
        """The figure a target is set on: accuracy, or F1 for set fields and equivalence."""
        metric, _ = TARGETS.get(name, ("accuracy", 0.0))
        if metric == "f1":
            return self.prf[name].f1
        return self.accuracy[name]

    def targets(self) -> dict[str, dict[str, Any]]:
        return {name: {"metric": metric, "target": target, "value": round(self.score(name), 4),
                       "met": self.score(name) >= target}
                for name, (metric, target) in TARGETS.items()}

    def to_dict(self) -> dict[str, Any]:
        return {
            "n": self.n,
            "missing": self.missing,
            "accuracy": {k: round(v, 4) for k, v in self.accuracy.items()},
            "prf": {k: v.to_dict() for k, v in self.prf.items()},
            "confusion_min_required": self.confusion,
            "targets": self.targets(),
            "disagreements": [d.to_dict() for d in self.disagreements],
        }


def _get(row: Mapping[str, Any], name: str) -> Any:
    if name in ("min_required", "preferred_levels", "equivalent_experience_ok", "fields"):
        return (row.get("education") or {}).get(name)
    if name.startswith("role."):
        return (row.get("role") or {}).get(name.split(".", 1)[1])
    return row.get(name)


def _same(name: str, gold: Any, pred: Any) -> bool:
    if name == "experience_min_years":
        if gold is None or pred is None:
            return gold is None and pred is None
        try:
            return abs(float(gold) - float(pred)) < 1e-6
        except (TypeError, ValueError):
            return False
    if name == "equivalent_experience_ok":
        return bool(gold) == bool(pred)
    return bool(gold == pred)


def evaluate(gold_rows: Iterable[Mapping[str, Any]],
             predicted_rows: Iterable[Mapping[str, Any]]) -> EvalReport:
    """Score predictions against gold rows matched by ``id`` (method in the module docstring)."""
    preds = {str(r.get("id")): r for r in predicted_rows}
    report = EvalReport()
    correct = dict.fromkeys(SINGLE_FIELDS, 0)
    counts = {name: [0, 0, 0] for name in (*SET_FIELDS, "equivalent_experience_ok")}
    for gold in gold_rows:
        gid = str(gold.get("id"))
        report.n += 1
        pred = preds.get(gid)
        if pred is None:
            report.missing.append(gid)
            pred = {}
        for name in SINGLE_FIELDS:
            g, p = _get(gold, name), _get(pred, name)
            if _same(name, g, p):
                correct[name] += 1
            else:
                report.disagreements.append(Disagreement(gid, name, g, p))
        g_eq, p_eq = bool(_get(gold, "equivalent_experience_ok")), bool(_get(pred, "equivalent_experience_ok"))
        c = counts["equivalent_experience_ok"]
        c[0] += g_eq and p_eq
        c[1] += p_eq and not g_eq
        c[2] += g_eq and not p_eq
        for name in SET_FIELDS:
            gs, ps = set(_get(gold, name) or ()), set(_get(pred, name) or ())
            c = counts[name]
            c[0] += len(gs & ps)
            c[1] += len(ps - gs)
            c[2] += len(gs - ps)
            if gs != ps:
                report.disagreements.append(Disagreement(gid, name, sorted(gs), sorted(ps)))
        g_min = str(_get(gold, "min_required"))
        p_min = str(_get(pred, "min_required"))
        report.confusion.setdefault(g_min, {})
        report.confusion[g_min][p_min] = report.confusion[g_min].get(p_min, 0) + 1
    n = max(report.n, 1)
    report.accuracy = {name: correct[name] / n for name in SINGLE_FIELDS}
    report.prf = {name: PRF(*c) for name, c in counts.items()}
    return report


def read_gold_files(gold: str | Path, postings: str | Path) -> tuple[list[dict[str, Any]], dict[str, dict[str, Any]]]:
    """Gold rows and the postings they label (JSONL: ``id``, ``title``, ``description``)."""
    try:
        gold_rows = [json.loads(line) for line in Path(gold).read_text(encoding="utf-8").splitlines()
                     if line.strip()]
        posting_rows = {str(r.get("id")): r for r in
                        (json.loads(line) for line in Path(postings).read_text(encoding="utf-8").splitlines()
                         if line.strip())}
    except (OSError, ValueError) as exc:
        raise ExtractError(f"cannot read gold files: {exc}; pass --gold and --postings JSONL files") from exc
    return gold_rows, posting_rows


def gold_postings_predictions(gold: str | Path, postings: str | Path
                              ) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Read the gold and postings files and extract every gold posting: ``(gold_rows, predictions)``."""
    from ._combine import extract_requirements

    gold_rows, posting_rows = read_gold_files(gold, postings)
    preds: list[dict[str, Any]] = []
    for row in gold_rows:
        p = posting_rows.get(str(row.get("id")))
        if p is None:
            continue
        text = p.get("description_text") or p.get("description") or p.get("text") or ""
        preds.append(extract_requirements(text, title=p.get("title") or "",
                                          structured=p.get("structured")).to_dict(str(row.get("id"))))
    return gold_rows, preds
