"""The README's first command: ``mlepath demo`` on the shipped sample, end to end."""

from __future__ import annotations

import re
from pathlib import Path

from typer.testing import CliRunner

from mlepath.cli import app
from mlepath.extract import EXTRACTOR_VERSION
from mlepath.pipeline import extract_store
from mlepath.sources import Posting
from mlepath.store import Store


def test_extract_store_only_extracts_what_is_new(store: Store) -> None:
    store.upsert_postings([Posting(id="t:1", source="t", title="Machine Learning Engineer",
                                   description_text="Requirements:\n- PhD in Computer Science")])
    seen: list[tuple[int, int]] = []
    assert extract_store(store, on_progress=lambda d, t: seen.append((d, t))) == 1
    assert seen == [(1, 1)]
    assert extract_store(store) == 0
    assert extract_store(store, force=True) == 1
    req = store.get_requirements("t:1")
    assert req is not None and req.min_required == "phd"
    assert req.extractor_version == EXTRACTOR_VERSION


def test_extract_store_finishes_when_there_are_more_postings_than_one_batch(store: Store) -> None:
    # regression: writing a batch ended the read still streaming on the same connection, so
    # only the first batch was extracted per run
    store.upsert_postings([Posting(id=f"t:{i}", source="t", title="Data Scientist",
                                   description_text=f"Posting {i}: 3+ years of SQL")
                           for i in range(7)])
    assert extract_store(store, batch_size=2) == 7
    assert store.ids_needing_extraction(EXTRACTOR_VERSION) == []
    assert extract_store(store, batch_size=3, force=True) == 7


def test_demo_ingests_extracts_and_reports(tmp_path: Path) -> None:
    db, html = tmp_path / "demo.duckdb", tmp_path / "demo.html"
    result = CliRunner().invoke(app, ["demo", "--db", str(db), "--html", str(html)])
    assert result.exit_code == 0, result.output
    with Store(db, read_only=True) as store:
        n = store.count_postings()
        assert 200 <= n <= 300  # the shipped sample holds at most 300 postings
        assert store.scalar("SELECT count(*) FROM market") == n
        families = {r["role_family"] for r in store.query("SELECT DISTINCT role_family FROM market")}
    assert "ml_engineer" in families
    page = html.read_text(encoding="utf-8")
    assert not re.search(r"<(script|link)[^>]+(src|href)=[\"']https?:", page)  # offline page
    assert "Plotly" in page
    # a second run is idempotent: nothing new stored, nothing re-extracted
    again = CliRunner().invoke(app, ["demo", "--db", str(db), "--html", str(html)])
    assert again.exit_code == 0, again.output
    assert "0 new, 0 extracted" in " ".join(again.output.split())
    with Store(db, read_only=True) as store:
        assert store.count_postings() == n
