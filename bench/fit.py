"""Time one fit audit against 100,000 stored postings (warm), and print the figures.

    python bench/fit.py                 # builds /tmp/mlepath_bench_fit.duckdb once, then times
    python bench/fit.py --n 20000 --runs 10

Postings are synthetic but shaped like real ones: 4-16 skills each out of ~120, degree minimums,
preferred degrees, years of experience. The audit timed is ``load_targets`` (one DuckDB query, or
the cached columns when the same filters ran before over unchanged data) plus ``audit_fit``
(vectorised Arrow over the columns): what ``mlepath fit --db`` does before printing. Both the
queried and the cached case are printed, with wall and CPU time (CPU time includes DuckDB's
threads; on a shared machine it is steadier than wall time).
"""

from __future__ import annotations

import argparse
import random
import statistics
import time
from pathlib import Path

from mlepath.extract import Requirements, SkillHit
from mlepath.profile import Degree, Profile, audit_fit, load_targets
from mlepath.sources import Posting
from mlepath.store import Store

CATS = ("programming_language", "ml_framework", "mlops", "cloud", "data_engineering",
        "statistics_math", "ml_technique", "software_engineering", "soft_skill")
SKILLS = [(f"skill{i:03d}", f"Skill {i}", CATS[i % len(CATS)]) for i in range(120)]
LEVELS = ("none", "unspecified", "bachelor", "bachelor", "bachelor", "master", "phd")
ROLES = ("ml_engineer", "ml_engineer", "data_scientist", "software_engineer", "research_scientist")


def build(path: Path, n: int) -> None:
    rng = random.Random(42)
    store = Store(path)
    postings, reqs = [], []
    for i in range(n):
        pid = f"bench:{i:07d}"
        postings.append(Posting(id=pid, source="bench", title=f"ML Engineer {i}",
                                company=f"Company {i % 997}", description_text=f"posting {i}"))
        skills = rng.sample(SKILLS, rng.randint(4, 16))
        reqs.append((pid, Requirements(
            min_required=rng.choice(LEVELS),
            preferred_levels=("master",) if rng.random() < 0.4 else (),
            equivalent_experience_ok=rng.random() < 0.3,
            fields=("computer_science",),
            experience_min_years=rng.choice((None, 2.0, 3.0, 5.0, 7.0)),
            role_family=rng.choice(ROLES), ml_focus=rng.choice(("applied", "research", "none")),
            skills=tuple(SkillHit(s, nm, c, rng.random() < 0.6) for s, nm, c in skills),
            extractor_version="bench-1")))
    store.upsert_postings(postings)
    store.save_requirements(reqs)
    store.close()


def _level(text: str) -> str | None:
    from mlepath.profile._resume import _degree_level

    return _degree_level(text)


