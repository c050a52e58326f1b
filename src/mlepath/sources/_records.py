"""What every reader shares: bad-record reports, file loading, value cleaning, ``make_posting``.

A reader turns each record it can read into a ``Posting``. A record it cannot read is skipped
and reported to the ``on_error`` callback as a ``BadRecord`` (file, line/record, reason); the
rest of the file still reads. A file that cannot be read at all raises ``SourceError``.
"""

from __future__ import annotations

import codecs
import csv
import gzip
import io
import json
import math
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, Any, Protocol, cast

from mlepath.errors import SourceError

from ._posting import Posting, stable_id

# Real postings are 1-30k characters; anything this long is a concatenation or a broken export.
MAX_DESCRIPTION_CHARS = 500_000
_ISO_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")

# Descriptions and raw HTML can exceed csv's default 128 KiB field limit; the size check in
# ``make_posting`` gives the clear message instead of a csv.Error.
csv.field_size_limit(64 * 1024 * 1024)


@dataclass(frozen=True, slots=True)
class BadRecord:
    """One skipped record (or, with ``record=None``, a whole file) and why."""

    file: str
    record: int | None
    reason: str
    unit: str = "record"  # "line" for CSV/JSONL (1-based line where the record starts)

    def __str__(self) -> str:
        where = self.file if self.record is None else f"{self.file}, {self.unit} {self.record}"
        return f"{where}: {self.reason}"


OnError = Callable[[BadRecord], None]


class Reader(Protocol):
    """The shape of every ``sources.<name>.read``."""

    def __call__(self, path: str | Path, *, on_error: OnError | None = None,
                 encoding: str = "utf-8",
                 mapping: Mapping[str, str] | None = None) -> Iterator[Posting]: ...


class SkipRecord(ValueError):
    """Raised inside a reader for one record that cannot become a posting; the reason is the message."""


def report(on_error: OnError | None, bad: BadRecord) -> None:
    if on_error is not None:
        on_error(bad)


def convert_all(items: Iterable[tuple[int, Any]], convert: Callable[[Any], Posting], file: str,
                on_error: OnError | None, unit: str = "record") -> Iterator[Posting]:
    """Apply ``convert`` to each numbered item; report and skip the ones that fail."""
    for number, item in items:
        try:
            posting = convert(item)
        except SkipRecord as exc:
            report(on_error, BadRecord(file, number, str(exc), unit))
            continue
        except (KeyError, TypeError, ValueError, AttributeError, IndexError) as exc:
            report(on_error, BadRecord(file, number, f"malformed record ({type(exc).__name__}: "
                                                     f"{exc})", unit))
            continue
        yield posting


# -- files ------------------------------------------------------------------------------------
def read_bytes(path: Path) -> bytes:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise SourceError(f"{path}: cannot read ({exc.strerror or exc})") from exc
    if path.suffix == ".gz":
        try:
            data = gzip.decompress(data)
        except (OSError, EOFError) as exc:
            raise SourceError(f"{path}: not a valid gzip file ({exc}); is it truncated?") from exc
    return data


def read_text(path: Path, encoding: str = "utf-8") -> str:
    """The whole file decoded (``.gz`` decompressed), or a clear ``SourceError``."""
    data = read_bytes(path)
    enc = "utf-8-sig" if encoding.lower().replace("_", "-") in ("utf-8", "utf8") else encoding
    try:
        return data.decode(enc)
    except UnicodeDecodeError as exc:
        raise SourceError(
            f"{path}: not valid {encoding} (byte 0x{data[exc.start]:02x} at offset {exc.start}); "
            "pass the file's encoding, e.g. --encoding cp1252"
        ) from exc
    except LookupError as exc:
        raise SourceError(f"unknown encoding {encoding!r}; try utf-8, cp1252 or latin-1") from exc


def _codec(encoding: str) -> str:
    return "utf-8-sig" if encoding.lower().replace("_", "-") in ("utf-8", "utf8") else encoding


def _binary(path: Path) -> IO[bytes]:
    try:
        return cast(IO[bytes], gzip.open(path, "rb") if path.suffix == ".gz"
                    else path.open("rb"))
    except OSError as exc:
        raise SourceError(f"{path}: cannot read ({exc.strerror or exc})") from exc


