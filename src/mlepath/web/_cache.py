"""A small in-process cache of JSON documents, valid while the store cannot change.

A server that opened its store read-only sees the same postings for its whole life (DuckDB lets
no other process write the file meanwhile), so a report computed for one filter is the answer
for every later request with that filter. A writable server clears the cache after each ingest.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Any, TypeVar

from fastapi import Request

MAX_ENTRIES = 256
T = TypeVar("T")


class DocumentCache:
    """LRU of ``key -> document``; thread-safe (endpoints run in a thread pool)."""

    def __init__(self, max_entries: int = MAX_ENTRIES) -> None:
        self.max_entries = max_entries
        self._items: OrderedDict[Hashable, Any] = OrderedDict()
        self._lock = threading.Lock()

    def get_or_compute(self, key: Hashable, compute: Callable[[], Any]) -> Any:
        with self._lock:
            if key in self._items:
                self._items.move_to_end(key)
                return self._items[key]
        value = compute()  # outside the lock: two first requests may both compute; harmless
        with self._lock:
            self._items[key] = value
            while len(self._items) > self.max_entries:
                self._items.popitem(last=False)
        return value

    def clear(self) -> None:
        with self._lock:
            self._items.clear()


def cached(request: Request, key: Hashable, compute: Callable[[], T]) -> T:
    """``compute()``'s value for ``key``, computed once per app (until the cache is cleared)."""
    cache: DocumentCache = request.app.state.cache
    value: T = cache.get_or_compute(key, compute)
    return value
