"""Time the full market report over 1,000,000 stored postings, warm, and its peak memory.

    python bench/report.py                       # synthetic rows, realistic mix (default 1M)
    python bench/report.py --from jobs.duckdb    # replicate the extracted postings of a real store
    python bench/report.py --rows 200000 --db /tmp/bench.duckdb --keep

Rows are built directly in SQL (no Python loop), postings + requirements + requirement_skills,
so a million postings take seconds. The report is computed once cold, then ``--repeat`` times
warm; the script prints the best and median warm time and the process's peak RSS.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

import psutil

from mlepath.market import Filters, check_claims, compute_report
from mlepath.store import Store

# Synthetic mix, roughly what ML-engineering postings look like (weights sum to 1 per column).
SYNTH_SQL = """
CREATE TEMP TABLE seed AS
SELECT i,
       hash(i) AS h,
       ['ml_engineer','ml_engineer','ml_engineer','data_scientist','research_scientist',
        'data_engineer','software_engineer','other'][1 + (hash(i * 7) % 8)::INT] AS role_family,
       ['applied','applied','applied','applied','applied','applied','research','none']
         [1 + (hash(i * 11) % 8)::INT] AS ml_focus,
       ['intern','junior','mid','mid','senior','senior','senior','staff_plus','manager']
         [1 + (hash(i * 13) % 9)::INT] AS seniority,
       ['unspecified','bachelor','bachelor','bachelor','bachelor','master','master','phd',
        'none','unspecified'][1 + (hash(i * 17) % 10)::INT] AS min_required,
       [[], ['master'], ['master','phd'], ['phd'], [], []][1 + (hash(i * 19) % 6)::INT]
         AS preferred_levels,
       (hash(i * 23) % 4) = 0 AS equivalent_experience_ok,
       [['computer_science'], ['computer_science','statistics'], [], ['mathematics','physics'],
        ['quantitative']][1 + (hash(i * 29) % 5)::INT] AS fields,
       ([NULL, 1, 2, 3, 5, 7, 10]::DOUBLE[])[1 + (hash(i * 31) % 7)::INT] AS experience_min_years,
       ['Machine Learning Engineer','Senior ML Engineer','Data Scientist','Research Scientist',
        'AI Engineer','MLOps Engineer'][1 + (hash(i * 37) % 6)::INT] AS title,
       CASE WHEN hash(i * 41) % 3 = 0 THEN 90000 + (hash(i * 43) % 120000) END AS salary_min
