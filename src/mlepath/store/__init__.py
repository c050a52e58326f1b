"""The DuckDB store: the only package that imports duckdb."""

from ._fit import FitMixin
from ._market import MarketMixin
from ._parquet import open_parquet_store
from ._postings import PostingsMixin, UpsertResult
from ._requirements import RequirementsMixin
from ._store import DEFAULT_DB_ENV, StoreBase, default_db_path


class Store(PostingsMixin, RequirementsMixin, MarketMixin, FitMixin, StoreBase):
    """One DuckDB store: ``Store(path)``, ``Store.memory()``, ``Store(path, read_only=True)``."""


__all__ = ["DEFAULT_DB_ENV", "Store", "UpsertResult", "default_db_path", "open_parquet_store"]
