"""Date ranges in résumé text, and years of experience from their union.

Counting rules (documented in docs/fit.md):
- Months are counted inclusively: "Jan 2019 – Mar 2019" is 3 months.
- A year without a month ("2017 – 2020") starts in July and ends in June, so a year-only range
  lasts exactly end − start years (the midpoint of what it could mean); a range inside a single
  year ("2019 – 2019") counts as 6 months.
- "Present", "Current", "Now", "Today", "to date" mean ``today`` (injectable for tests); an end in
  the future is clipped to today.
- A reversed range ("2021 – 2018") is a typo, not negative time: its ends are swapped.
- Overlapping or touching ranges are merged before counting, so two concurrent jobs count once.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8,
    "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}
# "January", "Jan", "Jan.", "Sept"
_MONTH = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
          r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?")
_YEAR = r"(?:19[5-9]\d|20\d\d)"
# one date: "Jan 2019", "January, 2019", "Jan '19", "03/2018", "3-2018", "2018-03", "2018/03", "2019"
_DATE = (
    rf"(?:(?P<{{p}}mon>{_MONTH})\s*,?\s*(?:(?P<{{p}}y1>{_YEAR})|'(?P<{{p}}yy>\d\d))"
    rf"|(?P<{{p}}mm>0?[1-9]|1[0-2])\s*[/.-]\s*(?P<{{p}}y2>{_YEAR})"
    rf"|(?P<{{p}}y3>{_YEAR})\s*[/-]\s*(?P<{{p}}mm2>0[1-9]|1[0-2])(?![\d])"
    rf"|(?P<{{p}}y4>{_YEAR}))"
)
_OPEN = r"(?P<open>present|current(?:ly)?|now|today|to\s+date|ongoing)"
# "Jan 2019 – Present", "2017-2020", "03/2018 - 06/2021", "May 2015 to Current", "2019 — now"
DATE_RANGE = re.compile(
    r"(?<![\w/])" + _DATE.format(p="s_")
    + r"\s*(?:-|–|—|−|~|to|until|till|through|thru)\s*(?:"
    + _DATE.format(p="e_") + r"|" + _OPEN + r")(?![\w/])",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class DateRange:
    """An inclusive month range; months are ``year * 12 + (month - 1)``."""

    start: int
    end: int
    text: str

    @property
    def months(self) -> int:
        return self.end - self.start + 1

    def label(self) -> str:
        return f"{_fmt(self.start)}–{_fmt(self.end)}"


def _fmt(m: int) -> str:
    return f"{m // 12:04d}-{m % 12 + 1:02d}"


def _month_index(year: int, month: int) -> int:
    return year * 12 + month - 1


def _parse_one(m: re.Match[str], p: str) -> tuple[int, bool] | None:
    """(year, month or 0 for year-only) of the date captured with prefix ``p``."""
    g = m.groupdict()
    if g.get(p + "mon"):
        mon = _MONTHS[g[p + "mon"].lower()[:3]]
        year = int(g[p + "y1"]) if g.get(p + "y1") else 2000 + int(g[p + "yy"])
        if g.get(p + "yy") and year > date.today().year + 1:
            year -= 100
        return _month_index(year, mon), True
    if g.get(p + "y2"):
        return _month_index(int(g[p + "y2"]), int(g[p + "mm"])), True
    if g.get(p + "y3"):
        return _month_index(int(g[p + "y3"]), int(g[p + "mm2"])), True
    if g.get(p + "y4"):
        return int(g[p + "y4"]) * 12, False
    return None


def find_date_ranges(text: str, today: date | None = None) -> list[DateRange]:
    """Every date range in ``text``, normalised to inclusive month indexes (see module rules)."""
    now = _month_index((today or date.today()).year, (today or date.today()).month)
    out: list[DateRange] = []
    for m in DATE_RANGE.finditer(text):
        start = _parse_one(m, "s_")
        if start is None:
            continue
        s, s_has_month = start
        if m.group("open"):
            e, e_has_month = now, True
        else:
            end = _parse_one(m, "e_")
            if end is None:
                continue
            e, e_has_month = end
        if not s_has_month and not e_has_month:
            if s == e:  # "2019 – 2019": half a year
                s, e = s, s + 5
            else:  # July of the start year .. June of the end year
                lo, hi = min(s, e), max(s, e)
                s, e = lo + 6, hi + 5
        else:
            if not s_has_month:
                s += 6
            if not e_has_month:
                e += 5
        if e < s:  # reversed: a typo, not negative time
            s, e = e, s
        e = min(e, now)
        if s > now:
            continue
        out.append(DateRange(s, e, m.group(0)))
    return out


def merge_ranges(ranges: list[DateRange]) -> list[tuple[int, int]]:
    """The union of inclusive month ranges: overlapping or adjacent ranges become one."""
    merged: list[tuple[int, int]] = []
    for r in sorted(ranges, key=lambda r: (r.start, r.end)):
        if merged and r.start <= merged[-1][1] + 1:
            merged[-1] = (merged[-1][0], max(merged[-1][1], r.end))
        else:
            merged.append((r.start, r.end))
    return merged


def years_of_experience(ranges: list[DateRange]) -> float:
    """Years covered by the union of ``ranges``, to one decimal."""
    months = sum(e - s + 1 for s, e in merge_ranges(ranges))
    return round(months / 12, 1)
