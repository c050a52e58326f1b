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


def market_params(
    role: Annotated[Role | None, Query(description="role family")] = None,
    focus: Annotated[Focus | None, Query(description="ML focus")] = None,
    seniority: Annotated[Seniority | None, Query()] = None,
    company: Annotated[str | None, Query(max_length=200)] = None,
    location: Annotated[str | None, Query(max_length=200,
                                          description="substring, e.g. 'CA'")] = None,
    remote: Annotated[bool | None, Query()] = None,
    date_from: Annotated[dt.date | None, Query(description="inclusive, YYYY-MM-DD")] = None,
    date_to: Annotated[dt.date | None, Query(description="inclusive, YYYY-MM-DD")] = None,
    source: Annotated[str | None, Query(max_length=100)] = None,
) -> MarketParams:
    if date_from and date_to and date_from > date_to:
        raise ApiError(422, f"date range is empty: date_from {date_from} is after "
                            f"date_to {date_to}; swap them")
    return MarketParams(role=role, focus=focus, seniority=seniority,
                        company=company or None, location=location or None, remote=remote,
                        date_from=date_from, date_to=date_to, source=source or None)


MarketDep = Annotated[MarketParams, Depends(market_params)]


def posting_query(
    market: MarketDep,
    q: Annotated[str, Query(max_length=200, description="words in title or company")] = "",
    metric: Annotated[str | None, Query(
        max_length=200, description="a market metric, e.g. min_required=phd or skill=pytorch: "
                                    "the postings a report figure counts")] = None,
    min_required: Annotated[MinRequired | None, Query()] = None,
    preferred: Annotated[Level | None, Query(description="degree listed as preferred")] = None,
    skill: Annotated[str | None, Query(max_length=100, pattern=r"^[a-z0-9_+#.\-]+$",
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
