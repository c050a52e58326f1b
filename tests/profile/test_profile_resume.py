"""Reading a person from every résumé format and from a profile YAML."""

from __future__ import annotations

from pathlib import Path

import pytest
from fit_helpers import RESUME_YEARS, TODAY, docx_bytes, tiny_finder

from mlepath.profile import Degree, Pay, Profile, read_profile
from mlepath.profile._resume import profile_from_text


@pytest.mark.parametrize("fmt", ["pdf", "docx", "md", "txt"])
def test_every_format_reads_the_same_person(resume_files: dict[str, Path], fmt: str) -> None:
    p = read_profile(resume_files[fmt], today=TODAY, skill_finder=tiny_finder)
    assert p.highest_degree == Degree("master", "computer_science")
    assert Degree("bachelor", "mathematics") in p.degrees
    # the two jobs overlap; education's 2010-2016 must not count
    assert p.years_experience == RESUME_YEARS
    assert p.titles == ("Senior Software Engineer", "Software Developer")
    assert set(p.skills) == {"python", "go", "java", "docker", "kubernetes", "aws", "postgresql"}
    assert p.source == f"cv.{fmt}"


def test_bytes_with_filename_read_like_a_path(resume_files: dict[str, Path]) -> None:
    data = resume_files["docx"].read_bytes()
    p = read_profile(data, filename="upload.docx", today=TODAY, skill_finder=tiny_finder)
    assert p.years_experience == RESUME_YEARS and p.source == "upload.docx"


def test_docx_tables_are_read(tmp_path: Path) -> None:
    # many templates put title and dates in a table
    f = tmp_path / "t.docx"
    f.write_bytes(docx_bytes(["Experience"],
                             table_rows=[["Data Engineer", "Gamma", "Feb 2020 - Jan 2022"]]))
    p = read_profile(f, today=TODAY, skill_finder=tiny_finder)
    assert p.years_experience == 2.0
    assert p.titles == ("Data Engineer",)


def test_education_dates_never_count_even_without_sections() -> None:
    text = ("Machine Learning Engineer at Delta, Jan 2021 - Dec 2022\n"
            "PhD in Physics, Some University, 2015 - 2020\n")
    p = profile_from_text(text, source="x.txt", skill_finder=tiny_finder, today=TODAY)
    assert p.years_experience == 2.0  # the PhD line is a degree line: excluded
    assert p.highest_degree == Degree("phd", "physics")
    assert p.titles == ("Machine Learning Engineer",)


def test_no_dates_means_unknown_years_not_zero() -> None:
    p = profile_from_text("Experience\nEngineer at Acme\nSkills\nPython",
                          source="x.txt", skill_finder=tiny_finder, today=TODAY)
    assert p.years_experience is None
    assert p.skills == ("python",)


@pytest.mark.parametrize(("line", "level", "field"), [
    ("B.S. Computer Science", "bachelor", "computer_science"),
    ("BSc (Hons) Statistics", "bachelor", "statistics"),
    ("B.Tech in Electronics and Communication", "bachelor", "electrical_engineering"),
    ("M.S. in Data Science", "master", "data_science"),
    ("MBA", "master", None),
    ("Ph.D., Operations Research", "phd", "operations_research"),
    ("Associate of Applied Science, Information Technology", "associate", "information_systems"),
    ("High School Diploma", "high_school", None),
])
def test_degree_phrases(line: str, level: str, field: str | None) -> None:
    p = profile_from_text(f"Education\n{line}\n", source="x", skill_finder=tiny_finder,
                          today=TODAY)
    assert p.degrees == (Degree(level, field),)


def test_a_job_title_with_master_is_not_a_degree() -> None:
    text = "Experience\nMaster Data Manager, Omega, 2015 - 2018\nEducation\nBachelor of Arts\n"
    p = profile_from_text(text, source="x", skill_finder=tiny_finder, today=TODAY)
    assert p.degrees == (Degree("bachelor", None),)
    assert p.years_experience == 3.0


