"""The ``market`` view shows each posting's newest requirements row (``is_current``) and its
``skill_ids``: kept by ``save_requirements``, backfilled by migration m005 on older stores, and
derived on the fly when an older store is opened read-only."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest
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


def _old_store(path: Path, before: str = "m005_current_requirements") -> None:
    """A store as it was before migration ``before``, with two extractions of posting ``a``."""
    con = duckdb.connect(str(path))
    con.execute("CREATE TABLE _migrations (name VARCHAR PRIMARY KEY, "
                "applied_at TIMESTAMP DEFAULT current_timestamp)")
    for name, fn in MIGRATIONS:
        if name == before:
            break
        fn(con)
        con.execute("INSERT INTO _migrations (name) VALUES (?)", [name])
    later = "is_current, " if before != "m005_current_requirements" else ""
    con.execute("INSERT INTO postings (id, source, description_text, content_hash) VALUES "
                "('a', 't', 'one', 'h1'), ('b', 't', 'two', 'h2')")
    con.execute("INSERT INTO requirement_skills VALUES "
                "('a', 'v1', 'jax', 'JAX', 'ml_framework', true), "
                "('a', 'v2', 'docker', 'Docker', 'mlops', true), "
                "('a', 'v2', 'pytorch', 'PyTorch', 'ml_framework', false), "
                "('b', 'v1', 'pytorch', 'PyTorch', 'ml_framework', true)")
    if later:  # between m005 and m006: the current flag and skill_ids as m005 left them
        con.execute("INSERT INTO requirements (posting_id, extractor_version, min_required, "
                    "role_family, ml_focus, extracted_at, is_current, skill_ids) VALUES "
                    "('a', 'v1', 'phd', 'ml_engineer', 'research', '2025-01-01', false, ['jax']),"
                    "('a', 'v2', 'bachelor', 'ml_engineer', 'applied', '2025-02-01', true, "
                    " ['docker', 'pytorch']),"
                    "('b', 'v1', 'master', 'ml_engineer', 'applied', '2025-01-01', true, "
                    " ['pytorch'])")
    else:
        con.execute("INSERT INTO requirements (posting_id, extractor_version, min_required, "
                    "role_family, ml_focus, extracted_at) VALUES "
                    "('a', 'v1', 'phd', 'ml_engineer', 'research', '2025-01-01'),"
                    "('a', 'v2', 'bachelor', 'ml_engineer', 'applied', '2025-02-01'),"
                    "('b', 'v1', 'master', 'ml_engineer', 'applied', '2025-01-01')")
    con.close()


def _skill_counts(store: Store) -> dict[str, int]:
    return {f.metric: f.count for f in compute_report(store).figures
            if f.metric.startswith("skill=") and not f.by}


@pytest.mark.parametrize("before", ["m005_current_requirements", "m006_skill_codes"])
def test_migrations_backfill_current_rows_skill_ids_and_codes(tmp_path: Path,
                                                              before: str) -> None:
    path = tmp_path / "old.duckdb"
    _old_store(path, before)
    with Store(path) as store:
        assert store.pending_migrations() == []
        assert [(r[0], r[1], r[2]) for r in _market(store)] == [
            ("a", "v2", "bachelor"), ("b", "v1", "master")]
        assert {r[0]: sorted(r[3]) for r in _market(store)} == {
            "a": ["docker", "pytorch"], "b": ["pytorch"]}
        assert _skill_counts(store) == {"skill=pytorch": 2, "skill=docker": 1}
        # codes number the skill ids in order; each row's codes are its skills'
        assert store.query("SELECT code, skill_id FROM skill_catalog ORDER BY code") == [
            {"code": 1, "skill_id": "docker"}, {"code": 2, "skill_id": "jax"},
            {"code": 3, "skill_id": "pytorch"}]
        assert {r["posting_id"]: sorted(r["skill_codes"]) for r in store.query(
            "SELECT posting_id, skill_codes FROM market")} == {"a": [1, 3], "b": [3]}


@pytest.mark.parametrize("before", ["m005_current_requirements", "m006_skill_codes"])
def test_a_read_only_older_store_gives_the_same_figures(tmp_path: Path, before: str) -> None:
    path = tmp_path / "old.duckdb"
    _old_store(path, before)
    with Store(path, read_only=True) as store:  # read-only: no migration runs
        assert store.pending_migrations()[0] == before
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


def test_new_skills_get_the_next_codes_and_old_codes_stay(store: Store) -> None:
    store.upsert_postings([Posting(id="a", source="t", description_text="one"),
                           Posting(id="b", source="t", description_text="two")])
    store.save_requirements([("a", _req("v1", "phd", "pytorch", "jax"))])
    store.save_requirements([("b", _req("v1", "master", "pytorch", "docker"))])
    assert store.query("SELECT code, skill_id, name FROM skill_catalog ORDER BY code") == [
        {"code": 1, "skill_id": "jax", "name": "Jax"},
        {"code": 2, "skill_id": "pytorch", "name": "Pytorch"},
        {"code": 3, "skill_id": "docker", "name": "Docker"}]
    assert {r["posting_id"]: sorted(r["skill_codes"]) for r in store.query(
        "SELECT posting_id, skill_codes FROM market")} == {"a": [1, 2], "b": [2, 3]}
    assert _skill_counts(store) == {"skill=pytorch": 2, "skill=jax": 1, "skill=docker": 1}
