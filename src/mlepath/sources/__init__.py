"""Readers: each turns one input format into ``Posting`` records. They never write to the store."""

from ._posting import Posting, content_hash, stable_id

__all__ = ["Posting", "content_hash", "stable_id"]
