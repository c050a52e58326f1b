"""Market queries over the ``market`` view (used by market/, profile/, advise/)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ._store import StoreBase

    _Base = StoreBase
else:
    _Base = object


class MarketMixin(_Base):
    pass
