"""Spark extraction throughput: local[1] and local[2] against the single-process path.

    python bench/spark.py                 # 200,000 postings (the issue's figure)
    python bench/spark.py --n 20000       # a quicker look

1. Reads the real postings in ../shared/data (LinkedIn US 2024-26, Glassdoor 2020, LinkedIn CA
   2018) with mlepath's own readers, and replicates them (new ids, same texts) to ``--n`` rows
   of Parquet in 8 files.
2. Single process: ingest's Parquet reader + ``extract_posting`` + ``to_dict`` on one core,
   the work ``mlepath extract --out`` does minus writing JSON.
3. Spark ``local[1]`` and ``local[2]`` (a fresh session each): ``extract_spark`` on the same
   Parquet, writing Parquet. Session start-up is timed apart from the job.
4. Prints postings/s, Spark's overhead per posting, and the cluster size for 50 million
   postings in under an hour (assumptions printed beside it; see docs/scale.md).

Needs ``pip install 'mlepath[spark]'`` and Java 17+; ``MLEPATH_SHARED`` overrides the location of
``../shared``. Figures on a shared 2-core machine are
noisy: run it twice and compare.
"""

from __future__ import annotations

import argparse
import math
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("MLEPATH_SHARED", REPO.parent / "shared")) / "data"
SOURCES = (
    "linkedin_ds_daily_rafabelokurows/linkedin_data_scientist_search_us_2024-06_2026-08.csv.gz",
    "glassdoor_ds_2020_playingnumbers/glassdoor_jobs.csv",
    "linkedin_ca_ds_da_2018_linpingyu/DataScientist.csv",
    "linkedin_ca_ds_da_2018_linpingyu/DataAnalyst.csv",
)
FILES = 8

# Projection assumptions (docs/scale.md explains each).
TARGET_POSTINGS = 50_000_000
TARGET_SECONDS = 3600
FIXED_SECONDS = 300      # cluster start, executor JVMs, listing S3, the last straggling task
EFFICIENCY = 0.7         # cluster core vs this measured core: S3 reads, skew, shared vCPUs


def real_postings() -> list[dict[str, object]]:
    from mlepath.sources import read_path

    rows: list[dict[str, object]] = []
    for rel in SOURCES:
        path = SHARED / rel
        if not path.exists():
            continue
        for p in read_path(path):
            rows.append({"id": p.id, "source": p.source, "title": p.title, "company": p.company,
                         "location": p.location, "posted_at": p.posted_at, "url": p.url,
                         "description": p.description_text})
    if not rows:
        sys.exit(f"no postings found under {SHARED}; this benchmark needs ../shared/data")
    return rows


def write_replicated(rows: list[dict[str, object]], n: int, folder: Path) -> None:
    """``n`` rows cycling through the real postings, each copy with its own id, in FILES files."""
    folder.mkdir(parents=True)
    per_file = math.ceil(n / FILES)
    for f in range(FILES):
        start, stop = f * per_file, min(n, (f + 1) * per_file)
        chunk = [dict(rows[i % len(rows)], id=f"{rows[i % len(rows)]['id']}#{i // len(rows)}")
                 for i in range(start, stop)]
        pq.write_table(pa.Table.from_pylist(chunk), folder / f"part-{f:02d}.parquet",
                       row_group_size=5000)


def tree_cpu_seconds() -> float | None:
    """CPU seconds (user + system) used so far by this process and every live descendant:
    the driver, Spark's JVM, the pyspark daemon and its Python workers. None without psutil.

    CPU time does not depend on what else runs on a shared machine, so it gives a per-core
    cost that wall-clock time on 2 busy cores cannot."""
    try:
        import psutil
    except ImportError:
        return None
    me = psutil.Process()
    total = 0.0
    for proc in [me, *me.children(recursive=True)]:
        try:
            t = proc.cpu_times()
        except psutil.Error:
            continue
        total += t.user + t.system
    return total


def single_process(folder: Path) -> tuple[int, float, float]:
    from mlepath.extract import extract_posting, load_taxonomy
    from mlepath.sources import read_path

    taxonomy = load_taxonomy()
    n = 0
    started, cpu_started = time.perf_counter(), time.process_time()
    for path in sorted(folder.glob("*.parquet")):
        for posting in read_path(path):
            extract_posting(posting, taxonomy).to_dict(posting.id)
            n += 1
    return n, time.perf_counter() - started, time.process_time() - cpu_started


