"""Market endpoints return the CLI's JSON documents; click-through lists a figure's postings."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from mlepath.cli import app as cli
from mlepath.web import create_app


def test_report_counts_the_fixture(client: TestClient) -> None:
    body = client.get("/api/report").json()
    assert body["n"] == 7
    figures = {(f["metric"], json.dumps(f["by"], sort_keys=True)): f for f in body["figures"]}
    phd = figures[("min_required=phd", "{}")]
    assert (phd["count"], phd["n"]) == (1, 7)
    research_phd = figures[("min_required=phd", '{"ml_focus": "research"}')]
    assert (research_phd["count"], research_phd["n"]) == (1, 2)


def test_report_filters(client: TestClient) -> None:
    assert client.get("/api/report", params={"focus": "research"}).json()["n"] == 2
    body = client.get("/api/report", params={"role": "ml_engineer", "seniority": "junior"}).json()
    assert body["n"] == 1
    assert body["filters"] == {"role": "ml_engineer", "seniority": "junior"}


def test_report_and_claims_are_the_cli_documents(web_store_path: Path) -> None:
    runner = CliRunner()
    cli_report = runner.invoke(cli, ["report", "--db", str(web_store_path), "--role",
                                     "ml_engineer", "--format", "json"])
    assert cli_report.exit_code == 0, cli_report.output
    cli_claims = runner.invoke(cli, ["claims", "--db", str(web_store_path), "--format", "json"])
    assert cli_claims.exit_code == 0, cli_claims.output
    with TestClient(create_app(web_store_path)) as c:
        assert c.get("/api/report", params={"role": "ml_engineer"}).json() == \
            json.loads(cli_report.output)
        assert c.get("/api/claims").json() == json.loads(cli_claims.output)


@pytest.mark.parametrize(("metric", "by", "extra"), [
    ("min_required=phd", {}, {}),
    ("min_required>=master", {"ml_focus": "research"}, {"focus": "research"}),
    ("preferred=master", {}, {}),
    ("equivalent_experience_ok", {}, {}),
    ("skill=python", {}, {}),
    ("experience=3-4", {"seniority": "senior"}, {"seniority": "senior"}),
])
def test_click_through_lists_exactly_the_postings_a_figure_counts(
        client: TestClient, metric: str, by: dict[str, str], extra: dict[str, str]) -> None:
    report = client.get("/api/report").json()
    figure = next(f for f in report["figures"] if f["metric"] == metric and f["by"] == by)
    listed = client.get("/api/postings", params={"metric": metric, **extra}).json()
    assert listed["n"] == figure["count"] > 0


def test_unknown_metric_is_a_clear_400(client: TestClient, assert_error) -> None:  # type: ignore[no-untyped-def]
    body = assert_error(client.get("/api/postings", params={"metric": "vibes=good"}), 400)
    assert "vibes" in body["error"]


def test_market_page_embeds_the_report_safely(client: TestClient) -> None:
    page = client.get("/market", params={"focus": "research"}).text
    assert 'id="report-data"' in page
    data = page.split('id="report-data">', 1)[1].split("</script>", 1)[0]
    assert json.loads(data)["n"] == 2
    assert "<img src=x" not in page  # titles in the report JSON are escaped for HTML
    assert '<option value="research" selected>' in page


def test_market_page_source_filter(client: TestClient) -> None:
    page = client.get("/market", params={"source": "lever"}).text
    data = page.split('id="report-data">', 1)[1].split("</script>", 1)[0]
    assert json.loads(data)["n"] == 3
    assert 'name="source" id="f-source" value="lever"' in page
