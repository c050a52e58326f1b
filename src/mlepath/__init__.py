"""mlepath: what ML-engineering job postings really require, measured on real postings."""

from mlepath.errors import MlepathError

__version__ = "0.1.0"

__all__ = ["MlepathError", "__version__"]
