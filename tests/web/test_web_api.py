"""JSON API over the fixture store: shapes, filters, errors, headers."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from mlepath.store import Store
from mlepath.web import create_app

AssertError = Callable[[Any, int], dict[str, Any]]


def test_stats_counts_the_fixture(client: TestClient) -> None:
    body = client.get("/api/stats").json()
    assert body["postings"] == 7
    assert body["by_source"] == {"greenhouse": 4, "lever": 3}
    assert body["writable"] is False


def test_postings_are_newest_first_with_total(client: TestClient) -> None:
    body = client.get("/api/postings", params={"limit": 3}).json()
    assert body["n"] == 7 and body["limit"] == 3 and body["offset"] == 0
    assert [p["id"] for p in body["postings"]] == ["lv:6", "gh:2", "gh:xss"]
    assert set(body["postings"][0]) == {"id", "title", "company", "location", "remote",
                                        "posted_at", "source"}
    assert body["postings"][0]["posted_at"] == "2025-03-10"


def test_postings_page_two(client: TestClient) -> None:
    body = client.get("/api/postings", params={"limit": 3, "offset": 6}).json()
    assert [p["id"] for p in body["postings"]] == ["lv:5"]


@pytest.mark.parametrize(("params", "expected"), [
    ({"role": "research_scientist"}, {"gh:3"}),
    ({"focus": "research"}, {"gh:3", "lv:4"}),
    ({"min_required": "phd"}, {"gh:3"}),
    ({"preferred": "phd"}, {"gh:2", "lv:4"}),
    ({"skill": "kubernetes"}, {"gh:2"}),
    ({"q": "acme"}, {"gh:1", "gh:2"}),
    ({"q": "100%"}, set()),  # LIKE wildcards are literal
    ({"location": "ca"}, {"gh:1"}),
    ({"remote": "true"}, {"gh:2"}),
    ({"date_from": "2025-03-01", "date_to": "2025-03-05"}, {"gh:1", "gh:2", "gh:xss"}),
    ({"role": "ml_engineer", "seniority": "junior"}, {"lv:6"}),
])
def test_posting_filters(client: TestClient, params: dict[str, str], expected: set[str]) -> None:
    body = client.get("/api/postings", params=params).json()
    assert {p["id"] for p in body["postings"]} == expected
    assert body["n"] == len(expected)


def test_posting_detail_has_text_and_requirements(client: TestClient) -> None:
    body = client.get("/api/postings/gh:3").json()
    assert body["posting"]["title"] == "Research Scientist, LLMs"
    assert "PhD in Machine Learning" in body["posting"]["description_text"]
    assert "raw" not in body["posting"]
    req = body["requirements"]
    assert req["id"] == "gh:3"
    assert req["education"]["min_required"] == "phd"
    assert req["role"] == {"family": "research_scientist", "ml_focus": "research"}
    ev = req["evidence"]["min_required"][0]
    assert body["posting"]["description_text"][ev["start"]:ev["end"]] == ev["text"]


def test_unknown_posting_is_404_in_the_error_shape(assert_error: AssertError, client: TestClient) -> None:
    body = assert_error(client.get("/api/postings/nope:1"), 404)
    assert "nope:1" in body["error"]


def test_bad_parameter_is_422_in_the_error_shape(assert_error: AssertError, client: TestClient) -> None:
    body = assert_error(client.get("/api/postings", params={"role": "wizard"}), 422)
    assert "role" in body["error"]
    assert_error(client.get("/api/postings", params={"limit": 0}), 422)
    assert_error(client.get("/api/postings", params={"date_from": "2025-05-01",
                                                      "date_to": "2025-01-01"}), 422)


def test_unknown_route_and_method(assert_error: AssertError, client: TestClient) -> None:
    assert_error(client.get("/api/nothing-here"), 404)
    assert_error(client.delete("/api/stats"), 405)


def test_unexpected_error_hides_the_traceback(assert_error: AssertError, web_store: Store) -> None:
    app = create_app(web_store)

    @app.get("/api/boom")
    def boom() -> None:
        raise RuntimeError("secret internals /etc/passwd")

    with TestClient(app, raise_server_exceptions=False) as c:
        response = c.get("/api/boom")
        body = assert_error(response, 500)
    assert "secret" not in body["error"] and "passwd" not in body["error"]
    assert "frame-ancestors 'none'" in response.headers["content-security-policy"]


@pytest.mark.parametrize("path", ["/api/stats", "/postings", "/docs", "/api/nothing",
                                  "/static/app.css"])
def test_security_headers_on_every_response(client: TestClient, path: str) -> None:
    headers = client.get(path).headers
    csp = headers["content-security-policy"]
    assert "script-src 'self'" in csp and "frame-ancestors 'none'" in csp
    assert "unsafe-eval" not in csp
    assert "script-src 'self';" in csp  # no inline script: unsafe-inline only for style attributes
    assert "default-src 'self'" in csp and "object-src 'none'" in csp
    assert headers["x-content-type-options"] == "nosniff"


def test_openapi_lists_the_api(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    assert {"/api/postings", "/api/postings/{posting_id}", "/api/stats"} <= set(spec["paths"])
    assert not any(p.startswith("/postings") for p in spec["paths"])  # pages stay out


def test_docs_page_is_local(client: TestClient) -> None:
    page = client.get("/docs").text
    assert "/api/postings" in page
    # Every script, stylesheet and link points at this server.
    assert re.findall(r'(?:src|href)="([^"]*)"', page)
    assert all(u.startswith("/") for u in re.findall(r'(?:src|href)="([^"]*)"', page))


def test_a_store_file_is_opened_read_only(web_store_path: Path) -> None:
    with TestClient(create_app(web_store_path)) as c:
        assert c.get("/api/stats").json()["postings"] == 7
        # A second reader (e.g. the CLI) can open the same file meanwhile.
        with Store(web_store_path, read_only=True) as other:
            assert other.count_postings() == 7


def test_missing_store_file_says_how_to_create_one(tmp_path: Path) -> None:
    from mlepath.errors import StoreError

    with pytest.raises(StoreError, match="mlepath ingest"), \
            TestClient(create_app(tmp_path / "absent.duckdb")):
        pass


def test_every_api_operation_is_documented(client: TestClient) -> None:
    """A new route fails here until docs/web.md describes it."""
    docs = (Path(__file__).resolve().parents[2] / "docs" / "web.md").read_text(encoding="utf-8")
    spec = client.get("/openapi.json").json()
    for path, methods in spec["paths"].items():
        for method in methods:
            assert f"`{method.upper()} {path}`" in docs, f"{method.upper()} {path}"
