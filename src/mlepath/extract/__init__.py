"""Extraction: pure functions from posting text to ``Requirements``. No I/O."""

from ._combine import EXTRACTOR_VERSION, extract_posting, extract_requirements
from ._evaluate import EvalReport, evaluate
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
    "EXTRACTOR_VERSION",
    "EvalReport",
    "evaluate",
    "extract_posting",
    "extract_requirements",
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
