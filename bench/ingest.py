"""Ingest speed and peak memory: N postings (default 100,000) into a new DuckDB file.

The three shared datasets (LinkedIn US 2024-26, Glassdoor 2020, LinkedIn CA 2018) are
replicated in their own file formats until there are N rows, each copy with a unique id and a
unique line appended to its text (so every row is a distinct posting; copies of one posting
share company and title, so the near-duplicate check does real work: 92% of 100,000 rows
are compared and flagged, the worst case). ``--realistic`` adds the copy number to each
copy's title instead, so copies are never compared with each other and only the reposts
already in the datasets are flagged (about 20% of the rows: exact reposts become
near-duplicates once each copy gets its own last line), as when ingesting real postings.
Then a fresh process runs ``Store(db).ingest([folder])`` (detection, parsing, normalisation,
hashing, near-duplicate check, DuckDB insert) with DuckDB limited to one thread, and reports
postings/s and its peak RSS.

    python bench/ingest.py                 # 100,000 postings
    python bench/ingest.py --realistic     # copies are not each other's near-duplicates
    python bench/ingest.py --n 20000 --threads 2
"""

from __future__ import annotations

import argparse
import csv
import gzip
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

csv.field_size_limit(64 * 1024 * 1024)
REPO = Path(__file__).resolve().parents[1]
DATASETS = {  # file under shared/data → (output name, id column)
    "linkedin_ds_daily_rafabelokurows/linkedin_data_scientist_search_us_2024-06_2026-08.csv.gz":
        ("linkedin_us.csv.gz", "Job_ID"),
    "glassdoor_ds_2020_playingnumbers/glassdoor_jobs.csv": ("glassdoor_jobs.csv", ""),
    "linkedin_ca_ds_da_2018_linpingyu/DataScientist.csv": ("DataScientist.csv", ""),
}
TEXT_COLUMNS = ("Description", "Job Description", "description")
TITLE_COLUMNS = ("Title", "Job Title", "title")


def _open(path: Path, mode: str):  # type: ignore[no-untyped-def]
    if path.suffix == ".gz":
        return gzip.open(path, mode, encoding="utf-8", newline="", compresslevel=1) \
            if "w" in mode else gzip.open(path, mode, encoding="utf-8", newline="")
    return path.open(mode, encoding="utf-8", newline="")


def replicate(shared: Path, out: Path, n: int, realistic: bool = False) -> int:
    """Write the replicated dataset files into ``out``; returns the number of rows written.

    With ``realistic``, copy N of a row (N ≥ 1) gets " (copy N)" after its title, so it only
    meets the rows of its own copy in the near-duplicate check.
    """
    tables = []
    for rel, (name, id_col) in DATASETS.items():
        with _open(shared / "data" / rel, "rt") as f:
            reader = csv.reader(f)
            header = next(reader)
            tables.append((name, id_col, header, list(reader)))
    base = sum(len(rows) for *_, rows in tables)
    written = 0
    for i, (name, id_col, header, rows) in enumerate(tables):
        share = n - written if i == len(tables) - 1 else round(n * len(rows) / base)
        id_at = header.index(id_col)
        text_at = next(header.index(c) for c in TEXT_COLUMNS if c in header)
        title_at = next(header.index(c) for c in TITLE_COLUMNS if c in header)
        with _open(out / name, "wt") as f:
            writer = csv.writer(f)
            writer.writerow(header)
            for k in range(share):
                row = list(rows[k % len(rows)])
                copy = k // len(rows)
                row[id_at] = f"{row[id_at]}{copy:03d}" if id_col else str(k)
                row[text_at] = f"{row[text_at].rstrip()}\n\nBenchmark copy {copy} of row {k}."
                if realistic and copy:
                    row[title_at] = f"{row[title_at]} (copy {copy})"
                writer.writerow(row)
        written += share
    return written


def child(folder: Path, db: Path, threads: int) -> None:
    """Runs in a fresh process so its peak RSS is the ingest's alone."""
    from mlepath.store import Store

    with Store(db) as store:
        store.con.execute(f"SET threads TO {int(threads)}")
        cpu0, t0 = time.process_time(), time.perf_counter()
        report = store.ingest([folder])
        seconds = time.perf_counter() - t0
        cpu = time.process_time() - cpu0
        stats = store.posting_stats()
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB on Linux
    print(json.dumps({"seconds": seconds, "cpu_seconds": cpu, "peak_rss_mb": peak_kb / 1024,
                      "report": report.to_dict(), "stats": stats}))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--n", type=int, default=100_000, help="postings to ingest")
    parser.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    parser.add_argument("--threads", type=int, default=1, help="DuckDB threads")
    parser.add_argument("--realistic", action="store_true",
                        help="copies are not near-duplicates of each other (see above)")
    parser.add_argument("--child", nargs=2, metavar=("FOLDER", "DB"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(Path(args.child[0]), Path(args.child[1]), args.threads)
        return
    if not (args.shared / "data").is_dir():
        sys.exit(f"no shared datasets at {args.shared}; pass --shared PATH")
    with tempfile.TemporaryDirectory(prefix="mlepath-bench-") as tmp:
        folder, db = Path(tmp) / "in", Path(tmp) / "bench.duckdb"
        folder.mkdir()
        t0 = time.perf_counter()
        rows = replicate(args.shared, folder, args.n, args.realistic)
        print(f"replicated {rows:,} postings into {len(DATASETS)} files "
              f"({sum(f.stat().st_size for f in folder.iterdir()) / 1e6:,.0f} MB) "
              f"in {time.perf_counter() - t0:.1f} s")
        out = subprocess.run([sys.executable, __file__, "--threads", str(args.threads),
                              "--child", str(folder), str(db)],
                             check=True, capture_output=True, text=True, env=os.environ.copy())
        result = json.loads(out.stdout.strip().splitlines()[-1])
        db_mb = db.stat().st_size / 1e6
    report = result["report"]
    print(f"ingested {report['read']:,} records in {result['seconds']:.1f} s "
          f"(CPU {result['cpu_seconds']:.1f} s, DuckDB threads={args.threads})")
    print(f"  postings/s (wall):   {report['read'] / result['seconds']:,.0f}")
    print(f"  postings/s (CPU):    {report['read'] / result['cpu_seconds']:,.0f}")
    print(f"  peak RSS:            {result['peak_rss_mb']:,.0f} MB")
    print(f"  store file:          {db_mb:,.0f} MB")
    print(f"  stored {report['stored']:,}, exact duplicates {report['duplicates']:,}, "
          f"near-duplicates {report['near_duplicates']:,}, skipped {report['skipped']:,}")


if __name__ == "__main__":
    main()
