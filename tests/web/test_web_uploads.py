"""Extract, ingest and ROI endpoints; upload limits and type checks."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pytest
from fastapi.testclient import TestClient

from mlepath.store import Store
from mlepath.web import create_app
from mlepath.web._errors import ApiError
from mlepath.web._security import POSTINGS_KINDS, RESUME_KINDS, check_upload

POSTINGS_JSONL = "\n".join(json.dumps(r) for r in [
    {"id": "u1", "title": "Machine Learning Engineer", "company": "Upload Co",
     "description": "Requirements:\n- PhD in Computer Science or a related field.\n"
                    "- 2+ years of PyTorch."},
    {"id": "u2", "title": "Data Analyst", "company": "Upload Co",
     "description": "Requirements:\n- BS in Statistics.\n- SQL."},
]) + "\n"

AssertError = Callable[[Any, int], dict[str, Any]]


def test_extract_returns_the_extract_document(client: TestClient) -> None:
    text = "Requirements:\n- MS in Computer Science required.\n- 5+ years of Python."
    body = client.post("/api/extract", json={"text": text, "title": "ML Engineer"}).json()
    assert body["education"]["min_required"] == "master"
    assert body["experience_min_years"] == 5
    ev = body["evidence"]["min_required"][0]
    assert text[ev["start"]:ev["end"]] == ev["text"]
    assert set(body) >= {"education", "experience_min_years", "role", "seniority", "skills",
                         "salary", "evidence", "extractor_version"}


def test_extract_without_text_is_422(assert_error: AssertError, client: TestClient) -> None:
    assert_error(client.post("/api/extract", json={"title": "x"}), 422)
    assert_error(client.post("/api/extract", content=b"not json",
                             headers={"content-type": "application/json"}), 422)


def test_ingest_needs_a_writable_server(assert_error: AssertError, client: TestClient) -> None:
    r = client.post("/api/ingest", files={"file": ("p.jsonl", POSTINGS_JSONL.encode())})
    assert "--writable" in assert_error(r, 409)["error"]


def test_ingest_stores_and_extracts_an_upload() -> None:
    store = Store.memory()
    with TestClient(create_app(store, writable=True)) as c:
        r = c.post("/api/ingest", files={"file": ("../../etc/p.jsonl", POSTINGS_JSONL.encode())})
        assert r.status_code == 200, r.text
        body = r.json()
        assert (body["read"], body["stored"], body["extracted"]) == (2, 2, 2)
        again = c.post("/api/ingest", files={"file": ("p.jsonl", POSTINGS_JSONL.encode())}).json()
        assert (again["stored"], again["unchanged"]) == (0, 2)
        found = c.get("/api/postings", params={"min_required": "phd"}).json()
    assert [p["title"] for p in found["postings"]] == ["Machine Learning Engineer"]
    assert store.count_postings() == 2


def test_upload_over_the_limit_is_413(assert_error: AssertError) -> None:
    with TestClient(create_app(Store.memory(), writable=True, max_upload_bytes=1000)) as c:
        big = b'{"id": "x", "description": "' + b"a" * 5000 + b'"}\n'
        assert_error(c.post("/api/ingest", files={"file": ("p.jsonl", big)}), 413)
        # A body far over the cap is refused before it is parsed.
        assert_error(c.post("/api/extract", content=b"x" * 200_000,
                            headers={"content-type": "application/json"}), 413)


@pytest.mark.parametrize(("name", "data"), [
    ("p.exe", b"MZ\x90\x00"),
    ("p.jsonl", b"%PDF-1.7 binary"),  # fine magic for PDF, wrong for JSON text
    ("p.parquet", b'{"id": 1}'),  # not Parquet bytes
    ("noextension", b'{"id": 1}'),
])
def test_wrong_upload_type_is_415(assert_error: AssertError, name: str, data: bytes) -> None:
    with TestClient(create_app(Store.memory(), writable=True)) as c:
        assert_error(c.post("/api/ingest", files={"file": (name, data)}), 415)


def test_check_upload_accepts_by_extension_and_magic() -> None:
    assert check_upload("cv.pdf", b"%PDF-1.4 ...", RESUME_KINDS, 100).kind == "pdf"
    assert check_upload("C:\\Users\\me\\cv.docx", b"PK\x03\x04rest", RESUME_KINDS, 100).suffix \
        == ".docx"
    assert check_upload("a.CSV", "ville,é\n".encode(), POSTINGS_KINDS, 100).kind == "csv"
    with pytest.raises(ApiError) as exc:
        check_upload("cv.docx", b"%PDF-1.4", RESUME_KINDS, 100)
    assert exc.value.status == 415
    with pytest.raises(ApiError) as exc:
        check_upload("cv.txt", b"", RESUME_KINDS, 100)
    assert exc.value.status == 400
    with pytest.raises(ApiError) as exc:
        check_upload("cv.txt", b"x" * 101, RESUME_KINDS, 100)
    assert exc.value.status == 413


def test_roi_returns_the_roi_document(client: TestClient) -> None:
    params = {"path": "masters-full-time", "current_pay": 180000, "target_pay": 210000,
              "tuition": 60000}
    body = client.get("/api/roi", params=params).json()
    assert body["path"] == "masters-full-time" and body["baseline"] == "stay"
    assert body["inputs"]["tuition"] == 60000
    assert isinstance(body["npv"], float) and body["sensitivity"]
    # More tuition never raises NPV; a bigger raise never lowers it.
    pricier = client.get("/api/roi", params={**params, "tuition": 120000}).json()
    assert pricier["npv"] < body["npv"]
    richer = client.get("/api/roi", params={**params, "target_pay": 300000}).json()
    assert richer["npv"] > body["npv"]


def test_roi_rejects_bad_inputs(assert_error: AssertError, client: TestClient) -> None:
    assert_error(client.get("/api/roi", params={"path": "lottery"}), 422)
    assert_error(client.get("/api/roi", params={"p_land": 2}), 422)
    assert_error(client.get("/api/roi", params={"monte_carlo": 10**9}), 422)


def test_paths_lists_six_paths(client: TestClient) -> None:
    ids = [p["id"] for p in client.get("/api/paths").json()["paths"]]
    assert ids == ["internal-pivot", "self-study", "bootcamp", "masters-part-time",
                   "masters-full-time", "phd"]
