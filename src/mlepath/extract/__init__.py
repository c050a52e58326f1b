"""Extraction: pure functions from posting text to ``Requirements``. No I/O."""

# First: picks the mypyc-compiled modules, or their .py when the build is stale (see _build).
from mlepath._build import compiled

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
from ._salary import extract_salary
from ._skills import SkillMention, find_skills
from ._taxonomy import Taxonomy, load_taxonomy

__all__ = [
    "DEGREE_LEVELS",
    "DEGREE_RANK",
    "EXTRACTOR_VERSION",
    "FIELDS_OF_STUDY",
    "ML_FOCUS_VALUES",
    "ROLE_FAMILIES",
    "SENIORITY_VALUES",
    "SKILL_CATEGORIES",
    "EvalReport",
    "Evidence",
    "Requirements",
    "Salary",
    "SkillHit",
    "SkillMention",
    "Taxonomy",
    "compiled",
    "evaluate",
    "extract_posting",
    "extract_requirements",
    "extract_salary",
    "find_skills",
    "load_taxonomy",
]
