"""Skills in a résumé, found with the same taxonomy as postings.

``default_skill_finder()`` wraps ``mlepath.extract``'s ``load_taxonomy`` + ``find_skills`` so a
person's skills and a posting's skills share ids. A finder is any ``text -> [(id, name,
category)]`` callable; tests inject a tiny one so they pin behaviour rather than taxonomy data.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache

from mlepath.extract import find_skills, load_taxonomy

# (id, display name, category) of one skill
SkillRef = tuple[str, str, str]
SkillFinder = Callable[[str], list[SkillRef]]


@lru_cache(maxsize=1)
def default_skill_finder() -> SkillFinder:
    """The postings' taxonomy as a finder (the taxonomy is loaded once)."""
    taxonomy = load_taxonomy()

    def find(text: str) -> list[SkillRef]:
        return [(m.id, m.name, m.category) for m in find_skills(text, taxonomy)]

    return find


def unique_ids(found: list[SkillRef]) -> tuple[str, ...]:
    """Skill ids in first-seen order, without repeats."""
    return tuple(dict.fromkeys(sid for sid, _, _ in found))
