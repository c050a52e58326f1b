"""Store side of ingest: idempotence, exact and near duplicates, interrupted ingests."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from mlepath.sources import Posting
from mlepath.store import Store

TEXT = ("We are hiring a machine learning engineer to build ranking models. "
        "Minimum qualifications: BS in computer science, 3 years of Python. "
        "Preferred: MS or PhD. ") * 8


def _p(pid: str, text: str, *, company: str = "Acme", title: str = "ML Engineer",
       source: str = "t") -> Posting:
    return Posting(id=pid, source=source, description_text=text, company=company, title=title)


def test_reingesting_the_same_files_changes_nothing(store: Store, data: Path) -> None:
    paths = [data / "greenhouse_content.json", data / "lever.json", data / "pages"]
    first = store.ingest(paths)
    snapshot = store.query("SELECT id, content_hash, near_duplicate_of FROM postings ORDER BY id")
    again = store.ingest(paths)
    assert first.stored == 8 and first.unchanged == 0
    assert (again.stored, again.unchanged, again.duplicates) == (0, 8, 0)
    assert store.query("SELECT id, content_hash, near_duplicate_of FROM postings ORDER BY id") \
        == snapshot
    assert store.scalar("SELECT count(*) FROM posting_aliases") == 0


def test_exact_duplicate_from_another_source_is_linked(store: Store, data: Path,
                                                       tmp_path: Path) -> None:
    store.ingest([data / "lever.json"])
    lever = store.get_posting("lever:3414ba28-35f7-45d3-8e13-35c883959635")
    assert lever is not None
    copy = tmp_path / "copy.jsonl"  # the same text re-exported with other whitespace and case
    copy.write_text(json.dumps({"id": "other:1", "title": lever.title,
                                "description": lever.description_text.upper().replace(
                                    "\n", "\n\n  ")}) + "\n", encoding="utf-8")
    report = store.ingest([copy])
    assert (report.stored, report.duplicates) == (0, 1)
    linked = store.get_posting("other:1")
    assert linked is not None and linked.id == lever.id
    assert store.posting_stats()["duplicates"] == 1


def test_near_duplicates_are_flagged_against_the_first_posting(store: Store) -> None:
    result = store.upsert_postings([
        _p("a:1", TEXT),
        _p("a:2", TEXT + " Apply by Friday."),  # a repost with a line added
        _p("a:3", TEXT.replace("ranking", "search") + " Remote OK."),
        _p("b:1", TEXT + " Different company.", company="Other Co"),  # other company: not near
        _p("a:4", "Completely different text about accounting and payroll. " * 10),
    ])
    assert (result.stored, result.near_duplicates) == (5, 2)
    near = {r["id"]: r["near_duplicate_of"]
            for r in store.query("SELECT id, near_duplicate_of FROM postings")}
    assert near == {"a:1": None, "a:2": "a:1", "a:3": "a:1", "a:4": None, "b:1": None}
    assert store.posting_stats()["near_duplicates"] == 2


def test_near_duplicate_detection_spans_batches_and_title_case(store: Store) -> None:
    store.upsert_postings([_p("x:1", TEXT, title="Senior ML Engineer")])
    later = store.upsert_postings([_p("x:2", TEXT + " (reposted)", title="senior ml  engineer!")])
    assert later.near_duplicates == 1
    assert store.scalar("SELECT near_duplicate_of FROM postings WHERE id = 'x:2'") == "x:1"


def test_interrupted_ingest_keeps_whole_batches_and_can_be_completed(store_path: Path) -> None:
    postings = [_p(f"i:{n}", f"Posting number {n}: {TEXT}", title=f"Role {n}") for n in range(7)]

    def crashing() -> Iterator[Posting]:
        yield from postings[:5]
        raise KeyboardInterrupt  # Ctrl-C half-way through the second batch

    with Store(store_path) as store, pytest.raises(KeyboardInterrupt):
        store.upsert_postings(crashing(), batch_size=3)
    with Store(store_path) as store:
        assert store.count_postings() == 3  # the first batch only, nothing half-written
        assert store.scalar("SELECT count(*) FROM posting_near_keys") == 3
        again = store.upsert_postings(postings, batch_size=3)
        assert (again.unchanged, again.stored) == (3, 4)
        assert store.count_postings() == 7


def test_ingest_report_counts_skips_and_failed_files(store: Store, data: Path,
                                                     tmp_path: Path) -> None:
    broken = tmp_path / "broken.json"
    broken.write_text('{"jobs": [', encoding="utf-8")
    report = store.ingest([data / "jobspy_2024-05_old.csv", data / "greenhouse_list.json", broken])
    assert (report.stored, report.skipped, report.failed_files) == (3, 4, 1)
    assert report.read == 7
    assert report.reasons == {"empty description": 1, "no description": 3,
                              "not valid JSON at line N, column N": 1}
    assert report.to_dict()["skipped_reasons"]["no description"] == 3


def test_read_only_store_refuses_to_ingest(store_path: Path) -> None:
    Store(store_path).close()
    from mlepath.errors import StoreError

    with Store(store_path, read_only=True) as store, pytest.raises(StoreError, match="read-only"):
        store.upsert_postings([_p("r:1", TEXT)])


def test_reason_keys_drop_counts_but_keep_names() -> None:
    from mlepath.store._postings import reason_key

    assert reason_key("malformed CSV row: 2 fields, the header has 3") == \
        "malformed CSV row: N fields, the header has N"
    assert reason_key("not valid utf-8 (byte 0xe9 at offset 21); pass ...") == "not valid utf-8"
    assert reason_key("description is 10,485,760 characters (limit 500,000); x") == \
        "description is N characters"
