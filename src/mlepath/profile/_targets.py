"""The target postings of an audit, in a compact columnar form.

``TargetSet`` holds one Arrow array per column and codes skills as small integers into ``vocab``,
so an audit over 100,000 postings is a handful of vectorised Arrow kernels, not Python loops. Build one from
``(posting_id, title, company, Requirements)`` tuples (``TargetSet.from_requirements``), from a
store (``load_targets``), or from posting files (``targets_from_postings``).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pyarrow as pa

from mlepath.errors import ProfileError
from mlepath.extract import Requirements

if TYPE_CHECKING:
    from mlepath.store import Store

Target = tuple[str, str, str, Requirements]
# filter name → market view column (see ARCHITECTURE.md, the `market` view)
FILTER_KEYS = ("role", "focus", "seniority", "company", "location", "remote", "date_from",
               "date_to", "source")


_STR = pa.string()
_CODES = pa.list_(pa.int32())
_STRS = pa.list_(pa.string())


@dataclass
class TargetSet:
    """Target postings as Arrow columns; skill codes index ``vocab`` (id, name, category).

    ``required``/``preferred`` are lists of distinct skill codes per posting (a skill both required
    and preferred in one posting counts as required).
    """

    ids: pa.Array
    titles: pa.Array
    companies: pa.Array
    min_required: pa.Array
    preferred_levels: pa.ListArray
    equivalent_ok: pa.Array
    fields: pa.ListArray
    experience_min_years: pa.Array
    required: pa.ListArray
    preferred: pa.ListArray
    vocab: list[tuple[str, str, str]] = field(default_factory=list)

    def __len__(self) -> int:
        return len(self.ids)

    @classmethod
    def from_requirements(cls, targets: Iterable[Target]) -> TargetSet:
        """Columns from ``(posting_id, title, company, Requirements)`` tuples."""
        cols: dict[str, list[Any]] = {k: [] for k in (
            "ids", "titles", "companies", "min_required", "preferred_levels", "equivalent_ok",
            "fields", "experience_min_years", "required", "preferred")}
        vocab: list[tuple[str, str, str]] = []
        code: dict[str, int] = {}
        for pid, title, company, req in targets:
            req_codes: dict[int, None] = {}
            pref_codes: dict[int, None] = {}
            for s in req.skills:
                c = code.get(s.id)
                if c is None:
                    c = code[s.id] = len(vocab)
                    vocab.append((s.id, s.name, s.category))
                (req_codes if s.required else pref_codes)[c] = None
            for k, v in (("ids", pid), ("titles", title or ""), ("companies", company or ""),
                         ("min_required", req.min_required or "unspecified"),
                         ("preferred_levels", list(req.preferred_levels)),
                         ("equivalent_ok", bool(req.equivalent_experience_ok)),
                         ("fields", list(req.fields)),
                         ("experience_min_years", req.experience_min_years),
                         ("required", list(req_codes)),
                         ("preferred", [c for c in pref_codes if c not in req_codes])):
                cols[k].append(v)
        return cls(
            ids=pa.array(cols["ids"], _STR), titles=pa.array(cols["titles"], _STR),
            companies=pa.array(cols["companies"], _STR),
            min_required=pa.array(cols["min_required"], _STR),
            preferred_levels=pa.array(cols["preferred_levels"], _STRS),
            equivalent_ok=pa.array(cols["equivalent_ok"], pa.bool_()),
            fields=pa.array(cols["fields"], _STRS),
            experience_min_years=pa.array(cols["experience_min_years"], pa.float64()),
            required=pa.array(cols["required"], _CODES),
            preferred=pa.array(cols["preferred"], _CODES),
            vocab=vocab,
        )

    @classmethod
    def from_arrow(cls, table: pa.Table, vocab: Sequence[tuple[str, str, str]]) -> TargetSet:
        """From the store's result (``Store.fit_target_table``); list columns must not be null."""
        def col(name: str, typ: pa.DataType) -> Any:
            return table.column(name).combine_chunks().cast(typ)

        return cls(
            ids=col("posting_id", _STR), titles=col("title", _STR),
            companies=col("company", _STR), min_required=col("min_required", _STR),
            preferred_levels=col("preferred_levels", _STRS),
            equivalent_ok=col("equivalent_experience_ok", pa.bool_()),
            fields=col("fields", _STRS),
            experience_min_years=col("experience_min_years", pa.float64()),
            required=col("required", _CODES), preferred=col("preferred", _CODES),
            vocab=list(vocab),
        )


def filters_dict(filters: Any = None, **kwargs: Any) -> dict[str, Any]:
    """Market filters as ``{name: value}``: from a ``mlepath.market.Filters``-like object
    (any object with these attributes, or a mapping) plus keyword overrides; ``None`` dropped."""
    out: dict[str, Any] = {}
    if filters is not None and hasattr(filters, "to_store"):  # mlepath.market.Filters
        out.update(filters.to_store())
    elif filters is not None:
        for key in FILTER_KEYS:
            value = filters.get(key) if isinstance(filters, Mapping) else getattr(filters, key, None)
            if value is not None:
                out[key] = value
    for key, value in kwargs.items():
        if key not in FILTER_KEYS:
            raise ProfileError(f"unknown target filter {key!r}; choose from: "
                               f"{', '.join(FILTER_KEYS)}")
        if value is not None:
            out[key] = value
    return out


def load_targets(store: Store, filters: Any = None, *, cache: bool = True,
                 **kwargs: Any) -> TargetSet:
    """The stored postings matching the market filters, as a ``TargetSet``.

        targets = load_targets(store, role="ml_engineer", focus="applied")

    :param filters: a ``mlepath.market.Filters`` (or any object/mapping with its field names).
    :param kwargs: the same fields as keywords (role, focus, seniority, company, location, remote,
        date_from, date_to, source); they override ``filters``.
    :param cache: reuse the columns of an earlier call with the same filters while the store's
        data is unchanged (the store checks); False always queries.
    """
    table, vocab = store.fit_target_table(filters_dict(filters, **kwargs), use_cache=cache)
    return TargetSet.from_arrow(table, vocab)


def targets_from_postings(path: str | Path) -> TargetSet:
    """Read postings from a file or folder and extract their requirements in memory.

    Nothing is written anywhere: this is the "ten postings I saved myself" route.
    """
    from mlepath.extract import extract_posting
    from mlepath.sources import read_path

    p = Path(path)
    if not p.exists():
        raise ProfileError(f"no postings at {p}; give a postings file or a folder of them")
    targets: list[Target] = []
    seen: set[str] = set()
    for posting in read_path(p):
        if posting.id in seen:
            continue
        seen.add(posting.id)
        targets.append((posting.id, posting.title, posting.company, extract_posting(posting)))
    if not targets:
        raise ProfileError(f"no postings could be read from {p}; give JSON, CSV, HTML or text "
                           "postings (see docs/ingest.md)")
    return TargetSet.from_requirements(targets)
