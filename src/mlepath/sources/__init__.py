"""Readers: each turns one input format into ``Posting`` records. They never write to the store.

    from mlepath.sources import read_path
    for posting in read_path("jobs.csv", mapping={"description": "job_description"}):
        ...

``SOURCES`` maps each format name to its reader; ``read_path`` detects the format of each file
(or takes ``format=``) and reports bad records through ``on_error``; ``fetch_board`` reads a
live public job board; ``sample_path()`` is the small sample of real postings shipped with
mlepath.
"""

from ._detect import SOURCES, detect_format, read_path
from ._fetch import BOARDS, FetchResult, default_cache_dir, fetch_board
from ._html import html_to_text, normalise_text
from ._posting import Posting, content_hash, stable_id
from ._records import MAX_DESCRIPTION_CHARS, BadRecord, OnError
from ._sample import sample_path

__all__ = [
    "BOARDS",
    "MAX_DESCRIPTION_CHARS",
    "SOURCES",
    "BadRecord",
    "FetchResult",
    "OnError",
    "Posting",
    "content_hash",
    "default_cache_dir",
    "detect_format",
    "fetch_board",
    "html_to_text",
    "normalise_text",
    "read_path",
    "sample_path",
    "stable_id",
]
