"""Each reader on real-shaped slices of the format samples (tests/data/sources)."""

from __future__ import annotations

from pathlib import Path

from mlepath.sources import BadRecord, Posting, read_path


def _read(path: Path, **kw: object) -> tuple[list[Posting], list[BadRecord]]:
    bad: list[BadRecord] = []
    postings = list(read_path(path, on_error=bad.append, **kw))  # type: ignore[arg-type]
    return postings, bad


def _by_id(postings: list[Posting]) -> dict[str, Posting]:
    return {p.id: p for p in postings}


def test_greenhouse_with_content_unescapes_and_keeps_structure(data: Path) -> None:
    postings, bad = _read(data / "greenhouse_content.json")
    assert bad == []
    p = _by_id(postings)["greenhouse:5193736007"]
    assert (p.title, p.company, p.location) == ("Client Support Analyst I", "SmarterDx",
                                                "Remote (United States)")
    assert p.remote is True and p.posted_at == "2026-07-27"
    assert p.url == "https://job-boards.greenhouse.io/smarterdx/jobs/5193736007"
    assert "&lt;" not in p.description_text and "<div" not in p.description_text
    assert p.description_text.startswith("SmarterDx is transforming how health systems")
    assert any(line.startswith("- ") for line in p.description_text.splitlines())
    assert p.description_html is not None and p.description_html.startswith("<div")
    assert _by_id(postings)["greenhouse:5099964007"].title == "Clinical Coding Specialist"


def test_greenhouse_list_without_content_is_skipped_with_reason(data: Path) -> None:
    postings, bad = _read(data / "greenhouse_list.json")
    assert postings == []
    assert [b.record for b in bad] == [1, 2, 3]
    assert str(bad[0]).endswith("greenhouse_list.json, record 1: no description (a Greenhouse "
                                "list without content=true; fetch the board with content=true)")


def test_lever_builds_text_from_description_lists_and_additional(data: Path) -> None:
    postings, bad = _read(data / "lever.json")
    assert bad == []
    p = _by_id(postings)["lever:3414ba28-35f7-45d3-8e13-35c883959635"]
    assert (p.title, p.company, p.location) == ("Android Engineer III", "matchgroup",
                                                "New York, New York")
    assert (p.salary_min, p.salary_max, p.salary_currency, p.salary_period) == (
        150000.0, 180000.0, "USD", "year")
    assert p.remote is False  # workplaceType hybrid
    assert p.posted_at == "2026-05-19"  # createdAt 1779223091267 ms
    lines = p.description_text.splitlines()
    # the list heading stands on its own line, followed by its bullets
    heading = lines.index("What We're Looking For")
    assert lines[heading + 1].startswith("- ")
    assert "401(k) Matching" in p.description_text  # from "additional"
    seoul = _by_id(postings)["lever:4004a95b-ed89-4193-ad1a-a2ed5d4703d5"]
    assert seoul.salary_min is None and "Preferred Qualifications" in seoul.description_text


def test_ashby_compensation_becomes_salary(data: Path) -> None:
    postings, _ = _read(data / "ashby.json")
    ids = _by_id(postings)
    ramp = ids["ashby:03e2d4e1-73ad-4f09-a058-2eb9ce34c2bc"]
    assert (ramp.salary_min, ramp.salary_max, ramp.salary_currency, ramp.salary_period) == (
        151000.0, 231000.0, "USD", "year")
    assert (ramp.company, ramp.remote, ramp.posted_at) == ("ramp", True, "2026-07-07")
    london = ids["ashby:1515fe6d-1d8e-475b-a5ee-cefe43e78cb7"]
    assert london.salary_min is None and london.remote is False and london.location == "London"


def test_jobspy_current_json_with_bare_nan(data: Path) -> None:
    assert "NaN" in (data / "jobspy_2025-05.json").read_text()
    postings, bad = _read(data / "jobspy_2025-05.json")
    assert bad == []
    ids = _by_id(postings)
    hourly = ids["jobspy:go-CoZiHUAH_GfkrCJBAAAAAA=="]
    assert (hourly.salary_min, hourly.salary_max, hourly.salary_period) == (18.0, 19.0, "hour")
    assert hourly.company == "TEKsystems" and hourly.posted_at == "2025-05-15"
    none = ids["jobspy:go-57b2WM_aEr_KB7sVAAAAAA=="]
    assert none.salary_min is None and none.salary_currency is None  # NaN → None
    assert none.raw["job_url_direct"] is None  # NaN kept as JSON null, not float nan


