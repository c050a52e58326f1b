"""Date ranges in résumés and the years they add up to (rules in profile/_dates.py)."""

from __future__ import annotations

from datetime import date

import pytest

from mlepath.profile._dates import find_date_ranges, merge_ranges, years_of_experience

TODAY = date(2024, 6, 15)


def _months(text: str) -> list[int]:
    return [r.months for r in find_date_ranges(text, TODAY)]


@pytest.mark.parametrize(("text", "months"), [
    ("Jan 2019 – Present", [66]),            # Jan 2019 .. Jun 2024 inclusive
    ("January 2019 - Mar 2019", [3]),        # inclusive months
    ("03/2018 - 06/2021", [40]),
    ("3/2018 – 6/2018", [4]),
    ("May 2015 to Current", [110]),
    ("Sept. 2016 — Aug 2017", [12]),
    ("2018-03 to 2019-02", [12]),
    ("Jan '19 - Dec '19", [12]),
    ("2017-2020", [36]),                     # year-only: July..June = exactly 3 years
    ("2019 - 2019", [6]),                    # within one year: half a year
    ("2020 – now", [48]),                    # year-only start = July 2020 .. Jun 2024
    ("Jun 2023 - Today", [13]),
    ("Oct 2022 – Ongoing", [21]),
])
def test_single_range_lengths(text: str, months: list[int]) -> None:
    assert _months(text) == months


def test_reversed_range_is_swapped_not_negative() -> None:
    assert _months("Jun 2021 - Jan 2021") == [6]
    assert _months("2021 – 2018") == _months("2018 – 2021") == [36]


def test_future_end_is_clipped_and_future_start_ignored() -> None:
    assert _months("Jan 2024 - Dec 2026") == [6]
    assert _months("Jan 2025 - Dec 2026") == []


def test_present_uses_the_injected_today() -> None:
    assert [r.months for r in find_date_ranges("Jan 2020 - Present", date(2020, 12, 1))] == [12]


def test_no_false_ranges_from_phone_numbers_or_single_years() -> None:
    assert _months("Call 555-1234-5678; graduated 2015; ID 12/34") == []


def test_overlapping_and_adjacent_ranges_merge() -> None:
    ranges = find_date_ranges(
        "Jan 2018 - Dec 2019\nJun 2019 - Jun 2020\nJul 2020 - Dec 2020\nJan 2022 - Dec 2022",
        TODAY)
    merged = merge_ranges(ranges)
    assert len(merged) == 2  # 2018–2020 (overlap + adjacent) and 2022
    # Jan 2018..Dec 2020 = 36 months, 2022 = 12 months
    assert years_of_experience(ranges) == 4.0


def test_concurrent_jobs_count_once() -> None:
    one = find_date_ranges("Mar 2016 - Jun 2024", TODAY)
    two = find_date_ranges("Jan 2019 – Present\nMar 2016 - Jun 2019", TODAY)
    assert years_of_experience(two) == years_of_experience(one) == 8.3
