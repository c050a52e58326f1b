"""Extraction: pure functions from posting text to ``Requirements``. No I/O."""

from ._model import (
    DEGREE_LEVELS,
    DEGREE_RANK,
    FIELDS_OF_STUDY,
    ML_FOCUS_VALUES,
    ROLE_FAMILIES,
    SENIORITY_VALUES,
    SKILL_CATEGORIES,
    Evidence,
    Requirements,
    Salary,
    SkillHit,
)

__all__ = [
    "DEGREE_LEVELS",
    "DEGREE_RANK",
    "FIELDS_OF_STUDY",
    "ML_FOCUS_VALUES",
    "ROLE_FAMILIES",
    "SENIORITY_VALUES",
    "SKILL_CATEGORIES",
    "Evidence",
    "Requirements",
    "Salary",
    "SkillHit",
]