def test_yaml_profile_round_trips(tmp_path: Path) -> None:
    prof = Profile(degrees=(Degree("bachelor", "computer_science"), Degree("master", None)),
                   years_experience=6.5, titles=("Backend Engineer",),
                   skills=("python", "docker"), current_pay=Pay(150000, "EUR", "year"))
    f = tmp_path / "me.yaml"
    f.write_text(prof.to_yaml(), encoding="utf-8")
    back = read_profile(f, skill_finder=tiny_finder)
    assert back.degrees == prof.degrees
    assert back.years_experience == 6.5
    assert back.titles == prof.titles
    assert back.skills == prof.skills
    assert back.current_pay == Pay(150000.0, "EUR", "year")


def test_yaml_skills_are_normalised_to_taxonomy_ids(tmp_path: Path) -> None:
    f = tmp_path / "me.yml"
    f.write_text("degrees: [bachelor]\nyears_experience: 4\nskills: [Python, AWS, Haskell]\n"
                 "current_pay: 120000\n", encoding="utf-8")
    p = read_profile(f, skill_finder=tiny_finder)
    assert p.skills == ("python", "aws", "haskell")  # unknown skills stay, lower-cased
    assert p.highest_degree == Degree("bachelor", None)
    assert p.current_pay == Pay(120000.0, "USD", "year")


def test_real_resumes_yield_fields(shared: Path) -> None:
    """Local third-party résumés: check only that fields come out, never print contents."""
    root = shared / "data" / "resumes"
    files = sorted((root / "livecareer_sbhawal").rglob("*.pdf"))[:6]
    files += sorted((root / "personal_github_resumes").rglob("*.docx"))[:3]
    files += sorted((root / "personal_github_resumes").rglob("*.pdf"))[:2]
    assert files
    with_years = with_degree = with_skills = 0
    for f in files:
        p = read_profile(f, today=TODAY)
        assert p.source == f.name
        with_years += p.years_experience is not None and 0 < p.years_experience < 50
        with_degree += p.highest_degree is not None
        with_skills += len(p.skills) > 0
    # most real résumés carry dated positions, a degree and some skills
    assert with_years >= len(files) * 0.6
    assert with_degree >= len(files) * 0.6
    assert with_skills >= len(files) * 0.6


def test_default_finder_uses_the_postings_taxonomy(resume_files: dict[str, Path]) -> None:
    from mlepath.extract import find_skills, load_taxonomy

    posting_ids = {m.id for m in find_skills("Python, Go, Java, Docker, Kubernetes, AWS, "
                                             "PostgreSQL", load_taxonomy())}
    assert len(posting_ids) >= 5
    p = read_profile(resume_files["txt"], today=TODAY)
    assert posting_ids <= set(p.skills)  # a résumé skill and a posting skill share an id


def test_json_resume(tmp_path: Path) -> None:
    import json

    doc = {
        "basics": {"label": "Backend Engineer"},
        "work": [
            {"name": "Acme", "position": "Senior Software Engineer", "startDate": "2019-01-01",
             "highlights": ["Python services on Kubernetes"]},  # no endDate: still there
            {"name": "Beta", "position": "Software Developer", "startDate": "2016-03-01",
             "endDate": "2019-06-30"},
        ],
        "education": [{"institution": "U", "studyType": "Master", "area": "Computer Science",
                       "startDate": "2014-09-01", "endDate": "2016-06-01"}],
        "skills": [{"name": "Cloud", "keywords": ["AWS", "Docker"]}],
    }
    f = tmp_path / "resume.json"
    f.write_text(json.dumps(doc), encoding="utf-8")
    p = read_profile(f, today=TODAY, skill_finder=tiny_finder)
    assert p.years_experience == RESUME_YEARS  # Mar 2016 – Jun 2024, education excluded
    assert p.highest_degree == Degree("master", "computer_science")
    assert p.titles == ("Senior Software Engineer", "Software Developer")
    assert set(p.skills) == {"python", "kubernetes", "aws", "docker"}
