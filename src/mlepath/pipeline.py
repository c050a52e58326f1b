"""The main job end to end: ingest → extract → store, as library calls the CLI and web share.

    from mlepath.pipeline import extract_store
    with Store("jobs.duckdb") as store:
        extract_store(store)            # extracts only postings whose stored version is older
"""

from __future__ import annotations

from collections.abc import Callable

from mlepath.extract import EXTRACTOR_VERSION, extract_posting
from mlepath.store import Store


def extract_store(store: Store, *, force: bool = False,
                  on_progress: Callable[[int, int], None] | None = None) -> int:
    """Extract every stored posting that has no requirements at ``EXTRACTOR_VERSION``.

    ``force`` re-extracts everything. ``on_progress(done, total)`` is called after each batch.
    Returns the number of postings extracted.
    """
    ids = None if force else store.ids_needing_extraction(EXTRACTOR_VERSION)
    total = store.count_postings() if ids is None else len(ids)
    done = 0
    if total == 0:
        return 0
    for batch in store.iter_postings(ids=ids):
        store.save_requirements((p.id, extract_posting(p)) for p in batch)
        done += len(batch)
        if on_progress is not None:
            on_progress(done, total)
    return done


__all__ = ["extract_store"]
