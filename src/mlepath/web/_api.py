"""The JSON API under ``/api``. Each route calls one library function and returns its
result's ``to_dict()``: the same document the CLI prints with ``--format json``."""

from __future__ import annotations

import tempfile
from pathlib import Path as FilePath
from typing import Annotated, Any

from fastapi import APIRouter, File, Form, Path, Request, UploadFile
from pydantic import BaseModel, Field

from mlepath.extract import extract_requirements
from mlepath.pipeline import extract_store
from mlepath.sources import BadRecord, read_path

from ._cache import cached
from ._deps import PostingQueryDep, SettingsDep, StoreDep
from ._errors import ERROR_RESPONSES, ApiError
from ._queries import find_posting, search_postings
from ._security import POSTINGS_KINDS, check_upload
from ._serialise import posting_dict

router = APIRouter(prefix="/api", responses=ERROR_RESPONSES)


@router.get("/stats", tags=["postings"], summary="What the store holds")
def stats(store: StoreDep, settings: SettingsDep) -> dict[str, Any]:
    """Counts of stored postings (by source, duplicates) and whether ingest is enabled."""
    return {**store.posting_stats(), "writable": settings.writable}


@router.get("/postings", tags=["postings"], summary="Search stored postings")
def postings(request: Request, store: StoreDep, query: PostingQueryDep) -> dict[str, Any]:
    """Postings matching the filters, newest first: ``{"n": total, "postings": [...]}``.

    Filters on extracted values (role, focus, seniority, min_required, preferred, skill) are
    the click-through behind a market figure.
    """
    total, rows = cached(request, query.key(), lambda: search_postings(store, query))
    return {"n": total, "limit": query.limit, "offset": query.offset, "postings": rows}


@router.get("/postings/{posting_id}", tags=["postings"], summary="One posting")
def posting(store: StoreDep,
            posting_id: Annotated[str, Path(max_length=300)]) -> dict[str, Any]:
    """The posting's text and its newest extracted requirements (with evidence offsets)."""
    found = find_posting(store, posting_id)
    if found is None:
        raise ApiError(404, f"no posting {posting_id!r}; search with GET /api/postings")
    return posting_dict(found, store.get_requirements(found.id))


class ExtractRequest(BaseModel):
    """Posting text to extract requirements from (nothing is stored)."""

    text: str = Field(max_length=2_000_000, description="the posting's description text")
    title: str = Field("", max_length=500, description="the job title, if known")


@router.post("/extract", tags=["extract"], summary="Extract requirements from text")
def extract(body: ExtractRequest) -> dict[str, Any]:
    """Text in, requirements out: the object ``mlepath extract --out`` writes per posting
    (education, experience, role, seniority, skills, salary, evidence offsets into ``text``)."""
    return extract_requirements(body.text, title=body.title).to_dict()


@router.post("/ingest", tags=["postings"], summary="Store the postings in an uploaded file")
def ingest(request: Request, store: StoreDep, settings: SettingsDep,
           file: Annotated[UploadFile, File(description="CSV/TSV, JSON/JSONL, HTML, text or "
                                                        "Parquet file of postings")],
           format: Annotated[str | None, Form(max_length=40, description="reader name; "
                                              "detected from the file when empty")] = None,
           ) -> dict[str, Any]:
    """Read the file with the same readers as ``mlepath ingest``, store new postings and
    extract their requirements. Needs a server started with ``--writable`` (409 otherwise).

    Answer: ``{"read", "stored", "unchanged", "duplicates", "near_duplicates", "extracted",
    "bad_records": [{"record", "reason"}]}``.
    """
    if not settings.writable:
        raise ApiError(409, "this server opened the store read-only; restart it with "
                            "`mlepath serve --writable` to ingest over HTTP, or run "
                            "`mlepath ingest FILE` while it is stopped")
    upload = check_upload(file.filename, file.file.read(settings.max_upload_bytes + 1),
                          POSTINGS_KINDS, settings.max_upload_bytes)
    bad: list[BadRecord] = []
    # The readers take a path, so the bytes go to a private temporary directory under a name
    # the server chooses (only the checked extension is kept); it is deleted on return.
    with tempfile.TemporaryDirectory(prefix="mlepath-upload-") as tmp:
        path = FilePath(tmp) / f"upload{upload.suffix}"
        path.write_bytes(upload.data)
        result = store.upsert_postings(read_path(path, format or None, on_error=bad.append),
                                       source_file=upload.filename)
    extracted = extract_store(store)  # the new postings, and any left by an older extractor
    request.app.state.cache.clear()  # figures change with the new postings
    return {"read": result.read, "stored": result.stored, "unchanged": result.unchanged,
            "duplicates": result.duplicates, "near_duplicates": result.near_duplicates,
            "extracted": extracted,
            "bad_records": [{"record": b.record,
                             "reason": b.reason.replace(str(path), upload.filename)}
                            for b in bad[:100]]}