def test_jobspy_old_schema_csv_skips_empty_linkedin_rows(data: Path) -> None:
    postings, bad = _read(data / "jobspy_2024-05_old.csv")
    assert [p.title for p in postings] == ["Software Engineer, Blockchain Infrastructure",
                                           "Blockchain Engineer (Contract)",
                                           "Blockchain Protocol Engineer"]
    assert [(b.record, b.reason) for b in bad] and bad[0].reason == "empty description"
    assert bad[0].unit == "line" and bad[0].record is not None and bad[0].record > 2
    assert postings[0].remote is True and postings[0].structured == {"site": "glassdoor"}
    # no native id in the old schema: the id is a hash of the job URL, so it is stable
    assert postings[0].id.startswith("jobspy:") and len(postings[0].id) == len("jobspy:") + 16


def test_jobspy_2024_schema_salary(data: Path) -> None:
    postings, _ = _read(data / "jobspy_2024-04.csv")
    first = postings[0]
    assert (first.title, first.salary_min, first.salary_max, first.salary_period,
            first.salary_currency) == ("Jr. Software Engineer", 55000.0, 65000.0, "year", "USD")
    assert first.raw["search_term"]  # extra notebook columns are kept in raw
    assert "description" not in first.raw


def test_presets_are_detected_by_header_and_match_gold_ids(data: Path) -> None:
    us, _ = _read(data / "linkedin_data_scientist_search_us.csv.gz")
    assert [p.id for p in us] == ["linkedin_us:3960900238", "linkedin_us:3939801249",
                                  "linkedin_us:3940812612"]
    assert us[0].source == "linkedin_us" and us[0].posted_at == "2024-06-02"
    assert us[0].url is not None and "?" not in us[0].url
    gd, _ = _read(data / "glassdoor_jobs.csv")
    assert [(p.id, p.company) for p in gd] == [
        ("glassdoor_ds:0", "Tecolote Research"),
        ("glassdoor_ds:1", "University of Maryland Medical System"),
        ("glassdoor_ds:2", "KnowBe4")]
    assert gd[0].raw["Salary Estimate"] == "$53K-$91K (Glassdoor est.)"
    ds, _ = _read(data / "DataScientist.csv")
    da, _ = _read(data / "DataAnalyst.csv")
    assert ds[0].id == "linkedin_ca:datascientist:0" and ds[0].structured["seniority"] == \
        "Entry level"
    assert [p.id for p in da] == ["linkedin_ca:dataanalyst:0", "linkedin_ca:dataanalyst:1"]


def test_generic_csv_with_mapping_and_id_kept_verbatim(tmp_path: Path) -> None:
    path = tmp_path / "mine.csv"
    path.write_text("posting,job_title,employer,job_description\n"
                    "X-1,ML Engineer,Acme,\"Requirements:\n* Python\n* 3 years\"\n",
                    encoding="utf-8")
    postings, bad = _read(path, mapping={"id": "posting", "title": "job_title"})
    assert bad == []
    [p] = postings
    assert (p.id, p.title, p.company, p.source) == ("X-1", "ML Engineer", "Acme", "csv")
    assert p.description_text == "Requirements:\n- Python\n- 3 years"


def test_generic_jsonl_id_and_source_fields(tmp_path: Path) -> None:
    path = tmp_path / "gold.jsonl"
    path.write_text('{"id": "linkedin_us:42", "title": "AI Engineer", "company": "A", '
                    '"location": "NYC", "date": "2025-01-02", "description": "Build agents."}\n'
                    '{"id": "b:7", "source": "mine", "description": "<p>Hi</p><ul><li>SQL</li>'
                    '</ul>"}\n', encoding="utf-8")
    postings, _ = _read(path)
    assert [(p.id, p.source, p.posted_at) for p in postings] == [
        ("linkedin_us:42", "jsonl", "2025-01-02"), ("b:7", "mine", None)]
    assert postings[1].description_text == "Hi\n- SQL"


def test_gold_postings_keep_their_ids(shared: Path) -> None:
    import json

    gold = shared / "gold" / "dev-postings.jsonl"
    expected = [json.loads(line)["id"] for line in gold.read_text().splitlines() if line]
    assert [p.id for p in read_path(gold)] == expected


def test_parquet_with_mapping(tmp_path: Path) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    path = tmp_path / "jobs.parquet"
    pq.write_table(pa.table({"jd": ["We need Rust.", ""], "role": ["SWE", "Empty"]}), path)
    postings, bad = _read(path, mapping={"description": "jd", "title": "role"})
    assert [p.title for p in postings] == ["SWE"]
    assert str(bad[0]) == f"{path}, row 2: empty description"


