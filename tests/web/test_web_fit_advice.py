"""Fit, plan and advice: the API returns the library's documents; pages render them."""

from __future__ import annotations

import io
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import docx
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from mlepath.cli import app as cli
from mlepath.store import Store
from mlepath.web import create_app

AssertError = Callable[[Any, int], dict[str, Any]]

RESUME_TEXT = """Jane Doe
Experience
Software Engineer, Acme Corp, Jan 2018 - Present
Built Python and Docker services on AWS.
Education
BS in Computer Science, State University, 2017
Skills: Python, Docker, SQL
"""


def resume_docx() -> bytes:
    document = docx.Document()
    for line in RESUME_TEXT.splitlines():
        document.add_paragraph(line)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def test_fit_reads_an_uploaded_docx_in_memory(client: TestClient, web_store: Store) -> None:
    r = client.post("/api/fit", files={"file": ("cv.docx", resume_docx())},
                    data={"role": "ml_engineer"})
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["profile"]["highest_degree"] == "bachelor"
    assert set(body["profile"]["skills"]) >= {"python", "docker", "sql"}
    assert body["n_postings"] == 5  # the fixture's ML-engineer postings
    ids = {p["id"] for p in body["postings"]}
    assert ids == {"gh:1", "gh:2", "lv:4", "lv:6", "gh:xss"}
    by_id = {p["id"]: p for p in body["postings"]}
    assert by_id["lv:4"]["education"] == "below_minimum"  # master's required, has a BS
    assert "pytorch" in by_id["gh:1"]["required_skills_missing"]
    # Nothing about the person was stored.
    assert web_store.scalar("SELECT count(*) FROM information_schema.tables "
                            "WHERE table_name = 'fit_audits'") == 0  # created on first save


def test_fit_api_is_the_cli_document(web_store_path: Path, tmp_path: Path) -> None:
    cv = tmp_path / "cv.txt"
    cv.write_text(RESUME_TEXT, encoding="utf-8")
    result = CliRunner().invoke(cli, ["fit", str(cv), "--db", str(web_store_path), "--role",
                                      "ml_engineer", "--format", "json"])
    assert result.exit_code == 0, result.output
    with TestClient(create_app(web_store_path)) as c:
        api = c.post("/api/fit", files={"file": ("cv.txt", RESUME_TEXT.encode())},
                     data={"role": "ml_engineer"}).json()
    assert api == json.loads(result.output)


def test_fit_from_profile_fields(client: TestClient) -> None:
    body = client.post("/api/fit", data={"degree": "phd", "years": "1", "skills": "PyTorch",
                                         "role": "ml_engineer"}).json()
    assert body["profile"]["highest_degree"] == "phd"
    assert body["profile"]["skills"] == ["pytorch"]
    assert body["eligible_share"] == 1.0


def test_fit_max_postings_keeps_the_best(client: TestClient) -> None:
    body = client.post("/api/fit", data={"degree": "bachelor", "years": "5",
                                         "skills": "python", "max_postings": "2"}).json()
    assert body["n_postings"] == 7 and len(body["postings"]) == 2
    scores = [p["score"] for p in body["postings"]]
    assert scores == sorted(scores, reverse=True)


def test_fit_errors(client: TestClient, assert_error: AssertError) -> None:
    assert_error(client.post("/api/fit", data={}), 400)
    assert_error(client.post("/api/fit", files={"file": ("cv.exe", b"MZ\x90")}), 415)
    assert_error(client.post("/api/fit", files={"file": ("cv.pdf", b"not a pdf")}), 415)
    assert_error(client.post("/api/fit", data={"skills": "python", "role": "data_analyst"}), 404)


def test_plan_covers_missing_skills(client: TestClient) -> None:
    body = client.post("/api/plan", data={"degree": "bachelor", "years": "3",
                                          "skills": "python", "weeks": "12",
                                          "hours_per_week": "8"}).json()
    assert body["weeks"] == 12 and body["hours_per_week"] == 8
    missing = {m["skill"] for m in body["missing_skills"]}
    assert "pytorch" in missing and "python" not in missing
    assert body["projects"]


def test_advise_ranks_six_paths_with_cited_reasons(client: TestClient) -> None:
    body = client.get("/api/advise", params={"years": 5, "goal": "product",
                                             "employer_has_ml": "true"}).json()
    assert [p["rank"] for p in body["paths"]] == [1, 2, 3, 4, 5, 6]
    assert body["paths"][0]["id"] == "internal-pivot"
    assert all(r["text"] and isinstance(r["evidence"], dict)
               for p in body["paths"] for r in p["reasons"])
    assert body["inputs"]["employer_has_ml"] is True


def test_advise_api_is_the_cli_document(web_store_path: Path) -> None:
    result = CliRunner().invoke(cli, ["advise", "--years", "1", "--goal", "research", "--db",
                                      str(web_store_path), "--format", "json"])
    assert result.exit_code == 0, result.output
    with TestClient(create_app(web_store_path)) as c:
        api = c.get("/api/advise", params={"years": 1, "goal": "research"}).json()
    assert api == json.loads(result.output)


def test_advise_rejects_bad_answers(client: TestClient, assert_error: AssertError) -> None:
    assert_error(client.get("/api/advise", params={"goal": "fame"}), 422)
    assert_error(client.get("/api/advise", params={"math": 9}), 422)


def test_fit_page_shows_audit_and_plan(client: TestClient) -> None:
    r = client.post("/fit", files={"file": ("cv.txt", RESUME_TEXT.encode())},
                    data={"role": "ml_engineer", "weeks": "10", "hours_per_week": "10"})
    assert r.status_code == 200
    assert 'id="fit-result"' in r.text and 'id="plan-form"' in r.text
    # The profile read from the résumé is handed to fit.js (for /api/plan) as escaped YAML.
    assert "years_experience:" in r.text and "- python" in r.text
    assert "&lt;img src=x onerror=alert(1)&gt; ML Engineer" in r.text  # a target title, escaped
    assert "<img src=x" not in r.text


def test_fit_page_shows_a_bad_upload_on_the_form(client: TestClient) -> None:
    r = client.post("/fit", files={"file": ("cv.exe", b"MZ")}, data={"role": "ml_engineer"})
    assert r.status_code == 415
    assert 'id="fit-error"' in r.text and 'id="fit-form"' in r.text


def test_advice_page_lists_paths_and_roi_form(client: TestClient) -> None:
    page = client.get("/advice", params={"years": 5, "goal": "product"}).text
    assert page.count('class="card path"') == 6
    assert 'id="roi-form"' in page and "/static/roi.js" in page


def test_top_postings_equals_sorting_every_posting(web_store: Store) -> None:
    from mlepath.market import Filters
    from mlepath.profile import audit_fit, load_targets, read_profile
    from mlepath.web._api_fit import top_postings

    report = audit_fit(read_profile(RESUME_TEXT.encode(), "cv.txt"),
                       load_targets(web_store, Filters()))
    expected = sorted(report.postings, key=lambda p: -p.score)[:3]
    fresh = audit_fit(read_profile(RESUME_TEXT.encode(), "cv.txt"),
                      load_targets(web_store, Filters()))
    got = top_postings(fresh, 3)
    assert [p.score for p in got] == [p.score for p in expected]
    assert {p.id for p in got} <= {p.id for p in report.postings}
    assert all(g.education == next(p for p in report.postings if p.id == g.id).education
               for g in got)
