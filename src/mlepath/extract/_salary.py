"""Salary from posting text: "$150,000 - $200,000", "$150K–$200K per year", "USD 180k", "$60/hr".

``extract_salary(text)`` finds money amounts (a currency sign or code is required, so "401(k)",
"2024" and "5+ years" never count), pairs them into ranges, reads the pay period next to them,
and keeps the first amount that reads as pay: one near a pay word (salary, pay, compensation,
wage, rate ...) or with an explicit period, and of a plausible size for that period. "$10M in
funding", "$2.5 billion in assets" and "$200 per month towards wellness" are rejected by size.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable

from ._model import Salary

# One money amount: "$150,000", "$ 95,000.00", "USD$183,000", "US$ 90k", "£50,000", "€60.000",
# "$135k", "$1.2M" (the multiplier is read so that funding figures can be refused).
_AMOUNT = (
    r"(?P<cur{n}>US\s?\$|USD\s?\$?|CA\$|C\$|CAD\s?\$?|AU?\$|AUD\s?\$?|GBP\s?£?|EUR\s?€?|\$|£|€)"
    r"\s?(?P<num{n}>\d{{1,3}}(?:[,.]\d{{3}})+(?:\.\d{{1,2}})?|\d+(?:\.\d{{1,2}})?)"
    r"(?:\s?(?P<mult{n}>[kK]|mm|MM|[mM](?:illion)?|[bB](?:illion|n)?|[tT]rillion|T)\b)?"
)
# The second amount of a range may drop the currency: "$135k-155k", "$120 - 150K".
_AMOUNT2 = (
    r"(?P<cur2>US\s?\$|USD\s?\$?|CA\$|C\$|CAD\s?\$?|AU?\$|AUD\s?\$?|GBP\s?£?|EUR\s?€?|\$|£|€)?"
    r"\s?(?P<num2>\d{1,3}(?:[,.]\d{3})+(?:\.\d{1,2})?|\d+(?:\.\d{1,2})?)"
    r"(?:\s?(?P<mult2>[kK]|mm|MM|[mM](?:illion)?|[bB](?:illion|n)?|[tT]rillion|T)\b)?"
)
_PERIOD_WORD = (r"(?i:(?:/\s?|per\s+|an?\s+|each\s+)(?P<per{n}>hour|hr|h|year|yr|annum|month|mo|week"
                r"|wk|day)\b\.?|\s?(?P<adv{n}>annually|annual|yearly|hourly|monthly|weekly|daily)\b)")
# "$97,000-$145,000 annually", "$80.26/HR - $98.26/HR", "between $10,000 and $15,000 monthly"
SALARY_RE = re.compile(
    _AMOUNT.format(n=1)
    + r"(?:\s*(?:" + _PERIOD_WORD.format(n=1) + r"))?"
    + r"(?:\s*(?:-{1,2}|–|—|(?i:to|and|up\s+to))\s*" + _AMOUNT2 + r")?",
)  # case-sensitive on purpose: the currency codes are capitals, and it keeps the scan fast
# Period words read in the 60 characters after the amount(s) (or, failing that, 40 before).
_PERIOD_AFTER = re.compile(
    r"[\s*)]*(?:USD|CAD|GBP|EUR|AUD)?[\s*)]*(?:"
    r"(?:/\s?|per\s+|an?\s+|each\s+)(?P<per>hour|hr|h|year|yr|annum|month|mo|week|wk|day)\b"
    r"|(?P<adv>annually|annualized|annual|yearly|hourly|monthly|weekly|daily)\b"
    r"|(?:usd\s+)?(?P<adv2>annual|hourly|yearly|monthly)\b)",
    re.IGNORECASE,
)
_PERIOD_BEFORE = re.compile(
    r"\b(?P<adv>annual|annually|yearly|hourly|monthly|weekly|daily|per\s+hour|per\s+year|"
    r"per\s+annum|hourly\s+rate)\b[^$£€.]{0,40}$", re.IGNORECASE)
# Words that make an amount pay, not revenue/funding/perks. Searched in the 160 chars before.
_PAY_CONTEXT = re.compile(
    r"\b(?:salary|salaries|pay|paid|compensation|comp|wage|wages|rate\s+of\s+pay|pay\s+rate|"
    r"hourly\s+rate|base|ote|earnings|earn|remuneration|range|ranges|package|"
    r"pay\s+transparency|hiring\s+range|starting\s+at)\b",
    re.IGNORECASE,
)
# "$10M+ in funding", "$500 bonus", "$100 stipend": amounts that are not the pay.
_FUNDING_AFTER = re.compile(r"[ \t]*(?:\+?\s*(?:in\s+)?(?:funding|raised|revenue|arr|valuation|"
                            r"in\s+(?:funding|revenue|assets|sales)|market|industry|assets)|"
                            r"(?:USD\s+)?(?:bonus|sign-on|signing|stipend|reimbursement|allowance|"
                            r"credit|referral|gift|per\s+referral))\b", re.IGNORECASE)

_CURRENCY = {"$": "USD", "us$": "USD", "usd": "USD", "usd$": "USD", "ca$": "CAD", "c$": "CAD",
             "cad": "CAD", "cad$": "CAD", "a$": "AUD", "au$": "AUD", "aud": "AUD", "aud$": "AUD",
             "£": "GBP", "gbp": "GBP", "gbp£": "GBP", "€": "EUR", "eur": "EUR", "eur€": "EUR"}
_CODE_AFTER = re.compile(r"\s*\)?\s*(?P<code>USD|CAD|GBP|EUR|AUD)\b")
_PERIODS = {"hour": "hour", "hr": "hour", "h": "hour", "hourly": "hour",
            "year": "year", "yr": "year", "annum": "year", "annually": "year", "annual": "year",
            "annualized": "year", "yearly": "year", "salary": "year",
            "month": "month", "mo": "month", "monthly": "month",
            "week": "week", "wk": "week", "weekly": "week", "day": "day", "daily": "day"}
# Plausible pay per period (in any of the supported currencies); outside means "not pay".
_BOUNDS = {"year": (10_000, 3_000_000), "month": (800, 250_000), "week": (200, 60_000),
           "day": (50, 10_000), "hour": (7, 2_000)}


# "$200,00": a malformed number cut short; "up to $150,000": only a maximum is stated
_COMMA_DIGIT = re.compile(r",\d")
_UP_TO = re.compile(r"\bup\s+to\s*$", re.IGNORECASE)
_EURO_THOUSANDS = re.compile(r"\d{1,3}(?:\.\d{3})+")


def _number(num: str, mult: str | None) -> float | None:
    try:
        if "," in num:
            value = float(num.replace(",", ""))  # "184,000.00"
        elif "." in num and _EURO_THOUSANDS.fullmatch(num):
            value = float(num.replace(".", ""))  # "50.000": European thousands
        else:
            value = float(num)
    except ValueError:
        return None  # "60.000.95": neither spelling of a number

    if mult:
        if mult.lower() != "k":
            return None  # millions/billions: funding, revenue, valuation — never a salary
        value *= 1_000
    return value


@functools.lru_cache(maxsize=64)  # a handful of spellings ("$", "USD", "US $") recur everywhere
def _norm_currency(raw: str | None) -> str | None:
    if raw is None:
        return None
    return _CURRENCY.get(re.sub(r"\s", "", raw).lower())


def _period(text: str, start: int, end: int, word: str | None) -> str | None:
    """The pay period: ``word`` read inside the match, else one just after or before it."""
    if word:
        return _PERIODS.get(word.lower().rstrip("."))
    after = _PERIOD_AFTER.match(text, end, min(len(text), end + 60))
    if after:
        word = after.group("per") or after.group("adv") or after.group("adv2")
        return _PERIODS.get(word.lower())
    lo = max(0, start - 80)
    window = text[lo:start]
    # every ``_PERIOD_BEFORE`` match holds one of these words (tested on ASCII text only, where
    # lower-casing folds case exactly as IGNORECASE does)
    if window.isascii():
        window = window.lower()
        if not ("per" in window or "annual" in window or "hourly" in window or "yearly" in window
                or "monthly" in window or "weekly" in window or "daily" in window):
            return None
    before = _PERIOD_BEFORE.search(text, lo, start)
    if before:
        word = re.sub(r"^per\s+|\s+rate$", "", before.group("adv").lower())
        return _PERIODS.get(word)
    return None


def _guess_period(value: float) -> str | None:
    if value >= 10_000:
        return "year"
    if 7 <= value <= 500:
        return "hour"
    return None


# The currency codes of ``SALARY_RE`` (``_doc`` also locates them in its keyword scan).
CURRENCY_CODES = ("USD", "AUD", "EUR", "CAD", "GBP")
# One pattern each: a literal pattern scans far faster than an alternation (and than
# ``str.find`` on non-ASCII text). Those with a "U" are skipped when the text has none.
_U_CODES = tuple(re.compile(code) for code in CURRENCY_CODES if "U" in code)
_OTHER_CODES = tuple(re.compile(code) for code in CURRENCY_CODES if "U" not in code)


def _first_currency(text: str) -> int:
    """Where the first currency sign or code starts, or -1.

    Every ``SALARY_RE`` match holds one within its first four characters ("US $", "CAD", "£"),
    so no match starts more than three characters before this: the scan starts here, and the
    half of postings that state no pay skip it.
    """
    first = len(text)
    for sign in ("$", "£", "€"):
        i = text.find(sign, 0, first)
        if i >= 0:
            first = i
    for code in _U_CODES + _OTHER_CODES if "U" in text else _OTHER_CODES:
        m = code.search(text, 0, first)
        if m is not None:
            first = m.start()
    return first if first < len(text) else -1


def _first_marked(text: str, marks: Iterable[int]) -> int:
    """``_first_currency`` from the places where the keyword scan saw "$", "£" or a code
    lower-cased (``Doc.currency_marks``): the codes are checked here, in their case."""
    first = text.find("€")  # outside Latin-1, so never one of the scanner's keys
    if first < 0:
        first = len(text)
    for i in marks:
        if i < first and (text[i] in "$£" or text.startswith(CURRENCY_CODES, i)):
            first = i
    return first if first < len(text) else -1


def extract_salary(text: str, currency_marks: Iterable[int] | None = None) -> Salary | None:
    """The first pay figure stated in ``text``, or None.

    ``currency_marks``: where the extractor's keyword scan saw a currency sign or code
    (``Doc.currency_marks``), which spares a search of the whole text; the result is the same.

    >>> extract_salary("The base pay range is $150,000 - $200,000 per year.")
    Salary(min=150000.0, max=200000.0, currency='USD', period='year', source='text')
    """
    first = _first_currency(text) if currency_marks is None else _first_marked(text, currency_marks)
    if first < 0:
        return None
    for m in SALARY_RE.finditer(text, max(0, first - 4)):
        cur1, num1, mult1, per1, adv1, num2, mult2 = m.group("cur1", "num1", "mult1", "per1", "adv1",
                                                             "num2", "mult2")
        low = _number(num1, mult1)
        if low is None:
            continue
        high: float | None = None
        if num2 is not None:
            high = _number(num2, mult2)
            if high is None:
                continue
            # "$135k-155k" / "$120-150K": a multiplier on one side applies to both.
            if mult1 and not mult2 and high < 1_000:
                high *= 1_000
            elif mult2 and not mult1 and low < 1_000:
                low *= 1_000
            if high < low:
                continue  # "$200,00-250,000"-style typos: not worth guessing
        start, end = m.span()
        if text.startswith(",", end) and _COMMA_DIGIT.match(text, end):
            continue  # a malformed number ("$200,00") was cut short
        if _FUNDING_AFTER.match(text, end):
            continue
        currency = _norm_currency(cur1)
        code = _CODE_AFTER.match(text, end)
        if code and currency in (None, "USD"):
            currency = code.group("code").upper()
        explicit = _period(text, start, end, per1 or adv1)
        # the pay-word search (the costliest test) only when the amount is neither a period
        # figure nor a five-figure range
        if not (explicit or (high is not None and low >= 10_000)
                or _PAY_CONTEXT.search(text, max(0, start - 160), start) is not None):
            continue
        period = explicit or _guess_period(low)
        if period is None:
            continue
        lo_bound, hi_bound = _BOUNDS[period]
        if not (lo_bound <= low <= hi_bound and (high is None or lo_bound <= high <= hi_bound)):
            continue
        if high is not None:
            if high > low * 6:
                continue  # "$20 to $200,000": two unrelated numbers
            return Salary(low, high, currency, period, "text")
        if _UP_TO.search(text[max(0, start - 12):start]):
            return Salary(None, low, currency, period, "text")
        return Salary(low, low, currency, period, "text")
    return None
