"""Turn a résumé file (PDF, DOCX, Markdown, text) into plain text, or say clearly why not."""

from __future__ import annotations

import io
import re
import zipfile
from typing import Any

from mlepath.errors import ProfileError

MAX_BYTES = 50 * 1024 * 1024  # a résumé is kilobytes; 50 MB is a mistake or an attack
RESUME_SUFFIXES = (".pdf", ".docx", ".md", ".markdown", ".txt", ".text", ".json")
PROFILE_SUFFIXES = (".yaml", ".yml")
SUPPORTED = (*RESUME_SUFFIXES, *PROFILE_SUFFIXES)

_MD_MARKUP = re.compile(r"^\s{0,3}(?:#{1,6}\s+|>\s?)|\*\*|__|`|^\s*[-*+]\s+\[.\]\s*", re.MULTILINE)
_MD_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")


def check_size(size: int, name: str) -> None:
    if size == 0:
        raise ProfileError(f"{name} is empty; give a résumé (PDF, DOCX, Markdown, text) or a "
                           "profile YAML with content")
    if size > MAX_BYTES:
        raise ProfileError(f"{name} is {size / 1024 / 1024:.1f} MB, over the 50 MB limit; "
                           "a résumé should be a few hundred KB, export it again without images")


def pdf_text(data: bytes, name: str) -> str:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            # many PDFs are "encrypted" with an empty user password and open anyway
            try:
                opened = bool(reader.decrypt(""))
            except Exception:
                opened = False
            if not opened:
                raise ProfileError(f"{name} is an encrypted PDF; remove the password (print to "
                                   "PDF again) or export the résumé as DOCX or text")
        text = "\n".join((page.extract_text() or "") for page in reader.pages)
    except ProfileError:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, OSError) as exc:
        raise ProfileError(f"{name} is not a readable PDF ({exc}); export it again, or give "
                           "a DOCX or text version") from exc
    if not text.strip():
        raise ProfileError(f"{name} has no text layer (an image-only or scanned PDF); run OCR "
                           "on it or give a DOCX, text or YAML profile instead")
    return text


_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"


def _run_text(el: Any) -> str:
    parts: list[str] = []
    for node in el.iter(f"{_W}t", f"{_W}tab", f"{_W}br", f"{_W}cr"):
        if node.tag == f"{_W}t":
            parts.append(node.text or "")
        else:
            parts.append("\t" if node.tag == f"{_W}tab" else "\n")
    return "".join(parts)


def docx_text(data: bytes, name: str) -> str:
    """Every paragraph in document order, including text boxes and content controls (where
    many résumé templates put everything); a table row becomes one tab-separated line."""
    import docx

    try:
        document = docx.Document(io.BytesIO(data))
    except (zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise ProfileError(f"{name} is not a readable DOCX file; save it again from Word as "
                           ".docx, or give a PDF or text version") from exc
    lines: list[str] = []
    for el in document.element.body.iter(f"{_W}p", f"{_W}tr"):
        ancestors = {a.tag for a in el.iterancestors()}
        if _MC_FALLBACK in ancestors:  # the legacy copy of a text box: already read once
            continue
        if el.tag == f"{_W}tr":
            if f"{_W}tr" in ancestors:
                continue
            cells = [" ".join(_run_text(p) for p in tc.iter(f"{_W}p")).strip()
                     for tc in el.iter(f"{_W}tc")]
            lines.append("\t".join(dict.fromkeys(c for c in cells if c)))  # merged cells repeat
        elif f"{_W}tr" not in ancestors:
            lines.append(_run_text(el))
    text = "\n".join(lines)
    if not text.strip():
        raise ProfileError(f"{name} contains no text; give a résumé with content")
    return text


def plain_text(data: bytes, name: str, markdown: bool) -> str:
    text = data.decode("utf-8", errors="replace").lstrip("\ufeff")
    if markdown:
        text = _MD_LINK.sub(r"\1", text)
        text = _MD_MARKUP.sub("", text)
    if not text.strip():
        raise ProfileError(f"{name} contains only whitespace; give a résumé with content")
    return text


def _month(value: Any) -> str:
    """JSON Resume dates ("2019-01-01", "2019-01", "2019") as text the date-range rules read."""
    text = str(value or "").strip()
    return text[:7] if len(text) >= 7 else text


def jsonresume_text(data: bytes, name: str) -> str:
    """A JSON Resume (jsonresume.org schema) laid out as résumé text with the usual headings, so
    the same reading rules apply to it as to a PDF."""
    import json

    try:
        doc = json.loads(data.decode("utf-8", errors="replace"))
    except json.JSONDecodeError as exc:
        raise ProfileError(f"{name} is not valid JSON (line {exc.lineno}); give a JSON Resume "
                           "(jsonresume.org) or another résumé format") from exc
    if not isinstance(doc, dict) or not ({"basics", "work", "education"} & set(doc)):
        raise ProfileError(f"{name} is not a JSON Resume (no basics/work/education keys); give "
                           "a jsonresume.org document or another résumé format")

    def items(key: str) -> list[dict[str, Any]]:
        value = doc.get(key)
        return [x for x in value if isinstance(x, dict)] if isinstance(value, list) else []

    basics: dict[str, Any] = doc["basics"] if isinstance(doc.get("basics"), dict) else {}
    lines = [str(basics.get("label") or ""), str(basics.get("summary") or ""), "Work Experience"]
    for w in items("work"):
        end = _month(w.get("endDate")) or "Present"
        lines.append(f"{w.get('position') or ''}, {w.get('name') or w.get('company') or ''}  "
                     f"{_month(w.get('startDate'))} - {end}")
        lines.append(str(w.get("summary") or ""))
        lines.extend(str(h) for h in w.get("highlights") or [])
    lines.append("Education")
    for e in items("education"):
        lines.append(f"{e.get('studyType') or ''} in {e.get('area') or ''}, "
                     f"{e.get('institution') or ''}")
    lines.append("Skills")
    for sk in items("skills"):
        keywords = ", ".join(str(k) for k in sk.get("keywords") or [])
        lines.append(f"{sk.get('name') or ''}: {keywords}")
    for pr in items("projects"):
        lines.append(f"{pr.get('name') or ''}: {pr.get('description') or ''} "
                     + ", ".join(str(k) for k in pr.get("keywords") or []))
    return "\n".join(lines)


def resume_text(data: bytes, name: str, suffix: str) -> str:
    """Plain text of a résumé file's bytes, by suffix."""
    if suffix == ".json":
        return jsonresume_text(data, name)
    if suffix == ".pdf":
        return pdf_text(data, name)
    if suffix == ".docx":
        return docx_text(data, name)
    return plain_text(data, name, markdown=suffix in (".md", ".markdown"))
