"""Shares with 95% Wilson score intervals; a share over fewer than ``THIN_N`` postings is thin."""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

THIN_N = 30  # shares over fewer postings are marked thin (and claims get insufficient_data)


def wilson(count: int, n: int, z: float = 1.96) -> tuple[float, float]:
    """The Wilson score interval for ``count`` successes in ``n`` trials.

    With p = count/n: centre = (p + z²/2n) / (1 + z²/n) and
    half-width = z / (1 + z²/n) · sqrt(p(1-p)/n + z²/4n²). ``n == 0`` gives (0, 1): no information.
    """
    if n < 0 or count < 0 or count > n:
        raise ValueError(f"wilson needs 0 <= count <= n, got count={count}, n={n}")
    if n == 0:
        return (0.0, 1.0)
    p = count / n
    z2 = z * z
    denom = 1 + z2 / n
    centre = (p + z2 / (2 * n)) / denom
    half = z / denom * math.sqrt(p * (1 - p) / n + z2 / (4 * n * n))
    # exact at the edges (count 0 or n), where float rounding would give 1e-17 or 0.99999...
    lo = 0.0 if count == 0 else max(0.0, centre - half)
    hi = 1.0 if count == n else min(1.0, centre + half)
    return (lo, hi)


@dataclass(frozen=True)
class Share:
    """``count`` of ``n`` postings match ``metric`` (within the subgroup ``by``)."""

    metric: str
    count: int
    n: int
    by: dict[str, str] = field(default_factory=dict)

    @property
    def share(self) -> float | None:
        return self.count / self.n if self.n else None

    @property
    def ci95(self) -> tuple[float, float]:
        return wilson(self.count, self.n)

    @property
    def thin(self) -> bool:
        return self.n < THIN_N

    def to_dict(self) -> dict[str, Any]:
        s = self.share
        lo, hi = self.ci95
        return {"metric": self.metric, "share": None if s is None else round(s, 4),
                "count": self.count, "n": self.n, "ci95": [round(lo, 4), round(hi, 4)],
                "thin": self.thin, "by": dict(self.by)}
