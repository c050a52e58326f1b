"""Published claims checked against the data.

Each claim in ``data/claims.yaml`` names a population (``Filters``), a metric and the claimed
value or range. The verdict compares the claim with the measured share's 95% Wilson interval:

- ``insufficient_data``: fewer than ``MIN_N`` postings in the population (n < 30);
- ``consistent``: the claimed range [low, high] (a point is [x, x]) overlaps the interval;
- ``contradicted``: it does not.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml

from ._errors import MarketError
from ._filters import Filters
from ._metrics import parse_metric
from ._wilson import THIN_N, Share

if TYPE_CHECKING:
    from mlepath.store import Store

MIN_N = THIN_N  # below this many postings a claim is not judged
VERDICTS = ("consistent", "contradicted", "insufficient_data")


@dataclass(frozen=True)
class Claim:
    id: str
    text: str
    source: str  # the citation
    metric: str
    claimed: tuple[float, float]
    population: Filters
    reading: str = ""
    rule: str = ""


@dataclass(frozen=True)
class ClaimNote:
    id: str
    text: str
    claims: tuple[str, ...]


@dataclass(frozen=True)
class ClaimResult:
    claim: Claim
    count: int
    n: int
    measured: float | None
    ci95: tuple[float, float]
    verdict: str
    notes: tuple[str, ...] = field(default_factory=tuple)

    def to_dict(self) -> dict[str, Any]:
        """One entry of the ``mlepath claims --format json`` document."""
        c = self.claim
        return {
            "id": c.id, "text": c.text, "source": c.source, "metric": c.metric,
            "population": c.population.to_dict(), "reading": c.reading, "rule": c.rule,
            "claimed": [c.claimed[0], c.claimed[1]],
            "measured": None if self.measured is None else round(self.measured, 4),
            "ci95": [round(self.ci95[0], 4), round(self.ci95[1], 4)],
            "count": self.count, "n": self.n, "verdict": self.verdict,
            "notes": list(self.notes),
        }


def verdict(claimed: tuple[float, float], ci95: tuple[float, float], n: int,
            min_n: int = MIN_N) -> str:
    """``insufficient_data`` if n < min_n, else ``consistent`` when [low, high] overlaps ci95."""
    if n < min_n:
        return "insufficient_data"
    low, high = claimed
    return "consistent" if low <= ci95[1] and high >= ci95[0] else "contradicted"


def _claimed(cid: str, value: Any) -> tuple[float, float]:
    try:
        if isinstance(value, list | tuple):
            low, high = (float(v) for v in value)
        else:
            low = high = float(value)
    except (TypeError, ValueError):
        raise MarketError(f"claim {cid!r}: claimed must be a number or [low, high], "
                          f"got {value!r}") from None
    if not 0.0 <= low <= high <= 1.0:
        raise MarketError(f"claim {cid!r}: claimed {value!r} must be shares in [0, 1], low first")
    return (low, high)


def load_claims(path: str | Path | None = None) -> tuple[list[Claim], list[ClaimNote]]:
    """The claims (and notes) of ``path``, else of the packaged ``data/claims.yaml``."""
    if path is None:
        text = resources.files("mlepath.market").joinpath("data/claims.yaml").read_text("utf-8")
    else:
        try:
            text = Path(path).read_text("utf-8")
        except OSError as exc:
            raise MarketError(f"cannot read claims file {path}: {exc.strerror}") from None
    try:
        doc = yaml.safe_load(text) or {}
    except yaml.YAMLError as exc:
        raise MarketError(f"claims file {path or 'claims.yaml'} is not valid YAML: {exc}") from None
    sources = {k: v.get("citation", k) for k, v in (doc.get("sources") or {}).items()}
    default_pop = (doc.get("defaults") or {}).get("population") or {}
    claims: list[Claim] = []
    for raw in doc.get("claims") or []:
        cid = str(raw.get("id") or "?")
        for key in ("text", "metric", "claimed"):
            if key not in raw:
                raise MarketError(f"claim {cid!r} has no {key!r}; see docs/market.md")
        parse_metric(raw["metric"])  # fail early on a bad metric
        claims.append(Claim(
            id=cid, text=str(raw["text"]), source=sources.get(raw.get("source"),
                                                                str(raw.get("source") or "")),
            metric=str(raw["metric"]), claimed=_claimed(cid, raw["claimed"]),
            population=Filters.from_mapping(raw.get("population") or default_pop),
            reading=str(raw.get("reading") or ""), rule=str(raw.get("rule") or "")))
    notes = [ClaimNote(id=str(n["id"]), text=" ".join(str(n["text"]).split()),
                       claims=tuple(n.get("claims") or ())) for n in doc.get("notes") or []]
    return claims, notes


def check_claims(store: Store, filters: Filters | None = None, *,
                 path: str | Path | None = None) -> list[ClaimResult]:
    """Every claim measured on ``store``: count, n, share, Wilson interval and verdict.

    All claims are counted in one pass over the market view (``Store.market_counts``).

    ``filters`` narrows every claim's population further (e.g. a source or date range); the
    claim's own population fields win where both are set.
    """
    claims, notes = load_claims(path)
    specs = []
    for claim in claims:
        population = claim.population.merged(filters) if filters else claim.population
        metric = parse_metric(claim.metric)
        specs.append((population.to_store(), metric.numerator, metric.given))
    results = []
    for claim, (count, n) in zip(claims, store.market_counts(specs), strict=True):
        s = Share(claim.metric, count, n)
        results.append(ClaimResult(
            claim=claim, count=s.count, n=s.n, measured=s.share, ci95=s.ci95,
            verdict=verdict(claim.claimed, s.ci95, s.n),
            notes=tuple(n.text for n in notes if claim.id in n.claims)))
    return results


def claims_notes(path: str | Path | None = None) -> list[ClaimNote]:
    """The notes of the claims file (e.g. that two claims cannot both hold)."""
    return load_claims(path)[1]


def claims_to_dict(results: list[ClaimResult], path: str | Path | None = None) -> dict[str, Any]:
    """The ``mlepath claims --format json`` document: ``{"claims": [...], "notes": [...]}``."""
    return {"claims": [r.to_dict() for r in results],
            "notes": [{"id": n.id, "text": n.text, "claims": list(n.claims)}
                      for n in claims_notes(path)]}
