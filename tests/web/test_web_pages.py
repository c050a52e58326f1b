"""Server-rendered pages: untrusted text escaped, evidence highlighted, filters applied."""

from __future__ import annotations

from fastapi.testclient import TestClient

from mlepath.web._highlight import Span, highlight


def test_posting_page_escapes_untrusted_html(client: TestClient) -> None:
    page = client.get("/postings/gh:xss").text
    assert "<script>alert" not in page
    assert "&lt;script&gt;alert(&#39;pwned&#39;)&lt;/script&gt;" in page
    assert "<img src=x" not in page and "&lt;img src=x onerror=alert(1)&gt;" in page
    assert "Evil &lt;Corp&gt;" in page
    assert "<b>PyTorch</b>" not in page
    # A javascript: URL is never turned into a link.
    assert 'href="javascript:' not in page


def test_posting_page_highlights_evidence_inside_escaped_text(client: TestClient) -> None:
    page = client.get("/postings/gh:xss").text
    assert ('<mark class="ev" data-fields="min_required" title="min_required">'
            "BS in Computer Science &amp; 3+ years</mark>") in page
    assert ('<mark class="ev" data-fields="skills" title="skills">'
            "&lt;b&gt;PyTorch&lt;/b&gt;</mark>") in page


def test_postings_list_escapes_titles_and_links_each_posting(client: TestClient) -> None:
    page = client.get("/postings").text
    assert "<img src=x" not in page
    assert 'href="/postings/gh%3Axss"' in page or 'href="/postings/gh:xss"' in page
    assert page.count("<tr><td><a href=") == 7


def test_postings_page_filters_and_paginates(client: TestClient) -> None:
    page = client.get("/postings", params={"focus": "research"}).text
    assert "Research Scientist, LLMs" in page and "ML Engineer, Research" in page
    assert "Data Engineer" not in page
    first = client.get("/postings", params={"limit": 5}).text
    assert 'id="next-page"' in first
    assert "offset=5" in first


def test_unknown_posting_page_is_an_html_404(client: TestClient) -> None:
    r = client.get("/postings/none:0", headers={"accept": "text/html"})
    assert r.status_code == 404
    assert r.headers["content-type"].startswith("text/html")
    assert "none:0" in r.text and "Traceback" not in r.text


def test_plotly_is_served_locally(client: TestClient) -> None:
    r = client.get("/vendor/plotly.min.js")
    assert r.status_code == 200
    assert r.headers["content-type"].startswith("text/javascript")
    assert b"plotly.js" in r.content[:200]


def test_highlight_merges_overlapping_spans() -> None:
    text = "a <degree> and years"
    out = str(highlight(text, [Span(2, 10, "min_required"), Span(2, 20, "experience")]))
    assert out == ('a <mark class="ev" data-fields="experience min_required" '
                   'title="experience min_required">&lt;degree&gt;</mark>'
                   '<mark class="ev" data-fields="experience" title="experience">'
                   " and years</mark>")


def test_highlight_ignores_spans_outside_the_text() -> None:
    assert str(highlight("x<y", [Span(1, 99, "f"), Span(-1, 2, "g")])) == "x&lt;y"


def test_blank_form_fields_mean_no_filter_on_pages(client: TestClient) -> None:
    page = client.get("/advice?years=&goal=product&math=&budget=&employer_has_ml=&risk=")
    assert page.status_code == 200
    listing = client.get("/postings?q=&role=&focus=research&min_required=&date_from=")
    assert listing.status_code == 200 and "Research Scientist, LLMs" in listing.text
    assert "Data Engineer" not in listing.text
