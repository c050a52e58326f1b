"""The exceptions mlepath raises, in one tree.

    MlepathError                 base: the CLI prints its message and exits 1
    ├── SourceError              a file or feed cannot be read (bad format, missing column, ...)
    │   └── FetchError           a live job-board request failed after its retries
    ├── ExtractError             extraction was asked for something impossible (bad option)
    ├── StoreError               the DuckDB store cannot be opened or written
    ├── ProfileError             a résumé or profile cannot be read
    └── AdviceError              bad advice / ROI / plan inputs

Messages name the bad value and the next step, e.g.
"unknown format 'lnkdin'; choose one of: ashby, greenhouse, ...".
"""

from __future__ import annotations


class MlepathError(Exception):
    """Base class of every error mlepath raises on purpose."""


class SourceError(MlepathError):
    """An input file or feed cannot be read."""


class FetchError(SourceError):
    """A live job-board request failed after its retries."""


class ExtractError(MlepathError):
    """Extraction was given impossible options."""


class StoreError(MlepathError):
    """The DuckDB store cannot be opened, migrated or written."""


class ProfileError(MlepathError):
    """A résumé or profile cannot be read."""


class AdviceError(MlepathError):
    """Advice, ROI or plan inputs are invalid."""


__all__ = [
    "AdviceError",
    "ExtractError",
    "FetchError",
    "MlepathError",
    "ProfileError",
    "SourceError",
    "StoreError",
]
