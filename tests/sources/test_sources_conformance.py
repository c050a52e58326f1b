"""One conformance check run over every reader in ``SOURCES`` (as sklearn's test_common does)."""

from __future__ import annotations

from pathlib import Path

import pytest

from mlepath.sources import SOURCES, Posting, detect_format, read_path

# One committed fixture per format; a new reader fails here until it gets one.
FIXTURES = {
    "ashby": "ashby.json",
    "csv": "generic.csv",
    "glassdoor_ds": "glassdoor_jobs.csv",
    "greenhouse": "greenhouse_content.json",
    "jobspy": "jobspy_2025-05.json",
    "jsonl": "generic.jsonl",
    "jsonld_html": "pages/greenhouse_job_page.html",
    "lever": "lever.json",
    "linkedin_ca": "DataScientist.csv",
    "linkedin_us": "linkedin_data_scientist_search_us.csv.gz",
    "parquet": "generic.parquet",
    "text": "posting.md",
}


def test_every_source_has_a_fixture() -> None:
    assert sorted(FIXTURES) == sorted(SOURCES)


@pytest.mark.parametrize("name", sorted(SOURCES))
def test_reader_yields_valid_postings_with_stable_ids(name: str, data: Path) -> None:
    path = data / FIXTURES[name]
    first = list(SOURCES[name](path))
    second = list(SOURCES[name](path))
    assert first, f"{name} read nothing from {path}"
    assert [p.id for p in first] == [p.id for p in second]
    assert len({p.id for p in first}) == len(first)
    for p in first:
        assert isinstance(p, Posting)
        assert p.id and p.source and p.description_text.strip()
        assert p.description_text == p.description_text.strip()
        assert "\r" not in p.description_text and "  " not in p.description_text
        assert "<li" not in p.description_text and "&amp;" not in p.description_text
        assert p.posted_at is None or len(p.posted_at) == 10
        assert p.salary_period in (None, "year", "month", "week", "day", "hour")
        if p.salary_min is not None and p.salary_max is not None:
            assert p.salary_min <= p.salary_max
        assert isinstance(p.structured, dict) and isinstance(p.raw, dict)


@pytest.mark.parametrize("name", sorted(SOURCES))
def test_detection_finds_the_reader(name: str, data: Path) -> None:
    assert detect_format(data / FIXTURES[name]) == name
    assert [p.id for p in read_path(data / FIXTURES[name])] == \
        [p.id for p in SOURCES[name](data / FIXTURES[name])]
