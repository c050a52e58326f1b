"""HTML → text that keeps the structure extraction needs, and plain-text normalisation.

Headings, paragraphs and other block elements become their own lines; list items become
``- item`` lines; entities are unescaped and whitespace is folded inside each line. So
``<h3>Minimum qualifications</h3><ul><li>BS in CS</li></ul>`` becomes::

    Minimum qualifications
    - BS in CS
"""

from __future__ import annotations

import re

from selectolax.lexbor import LexborHTMLParser, LexborNode

# Elements whose content starts and ends a line (HTML "block" and table-ish elements).
_BLOCK = frozenset({
    "address", "article", "aside", "blockquote", "body", "caption", "center", "dd", "details",
    "dialog", "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form",
    "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "html", "legend", "main",
    "menu", "nav", "ol", "p", "pre", "section", "summary", "table", "tbody", "td", "tfoot",
    "th", "thead", "tr", "ul",
})
# Elements whose content is never visible text.
_SKIP = frozenset({"script", "style", "head", "noscript", "template", "svg", "iframe", "object",
                   "-comment", "title", "meta", "link"})
_BREAK = "\x00"  # a line break we emit; newlines in the HTML source are only whitespace
_SPACES = re.compile(r"[ \t\f\v\u00a0\u2000-\u200b\u202f\u205f\u3000]+")
# Bullet characters people type in plain-text postings: "• item", "* item", "· item".
_BULLET_CHARS = frozenset("•·●▪◦‣∙*")


def html_to_text(html: str) -> str:
    """Readable text from an HTML fragment or page, one block per line, bullets as ``- item``.

    >>> html_to_text("<h3>Minimum qualifications</h3><ul><li>BS &amp; 3 years</li></ul>")
    'Minimum qualifications\\n- BS & 3 years'
    """
    if not html or not html.strip():
        return ""
    tree = LexborHTMLParser(html)
    root = tree.body if tree.body is not None else tree.root
    if root is None:
        return ""
    parts: list[str] = []
    _walk(root, parts)
    return _fold_lines("".join(parts).split(_BREAK))


def _walk(node: LexborNode, out: list[str]) -> None:
    for child in node.iter(include_text=True):
        tag = child.tag
        if tag == "-text":
            out.append((child.text(deep=False) or "").replace("\x00", "").replace("\n", " "))
        elif tag in _SKIP:
            continue
        elif tag == "br":
            out.append(_BREAK)
        elif tag == "li":
            out.append(_BREAK + "- ")
            _walk(child, out)
            out.append(_BREAK)
        elif tag == "pre":
            out.append(_BREAK + (child.text() or "").replace("\n", _BREAK) + _BREAK)
        elif tag in _BLOCK:
            out.append(_BREAK)
            _walk(child, out)
            out.append(_BREAK)
        else:  # inline: b, strong, span, a, em, ...
            _walk(child, out)


def _fold_lines(lines: list[str]) -> str:
    kept: list[str] = []
    for line in lines:
        folded = _SPACES.sub(" ", line).strip()
        if folded and folded != "-":
            # an inline list marker followed by an empty first child gives "-  text"; tidy it
            kept.append(folded)
    return "\n".join(kept)


def normalise_text(text: str) -> str:
    """Plain text folded the way ``html_to_text`` folds HTML, keeping paragraph breaks.

    Spaces fold inside each line, typed bullets (``•``, ``*``, ``·``) become ``- ``, line ends
    become ``\\n`` and runs of blank lines shrink to one. ``str.split``/``join`` rather than
    regexes: this runs on every posting of a 100k ingest, and regex substitution per space is
    several times slower.
    """
    if not text:
        return ""
    stripped = text.strip()
    if _already_folded(stripped):
        # most scraped texts only need their blank-line runs shortened: skip the line loop
        return _fold_blank_runs(stripped)
    return _normalise_lines(text)


def _already_folded(text: str) -> bool:
    """True when the line loop would change nothing but blank-line runs: no whitespace other
    than spaces and ``\\n``, no double spaces, no spaces at line edges, no bullets."""
    return ("  " not in text and " \n" not in text and "\n " not in text
            and only_spaces_and_newlines(text)
            and text[:1] not in _BULLET_CHARS
            and not any(c in text and "\n" + c in text for c in _BULLET_CHARS))


# The ASCII characters ``str.split``/``str.splitlines`` treat as whitespace or line ends,
# besides " " and "\n".
_ASCII_SPACES = ("\t", "\r", "\x0b", "\x0c", "\x1c", "\x1d", "\x1e", "\x1f")


def only_spaces_and_newlines(text: str) -> bool:
    """True only if ``text`` has no whitespace but " " and "\\n" (as ``str.split`` defines it).

    Exact for ASCII text (``isascii`` is O(1) in CPython; then eight single-character
    searches). Other text is checked with ``isprintable``, which is False for every non-ASCII
    space (NBSP, U+2028, ...) and also for a few non-space control characters: a conservative
    False only sends the text down the slow path, which gives the same result.
    """
    if text.isascii():
        return not any(c in text for c in _ASCII_SPACES)
    return text.replace("\n", " ").isprintable()


def _fold_blank_runs(text: str) -> str:
    while "\n\n\n" in text:  # str.replace beats a regex here: matches are few, text is long
        text = text.replace("\n\n\n", "\n\n")
    return text


def _normalise_lines(text: str) -> str:
    out: list[str] = []
    blank = True  # drops leading blank lines
    for line in text.splitlines():
        words = line.split()
        if not words:
            if not blank:
                out.append("")
                blank = True
            continue
        blank = False
        first = words[0]
        if first[0] in _BULLET_CHARS and not first.startswith("**"):
            rest = first[1:]
            words[0] = "- " + rest if rest else "-"
        out.append(" ".join(words))
    if out and not out[-1]:
        out.pop()
    return "\n".join(out)
