"""Paths as data: the packaged defaults and their sources, overrides and validation errors."""

from __future__ import annotations

import pytest

from mlepath.advise import PATH_IDS, load_paths
from mlepath.errors import AdviceError

ARTICLE = "Interview Kickstart (2026)"


def test_defaults_have_the_stable_ids_and_the_article_figures():
    paths = load_paths()
    assert tuple(paths) == PATH_IDS == ("internal-pivot", "self-study", "bootcamp",
                                        "masters-part-time", "masters-full-time", "phd")
    assert paths["internal-pivot"].months == (6, 12)
    assert paths["internal-pivot"].months_for(3) == (3, 6)
    assert paths["internal-pivot"].months_for(2) == (6, 12)
    assert paths["self-study"].cost == (0, 500)
    assert paths["bootcamp"].cost == (3000, 10000)
    assert paths["masters-full-time"].cost == (10000, 150000)
    assert paths["masters-full-time"].forgone_pay == (150000, 250000)
    assert paths["masters-full-time"].pay_continues is False
    assert paths["phd"].months == (48, 84)
    for field in ("months", "cost"):
        assert paths["bootcamp"].source(field).startswith(ARTICLE)


def test_every_default_value_carries_a_source():
    for path in load_paths().values():
        d = path.to_dict()
        for field in d:
            if field in ("id", "name", "sources"):
                continue
            source = path.sources.get(field)
            assert source, f"{path.id}.{field} has no source"
            assert source.startswith((ARTICLE, "mlepath assumption:"))


def test_override_changes_only_the_given_fields_and_records_the_source(tmp_path):
    f = tmp_path / "mine.yaml"
    f.write_text("paths:\n  - id: bootcamp\n    cost: [12000, 16000]\n")
    paths = load_paths(f)
    assert paths["bootcamp"].cost == (12000, 16000)
    assert paths["bootcamp"].months == (3, 6)
    assert paths["bootcamp"].source("cost") == f"user file {f}"
    assert paths["bootcamp"].source("months").startswith(ARTICLE)


@pytest.mark.parametrize(("text", "message"), [
    ("paths:\n  - id: mba\n    cost: [1, 2]\n", "unknown path id 'mba'; choose one of: internal-pivot"),
    ("paths:\n  - id: phd\n    months: [84, 48]\n", "'months' low 84 is above high 48"),
    ("paths:\n  - id: phd\n    months: 60\n", "'months' must be a [low, high] pair"),
    ("paths:\n  - id: phd\n    p_land: [0.5, 1.5]\n", "'p_land' [0.5, 1.5] is out of range"),
    ("paths:\n  - id: phd\n    pay_continues: maybe\n", "'pay_continues' must be true or false"),
    ("paths:\n  - id: phd\n    tuition: [1, 2]\n", "unknown field 'tuition'"),
    ("paths:\n  - cost: [1, 2]\n", "entry 1 needs an 'id'"),
    ("- id: phd\n", "must be a mapping with a 'paths:' list"),
    ("paths: [\n", "is not valid YAML"),
])
def test_bad_paths_files_give_one_clear_line(tmp_path, text, message):
    f = tmp_path / "bad.yaml"
    f.write_text(text)
    with pytest.raises(AdviceError) as info:
        load_paths(f)
    assert message in str(info.value)
    assert "\n" not in str(info.value)


def test_missing_paths_file(tmp_path):
    with pytest.raises(AdviceError, match="does not exist"):
        load_paths(tmp_path / "nope.yaml")
