"""Named presets for the public datasets in ``../shared/data``, recognised by their headers.

| preset | file | id |
|---|---|---|
| ``linkedin_us`` | ``linkedin_ds_daily_rafabelokurows/*.csv.gz`` (``Job_ID, Date, Title, Company, Place, Link, Skills, Description``) | ``linkedin_us:<Job_ID>`` |
| ``glassdoor_ds`` | ``glassdoor_ds_2020_playingnumbers/glassdoor_jobs.csv`` (``Job Title, Salary Estimate, Job Description, ...``) | ``glassdoor_ds:<index>`` |
| ``linkedin_ca`` | ``linkedin_ca_ds_da_2018_linpingyu/{DataScientist,DataAnalyst}.csv`` | ``linkedin_ca:<file>:<row position>`` |

The ids match those used in ``../shared/gold``. Glassdoor's salary is an estimate, not the
employer's figure, so it stays in ``raw["Salary Estimate"]``; rows carry no date.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path

from mlepath.errors import SourceError

from ._html import normalise_text
from ._posting import Posting
from ._records import (
    OnError,
    check_size,
    clean,
    convert_all,
    csv_rows,
    make_posting,
    to_date,
    without,
)

_RATING_SUFFIX = re.compile(r"\s*\n\s*-?\d+(?:\.\d+)?\s*$")  # "Tecolote Research\n3.8"


def _linkedin_us(rec: Mapping[str, str], index: int, stem: str) -> Posting:
    description = rec.get("Description") or ""
    check_size(description)
    job_id = clean(rec.get("Job_ID"))
    link = clean(rec.get("Link"))
    return make_posting(
        "linkedin_us", normalise_text(description), native_id=job_id,
        url=link.split("?", 1)[0] if link else None,
        title=clean(rec.get("Title")) or "", company=clean(rec.get("Company")) or "",
        location=clean(rec.get("Place")) or "", posted_at=to_date(rec.get("Date")),
        raw=without(rec, "Description"),
    )


def _glassdoor_ds(rec: Mapping[str, str], index: int, stem: str) -> Posting:
    description = rec.get("Job Description") or ""
    check_size(description)
    native = clean(rec.get("")) or str(index)
    company = _RATING_SUFFIX.sub("", rec.get("Company Name") or "").strip()
    return make_posting(
        "glassdoor_ds", normalise_text(description), native_id=native,
        title=clean(rec.get("Job Title")) or "", company=company,
        location=clean(rec.get("Location")) or "", structured={"scraped": "2020"},
        raw=without(rec, "Job Description"),
    )


def _linkedin_ca(rec: Mapping[str, str], index: int, stem: str) -> Posting:
    description = rec.get("description") or ""
    check_size(description)
    # the file's unnamed index column restarts every few rows (the scrape was paginated), so
    # only the row position is unique: 968 rows carry just 5 distinct index values
    native = f"{stem.lower()}:{index}"
    structured = {k: clean(rec.get(k)) for k in ("seniority", "employment_type", "functions",
                                                 "industry") if clean(rec.get(k))}
    return make_posting(
        "linkedin_ca", normalise_text(description), native_id=native,
        title=clean(rec.get("title")) or "", company=clean(rec.get("company")) or "",
        location=clean(rec.get("location")) or "",
        structured={**structured, "scraped": "2018-07-22"}, raw=without(rec, "description"),
    )


RowConverter = Callable[[Mapping[str, str], int, str], Posting]
# preset → (columns that identify it, converter)
PRESETS: dict[str, tuple[frozenset[str], RowConverter]] = {
    "linkedin_us": (frozenset({"Job_ID", "Date", "Title", "Company", "Place", "Link",
                               "Description"}), _linkedin_us),
    "glassdoor_ds": (frozenset({"Job Title", "Salary Estimate", "Job Description",
                                "Company Name"}), _glassdoor_ds),
    "linkedin_ca": (frozenset({"title", "company", "location", "industry", "description",
                               "seniority", "employment_type", "functions"}), _linkedin_ca),
}


def detect_preset(header: list[str]) -> str | None:
    columns = set(header)
    for name, (signature, _) in PRESETS.items():
        if signature <= columns:
            return name
    return None


def _reader(name: str) -> Callable[..., Iterator[Posting]]:
    signature, convert_row = PRESETS[name]

    def read(path: str | Path, *, on_error: OnError | None = None, encoding: str = "utf-8",
             mapping: Mapping[str, str] | None = None) -> Iterator[Posting]:
        path = Path(path)
        header, rows = csv_rows(path, encoding, on_error)
        missing = signature - set(header)
        if missing:
            raise SourceError(f"{path}: not a {name} file (missing columns: "
                              f"{', '.join(sorted(missing))}); choose another --format")
        stem = path.name.split(".", 1)[0]

        def numbered() -> Iterator[tuple[int, tuple[Mapping[str, str], int]]]:
            for index, (line, rec) in enumerate(rows):
                yield line, (rec, index)

        def convert(item: tuple[Mapping[str, str], int]) -> Posting:
            return convert_row(item[0], item[1], stem)

        return convert_all(numbered(), convert, str(path), on_error, unit="line")

    read.__doc__ = f"Postings from the ``{name}`` dataset (``mapping`` is ignored)."
    return read


read_linkedin_us = _reader("linkedin_us")
read_glassdoor_ds = _reader("glassdoor_ds")
read_linkedin_ca = _reader("linkedin_ca")


