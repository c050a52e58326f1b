"""Fixtures for the fit audit tests (helpers live in fit_helpers.py)."""

from __future__ import annotations

from pathlib import Path

import pytest
from fit_helpers import RESUME_LINES, docx_bytes, pdf_bytes


@pytest.fixture
def resume_files(tmp_path: Path) -> dict[str, Path]:
    """The same résumé as PDF, DOCX, Markdown and text."""
    files = {
        "pdf": tmp_path / "cv.pdf",
        "docx": tmp_path / "cv.docx",
        "md": tmp_path / "cv.md",
        "txt": tmp_path / "cv.txt",
    }
    files["pdf"].write_bytes(pdf_bytes(RESUME_LINES))
    files["docx"].write_bytes(docx_bytes(RESUME_LINES))
    md = ["# " + RESUME_LINES[0]] + [
        f"## {line}" if line in ("Work Experience", "Education", "Skills", "Summary")
        else f"- **{line}**" if "–" in line or "|" in line else line
        for line in RESUME_LINES[1:]]
    files["md"].write_text("\n".join(md), encoding="utf-8")
    files["txt"].write_text("\n".join(RESUME_LINES), encoding="utf-8")
    return files