def spark_run(folder: Path, out: Path,
              master: str) -> tuple[int, int, float, float, float | None]:
    from mlepath.scale import extract_spark, spark_session

    started = time.perf_counter()
    session = spark_session(master, app_name=f"mlepath-bench-{master}")
    session.range(1).count()  # the JVM and the scheduler are up
    startup = time.perf_counter() - started
    cpu_before = tree_cpu_seconds()
    try:
        summary = extract_spark([folder], out, spark=session)
        cpu_after = tree_cpu_seconds()  # before stop: the Python workers are still alive
    finally:
        session.stop()
    cpu = None if cpu_before is None or cpu_after is None else cpu_after - cpu_before
    return summary.postings, summary.errors, summary.seconds, startup, cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=200_000, help="postings (default 200,000)")
    parser.add_argument("--workdir", type=Path, default=None, help="scratch folder")
    args = parser.parse_args()

    work = args.workdir or Path(tempfile.mkdtemp(prefix="mlepath-bench-spark-"))
    work.mkdir(parents=True, exist_ok=True)
    folder = work / "postings"
    shutil.rmtree(folder, ignore_errors=True)
    rows = real_postings()
    write_replicated(rows, args.n, folder)
    size = sum(p.stat().st_size for p in folder.glob("*.parquet")) / 1e6
    print(f"input: {args.n:,} postings ({len(rows):,} distinct real ones replicated), "
          f"{FILES} Parquet files, {size:,.0f} MB, in {folder}")
    print(f"machine: {os.cpu_count()} CPUs (shared with other work: figures are noisy); "
          f"python {sys.version.split()[0]}")

    n1, t1, cpu1 = single_process(folder)
    single = n1 / t1
    print(f"single process (1 core, read + extract): {n1:,} in {t1:,.1f} s = {single:,.0f} "
          f"postings/s wall; {cpu1:,.1f} CPU s = {n1 / cpu1:,.0f} postings per CPU-second")

    wall: dict[str, float] = {}
    cpu: dict[str, float] = {}
    for master in ("local[1]", "local[2]"):
        out = work / f"out-{master[6]}"
        n, errors, seconds, startup, cpu_s = spark_run(folder, out, master)
        wall[master] = n / seconds
        cpu_note = ""
        if cpu_s:
            cpu[master] = n / cpu_s
            cpu_note = f"; {cpu_s:,.1f} CPU s = {n / cpu_s:,.0f} postings per CPU-second"
        print(f"spark {master}: {n:,} in {seconds:,.1f} s = {n / seconds:,.0f} postings/s wall"
              f"{cpu_note} (errors {errors}; session start-up {startup:,.1f} s, not included)")

    p1, p2 = wall["local[1]"], wall["local[2]"]
    overhead_us = (1 / p1 - 1 / single) * 1e6
    print(f"spark overhead per posting, wall (local[1] vs single process): {overhead_us:,.0f} µs "
          f"({overhead_us * single / 1e6:+.0%} of the single-process cost)")
    if "local[1]" in cpu:
        cpu_overhead = (1 / cpu["local[1]"] - cpu1 / n1) * 1e6
        print(f"spark overhead per posting, CPU (local[1] vs single process): "
              f"{cpu_overhead:,.0f} µs ({cpu_overhead * n1 / cpu1 / 1e6:+.0%})")
    print(f"local[2] / local[1] wall speed-up: {p2 / p1:.2f}x (2 shared cores)")

    # Per-core rate for the projection: Spark's CPU-time rate when measured (immune to the
    # other work on this machine), else the local[1] wall rate.
    per_core = cpu.get("local[1]", p1)
    basis = "local[1] postings per CPU-second" if "local[1]" in cpu else "local[1] wall rate"
    needed = TARGET_POSTINGS / (TARGET_SECONDS - FIXED_SECONDS)
    cores = math.ceil(needed / (per_core * EFFICIENCY))
    print(f"projection: {TARGET_POSTINGS:,} postings in < {TARGET_SECONDS // 60} min needs "
          f"{needed:,.0f} postings/s over {TARGET_SECONDS - FIXED_SECONDS} s of work; at "
          f"{per_core:,.0f}/s per core ({basis}) x efficiency {EFFICIENCY} = "
          f"{per_core * EFFICIENCY:,.0f}/s per cluster core -> {cores} executor cores "
          f"(~{math.ceil(cores / 8)} workers of 8 cores, {cores * 2} GB executor memory at "
          f"2 GB/core)")


if __name__ == "__main__":
    main()