def eval_resumes(root: Path) -> None:
    """Résumé reading against DataTurks' hand labels (Indeed résumés; noisy, incomplete).

    Prints aggregate figures only: the résumés are personal data.
    """
    import json
    import re
    from datetime import date

    from mlepath.profile._resume import profile_from_text
    from mlepath.profile._skills import default_skill_finder

    folder = root / "dataturks_indeed_resume_ner"
    rows = [json.loads(line) for name in ("traindata.json", "testdata.json")
            for line in (folder / name).read_text(encoding="utf-8").splitlines() if line.strip()]
    finder = default_skill_finder()
    deg_n = deg_found = deg_same = 0
    years_n = years_close = 0
    errors: list[float] = []
    t_mine = t_hit = g_titles = g_hit = 0
    t0 = time.perf_counter()
    for row in rows:
        labels: dict[str, list[str]] = {}
        for a in row.get("annotation") or []:
            for label in a["label"]:
                labels.setdefault(label, []).extend(p["text"].strip() for p in a["points"])
        # the Indeed export was crawled in 2018: "Present" means then
        p = profile_from_text(row["content"], source="dataturks", skill_finder=finder,
                              today=date(2018, 9, 1))
        gold_levels = [lv for t in labels.get("Degree", []) if (lv := _level(t))]
        if gold_levels:
            deg_n += 1
            deg_found += p.highest_degree is not None
            best = max(gold_levels, key=("high_school", "associate", "bachelor", "master",
                                         "phd").index)
            deg_same += p.highest_degree is not None and p.highest_degree.level == best
        gold_years = [float(m.group(1)) for t in labels.get("Years of Experience", [])
                      if (m := re.search(r"(\d+(?:\.\d+)?)\s*(?:\+\s*)?year", t, re.I))]
        if gold_years:
            years_n += 1
            if p.years_experience is not None:
                errors.append(abs(p.years_experience - max(gold_years)))
                years_close += errors[-1] <= 1.0
        gold = {t.lower() for t in labels.get("Designation", []) if t}
        g_titles += len(gold)
        t_mine += len(p.titles)
        t_hit += sum(any(t.lower() in g or g in t.lower() for g in gold) for t in p.titles)
        g_hit += sum(any(t.lower() in g or g in t.lower() for t in p.titles) for g in gold)
    secs = time.perf_counter() - t0
    print(f"DataTurks résumés: {len(rows)} read in {secs:.2f} s ({len(rows) / secs:.0f}/s)")
    print(f"  degree: found in {deg_found}/{deg_n} with a labelled degree; highest level equal "
          f"to the labelled one (mapped with the same phrase table) in {deg_same}/{deg_n}")
    print(f"  years of experience: within ±1 year of the labelled figure in {years_close}/"
          f"{years_n}; median absolute error {statistics.median(errors or [0]):.1f} years")
    print(f"  titles: precision {t_hit}/{t_mine} = {t_hit / max(t_mine, 1):.0%} (a title read "
          f"matches a labelled designation); recall {g_hit}/{g_titles} = "
          f"{g_hit / max(g_titles, 1):.0%}")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=100_000)
    ap.add_argument("--runs", type=int, default=7)
    ap.add_argument("--db", default="/tmp/mlepath_bench_fit.duckdb")
    ap.add_argument("--resumes", type=Path, default=None,
                    help="../shared/data/resumes: also check résumé reading against labels")
    args = ap.parse_args()
    if args.resumes is not None:
        eval_resumes(args.resumes)
    path = Path(f"{args.db}.{args.n}")
    if not path.exists():
        t0 = time.perf_counter()
        build(path, args.n)
        print(f"built {args.n:,} postings in {time.perf_counter() - t0:.1f} s -> {path}")
    profile = Profile(degrees=(Degree("bachelor", "computer_science"),), years_experience=6.0,
                      skills=tuple(s for s, _, _ in SKILLS[::3]))
    store = Store(path, read_only=True)
    for label, kwargs in (("all postings", {}), ("role=ml_engineer", {"role": "ml_engineer"})):
        for cache in (False, True):
            wall: dict[str, list[float]] = {"load": [], "audit": []}
            cpu: dict[str, list[float]] = {"load": [], "audit": []}
            for run in range(args.runs + 1):  # the first run warms DuckDB and is dropped
                w0, c0 = time.perf_counter(), time.process_time()
                targets = load_targets(store, cache=cache, **kwargs)
                w1, c1 = time.perf_counter(), time.process_time()
                report = audit_fit(profile, targets)
                w2, c2 = time.perf_counter(), time.process_time()
                if run:
                    wall["load"].append(w1 - w0)
                    wall["audit"].append(w2 - w1)
                    cpu["load"].append(c1 - c0)
                    cpu["audit"].append(c2 - c1)
            med = {k: 1000 * statistics.median(v) for k, v in wall.items()}
            cmed = {k: 1000 * statistics.median(v) for k, v in cpu.items()}
            total = [a + b for a, b in zip(wall["load"], wall["audit"], strict=True)]
            kind = "targets cached (warm)" if cache else "targets queried"
            print(f"{label}, {kind}: {report.n_postings:,} postings; median of {args.runs} runs, "
                  f"wall: load_targets {med['load']:.0f} ms + audit_fit {med['audit']:.0f} ms = "
                  f"{med['load'] + med['audit']:.0f} ms (best {1000 * min(total):.0f} ms); "
                  f"CPU: {cmed['load']:.0f} + {cmed['audit']:.0f} ms")
    store.close()


if __name__ == "__main__":
    main()