FROM range(?) t(i)
"""
SKILLS = [("python", "programming_language"), ("java", "programming_language"),
          ("sql", "programming_language"), ("pytorch", "ml_framework"),
          ("tensorflow", "ml_framework"), ("scikit_learn", "ml_framework"),
          ("docker", "mlops"), ("kubernetes", "mlops"), ("mlflow", "mlops"),
          ("aws", "cloud"), ("sagemaker", "cloud"), ("gcp", "cloud"), ("spark", "data_engineering"),
          ("airflow", "data_engineering"), ("statistics", "statistics_math"),
          ("deep_learning", "ml_technique"), ("nlp", "ml_technique"), ("llm", "ml_technique"),
          ("distributed_systems", "software_engineering"), ("apis", "software_engineering"),
          ("communication", "soft_skill")]


def build_synthetic(store: Store, rows: int) -> None:
    cur = store.cursor()
    cur.execute(SYNTH_SQL, [rows])
    cur.execute("""
        INSERT INTO postings (id, source, title, company, location, remote, posted_at,
                              description_text, content_hash)
        SELECT 'bench:' || i, ['linkedin','glassdoor','greenhouse'][1 + (h % 3)::INT], title,
               'Company ' || (h % 5000), ['San Francisco, CA','New York, NY','Remote','Seattle, WA']
               [1 + (hash(i * 3) % 4)::INT], hash(i * 5) % 5 = 0,
               DATE '2024-01-01' + (hash(i * 47) % 900)::INT, 'posting ' || i, 'hash' || i
        FROM seed""")
    cur.execute("""
        INSERT INTO requirements (posting_id, extractor_version, min_required, preferred_levels,
            equivalent_experience_ok, fields, experience_min_years, role_family, ml_focus,
            seniority, salary_min, salary_max, salary_currency, salary_period, record)
        SELECT 'bench:' || i, 'bench-1', min_required, preferred_levels, equivalent_experience_ok,
               fields, experience_min_years, role_family, ml_focus, seniority, salary_min,
               salary_min + 40000, CASE WHEN salary_min IS NOT NULL THEN 'USD' END,
               CASE WHEN salary_min IS NOT NULL THEN 'year' END, '{}'
        FROM seed""")
    ids = [s for s, _ in SKILLS]
    cats = [c for _, c in SKILLS]
    # each posting mentions each skill with its own probability (about 7 skills per posting)
    cur.execute("""
        INSERT INTO requirement_skills
        SELECT 'bench:' || i, 'bench-1', sk.id, sk.id, sk.cat, hash(i * 53 + sk.k) % 3 > 0
        FROM seed, (SELECT unnest(?) AS id, unnest(?) AS cat, generate_subscripts(?, 1) AS k) sk
        WHERE hash(i * 59 + sk.k) % 100 < 10 + 60 * (sk.k <= 4 OR sk.k IN (7, 10))::INT
        """, [ids, cats, ids])
    cur.execute("DROP TABLE seed")
    _mark_current(store)


def replicate(store: Store, source: str, rows: int) -> None:
    """Copy the extracted postings of a real store, repeated with new ids up to ``rows``."""
    cur = store.cursor()
    cur.execute("ATTACH ? AS src (READ_ONLY)", [source])
    cur.execute("""CREATE TEMP TABLE base AS
        SELECT row_number() OVER () AS k, m.* FROM src.main.market m""")
    base = cur.execute("SELECT count(*) FROM base").fetchone()
    k = int(base[0]) if base else 0
    if not k:
        sys.exit(f"{source} has no extracted postings; run mlepath extract --db {source}")
    cur.execute("CREATE TEMP TABLE rep AS SELECT i, 1 + (i % ?) AS k FROM range(?) t(i)",
                [k, rows])
    cur.execute("""
        INSERT INTO postings (id, source, title, company, location, remote, posted_at,
                              description_text, content_hash)
        SELECT 'bench:' || r.i, b.source, b.title, b.company, b.location, b.remote, b.posted_at,
               'posting ' || r.i, 'hash' || r.i
        FROM rep r JOIN base b USING (k)""")
    cur.execute("""
        INSERT INTO requirements (posting_id, extractor_version, min_required, preferred_levels,
            equivalent_experience_ok, fields, experience_min_years, role_family, ml_focus,
            seniority, salary_min, salary_max, salary_currency, salary_period, record)
        SELECT 'bench:' || r.i, 'bench-1', b.min_required, b.preferred_levels,
               b.equivalent_experience_ok, b.fields, b.experience_min_years, b.role_family,
               b.ml_focus, b.seniority, b.salary_min, b.salary_max, b.salary_currency,
               b.salary_period, '{}'
        FROM rep r JOIN base b USING (k)""")
    cur.execute("""
        INSERT INTO requirement_skills
        SELECT 'bench:' || r.i, 'bench-1', s.skill_id, s.name, s.category, s.required
        FROM rep r JOIN base b USING (k)
        JOIN src.main.requirement_skills s
          ON s.posting_id = b.posting_id AND s.extractor_version = b.extractor_version""")
    cur.execute("DETACH src")
    _mark_current(store)


def _mark_current(store: Store) -> None:
    """What save_requirements keeps up: one current row per posting (the rows above are
    inserted in SQL, one version per posting, so every row is current), its skill ids, and
    their codes in skill_catalog."""
    cur = store.cursor()
    cur.execute("""
        INSERT INTO skill_catalog
        SELECT row_number() OVER (ORDER BY skill_id), skill_id, any_value(name),
               any_value(category)
        FROM requirement_skills GROUP BY skill_id""")
    cur.execute("""
        UPDATE requirements r SET is_current = true, skill_ids = coalesce(s.skill_ids, []),
                                  skill_codes = coalesce(s.skill_codes, [])
        FROM (SELECT q.posting_id,
                     list(k.skill_id) FILTER (WHERE k.skill_id IS NOT NULL) AS skill_ids,
                     list(c.code ORDER BY c.code) FILTER (WHERE c.code IS NOT NULL)
                       AS skill_codes
              FROM requirements q
              LEFT JOIN requirement_skills k
                ON k.posting_id = q.posting_id AND k.extractor_version = q.extractor_version
              LEFT JOIN skill_catalog c ON c.skill_id = k.skill_id
              GROUP BY q.posting_id) s
        WHERE r.posting_id = s.posting_id""")


def _cpu() -> float:
    """CPU seconds used by this process so far, all threads (DuckDB's included)."""
    t = psutil.Process().cpu_times()
    return float(t.user + t.system)


class PeakRss:
    """Samples this process's RSS every 20 ms on a thread; ``peak`` in bytes."""

    def __init__(self) -> None:
        self.peak = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        proc = psutil.Process()
        while not self._stop.is_set():
            self.peak = max(self.peak, proc.memory_info().rss)
            time.sleep(0.02)

    def __enter__(self) -> PeakRss:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rows", type=int, default=1_000_000)
    ap.add_argument("--from", dest="source", help="replicate this store's extracted postings")
    ap.add_argument("--db", help="bench store file (default: a temp file, deleted after)")
    ap.add_argument("--keep", action="store_true", help="keep the bench store file")
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--filter-role", default=None, help="also time a filtered report")
    args = ap.parse_args()

    tmpdir = tempfile.mkdtemp(prefix="mlepath-bench-")
    db = Path(args.db or os.path.join(tmpdir, "bench.duckdb"))
    reuse = db.exists() and args.db is not None
    t0 = time.perf_counter()
    with Store(db) as store:
        if not reuse:
            (replicate(store, args.source, args.rows) if args.source
             else build_synthetic(store, args.rows))
        build_s = time.perf_counter() - t0
        n_postings = store.count_postings()
        n_skills = int(store.scalar("SELECT count(*) FROM requirement_skills"))
    print(f"store: {n_postings:,} postings, {n_skills:,} skill rows "
          f"({'reused' if reuse else 'built'} in {build_s:.1f} s) at {db}")

    rss_before = psutil.Process().memory_info().rss
    with Store(db, read_only=True) as store, PeakRss() as peak:
        t = time.perf_counter()
        report = compute_report(store)
        cold = time.perf_counter() - t
        warm, warm_cpu = [], []
        for _ in range(args.repeat):
            t, c = time.perf_counter(), _cpu()
            report = compute_report(store)
            warm.append(time.perf_counter() - t)
            warm_cpu.append(_cpu() - c)
        t = time.perf_counter()
        claims = check_claims(store)
        claims_s = time.perf_counter() - t
        filtered = None
        if args.filter_role:
            t = time.perf_counter()
            compute_report(store, Filters(role=args.filter_role))
            filtered = time.perf_counter() - t
    print(f"report: n={report.n:,}, {len(report.figures)} figures")
    print(f"cold: {cold:.3f} s; warm best {min(warm):.3f} s, median {statistics.median(warm):.3f} s"
          f" over {args.repeat} runs")
    print(f"warm CPU time (all threads): median {statistics.median(warm_cpu):.3f} s "
          f"(load-independent; ~wall time x cores on an idle machine)")
    print(f"claims ({len(claims)}): {claims_s:.3f} s")
    if filtered is not None:
        print(f"filtered report (role={args.filter_role}): {filtered:.3f} s")
    print(f"peak RSS: {peak.peak / 2**20:,.0f} MiB (before the report: {rss_before / 2**20:,.0f} MiB)")
    print(f"machine: {os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f} "
          "(shared with other work; wall times are noisy)")
    if not args.keep and not args.db:
        db.unlink(missing_ok=True)
        Path(tmpdir).rmdir()


if __name__ == "__main__":
    main()
