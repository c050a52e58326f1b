"""Queries the fit audit needs: target postings' requirements and skills, fast."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ._store import StoreBase

    _Base = StoreBase
else:
    _Base = object


class FitMixin(_Base):
    pass
