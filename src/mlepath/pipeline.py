"""The main job end to end: ingest → extract → store, as library calls the CLI and web share.

    from mlepath.pipeline import extract_store
    with Store("jobs.duckdb") as store:
        extract_store(store)            # extracts only postings whose stored version is older
"""

from __future__ import annotations

from collections.abc import Callable

from mlepath.extract import EXTRACTOR_VERSION, extract_posting
from mlepath.store import Store


def extract_store(store: Store, *, force: bool = False, batch_size: int = 2000,
                  on_progress: Callable[[int, int], None] | None = None) -> int:
    """Extract every stored posting that has no requirements at ``EXTRACTOR_VERSION``.

    ``force`` re-extracts everything. ``on_progress(done, total)`` is called after each batch.
    Returns the number of postings extracted.
    """
    if force:
        ids = [r["id"] for r in store.query("SELECT id FROM postings ORDER BY id")]
    else:
        ids = store.ids_needing_extraction(EXTRACTOR_VERSION)
    done = 0
    # The ids are fetched up front and each chunk is read completely before it is written:
    # a write on the store's connection would end a read still streaming from it.
    for start in range(0, len(ids), batch_size):
        chunk = ids[start:start + batch_size]
        postings = [p for batch in store.iter_postings(ids=chunk, batch_size=batch_size)
                    for p in batch]
        store.save_requirements((p.id, extract_posting(p)) for p in postings)
        done += len(postings)
        if on_progress is not None:
            on_progress(done, len(ids))
    return done


__all__ = ["extract_store"]
