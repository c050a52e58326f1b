"""Plain text or Markdown: one posting per file.

The title is the first Markdown heading (``# Senior ML Engineer``) or, failing that, the first
non-empty line. The id is a hash of the text, so it is the same on every run.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from pathlib import Path

from ._html import normalise_text
from ._posting import Posting
from ._records import OnError, SkipRecord, check_size, convert_all, make_posting, read_text

SOURCE = "text"


def read(path: str | Path, *, on_error: OnError | None = None, encoding: str = "utf-8",
         mapping: Mapping[str, str] | None = None) -> Iterator[Posting]:
    """The one posting in a ``.txt`` / ``.md`` file (``mapping`` is ignored)."""
    path = Path(path)
    return convert_all([(1, read_text(path, encoding))], _convert(path), str(path), on_error)


def _convert(path: Path) -> Callable[[str], Posting]:
    def convert(body: str) -> Posting:
        check_size(body)
        text = normalise_text(body)
        if not text:
            raise SkipRecord("empty description (the file has no text)")
        lines = [line for line in text.split("\n") if line.strip()]
        headings = [line.lstrip("#").strip() for line in lines if line.startswith("#")]
        title = headings[0] if headings else lines[0][:200]
        return make_posting(SOURCE, text, title=title, raw={"file": path.name})

    return convert
