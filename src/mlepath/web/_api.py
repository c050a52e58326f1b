"""The JSON API under ``/api``. Each route calls one library function and returns its
result's ``to_dict()``: the same document the CLI prints with ``--format json``."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Path

from ._deps import PostingQueryDep, SettingsDep, StoreDep
from ._errors import ERROR_RESPONSES, ApiError
from ._queries import search_postings
from ._serialise import posting_dict

router = APIRouter(prefix="/api", responses=ERROR_RESPONSES)


@router.get("/stats", tags=["postings"], summary="What the store holds")
def stats(store: StoreDep, settings: SettingsDep) -> dict[str, Any]:
    """Counts of stored postings (by source, duplicates) and whether ingest is enabled."""
    return {**store.posting_stats(), "writable": settings.writable}


@router.get("/postings", tags=["postings"], summary="Search stored postings")
def postings(store: StoreDep, query: PostingQueryDep) -> dict[str, Any]:
    """Postings matching the filters, newest first: ``{"n": total, "postings": [...]}``.

    Filters on extracted values (role, focus, seniority, min_required, preferred, skill) are
    the click-through behind a market figure.
    """
    total, rows = search_postings(store, query)
    return {"n": total, "limit": query.limit, "offset": query.offset, "postings": rows}


@router.get("/postings/{posting_id}", tags=["postings"], summary="One posting")
def posting(store: StoreDep,
            posting_id: Annotated[str, Path(max_length=300)]) -> dict[str, Any]:
    """The posting's text and its newest extracted requirements (with evidence offsets)."""
    found = store.get_posting(posting_id)
    if found is None:
        raise ApiError(404, f"no posting {posting_id!r}; search with GET /api/postings")
    return posting_dict(found, store.get_requirements(found.id))
