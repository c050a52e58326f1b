"""Load run for ``mlepath serve``: p50/p95 per page and endpoint over a 100,000-posting store.

    python bench/web.py                      # build /tmp/mlepath-web-bench.duckdb, then measure
    python bench/web.py --postings 100000 --requests 200 --concurrency 4

Builds the store from real postings (``../shared`` gold dev postings and the ATS format samples,
else the sample shipped with mlepath), extracts them once, then replicates postings and their
requirements rows inside DuckDB (new ids and content hashes, dates spread over two years) until
the store holds ``--postings`` canonical postings. Starts uvicorn on a free 127.0.0.1 port in a
thread, warms each URL once, then sends ``--requests`` requests per URL from ``--concurrency``
client threads (bounded by ``--max-seconds`` per URL) and prints p50/p95/max in milliseconds.
"""

from __future__ import annotations

import argparse
import socket
import statistics
import sys
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import uvicorn

from mlepath.extract import extract_posting
from mlepath.sources import read_path
from mlepath.store import Store
from mlepath.web import create_app

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"


def _real_files() -> list[Path]:
    files = [SHARED / "gold" / "dev-postings.jsonl",
             *sorted((SHARED / "data" / "formats").glob("*/*.json"))]
    files = [f for f in files if f.is_file()]
    if not files:
        from mlepath.sources import sample_path

        files = [sample_path()]
    return files


