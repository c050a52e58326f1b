"""Dependencies shared by the API and the pages: the store, settings, query parameters."""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Annotated, Any, Literal

from fastapi import Depends, Query, Request

from mlepath.market import Filters
from mlepath.store import Store

from ._errors import ApiError
from ._queries import PostingQuery
from ._settings import WebSettings

Role = Literal["ml_engineer", "research_scientist", "data_scientist", "data_engineer",
               "data_analyst", "software_engineer", "other"]
Focus = Literal["research", "applied", "none"]
Seniority = Literal["intern", "junior", "mid", "senior", "staff_plus", "manager"]
MinRequired = Literal["high_school", "associate", "bachelor", "master", "phd", "none",
                      "unspecified"]
Level = Literal["high_school", "associate", "bachelor", "master", "phd"]


def get_store(request: Request) -> Store:
    store: Store | None = getattr(request.app.state, "store", None)
    if store is None:
        raise ApiError(503, "the store is not open yet; retry in a moment")
    return store


def get_settings(request: Request) -> WebSettings:
    settings: WebSettings = request.app.state.settings
    return settings


StoreDep = Annotated[Store, Depends(get_store)]
SettingsDep = Annotated[WebSettings, Depends(get_settings)]


@dataclasses.dataclass(frozen=True)
class MarketParams:
    """The market filters as query parameters (the same names as ``mlepath report``)."""

    role: str | None = None
    focus: str | None = None
    seniority: str | None = None
    company: str | None = None
    location: str | None = None
    remote: bool | None = None
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    source: str | None = None

    def as_mapping(self) -> dict[str, Any]:
        return {k: v for k, v in dataclasses.asdict(self).items() if v is not None}

    def to_filters(self) -> Filters:
        return Filters.from_mapping(self.as_mapping())


Blank = Literal[""]  # an empty form field (a plain HTML form sends every field): no filter
_DATE = r"^(\d{4}-\d{2}-\d{2})?$"


def market_params(
    role: Annotated[Role | Blank | None, Query(description="role family")] = None,
    focus: Annotated[Focus | Blank | None, Query(description="ML focus")] = None,
    seniority: Annotated[Seniority | Blank | None, Query()] = None,
    company: Annotated[str | None, Query(max_length=200,
                                         description="company, case-insensitive")] = None,
    location: Annotated[str | None, Query(max_length=200,
                                          description="substring, e.g. 'CA'")] = None,
    remote: Annotated[Literal["true", "false", ""] | None, Query()] = None,
    date_from: Annotated[str | None, Query(pattern=_DATE,
                                           description="inclusive, YYYY-MM-DD")] = None,
    date_to: Annotated[str | None, Query(pattern=_DATE,
                                         description="inclusive, YYYY-MM-DD")] = None,
    source: Annotated[str | None, Query(max_length=100)] = None,
) -> MarketParams:
    start, end = _date("date_from", date_from), _date("date_to", date_to)
    if start and end and start > end:
        raise ApiError(422, f"date range is empty: date_from {start} is after "
                            f"date_to {end}; swap them")
    return MarketParams(role=role or None, focus=focus or None, seniority=seniority or None,
                        company=(company or "").strip() or None,
                        location=(location or "").strip() or None,
                        remote=None if not remote else remote == "true",
                        date_from=start, date_to=end, source=(source or "").strip() or None)


def _date(name: str, value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise ApiError(422, f"bad {name} {value!r}; use a real date like 2025-01-31") from None


MarketDep = Annotated[MarketParams, Depends(market_params)]


def posting_query(
    market: MarketDep,
    q: Annotated[str, Query(max_length=200, description="words in title or company")] = "",
    metric: Annotated[str | None, Query(
        max_length=200, description="a market metric, e.g. min_required=phd or skill=pytorch: "
                                    "the postings a report figure counts")] = None,
    min_required: Annotated[MinRequired | Blank | None, Query()] = None,
    preferred: Annotated[Level | Blank | None, Query(
        description="degree listed as preferred")] = None,
    skill: Annotated[str | None, Query(max_length=100, pattern=r"^[a-z0-9_+#.\-]*$",
                                       description="skill id")] = None,
    limit: Annotated[int, Query(ge=1, le=200)] = 50,
    offset: Annotated[int, Query(ge=0, le=10_000_000)] = 0,
) -> PostingQuery:
    metrics = [m for m in (metric,) if m and m.strip()]
    if min_required:
        metrics.append(f"min_required={min_required}")
    if preferred:
        metrics.append(f"preferred={preferred}")
    if skill:
        metrics.append(f"skill={skill}")
    return PostingQuery(q=q, filters=market.to_filters(), metrics=tuple(metrics),
                        limit=limit, offset=offset)


PostingQueryDep = Annotated[PostingQuery, Depends(posting_query)]
