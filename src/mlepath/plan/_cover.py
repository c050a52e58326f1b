"""Greedy weighted set cover: the fewest projects that cover the most demanded missing skills.

Each round picks the project whose not-yet-covered skills carry the largest total weight
(weight = the share of target postings asking for the skill); ties go to the project with fewer
hours, then to the id. Rounds stop when no project covers any remaining weight. Greedy set cover
is within a factor ln(k)+1 of the smallest cover (k = skills per project) and exact on the
usual small cases; the tests check it on constructed ones.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from ._catalogue import Project


@dataclass(frozen=True, slots=True)
class CoverStep:
    project: Project
    covers: tuple[str, ...]  # the newly covered missing skills, most demanded first
    weight: float            # their summed weight


def greedy_cover(weights: Mapping[str, float], projects: Iterable[Project]) -> list[CoverStep]:
    """The projects chosen, in order, with what each newly covers."""
    remaining = {skill: w for skill, w in weights.items() if w > 0}
    pool: Sequence[Project] = list(projects)
    steps: list[CoverStep] = []
    while remaining and pool:
        def gain(p: Project) -> float:
            return sum(remaining.get(s, 0.0) for s in p.skills)

        best = min(pool, key=lambda p: (-gain(p), p.hours, p.id))
        weight = gain(best)
        if weight <= 0:
            break
        covers = tuple(sorted((s for s in best.skills if s in remaining),
                              key=lambda s: (-remaining[s], s)))
        steps.append(CoverStep(best, covers, weight))
        for s in covers:
            del remaining[s]
        pool = [p for p in pool if p is not best]
    return steps
