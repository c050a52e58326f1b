from __future__ import annotations

from pathlib import Path

from mlepath.extract import Requirements
from mlepath.sources import Posting
from mlepath.store import Store


def _p(pid: str, text: str, source: str = "t") -> Posting:
    return Posting(id=pid, source=source, description_text=text, title="ML Engineer")


def test_reingest_is_idempotent(store: Store) -> None:
    first = store.upsert_postings([_p("t:1", "Build models"), _p("t:2", "Ship APIs")])
    again = store.upsert_postings([_p("t:1", "Build models"), _p("t:2", "Ship APIs")])
    assert (first.stored, again.stored, again.unchanged) == (2, 0, 2)
    assert store.count_postings() == 2


def test_exact_duplicate_across_sources_is_linked(store: Store) -> None:
    store.upsert_postings([_p("a:1", "Build  Models\n", "a"), _p("b:9", "build models", "b")])
    assert store.count_postings() == 1
    assert store.posting_stats()["duplicates"] == 1
    linked = store.get_posting("b:9")
    assert linked is not None and linked.id == "a:1"


def test_migrations_apply_once_on_reopen(store_path: Path) -> None:
    with Store(store_path) as s:
        s.upsert_postings([_p("t:1", "x")])
    with Store(store_path) as s:
        assert s.pending_migrations() == []
        assert s.count_postings() == 1


def test_requirements_roundtrip_and_market_view(store: Store) -> None:
    store.upsert_postings([_p("t:1", "x")])
    req = Requirements(min_required="master", preferred_levels=("phd",), extractor_version="v1")
    store.save_requirements([("t:1", req)])
    store.save_requirements([("t:1", req)])  # replace, not duplicate
    assert store.get_requirements("t:1") == req
    assert store.ids_needing_extraction("v1") == []
    assert store.ids_needing_extraction("v2") == ["t:1"]
    rows = store.query("SELECT min_required, preferred_levels FROM market")
    assert rows == [{"min_required": "master", "preferred_levels": ["phd"]}]
