"""The extractor against the shared dev gold: every target from the issue must hold."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import pytest

from mlepath.extract import EvalReport, evaluate
from mlepath.extract._evaluate import TARGETS, gold_postings_predictions


@lru_cache(maxsize=1)
def _report(shared: Path) -> EvalReport:
    gold_rows, preds = gold_postings_predictions(shared / "gold" / "dev.jsonl",
                                                 shared / "gold" / "dev-postings.jsonl")
    return evaluate(gold_rows, preds)


@pytest.mark.parametrize("name", list(TARGETS))
def test_dev_gold_target(shared: Path, name: str) -> None:
    report = _report(shared)
    assert report.n == 142 and not report.missing
    _metric, target = TARGETS[name]
    value = report.score(name)
    assert value >= target, f"{name}: {value:.3f} < target {target}"
