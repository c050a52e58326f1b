"""``SOURCES`` (format name → reader), format detection and ``read_path`` over files and folders.

Detection looks at the file name first and then at the content: a CSV's header row (JobSpy
columns, a dataset preset, else a generic table), a JSON document's shape (Greenhouse
``jobs[]`` with ``absolute_url``, Ashby ``apiVersion``/``jobUrl``, a Lever list with
``hostedUrl``, a JobSpy list with ``site``/``job_url``, else flat records), or an HTML page.
"""

from __future__ import annotations

import csv
import gzip
import io
from collections.abc import Iterator, Mapping
from pathlib import Path

from mlepath.errors import SourceError

from . import ashby, greenhouse, jobspy, jsonld_html, lever, presets, tabular, text
from ._posting import Posting
from ._records import BadRecord, OnError, Reader, report

SOURCES: dict[str, Reader] = {
    "ashby": ashby.read,
    "csv": tabular.read_csv,
    "glassdoor_ds": presets.read_glassdoor_ds,
    "greenhouse": greenhouse.read,
    "jobspy": jobspy.read,
    "jsonl": tabular.read_jsonl,
    "jsonld_html": jsonld_html.read,
    "lever": lever.read,
    "linkedin_ca": presets.read_linkedin_ca,
    "linkedin_us": presets.read_linkedin_us,
    "parquet": tabular.read_parquet,
    "text": text.read,
}

_CSV = (".csv", ".tsv")
_JSON = (".json", ".jsonl", ".ndjson")
_HTML = (".html", ".htm", ".xhtml")
_TEXT = (".txt", ".md", ".markdown")
_SNIFF_BYTES = 256 * 1024
# Files in a folder that document the folder rather than hold a posting.
_NOT_POSTINGS = ("readme", "sources", "license", "licence", "changelog", "notice")


def _suffix(path: Path) -> str:
    suffixes = [s.lower() for s in path.suffixes]
    if suffixes and suffixes[-1] == ".gz":
        suffixes = suffixes[:-1]
    return suffixes[-1] if suffixes else ""


def detect_format(path: str | Path, encoding: str = "utf-8") -> str:
    """The ``SOURCES`` key for one file, or ``SourceError`` saying how to name the format."""
    path = Path(path)
    suffix = _suffix(path)
    if suffix in _HTML:
        return "jsonld_html"
    if suffix in _TEXT:
        return "text"
    if suffix == ".parquet":
        return "parquet"
    if suffix in _CSV:
        return _detect_csv(path, encoding)
    if suffix in _JSON:
        return _detect_json(path, encoding)
    raise SourceError(f"{path}: cannot tell the format from the name {path.name!r}; "
                      f"pass --format, one of: {', '.join(sorted(SOURCES))}")


def _head(path: Path, encoding: str) -> str:
    """The first ``_SNIFF_BYTES`` of the file, decoded leniently (reading reports bad bytes)."""
    try:
        opener = gzip.open if path.suffix == ".gz" else open
        with opener(path, "rb") as f:
            data = f.read(_SNIFF_BYTES)
    except (OSError, EOFError) as exc:
        raise SourceError(f"{path}: cannot read ({exc})") from exc
    try:
        return data.decode("utf-8-sig" if encoding.lower() in ("utf-8", "utf8") else encoding,
                           errors="replace")
    except LookupError as exc:
        raise SourceError(f"unknown encoding {encoding!r}; try utf-8, cp1252 or latin-1") from exc


def _detect_csv(path: Path, encoding: str) -> str:
    head = _head(path, encoding)
    dialect = csv.excel_tab if _suffix(path) == ".tsv" else csv.excel
    try:
        header = [h.strip() for h in next(csv.reader(io.StringIO(head, newline=""), dialect))]
    except (StopIteration, csv.Error):
        return "csv"  # the reader gives the precise message
    if set(header) >= jobspy.SIGNATURE:
        return "jobspy"
    return presets.detect_preset(header) or "csv"


def _detect_json(path: Path, encoding: str) -> str:
    """Tell the JSON flavour from the keys near the start (no full parse: files can be large)."""
    head = _head(path, encoding).lstrip()
    if (head.startswith("{") and "\n{" not in head.rstrip()[:2000]) or head.startswith("["):
        # one document: an API response or a list of records
        if '"absolute_url"' in head and '"jobs"' in head:
            return "greenhouse"
        if '"jobs"' in head and ('"apiVersion"' in head or '"jobUrl"' in head):
            return "ashby"
        if '"hostedUrl"' in head and '"text"' in head:
            return "lever"
    if all(f'"{key}"' in head for key in jobspy.SIGNATURE):
        return "jobspy"
    return "jsonl"


def iter_files(path: Path) -> Iterator[Path]:
    """``path`` itself, or every visible file below a folder in sorted order (README, SOURCES,
    LICENSE and similar files that describe the folder are left out)."""
    if path.is_dir():
        for child in sorted(path.rglob("*")):
            if child.is_file() and not any(part.startswith(".") for part in
                                           child.relative_to(path).parts) \
                    and child.name.split(".", 1)[0].lower() not in _NOT_POSTINGS:
                yield child
    else:
        yield path


def read_path(path: str | Path, format: str | None = None,
              mapping: Mapping[str, str] | None = None, on_error: OnError | None = None,
              *, encoding: str = "utf-8") -> Iterator[Posting]:
    """Every posting in a file or a folder of files, format auto-detected unless ``format``.

    A bad record is skipped and passed to ``on_error`` as a ``BadRecord`` (file, line/record,
    reason). A file that cannot be read at all is reported the same way with ``record=None``
    when ``on_error`` is given (reading goes on with the next file), else it raises
    ``SourceError``. In a folder, files whose format cannot be told from their name (images,
stylesheets next to saved pages) are ignored.

        for posting in read_path("postings.csv", mapping={"description": "job_description"}):
            ...
    """
    path = Path(path)
    if format is not None and format not in SOURCES:
        raise SourceError(f"unknown format {format!r}; choose one of: "
                          f"{', '.join(sorted(SOURCES))}")
    if not path.exists():
        raise SourceError(f"{path}: no such file or folder")
    in_folder = path.is_dir()
    for file in iter_files(path):
        try:
            name = format or detect_format(file, encoding)
            reader = SOURCES[name]
            yield from reader(file, on_error=on_error, encoding=encoding, mapping=mapping)
        except SourceError as exc:
            if in_folder and format is None and "cannot tell the format" in str(exc):
                continue  # a saved page's .css/.png or other non-posting file in a folder
            if on_error is None:
                raise
            report(on_error, BadRecord(str(file), None, _strip_file(str(exc), file)))


def _strip_file(message: str, file: Path) -> str:
    prefix = f"{file}: "
    return message[len(prefix):] if message.startswith(prefix) else message