def check_encoding(path: Path, encoding: str = "utf-8") -> None:
    """Decode the whole file once, in chunks, so a bad byte is reported before anything is read.

    Large CSV/JSONL files are then parsed as a stream (a 100k-posting file never sits in memory
    whole), without ingesting half a file that turns out to be in another encoding.
    """
    try:
        decoder = codecs.getincrementaldecoder(_codec(encoding))()
    except LookupError as exc:
        raise SourceError(f"unknown encoding {encoding!r}; try utf-8, cp1252 or latin-1") from exc
    offset = 0
    with _binary(path) as f:
        while True:
            try:
                chunk = f.read(1 << 20)
            except (OSError, EOFError) as exc:
                raise SourceError(f"{path}: not a valid gzip file ({exc}); is it truncated?") \
                    from exc
            try:
                decoder.decode(chunk, final=not chunk)
            except UnicodeDecodeError as exc:
                bad = offset + exc.start if exc.start < len(chunk) else offset
                byte = chunk[exc.start] if exc.start < len(chunk) else 0
                raise SourceError(
                    f"{path}: not valid {encoding} (byte 0x{byte:02x} at offset {bad}); "
                    "pass the file's encoding, e.g. --encoding cp1252") from exc
            if not chunk:
                return
            offset += len(chunk)


def open_text(path: Path, encoding: str = "utf-8") -> IO[str]:
    """A text stream over the file (``.gz`` decompressed) after ``check_encoding``."""
    check_encoding(path, encoding)
    binary = _binary(path)
    return io.TextIOWrapper(binary, encoding=_codec(encoding), newline="")


def iter_lines(stream: IO[str], size: int = 1 << 20) -> Iterator[str]:
    """The stream's lines (``\\n`` kept), read in 1 MiB chunks.

    Iterating a text wrapper over ``gzip`` line by line costs several Python-level property
    calls per line; splitting big chunks is about twice as fast on a 100k-posting CSV. Only
    ``\\n`` splits (``str.splitlines`` would also split on U+2028 and friends, which are not
    line ends for csv).
    """
    rest = ""
    while True:
        chunk = stream.read(size)
        if not chunk:
            if rest:
                yield rest
            return
        lines = (rest + chunk).split("\n")
        rest = lines.pop()
        for line in lines:
            yield line + "\n"


def load_json(path: Path, encoding: str = "utf-8") -> Any:
    """A JSON document (pandas' bare ``NaN`` tokens allowed), or a clear ``SourceError``."""
    text = read_text(path, encoding)
    if not text.strip():
        raise SourceError(f"{path}: the file is empty")
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise SourceError(f"{path}: not valid JSON at line {exc.lineno}, column {exc.colno} "
                          f"({exc.msg}); the file may be truncated") from exc


def csv_rows(path: Path, encoding: str, on_error: OnError | None
             ) -> tuple[list[str], Iterator[tuple[int, dict[str, str]]]]:
    """The header and ``(line number, row dict)`` pairs, streamed; malformed rows are reported
    and skipped."""
    stream = open_text(path, encoding)
    dialect: type[csv.Dialect] = csv.excel_tab if path.name.endswith((".tsv", ".tsv.gz")) \
        else csv.excel
    reader = csv.reader(iter_lines(stream), dialect)
    try:
        header = next(reader)
    except StopIteration:
        stream.close()
        raise SourceError(f"{path}: the file is empty") from None
    except csv.Error as exc:
        stream.close()
        raise SourceError(f"{path}: cannot read the CSV header ({exc})") from exc
    header = [h.strip() for h in header]

    def rows() -> Iterator[tuple[int, dict[str, str]]]:
        start = reader.line_num + 1
        try:
            while True:
                try:
                    values = next(reader)
                except StopIteration:
                    return
                except csv.Error as exc:
                    report(on_error, BadRecord(str(path), start, f"malformed CSV row ({exc})",
                                               "line"))
                    start = reader.line_num + 1
                    continue
                line, start = start, reader.line_num + 1
                if not values or (len(values) == 1 and not values[0].strip()):
                    continue  # a blank line
                if len(values) != len(header):
                    report(on_error, BadRecord(
                        str(path), line,
                        f"malformed CSV row: {len(values)} fields, the header has {len(header)}",
                        "line"))
                    continue
                yield line, dict(zip(header, values, strict=True))
        finally:
            stream.close()

    return header, rows()


