"""End to end in a real headless Chromium (Debian's /usr/bin/chromium, never downloaded).

A uvicorn server on a free 127.0.0.1 port serves a fixture store from a thread; Playwright
drives the browser as a user would. Waits use ``expect`` (not ``wait_for_function``, which
evaluates a string: the app's CSP forbids that, as it should). Each test saves a screenshot under test-artifacts/ and
fails on any page error or any Content-Security-Policy violation of script-src.
"""

from __future__ import annotations

import io
import re
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import docx
import httpx
import pytest
import uvicorn

from mlepath.web import create_app

pytestmark = pytest.mark.browser
playwright_api = pytest.importorskip("playwright.sync_api")
expect = playwright_api.expect

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--no-first-run", "--disable-sync"]
TIMEOUT_MS = 15_000  # generous: CI machines are shared
expect.set_options(timeout=TIMEOUT_MS)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def base_url(browser_store_path: Path) -> Iterator[str]:
    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(browser_store_path), host="127.0.0.1",
                                           port=port,
                                           log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("the test server did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    if not CHROMIUM.exists():
        pytest.skip("Debian chromium is not installed (.ci/run installs it: apt-get install "
                    "chromium)")
    with playwright_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS, headless=True)
        yield b
        b.close()


@pytest.fixture
def page(browser: Any, request: pytest.FixtureRequest) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    pg = context.new_page()
    pg.set_default_timeout(TIMEOUT_MS)
    problems: list[str] = []
    pg.on("pageerror", lambda exc: problems.append(f"page error: {exc}"))
    pg.on("dialog", lambda dialog: (problems.append(f"dialog: {dialog.message}"),
                                    dialog.dismiss()))
    pg.on("console", lambda msg: problems.append(f"console: {msg.text}")
          if msg.type == "error" and "script-src" in msg.text else None)
    yield pg
    ARTIFACTS.mkdir(exist_ok=True)
    pg.screenshot(path=str(ARTIFACTS / f"{request.node.name}.png"), full_page=True)
    context.close()
    assert not problems, problems


def test_market_filter_updates_figures_in_place(page: Any, base_url: str) -> None:
    page.goto(f"{base_url}/market")
    page.wait_for_selector("#chart-degree .main-svg")
    page.wait_for_selector("#kpis .card")
    before_n = page.inner_text("#market-n")
    before_card = page.inner_text("#kpis .card >> nth=0")
    assert before_n == "67"
    page.evaluate("window.stillThisDocument = true")  # gone if the page reloads
    page.select_option("#f-focus", "research")
    expect(page.locator("#market-n")).not_to_have_text("67")
    after_n = int(page.inner_text("#market-n"))
    assert 0 < after_n < 67
    assert page.inner_text("#kpis .card >> nth=0") != before_card
    assert "focus=research" in page.url  # the URL follows the filters, without a reload
    assert page.evaluate("window.stillThisDocument === true")


def test_market_figure_clicks_through_to_its_postings(page: Any, base_url: str) -> None:
    page.goto(f"{base_url}/market?role=ml_engineer")
    card = page.locator("#kpis .card").first
    page.wait_for_selector("#kpis .card")
    count = int(re.search(r"· (\d+) of", card.inner_text()).group(1))  # type: ignore[union-attr]
    card.click()
    page.wait_for_url(re.compile(r"/postings\?.*metric="))
    assert int(page.inner_text("#postings-total").replace(",", "")) == count
    assert "role=ml_engineer" in page.url


def test_postings_search_and_evidence_highlight(page: Any, base_url: str) -> None:
    page.goto(f"{base_url}/postings")
    page.fill("input[name=q]", "research")
    page.click("#postings-form button[type=submit]")
    page.wait_for_url(re.compile(r"q=research"))
    titles = page.locator("#postings-table tbody a").all_inner_texts()
    assert titles and all("research" in t.lower() for t in titles)
    page.goto(f"{base_url}/postings/gh:xss")
    page.wait_for_selector("#posting-text mark.ev")
    # The posting's <script> is shown as text, never run (a dialog would fail the test).
    assert "<script>alert('pwned')</script>" in page.inner_text("#posting-text")
    assert page.locator("#posting-text script").count() == 0
    marked = page.locator("#posting-text mark.ev").all_inner_texts()
    assert "<b>PyTorch</b>" in marked
    assert page.inner_text("#posting-text").startswith("About us: <script>")


def test_fit_upload_of_a_docx_resume(page: Any, base_url: str, tmp_path: Path) -> None:
    document = docx.Document()
    for line in ("Jane Doe", "Software Engineer, Acme, Jan 2019 - Present",
                 "BS in Computer Science, 2018", "Skills: Python, Docker, SQL"):
        document.add_paragraph(line)
    buffer = io.BytesIO()
    document.save(buffer)
    page.goto(f"{base_url}/fit")
    page.set_input_files("#fit-file", files=[{
        "name": "resume.docx", "buffer": buffer.getvalue(),
        "mimeType": "application/vnd.openxmlformats-officedocument.wordprocessingml.document"}])
    page.click("#fit-submit")
    page.wait_for_selector("#fit-result")
    assert re.fullmatch(r"\d+%", page.inner_text("#fit-eligible"))
    assert "bachelor" in page.inner_text("#fit-result .meta")
    assert page.locator("#fit-postings tbody tr").count() > 0
    page.wait_for_selector("#plan-projects li")  # the plan arrives after the page (fit.js)
    assert "weeks" in page.inner_text("#plan-projects li >> nth=0")


def _npv_text(base_url: str, **params: Any) -> str:
    """What the calculator should show: the API's NPV, formatted as roi.js formats money."""
    npv = httpx.get(f"{base_url}/api/roi", params=params).json()["npv"]
    return f"{'−' if npv < 0 else ''}${abs(round(npv)):,}"


def test_roi_slider_recomputes_npv_without_reload(page: Any, base_url: str) -> None:
    page.goto(f"{base_url}/advice?years=5&goal=product&current_pay=150000&target_pay=190000")
    expect(page.locator("#roi-npv")).to_contain_text("$")
    page.evaluate("window.stillThisDocument = true")  # gone if the page reloads
    page.select_option("#roi-path", "masters-full-time")
    same = {"path": "masters-full-time", "current_pay": 150000, "target_pay": 190000,
            "horizon_years": 10, "years": 5}
    expect(page.locator("#roi-npv")).to_have_text(
        _npv_text(base_url, **same, discount_rate=0.05))
    page.wait_for_selector("#roi-tornado .main-svg")
    slider = page.locator("#roi-discount")
    slider.focus()
    for _ in range(6):  # the arrow keys move the slider as a user would: 5% -> 8%
        page.keyboard.press("ArrowRight")
    expect(page.locator("#roi-discount-out")).to_have_text("8.0%")
    expect(page.locator("#roi-npv")).to_have_text(_npv_text(base_url, **same,
                                                             discount_rate=0.08))
    page.locator("#roi-tuition").fill("150000")
    expect(page.locator("#roi-assumptions")).to_contain_text("$150,000")
    assert page.evaluate("window.stillThisDocument === true")


def test_api_docs_page(page: Any, base_url: str) -> None:
    page.goto(f"{base_url}/docs")
    assert page.locator(".op").count() >= 10
    assert "/api/report" in page.inner_text("main")
