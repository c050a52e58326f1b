"""``plan_for_resume``: read a résumé, audit it against the stored target postings, plan."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from mlepath.errors import AdviceError

from ._plan import Plan, make_plan

if TYPE_CHECKING:
    from mlepath.store import Store


def plan_for_resume(resume: str | Path, store: Store, *, weeks: int = 20,
                    hours_per_week: float = 10, path_id: str = "self-study",
                    filters: dict[str, Any] | None = None) -> Plan:
    """The plan for the person in ``resume`` against the postings matching ``filters``.

    :param filters: market filters (default: applied ML-engineer postings).
    """
    from mlepath.profile import audit_fit, load_targets, read_profile

    profile = read_profile(resume)
    targets = load_targets(store, filters or {"role": "ml_engineer", "focus": "applied"})
    if not len(targets):
        raise AdviceError("no stored postings match the target filters; ingest and extract "
                          "postings first (mlepath ingest ... && mlepath extract) or widen them")
    return make_plan(audit_fit(profile, targets), weeks, hours_per_week, path_id=path_id)