def test_schema_org_pages(data: Path) -> None:
    postings, bad = _read(data / "pages")
    ids = _by_id(postings)
    gh = ids["jsonld_html:Northwind Labs:4410021"]
    assert (gh.salary_min, gh.salary_max, gh.salary_currency, gh.salary_period) == (
        165000.0, 210000.0, "USD", "year")
    assert gh.location == "New York, NY, US" and gh.posted_at == "2026-06-15"
    assert gh.structured["experienceRequirements"]["monthsOfExperience"] == 36
    assert gh.structured["educationRequirements"]["credentialCategory"] == "bachelor degree"
    assert gh.structured["skills"] == ["Python", "PyTorch", "Spark", "Kubernetes"]
    assert "Minimum qualifications\n- BS in Computer Science" in gh.description_text
    assert "What you'll do\n- Train and ship ranking models & measure them online" in \
        gh.description_text
    wd = ids["jsonld_html:Contoso Health:R-0042817"]
    assert wd.remote is True and (wd.salary_min, wd.salary_period) == (72.5, "hour")
    assert "Required Qualifications\n- Master's degree" in wd.description_text
    assert wd.location == "Minneapolis, MN, United States of America"
    li = ids["jsonld_html:Fabrikam:4311187001"]  # escaped HTML inside @graph
    assert li.description_text.startswith("Basic Qualifications\n- PhD, or Master's degree")
    assert li.structured["educationRequirements"][0]["credentialCategory"] == \
        "postgraduate degree"
    [micro] = [p for p in postings if p.company == "Tailspin"]
    assert micro.title == "Research Engineer, LLM Evaluation"
    assert micro.structured["educationRequirements"] == \
        "Bachelor's degree in CS or equivalent experience"
    assert "Requirements\n- 2+ years of software engineering in Python" in micro.description_text
    assert (micro.salary_min, micro.salary_max) == (150000.0, 190000.0)
    assert [str(b) for b in bad] == [
        f"{data / 'pages' / 'no_posting.html'}: no schema.org JobPosting found on the page"]


def test_text_and_markdown_one_posting_per_file(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text("# Staff ML Engineer\n\n**Requirements**\n* PhD preferred\n",
                                   encoding="utf-8")
    (tmp_path / "b.txt").write_text("Data Engineer\r\nWe use Spark.\r\n", encoding="utf-8")
    (tmp_path / "README.md").write_text("notes about this folder", encoding="utf-8")
    postings, _ = _read(tmp_path)
    assert [(p.title, p.source) for p in postings] == [("Staff ML Engineer", "text"),
                                                       ("Data Engineer", "text")]
    assert postings[0].description_text == \
        "# Staff ML Engineer\n\n**Requirements**\n- PhD preferred"
    assert postings[1].description_text == "Data Engineer\nWe use Spark."


def test_format_override(data: Path, tmp_path: Path) -> None:
    renamed = tmp_path / "board.data"
    renamed.write_bytes((data / "lever.json").read_bytes())
    postings, _ = _read(renamed, format="lever")
    assert len(postings) == 2 and all(p.source == "lever" for p in postings)


def test_folder_ignores_assets_but_a_named_unknown_file_is_an_error(data: Path,
                                                                    tmp_path: Path) -> None:
    page = (data / "pages" / "workday_job_page.html").read_bytes()
    (tmp_path / "job.html").write_bytes(page)
    (tmp_path / "job_files").mkdir()
    (tmp_path / "job_files" / "style.css").write_text("p {}", encoding="utf-8")
    (tmp_path / "job_files" / "logo.png").write_bytes(b"\x89PNG\r\n")
    postings, bad = _read(tmp_path)
    assert [p.company for p in postings] == ["Contoso Health"] and bad == []
    _, bad = _read(tmp_path / "job_files" / "logo.png")
    assert [b.reason for b in bad] == [
        "cannot tell the format from the name 'logo.png'; pass --format, one of: ashby, csv, "
        "glassdoor_ds, greenhouse, jobspy, jsonl, jsonld_html, lever, linkedin_ca, linkedin_us, "
        "parquet, text"]


def test_linkedin_ca_ids_are_unique_when_the_index_column_repeats(tmp_path: Path) -> None:
    # the real file's unnamed index column restarts every few rows (968 rows, 5 values)
    path = tmp_path / "DataScientist.csv"
    header = ",title,company,location,industry,description,seniority,employment_type,functions\n"
    rows = "".join(f'{i % 2},Data Scientist,Acme {i},"SF, CA",Tech,"Build models number {i}",'
                   "Entry level,Full-time,Engineering\n" for i in range(4))
    path.write_text(header + rows, encoding="utf-8")
    postings, _ = _read(path)
    assert [p.id for p in postings] == [f"linkedin_ca:datascientist:{i}" for i in range(4)]


def test_json_lines_saved_as_dot_json(tmp_path: Path) -> None:
    path = tmp_path / "export.json"
    path.write_text('{"title": "A", "description": "one"}\n{"title": "B", "description": "two"}\n',
                    encoding="utf-8")
    postings, bad = _read(path)
    assert [p.title for p in postings] == ["A", "B"] and bad == []
