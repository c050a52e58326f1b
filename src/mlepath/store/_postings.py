"""Postings: ingest files, upsert (idempotent, exact duplicates linked, near-duplicates
flagged), list, show, stats.

Exact duplicates: the same normalised description text (``content_hash``) under another id is
stored once; the other id goes to ``posting_aliases``. Near-duplicates: a new posting with the
same normalised company + title as a stored one, whose text sketch (``SKETCH_CHARS``
normalised characters from its head, middle and tail) has a rapidfuzz ``ratio`` ≥
``NEAR_DUPLICATE_RATIO``, is stored with
``near_duplicate_of`` set to the earlier posting. Only postings that are not themselves
near-duplicates are compared against, so a chain of reposts points at its first posting.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pyarrow as pa
from rapidfuzz import fuzz, process

from mlepath.errors import SourceError, StoreError
from mlepath.sources import BadRecord, Posting, read_path
from mlepath.sources._html import _ASCII_SPACES

if TYPE_CHECKING:
    from ._store import StoreBase

    _Base = StoreBase
else:
    _Base = object

_POSTING_COLUMNS = (
    "id", "source", "native_id", "url", "title", "company", "location", "remote", "posted_at",
    "salary_min", "salary_max", "salary_currency", "salary_period", "description_text",
    "description_html", "structured", "raw", "content_hash", "source_file", "near_duplicate_of",
)
NEAR_DUPLICATE_RATIO = 90.0  # rapidfuzz ratio (0-100) of the text heads
INGEST_MEMORY_LIMIT_MB = 600  # DuckDB's cache while ingesting; see ``ingest``
INGEST_CHECKPOINT_MB = 1024  # WAL size that triggers a checkpoint while ingesting
SKETCH_CHARS = 1500  # normalised characters compared (head, middle, tail); fast on 100k
_NON_WORD = re.compile(r"[^0-9a-z]+")


@dataclass
class UpsertResult:
    """What one ``upsert_postings`` call did."""

    read: int = 0
    stored: int = 0  # new canonical postings
    unchanged: int = 0  # ids already in the store (a re-ingest)
    duplicates: int = 0  # same normalised text as a stored posting: linked, not stored again
    near_duplicates: int = 0  # stored, and flagged as near-duplicate of another
    stored_ids: list[str] = field(default_factory=list)


@dataclass
class IngestReport:
    """What one ``ingest`` call did: counts, and the records skipped with their reasons."""

    read: int = 0  # records read: postings plus skipped records
    stored: int = 0
    unchanged: int = 0
    duplicates: int = 0
    near_duplicates: int = 0
    skipped: int = 0  # records skipped (bad input)
    failed_files: int = 0  # files that could not be read at all
    reasons: Counter[str] = field(default_factory=Counter)  # skip reason (numbers → N) → count
    problems: list[BadRecord] = field(default_factory=list)  # every bad record, in order

    def to_dict(self) -> dict[str, Any]:
        return {"read": self.read, "stored": self.stored, "unchanged": self.unchanged,
                "duplicates": self.duplicates, "near_duplicates": self.near_duplicates,
                "skipped": self.skipped, "failed_files": self.failed_files,
                "skipped_reasons": dict(self.reasons.most_common())}


_NUMBERS = re.compile(r"(?<![\w-])\d+(?:[,.]\d+)*")  # "line 12" → "line N", not "utf-8"


def reason_key(reason: str) -> str:
    """A skip reason without its specifics, for the summary: "malformed CSV row: N fields..."."""
    return _NUMBERS.sub("N", reason.split(" (", 1)[0])


# one encoder for every row: ``json.dumps`` with options builds a new encoder per call, a
# third of the cost of converting ``raw`` and ``structured`` in a 100k ingest
_ENCODER = json.JSONEncoder(ensure_ascii=False, default=str)


def _json(value: Any) -> str:
    """``json.dumps(value, ensure_ascii=False, default=str)``, without the per-call set-up."""
    return _ENCODER.encode(value)


def fast_normalise(text: str) -> str:
    """Same value as ``sources._posting.normalise_for_hash`` (``\\s`` and ``str.split`` agree on
    what whitespace is), without a regex substitution per space.

    Text that readers already folded (single spaces, lines stripped, at most one blank line)
    only needs its newlines turned into spaces; ``only_spaces_and_newlines`` rules out every
    other kind of whitespace, so the shortcut gives exactly the same string.
    """
    flat = text.replace("\n\n", "\n").replace("\n", " ")
    # ``flat`` has no newline left, so ``only_spaces_and_newlines`` reduces to its two tests
    # (for non-ASCII text ``isprintable``, without the newline replacement it starts with)
    if "  " not in flat and flat[:1] != " " and flat[-1:] != " " \
            and (not any(c in flat for c in _ASCII_SPACES) if flat.isascii()
                 else flat.isprintable()):
        return flat.lower()
    return " ".join(text.split()).lower()


def fast_content_hash(text: str) -> str:
    return hashlib.sha1(fast_normalise(text).encode("utf-8")).hexdigest()


def near_key(company: str, title: str) -> str | None:
    """Normalised ``company|title``; None when either is missing (nothing to compare on)."""
    c = " ".join(_NON_WORD.sub(" ", company.lower()).split())
    t = " ".join(_NON_WORD.sub(" ", title.lower()).split())
    return f"{c}|{t}" if c and t else None


class PostingsMixin(_Base):
    def ingest(self, paths: Sequence[str | Path], *, format: str | None = None,
               mapping: Mapping[str, str] | None = None, encoding: str = "utf-8",
               on_error: Callable[[BadRecord], None] | None = None,
               on_progress: Callable[[int], None] | None = None,
               batch_size: int = 2000) -> IngestReport:
        """Read every file or folder in ``paths`` and upsert its postings.

        Bad records and unreadable files are skipped, counted in the report and passed to
        ``on_error``; ``on_progress(n)`` gets the running number of records read. Each batch is
        one transaction, so an interrupted ingest keeps whole batches only, and running it again
        completes it.

            report = store.ingest(["postings.csv", "saved_pages/"])
        """
        report = IngestReport()

        def bad(record: BadRecord) -> None:
            report.problems.append(record)
            if record.record is None:
                report.failed_files += 1
            else:
                report.skipped += 1
                report.read += 1
            report.reasons[reason_key(record.reason)] += 1
            if on_error is not None:
                on_error(record)

        cur = self.cursor()
        # DuckDB draws its own progress bar on stderr for long statements; ours is enough
        cur.execute("SET enable_progress_bar = false")
        # DuckDB keeps every block it writes cached up to its memory limit (80% of RAM by
        # default), so a 100k-posting ingest would hold most of the new table in memory;
        # a limit makes it evict written blocks instead (measured in bench/ingest.py). With
        # one checkpoint per 1 GB of WAL (below), 400 MB made DuckDB spill the not yet
        # checkpointed rows to disk and back (about 2 CPU-s of a 100k ingest); 600 MB does not,
        # and the 100k bench peaks under 900 MB
        previous = cur.execute("SELECT current_setting('memory_limit'), "
                               "current_setting('checkpoint_threshold')").fetchone()
        cur.execute(f"SET memory_limit = '{int(INGEST_MEMORY_LIMIT_MB)}MB'")
        # DuckDB checkpoints whenever its WAL passes 16 MB, i.e. every other batch here, and
        # each checkpoint recompresses (and leaves the row groups it rewrites as free blocks);
        # 256 MB took a 100k ingest from 36.6 to 29.3 CPU-seconds and 432 to 146 MB of file,
        # 1 GB (one checkpoint at the end of a 100k ingest) its realistic variant from 40.0 to
        # 33.8 CPU-seconds and 540 to 198 MB (bench/ingest.py --realistic)
        cur.execute(f"SET checkpoint_threshold = '{int(INGEST_CHECKPOINT_MB)}MB'")
        try:
            self._ingest_paths(paths, report, bad, format, mapping, encoding, on_progress,
                               batch_size)
            cur.execute("CHECKPOINT")  # the final write belongs to the ingest, not to close()
        finally:
            if previous is not None:
                cur.execute("SET memory_limit = ?", [previous[0]])
                cur.execute("SET checkpoint_threshold = ?", [previous[1]])
        return report

    def _ingest_paths(self, paths: Sequence[str | Path], report: IngestReport,
                      bad: Callable[[BadRecord], None], format: str | None,
                      mapping: Mapping[str, str] | None, encoding: str,
                      on_progress: Callable[[int], None] | None, batch_size: int) -> None:
        for path in paths:
            postings = _counted(read_path(path, format, mapping, bad, encoding=encoding),
                                report, on_progress)
            try:
                result = self.upsert_postings(postings, source_file=str(path),
                                              batch_size=batch_size)
            except SourceError as exc:  # a bad --format or --map: nothing of this path reads
                bad(BadRecord(str(path), None, str(exc)))
                continue
            report.stored += result.stored
            report.unchanged += result.unchanged
            report.duplicates += result.duplicates
            report.near_duplicates += result.near_duplicates

    def upsert_postings(self, postings: Iterable[Posting], *, source_file: str | None = None,
                        batch_size: int = 2000) -> UpsertResult:
        """Store new postings; re-ingesting the same ones changes nothing.

        A posting whose id is already stored (as canonical or alias) is ``unchanged``. One whose
        normalised text equals a stored posting's is an exact duplicate: it is recorded in
        ``posting_aliases`` and linked to the canonical posting. A new posting that nearly
        repeats a stored one (same company and title, text ratio ≥ 90) is stored and flagged
        with ``near_duplicate_of``. Each batch is one transaction.
        """
        if self.read_only:
            raise StoreError(f"the store {self.path} is open read-only; ingest needs write access")
        result = UpsertResult()
        batch: list[Posting] = []
        for posting in postings:
            batch.append(posting)
            if len(batch) >= batch_size:
                self._upsert_batch(batch, source_file, result)
                batch = []
        if batch:
            self._upsert_batch(batch, source_file, result)
        return result

    def _upsert_batch(self, batch: list[Posting], source_file: str | None,
                      result: UpsertResult) -> None:
        result.read += len(batch)
        ids = [p.id for p in batch]
        normalised = [fast_normalise(p.description_text) for p in batch]
        hashes = [hashlib.sha1(n.encode("utf-8")).hexdigest() for n in normalised]
        with self.transaction() as cur:
            known_ids = {r[0] for r in cur.execute(
                "SELECT id FROM postings WHERE id IN (SELECT unnest(?)) "
                "UNION SELECT alias_id FROM posting_aliases WHERE alias_id IN (SELECT unnest(?))",
                [ids, ids]).fetchall()}
            known_hash = dict(cur.execute(
                "SELECT content_hash, id FROM postings WHERE content_hash IN (SELECT unnest(?))",
                [hashes]).fetchall())
            rows: list[tuple[Posting, str]] = []
            sketches: list[str] = []
            aliases: list[tuple[str, str, str, str | None, str | None]] = []
            for p, h, norm in zip(batch, hashes, normalised, strict=True):
                if p.id in known_ids:
                    result.unchanged += 1
                    continue
                if h in known_hash:
                    aliases.append((p.id, known_hash[h], p.source, p.url, source_file))
                    known_ids.add(p.id)
                    result.duplicates += 1
                    continue
                known_hash[h] = p.id
                known_ids.add(p.id)
                rows.append((p, h))
                sketches.append(sketch(norm))
            if rows:
                near_of, new_keys = _near_duplicates(cur, rows, sketches)
                # registered explicitly rather than found by DuckDB's frame inspection
                cur.register("_new_postings", _to_arrow(rows, near_of, source_file))
                try:
                    cur.execute(f"INSERT INTO postings ({', '.join(_POSTING_COLUMNS)}) "
                                f"SELECT {', '.join(_POSTING_COLUMNS)} FROM _new_postings")
                finally:
                    cur.unregister("_new_postings")
                if new_keys:
                    cur.register("_new_keys", pa.table({
                        "id": [k[0] for k in new_keys], "near_key": [k[1] for k in new_keys],
                        "sketch": [k[2] for k in new_keys]}))
                    try:
                        cur.execute("INSERT INTO posting_near_keys SELECT id, near_key, sketch "
                                    "FROM _new_keys")
                    finally:
                        cur.unregister("_new_keys")
                result.stored += len(rows)
                result.near_duplicates += sum(1 for x in near_of if x is not None)
                result.stored_ids.extend(p.id for p, _ in rows)
            if aliases:
                cur.executemany("INSERT INTO posting_aliases VALUES (?, ?, ?, ?, ?)", aliases)

    def get_posting(self, posting_id: str) -> Posting | None:
        """One posting by id (an alias id resolves to its canonical posting)."""
        # two point lookups: an ``OR`` across both tables keeps DuckDB off the primary-key
        # index and scans every posting (~200 ms over 100k)
        rows = self.query("SELECT * FROM postings WHERE id = ?", [posting_id])
        if not rows:
            canonical = self.scalar(
                "SELECT canonical_id FROM posting_aliases WHERE alias_id = ?", [posting_id])
            if canonical is None:
                return None
            rows = self.query("SELECT * FROM postings WHERE id = ?", [canonical])
        return _from_row(rows[0]) if rows else None

    def iter_postings(self, *, ids: list[str] | None = None,
                      batch_size: int = 2000) -> Iterable[list[Posting]]:
        """All canonical postings (or those in ``ids``), in batches, ordered by id."""
        cur = self.cursor()
        if ids is None:
            cur.execute("SELECT * FROM postings ORDER BY id")
        else:
            cur.execute("SELECT * FROM postings WHERE id IN (SELECT unnest(?)) ORDER BY id", [ids])
        cols = [d[0] for d in cur.description or []]
        while True:
            chunk = cur.fetchmany(batch_size)
            if not chunk:
                return
            yield [_from_row(dict(zip(cols, row, strict=True))) for row in chunk]

    def list_postings(self, *, limit: int = 20, offset: int = 0) -> list[dict[str, Any]]:
        return self.query(
            "SELECT id, source, title, company, location, posted_at, near_duplicate_of "
            "FROM postings ORDER BY id LIMIT ? OFFSET ?", [limit, offset])

    def count_postings(self) -> int:
        return int(self.scalar("SELECT count(*) FROM postings"))

    def posting_stats(self) -> dict[str, Any]:
        """``{"postings": N, "by_source": {...}, "duplicates": N, "near_duplicates": N}``."""
        by_source = {r["source"]: r["n"] for r in self.query(
            "SELECT source, count(*) AS n FROM postings GROUP BY source ORDER BY source")}
        return {
            "postings": self.count_postings(),
            "by_source": by_source,
            "duplicates": int(self.scalar("SELECT count(*) FROM posting_aliases")),
            "near_duplicates": int(self.scalar(
                "SELECT count(*) FROM postings WHERE near_duplicate_of IS NOT NULL")),
        }


def _counted(postings: Iterator[Posting], report: IngestReport,
             on_progress: Callable[[int], None] | None) -> Iterator[Posting]:
    for posting in postings:
        report.read += 1
        if on_progress is not None and report.read % 100 == 0:
            on_progress(report.read)
        yield posting
    if on_progress is not None:
        on_progress(report.read)


def sketch(normalised: str) -> str:
    """The part of a normalised text compared for near-duplicates: all of a short text, else
    its head, middle and tail (``SKETCH_CHARS`` in all), so two postings that share only an
    "About us" opening or a legal footer do not look alike."""
    if len(normalised) <= SKETCH_CHARS:
        return normalised
    part = SKETCH_CHARS // 3
    mid = len(normalised) // 2 - part // 2
    return normalised[:part] + normalised[mid:mid + part] + normalised[-part:]


def _near_duplicates(cur: Any, rows: list[tuple[Posting, str]], sketches: list[str]
                     ) -> tuple[list[str | None], list[tuple[str, str, str]]]:
    """For each new row, the id it nearly duplicates (or None), and the new candidate rows."""
    keys = [near_key(p.company, p.title) for p, _ in rows]
    wanted = sorted({k for k in keys if k is not None})
    candidates: dict[str, list[tuple[str, str]]] = {}
    if wanted:
        for pid, key, sketch in cur.execute(
                "SELECT id, near_key, sketch FROM posting_near_keys "
                "WHERE near_key IN (SELECT unnest(?)) ORDER BY id", [wanted]).fetchall():
            candidates.setdefault(key, []).append((pid, sketch))
    near_of: list[str | None] = []
    new_keys: list[tuple[str, str, str]] = []
    for (p, _), key, text in zip(rows, keys, sketches, strict=True):
        if key is None:
            near_of.append(None)
            continue
        group = candidates.setdefault(key, [])
        match = process.extractOne(text, [s for _, s in group], scorer=fuzz.ratio,
                                   score_cutoff=NEAR_DUPLICATE_RATIO) if group else None
        if match is not None:
            near_of.append(group[match[2]][0])
            continue
        near_of.append(None)
        group.append((p.id, text))
        new_keys.append((p.id, key, text))
    return near_of, new_keys


def _to_arrow(rows: list[tuple[Posting, str]], near_of: list[str | None],
              source_file: str | None) -> pa.Table:
    postings = [p for p, _ in rows]
    cols: dict[str, list[Any]] = {
        c: [getattr(p, c) for p in postings] for c in _POSTING_COLUMNS
        if c not in ("structured", "raw", "content_hash", "source_file", "near_duplicate_of")}
    cols["structured"] = [_json(p.structured) if p.structured else "{}" for p in postings]
    cols["raw"] = [_json(p.raw) if p.raw else "{}" for p in postings]
    cols["content_hash"] = [h for _, h in rows]
    cols["source_file"] = [source_file] * len(rows)
    cols["near_duplicate_of"] = near_of
    types = {"remote": pa.bool_(), "salary_min": pa.float64(), "salary_max": pa.float64(),
             "posted_at": pa.string()}
    return pa.table({c: pa.array(cols[c], type=types.get(c, pa.string()))
                     for c in _POSTING_COLUMNS})


def _from_row(row: dict[str, Any]) -> Posting:
    posted = row.get("posted_at")
    return Posting(
        id=row["id"], source=row["source"], description_text=row["description_text"],
        title=row.get("title") or "", company=row.get("company") or "",
        location=row.get("location") or "", url=row.get("url"), native_id=row.get("native_id"),
        remote=row.get("remote"), posted_at=posted.isoformat() if posted else None,
        salary_min=row.get("salary_min"), salary_max=row.get("salary_max"),
        salary_currency=row.get("salary_currency"), salary_period=row.get("salary_period"),
        description_html=row.get("description_html"),
        structured=json.loads(row["structured"]) if row.get("structured") else {},
        raw=json.loads(row["raw"]) if row.get("raw") else {},
    )
