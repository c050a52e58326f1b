"""extract_salary on phrasings taken from real US postings (pay-transparency blocks included)."""

from __future__ import annotations

import pytest

from mlepath.extract._model import Salary
from mlepath.extract._salary import extract_salary


def sal(lo: float | None, hi: float | None, cur: str = "USD", per: str = "year") -> Salary:
    return Salary(lo, hi, cur, per, "text")


@pytest.mark.parametrize(("text", "expected"), [
    ("The base salary range for this position is $97,000-$145,000 annually.",
     sal(97_000, 145_000)),
    ("Base compensation ranges from $ 95,000 to $ 115,000 per year. Specific offers vary.",
     sal(95_000, 115_000)),
    ("Compensation: $150K–$200K per year + equity", sal(150_000, 200_000)),
    ("Compensation: Competitive salary ($135k-155k), equity and benefits package",
     sal(135_000, 155_000)),
    ("Expected salary: USD 180k plus bonus.", sal(180_000, 180_000)),
    ("Contract role. Pay: $60/hr on W2.", sal(60, 60, per="hour")),
    ("Colorado – $80.26/HR - $98.26/HR", sal(80.26, 98.26, per="hour")),
    ("The wage range for this position is $17.00-$25.40 Hourly, commensurate with experience.",
     sal(17, 25.4, per="hour")),
    ("Salary: £50,000 per annum plus pension.", sal(50_000, 50_000, cur="GBP")),
    ("the pay range for this position is $184,000.00-$276,000.00 Annual. It is not typical",
     sal(184_000, 276_000)),
    ("The salary range for this role is USD$183,000 per year - USD$203,000 per year.",
     sal(183_000, 203_000)),
    ("Pay Range\n$158,000—$200,000 USD\nBenefits: medical, dental", sal(158_000, 200_000)),
    ("The US base salary range for this full-time position is $166,000-$244,000 + bonus + equity",
     sal(166_000, 244_000)),
    ("pay range for this internship is USD $6,550 - $12,880 per month. There is a different range",
     sal(6_550, 12_880, per="month")),
    ("The projected compensation range for this position is $77,600.00 to $176,000.00 "
     "(annualized USD).", sal(77_600, 176_000)),
    ("On this project, contributors can earn up to $76 per hour, depending on their level.",
     sal(None, 76, per="hour")),
    ("Base pay for this role in Toronto: CA$120,000 - CA$150,000 per year.",
     sal(120_000, 150_000, cur="CAD")),
])
def test_real_phrasings(text: str, expected: Salary) -> None:
    assert extract_salary(text) == expected


def test_first_zone_of_a_pay_transparency_block() -> None:
    text = ("Pay Transparency: the base salary depends on location.\n"
            "Zone A: $173,300 - $231,100\nZone B: $157,600 - $210,100")
    assert extract_salary(text) == sal(173_300, 231_100)


@pytest.mark.parametrize("text", [
    "We offer a 401(k) with a 4% match and 20 days of PTO.",
    "Join a well-capitalized Series B team with $60M+ in total funding from top investors.",
    "Bain Capital manages approximately $215 billion of assets.",
    "We are solving a $22B industry challenge with AI.",
    "Founded in 2015; 5+ years of Python experience required; 2024 revenue grew 40%.",
    "We offer $200 per month towards wellness, gyms and massages!",
    "Daily guaranteed pay, commission, and a $500 bonus after 90 days.",
    "",
])
def test_not_a_salary(text: str) -> None:
    assert extract_salary(text) is None


def test_skips_funding_then_finds_pay() -> None:
    text = ("We raised $45M in Series B funding last year.\n"
            "Compensation: $140,000 - $170,000 base + equity.")
    assert extract_salary(text) == sal(140_000, 170_000)


def test_source_is_text() -> None:
    found = extract_salary("Salary: $100,000 - $120,000")
    assert found is not None and found.source == "text"


def test_malformed_number_is_skipped_not_raised() -> None:
    # "60.000.95" is neither "60,000.95" nor European "60.000": the figure is no salary, and the
    # scan goes on to the next one instead of raising
    assert extract_salary("Pay: $60.000.95 per year") is None
    assert extract_salary("Pay: $60.000.95 per year; base salary $90,000 - $110,000 per year.") == \
        sal(90_000, 110_000)
