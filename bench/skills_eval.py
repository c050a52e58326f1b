"""Mention-level precision/recall/F1 of ``find_skills`` on two human-annotated span benchmarks.

    python bench/skills_eval.py                       # both sets, from ../shared/data
    python bench/skills_eval.py --data ../shared/data --json

How it evaluates (read this before comparing with the papers):
- Each gold sentence is rebuilt as its tokens joined by single spaces; ``find_skills`` runs on
  that string; each predicted mention becomes the token span it overlaps.
- Gold spans come from the BIO tags. Green et al. (2022) test set (``testset.txt``): entity
  types ``Skill`` (main row) and all five types together. SkillSpan test (``test.json``):
  ``Knowledge`` (main row: tools, technologies, languages — the closest to a tech-skill
  taxonomy), ``Skill``, and both together (a predicted span counts against their union).
- strict: a predicted span is a true positive only if it equals a gold span token-for-token.
- loose (overlap): precision = share of predicted spans that overlap some gold span; recall =
  share of gold spans overlapped by some predicted span.
- Duplicate predictions of one span in one sentence count once.

What the comparison means: the papers train sequence taggers to mark *every* skill/knowledge
span, including long free-text ones ("influence cross functional teams and suppliers"). A taxonomy
matcher only finds names it knows, and finds them as the short canonical name ("Python" inside
"strong Python scripting skills"). So strict recall is bounded by taxonomy coverage and by span
conventions, and these figures measure a different task; loose precision is the fairer number
for "when mlepath says a posting mentions X, is it right".
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from mlepath.extract._skills import find_skills
from mlepath.extract._taxonomy import Taxonomy, load_taxonomy

REPO = Path(__file__).resolve().parents[1]
DEFAULT_DATA = REPO.parent / "shared" / "data"

Span = tuple[int, int]  # token indices [start, end)


@dataclass
class Counts:
    pred: int = 0
    gold: int = 0
    strict_tp: int = 0
    loose_pred_tp: int = 0
    loose_gold_tp: int = 0

    def add(self, pred: set[Span], gold: set[Span]) -> None:
        self.pred += len(pred)
        self.gold += len(gold)
        self.strict_tp += len(pred & gold)
        self.loose_pred_tp += sum(1 for p in pred if any(_overlap(p, g) for g in gold))
        self.loose_gold_tp += sum(1 for g in gold if any(_overlap(p, g) for p in pred))

    def scores(self) -> dict[str, float | int]:
        def prf(tp_p: int, tp_r: int) -> tuple[float, float, float]:
            p = tp_p / self.pred if self.pred else 0.0
            r = tp_r / self.gold if self.gold else 0.0
            f = 2 * p * r / (p + r) if p + r else 0.0
            return round(p, 3), round(r, 3), round(f, 3)

        sp, sr, sf = prf(self.strict_tp, self.strict_tp)
        lp, lr, lf = prf(self.loose_pred_tp, self.loose_gold_tp)
        return {"pred": self.pred, "gold": self.gold, "strict_p": sp, "strict_r": sr,
                "strict_f1": sf, "loose_p": lp, "loose_r": lr, "loose_f1": lf}


def _overlap(a: Span, b: Span) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def bio_spans(tags: list[str], types: set[str] | None = None) -> set[Span]:
    """Spans from BIO tags ("B-Skill"/"I-Skill" or bare "B"/"I"); ``types`` filters labels."""
    spans: set[Span] = set()
    start: int | None = None
    label = ""
    for i, tag in enumerate([*tags, "O"]):
        head, _, kind = tag.partition("-")
        if start is not None and (head != "I" or kind != label):
            if types is None or label in types:
                spans.add((start, i))
            start = None
        if head == "B" or (head == "I" and start is None):
            start, label = i, kind
    return spans


def predicted_spans(tokens: list[str], taxonomy: Taxonomy) -> set[Span]:
    text = " ".join(tokens)
    starts: list[int] = []
    pos = 0
    for tok in tokens:
        starts.append(pos)
        pos += len(tok) + 1
    spans: set[Span] = set()
    for m in find_skills(text, taxonomy):
        first = last = -1
        for i, s in enumerate(starts):
            e = s + len(tokens[i])
            if s < m.end and m.start < e:
                if first < 0:
                    first = i
                last = i
        if first >= 0:
            spans.add((first, last + 1))
    return spans


def green_sentences(path: Path) -> Iterator[tuple[list[str], list[str]]]:
    tokens: list[str] = []
    tags: list[str] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if not parts:
            if tokens:
                yield tokens, tags
            tokens, tags = [], []
            continue
        tokens.append(parts[0])
        tags.append(parts[1] if len(parts) > 1 else "O")
    if tokens:
        yield tokens, tags


def skillspan_sentences(path: Path) -> Iterator[dict[str, list[str]]]:
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                yield json.loads(line)


def evaluate_green(path: Path, taxonomy: Taxonomy) -> dict[str, dict[str, float | int]]:
    skill, every = Counts(), Counts()
    for tokens, tags in green_sentences(path):
        pred = predicted_spans(tokens, taxonomy)
        skill.add(pred, bio_spans(tags, {"Skill"}))
        every.add(pred, bio_spans(tags))
    return {"Skill": skill.scores(), "all types": every.scores()}


def evaluate_skillspan(rows: Iterable[dict[str, list[str]]], taxonomy: Taxonomy,
                       ) -> dict[str, dict[str, float | int]]:
    know, skill, both = Counts(), Counts(), Counts()
    for row in rows:
        tokens = [str(t) for t in row["tokens"]]
        pred = predicted_spans(tokens, taxonomy)
        k = bio_spans(list(row["tags_knowledge"]))
        s = bio_spans(list(row["tags_skill"]))
        know.add(pred, k)
        skill.add(pred, s)
        both.add(pred, k | s)
    return {"Knowledge": know.scores(), "Skill": skill.scores(), "Skill+Knowledge": both.scores()}


GUARD_SAMPLE = REPO / "tests" / "extract" / "skills_guard_sample.json"


def guard_effect(items: list[dict[str, object]], taxonomy: Taxonomy) -> dict[str, dict[str, object]]:
    """Precision of ambiguous-name hits without the guard (every hit kept) and with it.

    Each item is a hand-labelled hit (see tests/extract/skills_guard_sample.json). With the
    guard, a hit counts as predicted when ``find_skills`` on the snippet returns the item's
    skill id at the item's offsets.
    """
    by_alias: dict[str, list[tuple[bool, bool]]] = {}
    for it in items:
        text = str(it["text"])
        start = int(str(it["start"]))
        kept = any(m.id == it["skill_id"] and m.start == start for m in find_skills(text, taxonomy))
        by_alias.setdefault(str(it["alias"]), []).append((bool(it["is_skill"]), kept))
    out: dict[str, dict[str, object]] = {}
    pairs_all = [p for v in by_alias.values() for p in v]
    for alias, pairs in [*sorted(by_alias.items()), ("ALL", pairs_all)]:
        n = len(pairs)
        true = sum(1 for y, _ in pairs if y)
        kept = sum(1 for _, k in pairs if k)
        tp = sum(1 for y, k in pairs if y and k)
        out[alias] = {"hits": n, "true": true,
                      "precision_without_guard": round(true / n, 3) if n else None,
                      "precision_with_guard": round(tp / kept, 3) if kept else None,
                      "recall_with_guard": round(tp / true, 3) if true else None,
                      "kept": kept}
    return out


LINKEDIN = Path("linkedin_ds_daily_rafabelokurows") / \
    "linkedin_data_scientist_search_us_2024-06_2026-08.csv.gz"


def guard_corpus_estimate(items: list[dict[str, object]], data_dir: Path) -> dict[str, object]:
    """The guard effect weighted by how often each ambiguous name occurs in real postings.

    Candidate hits come from the taxonomy with every guard removed; each name's precision
    without the guard is taken from the labelled sample and applied to its corpus count.
    """
    import csv
    import gzip

    from mlepath.extract._taxonomy import DEFAULT_TAXONOMY_PATH

    data = json.loads(DEFAULT_TAXONOMY_PATH.read_text(encoding="utf-8"))
    for skill in data["skills"]:
        skill.pop("guarded", None)
    unguarded = Taxonomy.from_dict(data)
    guarded = load_taxonomy()
    alias_skill = {str(it["alias"]): str(it["skill_id"]) for it in items}
    share: dict[str, float] = {}
    for alias in alias_skill:
        labels = [bool(it["is_skill"]) for it in items if it["alias"] == alias]
        share[alias] = sum(labels) / len(labels)
    candidates: dict[str, int] = dict.fromkeys(alias_skill, 0)
    kept: dict[str, int] = dict.fromkeys(alias_skill, 0)
    csv.field_size_limit(1 << 30)
    with gzip.open(data_dir / LINKEDIN, "rt", encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            text = row.get("Description") or ""
            accepted = {(m.start, m.id) for m in find_skills(text, guarded)}
            for m in find_skills(text, unguarded):
                alias = text[m.start:m.end].lower()
                if alias in alias_skill:
                    candidates[alias] += 1
                    kept[alias] += (m.start, alias_skill[alias]) in accepted
    total = sum(candidates.values())
    est_true = sum(share[a] * candidates[a] for a in candidates)
    return {"candidates": candidates, "kept": kept, "candidate_hits": total,
            "estimated_true_hits": round(est_true),
            "estimated_precision_without_guard": round(est_true / total, 3) if total else None,
            "kept_hits": sum(kept.values())}


# Published figures, for the side-by-side table. Where they came from is in docs/skills.md.
PUBLISHED = {
    "green2022": "CRF baseline, all five entity types: F1 0.59 (Green, Maynard & Lin, LREC 2022, "
                 "abstract)",
    "skillspan": "span-F1 per model in the paper's result tables (Zhang et al., NAACL 2022); "
                 "not retrievable offline here, so not quoted",
}


def main() -> None:
    ap = argparse.ArgumentParser(description="find_skills vs Green 2022 and SkillSpan gold spans")
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--json", action="store_true", help="print one JSON document")
    ap.add_argument("--corpus", action="store_true",
                    help="also weight the guard effect by name frequency in the LinkedIn postings")
    args = ap.parse_args()
    green = args.data / "green2022_skill_extraction" / "testset.txt"
    span = args.data / "skillspan" / "test.json"
    if not green.is_file() or not span.is_file():
        sys.exit(f"benchmark files not found under {args.data}; pass --data ../shared/data")
    tax = load_taxonomy()
    t0 = time.perf_counter()
    rows = list(skillspan_sentences(span))
    sample = json.loads(GUARD_SAMPLE.read_text(encoding="utf-8"))["items"]
    result = {
        "taxonomy_skills": len(tax),
        "green2022_test": evaluate_green(green, tax),
        "skillspan_test": evaluate_skillspan(rows, tax),
        "skillspan_test_tech": evaluate_skillspan([r for r in rows if r.get("source") == "tech"],
                                                  tax),
        "skillspan_test_house": evaluate_skillspan(
            [r for r in rows if r.get("source") == "house"], tax),
        "guard": guard_effect(sample, tax),
        "guard_corpus": guard_corpus_estimate(sample, args.data) if args.corpus else None,
        "published": PUBLISHED,
        "seconds": round(time.perf_counter() - t0, 2),
    }
    if args.json:
        print(json.dumps(result, indent=2))
        return
    print(f"taxonomy: {len(tax)} skills; mention-level, strict = exact token span, "
          "loose = any overlap")
    print(f"{'set':<22}{'gold type':<17}{'pred':>6}{'gold':>6}"
          f"{'P':>7}{'R':>7}{'F1':>7} |{'P~':>7}{'R~':>7}{'F1~':>7}")
    for name in ("green2022_test", "skillspan_test", "skillspan_test_tech", "skillspan_test_house"):
        block = result[name]
        assert isinstance(block, dict)
        for kind, s in block.items():
            print(f"{name:<22}{kind:<17}{s['pred']:>6}{s['gold']:>6}{s['strict_p']:>7}"
                  f"{s['strict_r']:>7}{s['strict_f1']:>7} |{s['loose_p']:>7}{s['loose_r']:>7}"
                  f"{s['loose_f1']:>7}")
    print("guard rules on the hand-labelled sample (tests/extract/skills_guard_sample.json):")
    print(f"{'alias':<8}{'hits':>6}{'true':>6}{'P no guard':>12}{'P guard':>9}{'R guard':>9}")
    guard = result["guard"]
    assert isinstance(guard, dict)
    for alias, g in guard.items():
        print(f"{alias:<8}{g['hits']:>6}{g['true']:>6}{g['precision_without_guard']!s:>12}"
              f"{g['precision_with_guard']!s:>9}{g['recall_with_guard']!s:>9}")
    corpus = result["guard_corpus"]
    if isinstance(corpus, dict):
        print(f"corpus-weighted (LinkedIn US postings): {corpus['candidate_hits']} candidate hits "
              f"{corpus['candidates']}; estimated precision without guard "
              f"{corpus['estimated_precision_without_guard']} (~{corpus['estimated_true_hits']} "
              f"true); guard keeps {corpus['kept_hits']} {corpus['kept']}")
    print("published:")
    for k, v in PUBLISHED.items():
        print(f"  {k}: {v}")


if __name__ == "__main__":
    main()
