"""Helpers for the fit-audit tests: résumé files built with the real libraries, a tiny skill finder."""

from __future__ import annotations

import io
import re
from datetime import date
from typing import Any

TODAY = date(2024, 6, 15)

# The résumé every format test writes: 2 jobs overlapping by 6 months, education dates that
# must not count. Experience: Jan 2019–Jun 2024 (66 months) ∪ Mar 2016–Jun 2019 (40 months,
# 6 of them overlapping) = Mar 2016–Jun 2024 = 100 months = 8.3 years.
RESUME_LINES = [
    "Alex Example",
    "alex@example.com",
    "Summary",
    "Backend engineer who ships reliable services.",
    "Work Experience",
    "Senior Software Engineer, Acme Corp    Jan 2019 – Present",
    "Built Python and Go microservices on Kubernetes and AWS.",
    "Software Developer | Beta Systems | 03/2016 - 06/2019",
    "Java services, Docker, PostgreSQL.",
    "Education",
    "Master of Science in Computer Science, Big University, 2014 - 2016",
    "Bachelor of Science in Mathematics, Small College, 2010 - 2014",
    "Skills",
    "Python, Go, Java, Docker, Kubernetes, AWS, PostgreSQL",
]
RESUME_YEARS = 8.3

_TINY = {"python": ("Python", "programming_language"), "go": ("Go", "programming_language"),
         "java": ("Java", "programming_language"), "docker": ("Docker", "mlops"),
         "kubernetes": ("Kubernetes", "mlops"), "aws": ("AWS", "cloud"),
         "postgresql": ("PostgreSQL", "data_engineering"), "pytorch": ("PyTorch", "ml_framework")}
_TINY_RE = re.compile(r"\b(" + "|".join(_TINY) + r")\b", re.IGNORECASE)


def tiny_finder(text: str) -> list[tuple[str, str, str]]:
    """A skill finder independent of the shipped taxonomy, so tests pin behaviour, not data."""
    out = []
    for m in _TINY_RE.finditer(text):
        sid = m.group(1).lower()
        out.append((sid, *_TINY[sid]))
    return out


def pdf_bytes(lines: list[str], *, encrypt: Any = None, text: bool = True) -> bytes:
    from reportlab.lib.pagesizes import letter
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=letter, encrypt=encrypt)
    y = 750
    for line in lines:
        if text:
            c.setFont("Helvetica-Bold" if len(line.split()) <= 2 else "Helvetica", 10)
            c.drawString(60, y, line)
        else:  # an "image-only" page: shapes, no text layer
            c.rect(60, y, 300, 8, fill=1)
        y -= 16
    c.showPage()
    c.save()
    return buf.getvalue()


def docx_bytes(lines: list[str], *, table_rows: list[list[str]] | None = None) -> bytes:
    import docx

    d = docx.Document()
    for line in lines:
        if line in ("Work Experience", "Education", "Skills", "Summary"):
            d.add_heading(line, level=1)
        else:
            d.add_paragraph(line)
    if table_rows:
        table = d.add_table(rows=len(table_rows), cols=len(table_rows[0]))
        for r, row in enumerate(table_rows):
            for k, cell in enumerate(row):
                table.cell(r, k).text = cell
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


