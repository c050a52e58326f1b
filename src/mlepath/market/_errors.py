"""The error the market stage raises for bad filters, metrics and claims files."""

from __future__ import annotations

from mlepath.errors import MlepathError


class MarketError(MlepathError):
    """A report was asked for something impossible (unknown metric, bad filter value, ...)."""
