"""Bad input: one clear line with file + line/record + reason; the rest still ingests."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from mlepath.cli import app
from mlepath.errors import SourceError
from mlepath.sources import BadRecord, read_path
from mlepath.store import Store

runner = CliRunner()


def _bad(path: Path, **kw: object) -> tuple[list[str], list[str]]:
    bad: list[BadRecord] = []
    titles = [p.title for p in read_path(path, on_error=bad.append, **kw)]  # type: ignore[arg-type]
    return titles, [str(b) for b in bad]


def test_wrong_encoding_names_the_byte_and_the_fix(tmp_path: Path) -> None:
    path = tmp_path / "latin.csv"
    path.write_bytes("title,description\nCaf\xe9 Engineer,Build caf\xe9 apps\n".encode("cp1252"))
    titles, problems = _bad(path)
    assert titles == []
    assert problems == [f"{path}: not valid utf-8 (byte 0xe9 at offset 21); pass the file's "
                        "encoding, e.g. --encoding cp1252"]
    assert _bad(path, encoding="cp1252")[0] == ["Café Engineer"]
    with pytest.raises(SourceError, match="not valid utf-8"):
        list(read_path(path))  # without on_error a unreadable file raises


def test_gzip_file_bad_after_a_megabyte_stores_nothing(tmp_path: Path) -> None:
    # the encoding is checked in 1 MiB chunks before parsing: a bad byte past the first chunk
    # of a .gz file must still stop it before any of its rows is read or stored
    import gzip

    good = "".join(f"Engineer {i},Build apps {i} with Python\n" for i in range(40_000))
    path = tmp_path / "jobs.csv.gz"
    path.write_bytes(gzip.compress(("title,description\n" + good).encode()
                                   + "Caf\xe9 Engineer,x\n".encode("cp1252")))
    offset = len(("title,description\n" + good).encode()) + 3
    assert offset > 1 << 20
    titles, problems = _bad(path)
    assert titles == []
    assert problems == [f"{path}: not valid utf-8 (byte 0xe9 at offset {offset}); pass the "
                        "file's encoding, e.g. --encoding cp1252"]
    with Store(tmp_path / "s.duckdb") as store:
        report = store.ingest([path])
        assert (report.stored, report.failed_files, store.count_postings()) == (0, 1, 0)
    good_path = tmp_path / "good.csv.gz"
    good_path.write_bytes(gzip.compress(("title,description\n" + good).encode()))
    titles, problems = _bad(good_path)
    assert (len(titles), titles[-1], problems) == (40_000, "Engineer 39999", [])


def test_empty_and_huge_descriptions_are_skipped(tmp_path: Path) -> None:
    path = tmp_path / "jobs.jsonl"
    rows = [{"title": "ok", "description": "Real text"}, {"title": "empty", "description": "  "},
            {"title": "huge", "description": "x" * (10 * 1024 * 1024)}]
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    titles, problems = _bad(path)
    assert titles == ["ok"]
    assert problems == [f"{path}, line 2: empty description",
                        f"{path}, line 3: description is 10,485,760 characters (limit 500,000); "
                        "not a single job posting"]


def test_truncated_json_file(data: Path, tmp_path: Path) -> None:
    path = tmp_path / "greenhouse.json"
    path.write_text((data / "greenhouse_content.json").read_text()[:5000], encoding="utf-8")
    titles, problems = _bad(path)
    assert titles == []
    [message] = problems
    assert message.startswith(f"{path}: not valid JSON at line ")
    assert message.endswith("; the file may be truncated")


def test_truncated_jsonl_line_is_skipped(tmp_path: Path) -> None:
    path = tmp_path / "jobs.jsonl"
    path.write_text('{"title": "a", "description": "one"}\n{"title": "b", "descr\n'
                    '{"title": "c", "description": "three"}\n', encoding="utf-8")
    titles, problems = _bad(path)
    assert titles == ["a", "c"]
    assert problems == [f"{path}, line 2: not valid JSON (Unterminated string starting at: "
                        "column 16); the line may be truncated"]


def test_csv_without_description_column(tmp_path: Path) -> None:
    path = tmp_path / "jobs.csv"
    path.write_text("title,company\nML Engineer,Acme\n", encoding="utf-8")
    assert _bad(path)[1] == [f"{path}: no description column (columns: title, company); name it "
                             "with --map description=COLUMN"]


def test_malformed_csv_row_is_skipped_and_the_rest_reads(tmp_path: Path) -> None:
    path = tmp_path / "jobs.csv"
    path.write_text('title,company,description\nA,Acme,"first"\nB,broken\nC,Co,"third\n'
                    'continues"\n', encoding="utf-8")
    titles, problems = _bad(path)
    assert titles == ["A", "C"]
    assert problems == [f"{path}, line 3: malformed CSV row: 2 fields, the header has 3"]


def test_unknown_format_and_map_field() -> None:
    with pytest.raises(SourceError, match="unknown format 'lnkdin'; choose one of: ashby, csv"):
        list(read_path(".", format="lnkdin"))


def test_cli_reports_bad_rows_and_exits_zero_when_something_ingested(tmp_path: Path) -> None:
    path = tmp_path / "jobs.csv"
    path.write_text('title,description\nA,"fine"\nB,\n', encoding="utf-8")
    db = tmp_path / "jobs.duckdb"
    result = runner.invoke(app, ["ingest", str(path), "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert f"skipped {path}, line 3: empty description" in result.output
    assert "stored 1 new" in result.output and "1 × empty description" in result.output
    with Store(db, read_only=True) as store:
        assert store.count_postings() == 1


def test_cli_exits_non_zero_with_a_message_when_nothing_ingested(tmp_path: Path) -> None:
    path = tmp_path / "jobs.csv"
    path.write_text("title,company\nML Engineer,Acme\n", encoding="utf-8")
    result = runner.invoke(app, ["ingest", str(path), "--db", str(tmp_path / "x.duckdb")])
    assert result.exit_code == 1
    assert isinstance(result.exception, SystemExit)  # a message, never a traceback
    assert "no description column (columns: title, company)" in result.output
    assert f"nothing could be ingested from {path}" in result.output


def test_cli_bad_map_and_format(tmp_path: Path, data: Path) -> None:
    db = str(tmp_path / "x.duckdb")
    bad_map = runner.invoke(app, ["ingest", str(data / "generic.csv"), "--db", db,
                                  "--map", "descr"])
    assert bad_map.exit_code == 2 and "is not FIELD=COLUMN" in bad_map.output
    unknown = runner.invoke(app, ["ingest", str(data / "generic.csv"), "--db", db,
                                  "--map", "salary=pay"])
    assert unknown.exit_code == 1 and "unknown field 'salary' in --map" in unknown.output
    fmt = runner.invoke(app, ["ingest", str(data / "generic.csv"), "--db", db,
                              "--format", "lnkdin"])
    assert fmt.exit_code == 1 and "unknown format 'lnkdin'" in fmt.output
