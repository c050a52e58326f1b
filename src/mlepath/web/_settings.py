"""Server settings; the ``mlepath serve`` options map onto these."""

from __future__ import annotations

from dataclasses import dataclass

from ._security import DEFAULT_UPLOAD_LIMIT


@dataclass(frozen=True)
class WebSettings:
    writable: bool = False  # ingest through the API needs a writable store
    max_upload_bytes: int = DEFAULT_UPLOAD_LIMIT