def json_lines(path: Path, encoding: str, on_error: OnError | None
               ) -> Iterator[tuple[int, Any]]:
    """``(line number, decoded value)`` per non-blank line, streamed; bad lines reported."""
    with open_text(path, encoding) as stream:
        for number, line in enumerate(iter_lines(stream), 1):
            if not line.strip():
                continue
            try:
                yield number, json.loads(line.rstrip("\r\n"))
            except json.JSONDecodeError as exc:
                report(on_error, BadRecord(str(path), number, f"not valid JSON ({exc.msg}: "
                                           f"column {exc.colno}); the line may be truncated",
                                           "line"))


# -- values -----------------------------------------------------------------------------------
def clean(value: Any) -> str | None:
    """A stripped string, or None for missing values (None, NaN, "", "nan", "None")."""
    if value is None:
        return None
    if isinstance(value, float) and math.isnan(value):
        return None
    text = str(value).strip()
    if not text or text.lower() in ("nan", "none", "null", "n/a"):
        return None
    return text


def to_float(value: Any) -> float | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return None if math.isnan(value) or value <= 0 else float(value)
    text = clean(value)
    if text is None:
        return None
    try:
        number = float(text.replace(",", "").replace("$", ""))
    except ValueError:
        return None
    return None if math.isnan(number) or number <= 0 else number


def to_bool(value: Any) -> bool | None:
    if isinstance(value, bool):
        return value
    text = clean(value)
    if text is None:
        return None
    low = text.lower()
    if low in ("true", "1", "yes", "y", "t"):
        return True
    if low in ("false", "0", "no", "n", "f"):
        return False
    return None


def to_date(value: Any) -> str | None:
    """ISO ``YYYY-MM-DD`` from an ISO date/timestamp or epoch seconds/milliseconds, else None."""
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        if isinstance(value, float) and math.isnan(value):
            return None
        seconds = value / 1000 if value > 1e11 else value
        try:
            return datetime.fromtimestamp(seconds, tz=UTC).date().isoformat()
        except (OverflowError, OSError, ValueError):
            return None
    text = str(value).strip()
    match = _ISO_DATE.match(text)
    if not match:
        return None
    try:
        return datetime(int(match[1]), int(match[2]), int(match[3])).date().isoformat()
    except ValueError:
        return None


# JobSpy "yearly", Lever "per-year-salary", schema.org "YEAR", Ashby "1 YEAR" → "year".
_PERIODS = {"year": "year", "annual": "year", "month": "month", "week": "week", "day": "day",
            "daily": "day", "hour": "hour"}


def to_period(value: Any) -> str | None:
    text = clean(value)
    if text is None:
        return None
    low = text.lower()
    for key, period in _PERIODS.items():
        if key in low:
            return period
    return None


def without(record: Mapping[str, Any], *keys: str) -> dict[str, Any]:
    """The record minus its (large) description fields, with NaN made JSON-safe as None."""
    out: dict[str, Any] = {}
    for key, value in record.items():
        if key in keys:
            continue
        out[key] = None if isinstance(value, float) and math.isnan(value) else value
    return out


def make_posting(source: str, text: str, *, native_id: str | None = None, url: str | None = None,
                 posting_id: str | None = None, **fields: Any) -> Posting:
    """A ``Posting`` with a stable id, after the checks every source shares.

    Raises ``SkipRecord`` for an empty or absurdly long description.
    """
    text = text.strip() if text else ""
    if not text:
        raise SkipRecord("empty description")
    if len(text) > MAX_DESCRIPTION_CHARS:
        raise SkipRecord(f"description is {len(text):,} characters (limit "
                         f"{MAX_DESCRIPTION_CHARS:,}); not a single job posting")
    pid = posting_id or stable_id(source, native_id, url, text)
    return Posting(id=pid, source=source, description_text=text, native_id=native_id, url=url,
                   **fields)


def check_size(html_or_text: str | None) -> None:
    """Reject a huge description before spending time converting it."""
    if html_or_text and len(html_or_text) > MAX_DESCRIPTION_CHARS * 4:
        raise SkipRecord(f"description is {len(html_or_text):,} characters (limit "
                         f"{MAX_DESCRIPTION_CHARS:,}); not a single job posting")
