"""The ``market`` view shows each posting's newest requirements row (``is_current``) and its
``skill_ids``: kept by ``save_requirements``, backfilled by migration m005 on older stores, and
derived on the fly when an older store is opened read-only."""

from __future__ import annotations

from pathlib import Path

import duckdb
from market_fixtures import skill

from mlepath.extract import Requirements
from mlepath.market import Filters, compute_report, share
from mlepath.sources import Posting
from mlepath.store import Store
from mlepath.store._schema import MIGRATIONS


def _req(version: str, min_required: str, *skills: str) -> Requirements:
    return Requirements(min_required=min_required, role_family="ml_engineer",
                        ml_focus="applied", extractor_version=version,
                        skills=tuple(skill(s) for s in skills))


def _market(store: Store) -> list[tuple[str, str, str, list[str]]]:
    return [(r["posting_id"], r["extractor_version"], r["min_required"], r["skill_ids"])
            for r in store.query("SELECT * FROM market ORDER BY posting_id")]


def test_a_newer_extraction_replaces_the_older_one_in_market(store: Store) -> None:
    store.upsert_postings([Posting(id="a", source="t", description_text="one"),
                           Posting(id="b", source="t", description_text="two")])
    store.save_requirements([("a", _req("v1", "phd", "jax")), ("b", _req("v1", "master"))])
    store.save_requirements([("a", _req("v2", "bachelor", "docker", "pytorch"))])
    assert _market(store) == [("a", "v2", "bachelor", ["docker", "pytorch"]),
                              ("b", "v1", "master", [])]
    assert store.query("SELECT extractor_version, is_current FROM requirements "
                       "WHERE posting_id = 'a' ORDER BY 1") == [
        {"extractor_version": "v1", "is_current": False},
        {"extractor_version": "v2", "is_current": True}]
    # re-extracting with the older version later makes it the newest row again
    store.save_requirements([("a", _req("v1", "master", "jax"))])
    assert _market(store)[0] == ("a", "v1", "master", ["jax"])
    assert store.scalar("SELECT count(*) FROM requirements WHERE is_current") == 2


def _pre_m005_store(path: Path) -> None:
    """A store as it was before migration m005, with two extractions of posting ``a``."""
    con = duckdb.connect(str(path))
    con.execute("CREATE TABLE _migrations (name VARCHAR PRIMARY KEY, "
                "applied_at TIMESTAMP DEFAULT current_timestamp)")
    for name, fn in MIGRATIONS:
        if name == "m005_current_requirements":
            break
        fn(con)
        con.execute("INSERT INTO _migrations (name) VALUES (?)", [name])
    con.execute("INSERT INTO postings (id, source, description_text, content_hash) VALUES "
                "('a', 't', 'one', 'h1'), ('b', 't', 'two', 'h2')")
    con.execute("""INSERT INTO requirements (posting_id, extractor_version, min_required,
                       role_family, ml_focus, extracted_at) VALUES
                   ('a', 'v1', 'phd', 'ml_engineer', 'research', TIMESTAMP '2025-01-01'),
                   ('a', 'v2', 'bachelor', 'ml_engineer', 'applied', TIMESTAMP '2025-02-01'),
                   ('b', 'v1', 'master', 'ml_engineer', 'applied', TIMESTAMP '2025-01-01')""")
    con.execute("""INSERT INTO requirement_skills VALUES
                   ('a', 'v1', 'jax', 'JAX', 'ml_framework', true),
                   ('a', 'v2', 'docker', 'Docker', 'mlops', true),
                   ('a', 'v2', 'pytorch', 'PyTorch', 'ml_framework', false),
                   ('b', 'v1', 'pytorch', 'PyTorch', 'ml_framework', true)""")
    con.close()


def _skill_counts(store: Store) -> dict[str, int]:
    return {f.metric: f.count for f in compute_report(store).figures
            if f.metric.startswith("skill=") and not f.by}


def test_migration_backfills_current_rows_and_skill_ids(tmp_path: Path) -> None:
    path = tmp_path / "old.duckdb"
    _pre_m005_store(path)
    with Store(path) as store:
        assert store.pending_migrations() == []
        assert [(r[0], r[1], r[2]) for r in _market(store)] == [
            ("a", "v2", "bachelor"), ("b", "v1", "master")]
        assert {r[0]: sorted(r[3]) for r in _market(store)} == {
            "a": ["docker", "pytorch"], "b": ["pytorch"]}
        assert _skill_counts(store) == {"skill=pytorch": 2, "skill=docker": 1}


def test_a_read_only_store_before_m005_gives_the_same_figures(tmp_path: Path) -> None:
    path = tmp_path / "old.duckdb"
    _pre_m005_store(path)
    with Store(path, read_only=True) as store:  # read-only: no migration runs
        assert store.pending_migrations() == ["m005_current_requirements"]
        assert _skill_counts(store) == {"skill=pytorch": 2, "skill=docker": 1}
        report = compute_report(store, Filters(role="ml_engineer"))
        assert report.n == 2
        assert report.figure("min_required=bachelor").count == 1
        assert share(store, "skill=docker", Filters()).count == 1


def test_the_report_counts_skills_from_skill_ids(ten: Store) -> None:
    # TEN by construction: pytorch on all 10, docker on h5-h9, jax on h0, h1, h3 (research)
    report = compute_report(ten)
    assert report.figure("skill=pytorch").count == 10
    assert report.figure("skill=docker").count == 5
    assert report.figure("skill=jax", ml_focus="research").count == 3
    assert report.figure("skill=jax", ml_focus="applied").count == 0
    assert report.skills["jax"] == {"name": "Jax", "category": "ml_framework"}