def build_store(path: Path, target: int) -> None:
    """A store of ``target`` postings replicated from the real ones (requirements included)."""
    if path.exists():
        path.unlink()
    t0 = time.perf_counter()
    with Store(path) as store:
        for file in _real_files():
            store.upsert_postings(read_path(file, on_error=lambda bad: None))
        base = store.count_postings()
        store.save_requirements((p.id, extract_posting(p))
                                for batch in store.iter_postings() for p in batch)
        copies = -(-target // base) - 1  # ceil(target / base) - 1 extra copies
        with store.transaction() as cur:
            cur.execute("CREATE TEMP TABLE base_ids AS SELECT id FROM postings")
            cur.execute(
                """
                INSERT INTO postings (id, source, native_id, url, title, company, location, remote,
                    posted_at, salary_min, salary_max, salary_currency, salary_period,
                    description_text, description_html, structured, raw, content_hash,
                    near_duplicate_of, source_file)
                SELECT p.id || '~' || k, p.source, p.native_id, p.url, p.title, p.company,
                       p.location, p.remote,
                       coalesce(p.posted_at, DATE '2025-01-01') - CAST(k % 730 AS INTEGER),
                       p.salary_min, p.salary_max, p.salary_currency, p.salary_period,
                       p.description_text, NULL, p.structured, NULL,
                       sha1(p.content_hash || '~' || k), NULL, 'bench'
                FROM postings p JOIN base_ids b ON b.id = p.id, range(1, ? + 1) r(k)
                """, [copies])
            cur.execute(
                """
                INSERT INTO requirements
                SELECT r.* REPLACE (r.posting_id || '~' || k AS posting_id)
                FROM requirements r, range(1, ? + 1) t(k)
                """, [copies])
            cur.execute(
                """
                INSERT INTO requirement_skills
                SELECT s.* REPLACE (s.posting_id || '~' || k AS posting_id)
                FROM requirement_skills s, range(1, ? + 1) t(k)
                """, [copies])
        total = store.count_postings()
    print(f"built {path}: {total:,} postings from {base} real ones "
          f"in {time.perf_counter() - t0:.1f} s")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def serve(path: Path) -> tuple[uvicorn.Server, str]:
    port = _free_port()
    config = uvicorn.Config(create_app(path), host="127.0.0.1", port=port, log_level="warning")
    server = uvicorn.Server(config)
    threading.Thread(target=server.run, daemon=True).start()
    base = f"http://127.0.0.1:{port}"
    for _ in range(200):
        if server.started:
            break
        time.sleep(0.05)
    return server, base


def _one_posting_id(path: Path) -> str:
    with Store(path, read_only=True) as store:
        return str(store.scalar("SELECT id FROM postings ORDER BY id LIMIT 1 OFFSET 5000"))


def targets(path: Path) -> list[tuple[str, str, Callable[[httpx.Client, str], httpx.Response]]]:
    pid = _one_posting_id(path)
    resume = (b"Jane Doe\nSoftware Engineer, Acme, 2018 - Present\nBS Computer Science\n"
              b"Skills: Python, Java, Docker, Kubernetes, AWS, SQL, PyTorch\n")

    def get(url: str) -> Callable[[httpx.Client, str], httpx.Response]:
        return lambda c, base: c.get(base + url)

    def fit(max_postings: int) -> Callable[[httpx.Client, str], httpx.Response]:
        return lambda c, base: c.post(base + "/api/fit", files={"file": ("cv.txt", resume)},
                                      data={"role": "ml_engineer",
                                            "max_postings": str(max_postings)})

    def plan(c: httpx.Client, base: str) -> httpx.Response:
        return c.post(base + "/api/plan", files={"file": ("cv.txt", resume)},
                      data={"role": "ml_engineer"})

    def fit_page(c: httpx.Client, base: str) -> httpx.Response:
        return c.post(base + "/fit", files={"file": ("cv.txt", resume)},
                      data={"role": "ml_engineer"})

    return [
        ("page", "/market", get("/market")),
        ("page", "/postings", get("/postings")),
        ("page", "/postings?focus=research&q=engineer", get("/postings?focus=research&q=engineer")),
        ("page", f"/postings/{pid}", get(f"/postings/{pid}")),
        ("page", "/fit", get("/fit")),
        ("page", "/fit (POST résumé: audit, best 50)", fit_page),
        ("page", "/advice", get("/advice?years=5&goal=product")),
        ("api", "/api/report", get("/api/report")),
        ("api", "/api/report?role=ml_engineer&focus=applied",
         get("/api/report?role=ml_engineer&focus=applied")),
        ("api", "/api/claims", get("/api/claims")),
        ("api", "/api/postings?metric=min_required=phd", get("/api/postings?metric=min_required%3Dphd")),
        ("api", "/api/roi", get("/api/roi?path=masters-part-time&current_pay=180000")),
        ("api", "/api/advise", get("/api/advise?years=5&goal=product")),
        ("api", "/api/fit (résumé, best 100 postings)", fit(100)),
        ("api", "/api/fit (résumé, all postings: MBs)", fit(0)),
        ("api", "/api/plan (résumé)", plan),
    ]


def measure(base: str, send: Callable[[httpx.Client, str], httpx.Response], n: int,
            concurrency: int, max_seconds: float) -> tuple[list[float], int]:
    deadline = time.perf_counter() + max_seconds
    local = threading.local()

    def one(_: int) -> tuple[float, int] | None:
        if time.perf_counter() > deadline:
            return None
        client = getattr(local, "client", None)
        if client is None:
            client = local.client = httpx.Client(timeout=30)
        t = time.perf_counter()
        status = send(client, base).status_code
        return (time.perf_counter() - t) * 1000, status

    with ThreadPoolExecutor(concurrency) as pool:
        results = [r for r in pool.map(one, range(n)) if r is not None]
    bad = sum(1 for _, status in results if status >= 400)
    return [ms for ms, _ in results], bad


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--db", type=Path, default=Path("/tmp/mlepath-web-bench.duckdb"))
    ap.add_argument("--postings", type=int, default=100_000)
    ap.add_argument("--requests", type=int, default=200, help="per URL")
    ap.add_argument("--concurrency", type=int, default=4)
    ap.add_argument("--max-seconds", type=float, default=30.0, help="per URL")
    ap.add_argument("--reuse", action="store_true", help="reuse --db if it exists")
    ap.add_argument("--build-only", action="store_true")
    ap.add_argument("--only", default="", help="measure only URLs containing this text")
    args = ap.parse_args()
    if not (args.reuse and args.db.exists()):
        build_store(args.db, args.postings)
    if args.build_only:
        return 0
    server, base = serve(args.db)
    try:
        print(f"{'kind':<5} {'url':<48} {'n':>5} {'first':>8} {'p50':>8} {'p95':>8} "
              f"{'max':>8} {'errors':>6}")
        for kind, label, send in targets(args.db):
            if args.only not in label:
                continue
            with httpx.Client(timeout=60) as c:
                t = time.perf_counter()
                first = send(c, base)
                first_ms = (time.perf_counter() - t) * 1000
            if first.status_code >= 400:
                print(f"{kind:<5} {label:<48} failed: {first.status_code} {first.text[:200]}")
                continue
            times, bad = measure(base, send, args.requests, args.concurrency, args.max_seconds)
            if len(times) < 2:
                times = times * 2
            q = statistics.quantiles(times, n=100, method="inclusive")
            print(f"{kind:<5} {label:<48} {len(times):>5} {first_ms:>8.1f} {q[49]:>8.1f} "
                  f"{q[94]:>8.1f} {max(times):>8.1f} {bad:>6}")
    finally:
        server.should_exit = True
    print(f"({args.concurrency} concurrent clients on the same 2-core machine as the server; "
          "'first' is the first request to that URL, before any cache is warm)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
